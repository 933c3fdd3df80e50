// Device operations on one anchor, mirroring II's `Anchor` (storage/anchor.rs): every change is
// checked against the device and anchor rules, and a protected device can only be changed or
// removed by a caller authenticated with that very device.
import { Principal } from '@dfinity/principal';
import { checkAnchorInvariants, checkDeviceInvariants, sameKey, type Device } from './device';
import { err, ok, type AnchorError, type Result } from './errors';
import type { IdentityExtras } from './identity-state';

export interface Anchor extends IdentityExtras {
	readonly number: bigint;
	readonly devices: readonly Device[];
	readonly createdAt: bigint;
}

/** The principal a device authenticates as: self-authenticating from its DER public key. */
export function devicePrincipal(device: Pick<Device, 'pubkey'>): Principal {
	return Principal.selfAuthenticating(device.pubkey);
}

/** The device of the anchor whose key the caller is signing with, if any. */
export function authorizingDevice(anchor: Anchor, caller: Principal): Device | undefined {
	const text = caller.toText();
	return anchor.devices.find((d) => devicePrincipal(d).toText() === text);
}

function indexOfKey(anchor: Anchor, key: Uint8Array): Result<number, AnchorError> {
	const index = anchor.devices.findIndex((d) => sameKey(d.pubkey, key));
	return index < 0 ? err({ kind: 'NotFound', deviceKey: key }) : ok(index);
}

function checkMutationAllowed(device: Device, caller: Principal): AnchorError | undefined {
	if (device.protection === 'unprotected') return undefined;
	const authorized = devicePrincipal(device);
	if (authorized.toText() === caller.toText()) return undefined;
	return { kind: 'MutationNotAllowed', authorizedPrincipal: authorized, actualPrincipal: caller };
}

function withDevices(anchor: Anchor, devices: readonly Device[]): Anchor {
	return { ...anchor, devices };
}

export function addDevice(anchor: Anchor, device: Device): Result<Anchor, AnchorError> {
	if (anchor.devices.some((d) => sameKey(d.pubkey, device.pubkey))) {
		return err({ kind: 'DuplicateDevice', deviceKey: device.pubkey });
	}
	const invalid = checkDeviceInvariants(device);
	if (invalid) return err(invalid);
	const devices = [...anchor.devices, device];
	const inconsistent = checkAnchorInvariants(devices);
	return inconsistent ? err(inconsistent) : ok(withDevices(anchor, devices));
}

/** Removes a device. Like II, does not check anchor invariants: removal must always be possible. */
export function removeDevice(
	anchor: Anchor,
	key: Uint8Array,
	caller: Principal
): Result<Anchor, AnchorError> {
	const index = indexOfKey(anchor, key);
	if (!index.ok) return index;
	const locked = checkMutationAllowed(anchor.devices[index.value] as Device, caller);
	if (locked) return err(locked);
	return ok(
		withDevices(
			anchor,
			anchor.devices.filter((_, i) => i !== index.value)
		)
	);
}

/** Replaces the device with key `key` by `modified`, which must keep the same key. */
export function modifyDevice(
	anchor: Anchor,
	key: Uint8Array,
	modified: Device,
	caller: Principal
): Result<Anchor, AnchorError> {
	if (!sameKey(key, modified.pubkey)) return err({ kind: 'CannotModifyDeviceKey' });
	const invalid = checkDeviceInvariants(modified);
	if (invalid) return err(invalid);
	const index = indexOfKey(anchor, key);
	if (!index.ok) return index;
	const locked = checkMutationAllowed(anchor.devices[index.value] as Device, caller);
	if (locked) return err(locked);
	const devices = anchor.devices.map((d, i) => (i === index.value ? modified : d));
	const inconsistent = checkAnchorInvariants(devices);
	return inconsistent ? err(inconsistent) : ok(withDevices(anchor, devices));
}

/** Sets the last-usage time of the device with key `key` (no rule can be broken by this). */
export function recordUsage(anchor: Anchor, key: Uint8Array, now: bigint): Anchor {
	return withDevices(
		anchor,
		anchor.devices.map((d) => (sameKey(d.pubkey, key) ? { ...d, lastUsage: now } : d))
	);
}
