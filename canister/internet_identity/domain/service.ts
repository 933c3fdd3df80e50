// The local Internet Identity: II's legacy device-management API (add, update, replace, remove,
// lookup, get_anchor_credentials, get_anchor_info), the v2 security-settings call and the
// recovery-phrase lookup, with II's authorization rules (main.rs, authz_utils.rs,
// anchor_management.rs). Returns typed errors; the canister decides trap vs. variant as II does.
import type { Principal } from '@dfinity/principal';
import {
	addDevice,
	authorizingDevice,
	devicePrincipal,
	modifyDevice,
	removeDevice,
	type Anchor
} from './anchor';
import { authorizingRoute, recordRouteUsage } from './routes';
import { sameKey, type Device, type Protection, type Purpose } from './device';
import { err, ok, type AnchorError, type DeviceOperation, type Result } from './errors';
import { openIdIndexKey, type AnchorStore } from './store';

/** Anchor numbers start at 10000 like II's; the upper end is this canister's own choice. */
export const ANCHOR_RANGE: readonly [bigint, bigint] = [10_000n, 10_000n + 1_000_000n];

export interface AnchorCredentials {
	credentials: { pubkey: Uint8Array; credentialId: Uint8Array }[];
	recoveryCredentials: { pubkey: Uint8Array; credentialId: Uint8Array }[];
	recoveryPhrases: Uint8Array[];
}

export interface SecuritySettings {
	protection: Protection;
	purpose: Purpose;
}

const failed = (operation: DeviceOperation, result: { error: AnchorError }): Result<never> =>
	err({ kind: 'DeviceOperationFailed', operation, error: result.error });

export class InternetIdentity {
	constructor(
		private readonly store: AnchorStore,
		private readonly range: readonly [bigint, bigint] = ANCHOR_RANGE
	) {}

	get anchorRange(): readonly [bigint, bigint] {
		return this.range;
	}

	/** Local development only (mainnet II has no such call): an anchor with these devices. */
	createAnchor(caller: Principal, devices: readonly Device[], now: bigint): Result<bigint> {
		const callerText = caller.toText();
		if (!devices.some((d) => devicePrincipal(d).toText() === callerText)) {
			return err({ kind: 'CallerNotADevice', principal: caller });
		}
		const number = this.range[0] + BigInt(this.store.count());
		if (number >= this.range[1]) return err({ kind: 'AnchorRangeExhausted', range: this.range });
		let anchor: Anchor = { number, devices: [], createdAt: now };
		for (const device of devices) {
			if (this.usedElsewhere(device.pubkey, number)) return err({ kind: 'PublicKeyAlreadyUsed' });
			const added = addDevice(anchor, { ...device, lastUsage: undefined });
			if (!added.ok) return failed('add', added);
			anchor = added.value;
		}
		this.save(undefined, anchor);
		return ok(number);
	}

	add(caller: Principal, anchorNumber: bigint, device: Device, now: bigint): Result<void> {
		const auth = this.authorize(caller, anchorNumber, now);
		if (!auth.ok) return auth;
		if (this.usedElsewhere(device.pubkey, anchorNumber)) {
			return err({ kind: 'PublicKeyAlreadyUsed' });
		}
		const added = addDevice(auth.value, { ...device, lastUsage: undefined });
		if (!added.ok) return failed('add', added);
		return this.commit(auth.value, added.value);
	}

	/** Overwrites the writable fields of the device with key `key`; its key cannot change. */
	update(
		caller: Principal,
		anchorNumber: bigint,
		key: Uint8Array,
		device: Device,
		now: bigint
	): Result<void> {
		const auth = this.authorize(caller, anchorNumber, now);
		if (!auth.ok) return auth;
		if (this.newKeyUsedElsewhere(key, device.pubkey, anchorNumber)) {
			return err({ kind: 'PublicKeyAlreadyUsed' });
		}
		const existing = auth.value.devices.find((d) => sameKey(d.pubkey, key));
		if (!existing) return err({ kind: 'DeviceToUpdateNotFound' });
		const modified = modifyDevice(
			auth.value,
			key,
			{ ...device, lastUsage: existing.lastUsage },
			caller
		);
		if (!modified.ok) return failed('modify', modified);
		return this.commit(auth.value, modified.value);
	}

	/** Atomically removes the device with key `key` and adds `device`. */
	replace(
		caller: Principal,
		anchorNumber: bigint,
		key: Uint8Array,
		device: Device,
		now: bigint
	): Result<void> {
		const auth = this.authorize(caller, anchorNumber, now);
		if (!auth.ok) return auth;
		if (this.newKeyUsedElsewhere(key, device.pubkey, anchorNumber)) {
			return err({ kind: 'PublicKeyAlreadyUsed' });
		}
		const removed = removeDevice(auth.value, key, caller);
		if (!removed.ok) return failed('replace', removed);
		const added = addDevice(removed.value, { ...device, lastUsage: undefined });
		if (!added.ok) return failed('replace', added);
		return this.commit(auth.value, added.value);
	}

	remove(caller: Principal, anchorNumber: bigint, key: Uint8Array, now: bigint): Result<void> {
		const auth = this.authorize(caller, anchorNumber, now);
		if (!auth.ok) return auth;
		const removed = removeDevice(auth.value, key, caller);
		if (!removed.ok) return failed('remove', removed);
		return this.commit(auth.value, removed.value);
	}

	/** Public: all devices, most recently used first, without the private alias and metadata. */
	lookup(anchorNumber: bigint): Device[] {
		const anchor = this.store.get(anchorNumber);
		if (!anchor) return [];
		return [...anchor.devices]
			.sort((a, b) => compareUsageDescending(a.lastUsage, b.lastUsage))
			.map((d) => ({ ...d, alias: '', metadata: undefined }));
	}

	/** Public: the credentials a client needs to sign in; unknown anchors have none. */
	getAnchorCredentials(anchorNumber: bigint): AnchorCredentials {
		const result: AnchorCredentials = {
			credentials: [],
			recoveryCredentials: [],
			recoveryPhrases: []
		};
		for (const d of this.store.get(anchorNumber)?.devices ?? []) {
			if (d.keyType === 'seed_phrase') result.recoveryPhrases.push(d.pubkey);
			else if (d.credentialId !== undefined) {
				const credential = { pubkey: d.pubkey, credentialId: d.credentialId };
				if (d.purpose === 'recovery') result.recoveryCredentials.push(credential);
				else result.credentials.push(credential);
			}
		}
		return result;
	}

	/** The full anchor, for a caller authenticated with one of its devices. */
	getAnchorInfo(caller: Principal, anchorNumber: bigint, now: bigint): Result<Anchor> {
		const auth = this.authorize(caller, anchorNumber, now);
		if (!auth.ok) return auth;
		this.store.put(auth.value);
		return ok(auth.value);
	}

	/** II's v2 `authn_method_security_settings_replace`: get_anchor_info, then update. */
	replaceSecuritySettings(
		caller: Principal,
		anchorNumber: bigint,
		key: Uint8Array,
		settings: SecuritySettings,
		now: bigint
	): Result<void> {
		const info = this.getAnchorInfo(caller, anchorNumber, now);
		if (!info.ok) return info;
		const device = info.value.devices.find((d) => sameKey(d.pubkey, key));
		if (!device) return err({ kind: 'AuthnMethodNotFound' });
		return this.update(caller, anchorNumber, key, { ...device, ...settings }, now);
	}

	/** The anchor whose recovery phrase the caller signs with, if any. */
	lookupCallerByRecoveryPhrase(caller: Principal): bigint | undefined {
		const anchorNumber = this.store.anchorOf(caller);
		if (anchorNumber === undefined) return undefined;
		const anchor = this.store.get(anchorNumber);
		const device = anchor && authorizingDevice(anchor, caller);
		return device?.keyType === 'seed_phrase' ? anchorNumber : undefined;
	}

	/** Sign-in (prepare_delegation): the caller must authorize as II's check_authorization; records the use. */
	authenticate(caller: Principal, anchorNumber: bigint, now: bigint): Result<void> {
		const auth = this.authorize(caller, anchorNumber, now);
		if (!auth.ok) return auth;
		this.store.put(auth.value);
		return ok(undefined);
	}

	/**
	 * Reads the anchor, checks the caller signs in through one of its routes (routes.ts: devices,
	 * OpenID credentials, recovery e-mail) and records that route's use.
	 */
	authorize(caller: Principal, anchorNumber: bigint, now: bigint): Result<Anchor> {
		const anchor = this.store.get(anchorNumber);
		if (!anchor) return err({ kind: 'AnchorNotFound', anchorNumber, range: this.range });
		const route = authorizingRoute(anchor, caller);
		if (!route) return err({ kind: 'Unauthorized', principal: caller });
		return ok(recordRouteUsage(anchor, route, now));
	}

	/** Writes an anchor read with `authorize` (the principal index follows its devices). */
	commitChange(before: Anchor, after: Anchor): Result<void> {
		return this.commit(before, after);
	}

	/** Whether a device key belongs to another anchor (II: passkeys are unique across anchors). */
	keyUsedElsewhere(pubkey: Uint8Array, anchorNumber: bigint): boolean {
		return this.usedElsewhere(pubkey, anchorNumber);
	}

	/** Whether an OpenID credential is linked to another anchor (II: one anchor per credential). */
	openIdUsedElsewhere(
		credential: { iss: string; sub: string; aud: string },
		anchorNumber: bigint
	): boolean {
		const owner = this.store.anchorOfOpenId(openIdIndexKey(credential));
		return owner !== undefined && owner !== anchorNumber;
	}

	/** The anchor as stored, without authorization (public reads only). */
	read(anchorNumber: bigint): Anchor | undefined {
		return this.store.get(anchorNumber);
	}

	/** A device whose key changes from `oldKey` to `newKey` must not take another anchor's key. */
	private newKeyUsedElsewhere(
		oldKey: Uint8Array,
		newKey: Uint8Array,
		anchorNumber: bigint
	): boolean {
		return !sameKey(oldKey, newKey) && this.usedElsewhere(newKey, anchorNumber);
	}

	private usedElsewhere(pubkey: Uint8Array, anchorNumber: bigint): boolean {
		const owner = this.store.anchorOf(devicePrincipal({ pubkey }));
		return owner !== undefined && owner !== anchorNumber;
	}

	private commit(before: Anchor, after: Anchor): Result<void> {
		this.save(before, after);
		return ok(undefined);
	}

	/** Writes the anchor and keeps the principal index in step with its devices. */
	private save(before: Anchor | undefined, after: Anchor): void {
		for (const d of before?.devices ?? []) {
			if (!after.devices.some((a) => sameKey(a.pubkey, d.pubkey))) {
				this.store.deleteAnchorOf(devicePrincipal(d));
			}
		}
		for (const d of after.devices) this.store.setAnchorOf(devicePrincipal(d), after.number);
		const linked = (anchor: Anchor | undefined) =>
			(anchor?.openidCredentials ?? []).map(openIdIndexKey);
		const kept = linked(after);
		for (const key of linked(before)) {
			if (!kept.includes(key)) this.store.deleteAnchorOfOpenId(key);
		}
		for (const key of kept) this.store.setAnchorOfOpenId(key, after.number);
		this.store.put(after);
	}
}

function compareUsageDescending(a: bigint | undefined, b: bigint | undefined): number {
	if (a === b) return 0;
	if (a === undefined) return 1;
	if (b === undefined) return -1;
	return a > b ? -1 : 1;
}
