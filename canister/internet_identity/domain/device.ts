// Devices and the per-device and per-anchor invariants Internet Identity enforces
// (dfinity/internet-identity, src/internet_identity/src/storage/anchor.rs:
// check_device_invariants, check_device_limits, check_anchor_invariants).
import type { AnchorError } from './errors';

export type Purpose = 'authentication' | 'recovery';
export type KeyType =
	'unknown' | 'platform' | 'cross_platform' | 'seed_phrase' | 'browser_storage_key';
export type Protection = 'protected' | 'unprotected';

export type MetadataEntry =
	| { kind: 'string'; value: string }
	| { kind: 'bytes'; value: Uint8Array }
	| { kind: 'map'; value: MetadataMap };
export type MetadataMap = ReadonlyMap<string, MetadataEntry>;

export interface Device {
	readonly pubkey: Uint8Array;
	readonly alias: string;
	readonly credentialId?: Uint8Array;
	readonly aaguid?: Uint8Array;
	readonly purpose: Purpose;
	readonly keyType: KeyType;
	readonly protection: Protection;
	readonly origin?: string;
	readonly metadata?: MetadataMap;
	/** Set by the canister when the device authorizes a call; clients cannot write it. */
	readonly lastUsage?: bigint;
}

/** II's limits, in bytes (Rust `String::len` counts UTF-8 bytes). */
export const LIMITS = {
	maxDevicesPerAnchor: 10,
	/** Sum of all devices' variable-length fields (alias, pubkey, credential id, origin, metadata). */
	variableFieldsTotal: 2500,
	alias: 64,
	pubkey: 300,
	credentialId: 350,
	origin: 50,
	/** A WebAuthn AAGUID is exactly 16 bytes (WebAuthn: attested credential data). */
	aaguid: 16,
	/** Local guard, not in II: empty keys make nesting free under the size limit. */
	metadataDepth: 8
} as const;

/** Metadata keys II reserves for the fields of DeviceData and for the v2 API. */
export const RESERVED_METADATA_KEYS = [
	'pubkey',
	'alias',
	'credential_id',
	'purpose',
	'key_type',
	'protection',
	'origin',
	'last_usage_timestamp',
	'metadata',
	'usage',
	'authenticator_attachment'
] as const;

// Created per call: in a canister, TextEncoder is installed by Azle when 'azle' loads.
const byteLength = (text: string): number => new TextEncoder().encode(text).length;

function metadataLength(metadata: MetadataMap): number {
	let total = 0;
	for (const [key, entry] of metadata) {
		total += byteLength(key);
		if (entry.kind === 'string') total += byteLength(entry.value);
		else if (entry.kind === 'bytes') total += entry.value.length;
		else total += metadataLength(entry.value);
	}
	return total;
}

function metadataDepth(metadata: MetadataMap): number {
	let deepest = 1;
	for (const entry of metadata.values()) {
		if (entry.kind === 'map') deepest = Math.max(deepest, 1 + metadataDepth(entry.value));
	}
	return deepest;
}

/** The size a device contributes to the anchor's cumulative limit, as II counts it. */
function variableFieldsLength(device: Device): number {
	return (
		byteLength(device.alias) +
		device.pubkey.length +
		(device.credentialId?.length ?? 0) +
		(device.origin === undefined ? 0 : byteLength(device.origin)) +
		(device.metadata === undefined ? 0 : metadataLength(device.metadata))
	);
}

function checkLimit(field: string, length: number, limit: number): AnchorError | undefined {
	return length > limit ? { kind: 'DeviceLimitExceeded', field, length, limit } : undefined;
}

/** Rules for one device, in II's order. */
export function checkDeviceInvariants(device: Device): AnchorError | undefined {
	if (device.metadata !== undefined) {
		for (const key of RESERVED_METADATA_KEYS) {
			if (device.metadata.has(key)) return { kind: 'ReservedMetadataKey', key };
		}
		const depth = metadataDepth(device.metadata);
		if (depth > LIMITS.metadataDepth) {
			return {
				kind: 'DeviceLimitExceeded',
				field: 'metadata depth',
				length: depth,
				limit: LIMITS.metadataDepth
			};
		}
	}
	const limitError =
		checkLimit('alias', byteLength(device.alias), LIMITS.alias) ??
		checkLimit('pubkey', device.pubkey.length, LIMITS.pubkey) ??
		checkLimit('credential_id', device.credentialId?.length ?? 0, LIMITS.credentialId) ??
		checkLimit(
			'origin',
			device.origin === undefined ? 0 : byteLength(device.origin),
			LIMITS.origin
		) ??
		checkLimit('aaguid', device.aaguid?.length ?? 0, LIMITS.aaguid);
	if (limitError) return limitError;
	if (device.aaguid !== undefined && device.aaguid.length !== LIMITS.aaguid) {
		return { kind: 'InvalidAaguid', length: device.aaguid.length };
	}
	if (device.keyType === 'seed_phrase' && device.credentialId !== undefined) {
		return { kind: 'RecoveryPhraseCredentialIdMismatch' };
	}
	if (device.protection === 'protected' && device.keyType !== 'seed_phrase') {
		return { kind: 'InvalidDeviceProtection', keyType: device.keyType };
	}
	return undefined;
}

/**
 * Rules for the set of devices of one anchor. Like II, never checked on removal: removing a
 * device must always be possible, even from an anchor that violates a rule.
 */
export function checkAnchorInvariants(devices: readonly Device[]): AnchorError | undefined {
	if (devices.length > LIMITS.maxDevicesPerAnchor) {
		return {
			kind: 'TooManyDevices',
			numDevices: devices.length,
			limit: LIMITS.maxDevicesPerAnchor
		};
	}
	const total = devices.reduce((sum, d) => sum + variableFieldsLength(d), 0);
	if (total > LIMITS.variableFieldsTotal) {
		return {
			kind: 'CumulativeDataLimitExceeded',
			length: total,
			limit: LIMITS.variableFieldsTotal
		};
	}
	if (devices.filter((d) => d.keyType === 'seed_phrase').length > 1) {
		return { kind: 'MultipleRecoveryPhrases' };
	}
	return undefined;
}

export function sameKey(a: Uint8Array, b: Uint8Array): boolean {
	return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

export function toHex(bytes: Uint8Array): string {
	return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
