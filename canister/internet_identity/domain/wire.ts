// Conversions between II's Candid values (idl.ts) and the domain types, and the stored form
// of an anchor (Candid-encoded, compact and versionable).
import { IDL } from '@dfinity/candid';
import type { Anchor } from './anchor';
import type { Device, KeyType, MetadataEntry, MetadataMap, Protection, Purpose } from './device';
import type { SecuritySettings } from './service';
import type { AnchorCredentials } from './service';
import {
	DeviceData,
	DeviceWithUsage,
	type AnchorCredentialsValue,
	type AuthnMethodSecuritySettingsValue,
	type DeviceDataValue,
	type DeviceWithUsageValue,
	type IdentityAnchorInfoValue,
	type KeyTypeValue,
	type MetadataMapValue,
	type Opt
} from './idl';

const bytes = (value: Uint8Array | number[]): Uint8Array => Uint8Array.from(value);
const fromOpt = <T>(value: Opt<T>): T | undefined => value[0];
const toOpt = <T>(value: T | undefined): Opt<T> => (value === undefined ? [] : [value]);
const tag = <T extends string>(variant: Record<T, null>): T => Object.keys(variant)[0] as T;

function metadataFromWire(value: MetadataMapValue): MetadataMap {
	// Like II's HashMap, a repeated key keeps its last value.
	const map = new Map<string, MetadataEntry>();
	for (const [key, entry] of value) {
		if ('map' in entry) map.set(key, { kind: 'map', value: metadataFromWire(entry.map) });
		else if ('string' in entry) map.set(key, { kind: 'string', value: entry.string });
		else map.set(key, { kind: 'bytes', value: bytes(entry.bytes) });
	}
	return map;
}

function metadataToWire(map: MetadataMap): MetadataMapValue {
	return [...map].map(([key, entry]) => {
		if (entry.kind === 'map') return [key, { map: metadataToWire(entry.value) }];
		if (entry.kind === 'string') return [key, { string: entry.value }];
		return [key, { bytes: entry.value }];
	});
}

export function deviceFromWire(value: DeviceDataValue): Device {
	const credentialId = fromOpt(value.credential_id);
	const aaguid = fromOpt(value.aaguid);
	const metadata = fromOpt(value.metadata);
	return {
		pubkey: bytes(value.pubkey),
		alias: value.alias,
		credentialId: credentialId === undefined ? undefined : bytes(credentialId),
		aaguid: aaguid === undefined ? undefined : bytes(aaguid),
		purpose: tag<Purpose>(value.purpose as Record<Purpose, null>),
		keyType: tag<KeyType>(value.key_type as Record<KeyType, null>),
		protection: tag<Protection>(value.protection as Record<Protection, null>),
		origin: fromOpt(value.origin),
		metadata: metadata === undefined ? undefined : metadataFromWire(metadata)
	};
}

export function deviceToWire(device: Device): DeviceDataValue {
	return {
		pubkey: device.pubkey,
		alias: device.alias,
		credential_id: toOpt(device.credentialId),
		aaguid: toOpt(device.aaguid),
		purpose: { [device.purpose]: null } as DeviceDataValue['purpose'],
		key_type: { [device.keyType]: null } as KeyTypeValue,
		protection: { [device.protection]: null } as DeviceDataValue['protection'],
		origin: toOpt(device.origin),
		metadata: toOpt(device.metadata === undefined ? undefined : metadataToWire(device.metadata))
	};
}

function deviceWithUsageToWire(device: Device): DeviceWithUsageValue {
	return { ...deviceToWire(device), last_usage: toOpt(device.lastUsage) };
}

export function anchorInfoToWire(anchor: Anchor): IdentityAnchorInfoValue {
	return {
		devices: anchor.devices.map(deviceWithUsageToWire),
		device_registration: [],
		openid_credentials: [[]],
		name: [],
		created_at: [anchor.createdAt]
	};
}

export function credentialsToWire(credentials: AnchorCredentials): AnchorCredentialsValue {
	const webAuthn = (c: { pubkey: Uint8Array; credentialId: Uint8Array }) => ({
		pubkey: c.pubkey,
		credential_id: c.credentialId
	});
	return {
		credentials: credentials.credentials.map(webAuthn),
		recovery_credentials: credentials.recoveryCredentials.map(webAuthn),
		recovery_phrases: credentials.recoveryPhrases
	};
}

export function securitySettingsFromWire(
	value: AuthnMethodSecuritySettingsValue
): SecuritySettings {
	return {
		protection: 'Protected' in value.protection ? 'protected' : 'unprotected',
		purpose: 'Recovery' in value.purpose ? 'recovery' : 'authentication'
	};
}

// --- Stored form ----------------------------------------------------------------------------

/** Version 1 of the stored anchor (devices only). Never changed: decoded and migrated to v2. */
const StoredAnchorV1 = IDL.Record({
	number: IDL.Nat64,
	devices: IDL.Vec(DeviceWithUsage),
	created_at: IDL.Nat64
});
/** Version 2 adds II 2.0's other ways in: OpenID credentials, recovery e-mail, registration mode. */
const StoredAnchorV2 = IDL.Record({
	number: IDL.Nat64,
	devices: IDL.Vec(DeviceWithUsage),
	created_at: IDL.Nat64,
	openid_credentials: IDL.Vec(
		IDL.Record({
			iss: IDL.Text,
			sub: IDL.Text,
			aud: IDL.Text,
			email: IDL.Opt(IDL.Text),
			name: IDL.Opt(IDL.Text),
			sign_in_key: IDL.Vec(IDL.Nat8),
			last_usage: IDL.Opt(IDL.Nat64)
		})
	),
	email_recovery: IDL.Opt(
		IDL.Record({
			address: IDL.Text,
			created_at: IDL.Nat64,
			last_used: IDL.Opt(IDL.Nat64),
			sign_in_key: IDL.Vec(IDL.Nat8)
		})
	),
	registration: IDL.Opt(
		IDL.Record({
			expiration: IDL.Nat64,
			tentative: IDL.Opt(IDL.Record({ device: DeviceData, code: IDL.Text, retries_left: IDL.Nat8 }))
		})
	)
});
const StoredAnchor = IDL.Variant({ v1: StoredAnchorV1, v2: StoredAnchorV2 });

interface StoredV1 {
	number: bigint;
	devices: DeviceWithUsageValue[];
	created_at: bigint;
}
interface StoredV2 extends StoredV1 {
	openid_credentials: {
		iss: string;
		sub: string;
		aud: string;
		email: Opt<string>;
		name: Opt<string>;
		sign_in_key: Uint8Array;
		last_usage: Opt<bigint>;
	}[];
	email_recovery: Opt<{
		address: string;
		created_at: bigint;
		last_used: Opt<bigint>;
		sign_in_key: Uint8Array;
	}>;
	registration: Opt<{
		expiration: bigint;
		tentative: Opt<{ device: DeviceDataValue; code: string; retries_left: number }>;
	}>;
}
type StoredAnchorValue = { v1: StoredV1 } | { v2: StoredV2 };

export function encodeAnchor(anchor: Anchor): Uint8Array {
	const email = anchor.emailRecovery;
	const registration = anchor.registration;
	const value: StoredAnchorValue = {
		v2: {
			number: anchor.number,
			devices: anchor.devices.map(deviceWithUsageToWire),
			created_at: anchor.createdAt,
			openid_credentials: (anchor.openidCredentials ?? []).map((c) => ({
				iss: c.iss,
				sub: c.sub,
				aud: c.aud,
				email: toOpt(c.email),
				name: toOpt(c.name),
				sign_in_key: c.signInKey,
				last_usage: toOpt(c.lastUsage)
			})),
			email_recovery: email
				? [
						{
							address: email.address,
							created_at: email.createdAt,
							last_used: toOpt(email.lastUsed),
							sign_in_key: email.signInKey
						}
					]
				: [],
			registration: registration
				? [
						{
							expiration: registration.expiration,
							tentative: registration.tentative
								? [
										{
											device: deviceToWire(registration.tentative.device),
											code: registration.tentative.code,
											retries_left: registration.tentative.retriesLeft
										}
									]
								: []
						}
					]
				: []
		}
	};
	return new Uint8Array(IDL.encode([StoredAnchor], [value]));
}

export function decodeAnchor(encoded: Uint8Array): Anchor {
	const [value] = IDL.decode([StoredAnchor], encoded) as unknown as [StoredAnchorValue];
	const stored = 'v1' in value ? value.v1 : value.v2;
	const anchor: Anchor = {
		number: stored.number,
		createdAt: stored.created_at,
		devices: stored.devices.map((d) => ({
			...deviceFromWire(d),
			lastUsage: fromOpt(d.last_usage)
		}))
	};
	if ('v1' in value) return anchor;
	const v2 = value.v2;
	const email = fromOpt(v2.email_recovery);
	const registration = fromOpt(v2.registration);
	const tentative = registration && fromOpt(registration.tentative);
	return {
		...anchor,
		openidCredentials:
			v2.openid_credentials.length === 0
				? undefined
				: v2.openid_credentials.map((c) => ({
						iss: c.iss,
						sub: c.sub,
						aud: c.aud,
						email: fromOpt(c.email),
						name: fromOpt(c.name),
						signInKey: bytes(c.sign_in_key),
						lastUsage: fromOpt(c.last_usage)
					})),
		emailRecovery: email && {
			address: email.address,
			createdAt: email.created_at,
			lastUsed: fromOpt(email.last_used),
			signInKey: bytes(email.sign_in_key)
		},
		registration: registration && {
			expiration: registration.expiration,
			tentative: tentative && {
				device: deviceFromWire(tentative.device),
				code: tentative.code,
				retriesLeft: tentative.retries_left
			}
		}
	};
}

/** Anchor numbers as stable-map keys: 8 bytes big-endian, so byte order is numeric order. */
export function encodeAnchorNumber(anchorNumber: bigint): Uint8Array {
	const out = new Uint8Array(8);
	new DataView(out.buffer).setBigUint64(0, anchorNumber);
	return out;
}

export function decodeAnchorNumber(encoded: Uint8Array): bigint {
	return new DataView(encoded.buffer, encoded.byteOffset, encoded.byteLength).getBigUint64(0);
}
