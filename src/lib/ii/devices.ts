// What the app shows of an anchor's devices: II's wire records turned into plain values, with
// the flags the sweep needs. Pure: no agent, no calls.
import type {
	DeviceData as DeviceDataValue,
	DeviceWithUsage as DeviceWithUsageValue,
	IdentityAnchorInfo as IdentityAnchorInfoValue,
	KeyType as KeyTypeValue,
	Opt
} from '@tessera/contract/internet-identity';
import { IiError } from './errors';
import type { WaysIn } from './ways-in';

export type KeyType =
	'unknown' | 'platform' | 'cross_platform' | 'seed_phrase' | 'browser_storage_key';
export type Purpose = 'authentication' | 'recovery';

export interface DeviceInfo {
	/** DER public key: the device's identity on the anchor (what `remove` takes). */
	readonly pubkey: Uint8Array;
	/** Hex of `pubkey`: a stable key for lists in the UI. */
	readonly id: string;
	readonly alias: string;
	readonly keyType: KeyType;
	/** Plain-language name of the key type, e.g. "Passkey (this device's platform)". */
	readonly kindLabel: string;
	readonly purpose: Purpose;
	readonly protected: boolean;
	/** The web origin the device was registered for (passkeys are bound to it). */
	readonly origin?: string;
	readonly credentialId?: Uint8Array;
	/** When the device last signed a call to II. II records no per-device creation time. */
	readonly lastUsage?: Date;
	/** The recovery phrase whose key signed the listing. */
	readonly isThisPhrase: boolean;
	/** The device whose key signed the listing (the phrase, or any other signer). */
	readonly isCaller: boolean;
}

export interface AnchorDevices {
	readonly anchor: bigint;
	/** When the anchor was created, if II knows: no device can be older. */
	readonly createdAt?: Date;
	readonly devices: readonly DeviceInfo[];
	/** The other ways in (II 2.0's identity_info); absent when the listing did not read them. */
	readonly waysIn?: WaysIn;
}

const kindLabels: Record<KeyType, string> = {
	seed_phrase: 'Recovery phrase',
	platform: "Passkey (this device's platform)",
	cross_platform: 'Security key or passkey on another device',
	browser_storage_key: 'Key stored in a browser',
	unknown: 'Passkey (type unknown)'
};

function keyTypeOf(value: KeyTypeValue): KeyType {
	return Object.keys(value)[0] as KeyType;
}

export function toBytes(value: Uint8Array | number[]): Uint8Array {
	return value instanceof Uint8Array ? value : Uint8Array.from(value);
}

/** II timestamps are nanoseconds since the Unix epoch. */
export function dateFromNanos(nanos: bigint): Date {
	return new Date(Number(nanos / 1_000_000n));
}

const optional = <T>(value: Opt<T>): T | undefined => value[0];

/** One wire device as the app sees it; `signerKey` is the DER key that signed the listing. */
export function describeDevice(device: DeviceWithUsageValue, signerKey: Uint8Array): DeviceInfo {
	const pubkey = toBytes(device.pubkey);
	const keyType = keyTypeOf(device.key_type);
	const isCaller = sameKey(pubkey, signerKey);
	const credentialId = optional(device.credential_id);
	const lastUsage = optional(device.last_usage);
	return {
		pubkey,
		id: toHex(pubkey),
		alias: device.alias,
		keyType,
		kindLabel: kindLabels[keyType],
		purpose: 'recovery' in device.purpose ? 'recovery' : 'authentication',
		protected: 'protected' in device.protection,
		origin: optional(device.origin),
		credentialId: credentialId === undefined ? undefined : toBytes(credentialId),
		lastUsage: lastUsage === undefined ? undefined : dateFromNanos(lastUsage),
		isThisPhrase: isCaller && keyType === 'seed_phrase',
		isCaller
	};
}

/** The anchor as `get_anchor_info` returned it, seen by the key `signerKey`. */
export function describeAnchor(
	anchor: bigint,
	info: IdentityAnchorInfoValue,
	signerKey: Uint8Array
): AnchorDevices {
	const createdAt = optional(info.created_at);
	return {
		anchor,
		createdAt: createdAt === undefined ? undefined : dateFromNanos(createdAt),
		devices: info.devices.map((d) => describeDevice(d, signerKey))
	};
}

/** The anchor's recovery phrase device, if the signer is it. */
export function thisPhrase(listing: AnchorDevices): DeviceInfo | undefined {
	return listing.devices.find((d) => d.isThisPhrase);
}

export function sameKey(a: Uint8Array, b: Uint8Array): boolean {
	return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

export function toHex(bytes: Uint8Array): string {
	return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The `update` that locks the signer's recovery phrase, or 'already protected'. Throws
 * IiError('InvalidRequest') if the signer is not this anchor's recovery phrase.
 */
export function lockedPhraseUpdate(
	info: IdentityAnchorInfoValue,
	signerKey: Uint8Array
): DeviceDataValue | 'already protected' {
	const device = info.devices.find((d) => sameKey(toBytes(d.pubkey), signerKey));
	if (!device || !('seed_phrase' in device.key_type)) {
		throw new IiError(
			'InvalidRequest',
			'the signing key is not the recovery phrase of this anchor',
			'Only the recovery phrase itself can be locked, and only by signing with it.'
		);
	}
	if ('protected' in device.protection) return 'already protected';
	// DeviceData has every field of the stored device but last_usage, which II keeps itself
	const { last_usage: _lastUsage, ...data } = device;
	return { ...data, protection: { protected: null } };
}
