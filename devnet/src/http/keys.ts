// Public keys and signatures the IC accepts from users (IC interface spec, "Signatures"):
// DER SubjectPublicKeyInfo for Ed25519 (RFC 8410), ECDSA P-256 and secp256k1 (RFC 5480, named
// curve, no hash parameter, uncompressed point) with plain signatures (Ed25519, or ECDSA over
// SHA-256 as 64 bytes r || s; high-s accepted like the replica, which verifies secp256k1 "with
// malleability"); WebAuthn DER-wrapped COSE keys (webauthn.ts); canister signature keys
// (canister-signature.ts). Plain RSA keys are refused (the replica allows RSA only in WebAuthn).
// Verification uses node:crypto (OpenSSL): @noble/curves took ~9 ms per signature here, OpenSSL
// 0.2-0.8 ms; noble only validates points when a key is first parsed. Parsed keys are cached.
import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import { ed25519 } from '@noble/curves/ed25519';
import { p256 } from '@noble/curves/nist';
import { secp256k1 } from '@noble/curves/secp256k1';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils';
import {
	CANISTER_SIGNATURE_ALGORITHM_HEX,
	canisterSignatureFailure,
	parseCanisterSignatureKey,
	type CanisterSignaturePublicKey
} from './canister-signature';
import { parseSubjectPublicKeyInfo } from './der';
import { HttpRequestError } from './errors';
import {
	parseCoseKey,
	WEBAUTHN_ALGORITHM_HEX,
	webAuthnSignatureFailure,
	type WebAuthnPublicKey
} from './webauthn';

export type KeyScheme = 'ed25519' | 'ecdsa-p256' | 'ecdsa-secp256k1';
export interface PlainPublicKey {
	scheme: KeyScheme;
	raw: Uint8Array; // 32-byte Ed25519 key or 65-byte uncompressed SEC1 point
	keyObject: KeyObject;
}
export type UserPublicKey = PlainPublicKey | WebAuthnPublicKey | CanisterSignaturePublicKey;

const MAX_CACHED_KEYS = 4096;
const parsedKeys = new Map<string, UserPublicKey>();

// Canonical DER prefixes: DER is unique, so a key of a supported kind starts with exactly these.
const DER_PREFIXES: readonly { scheme: KeyScheme; prefix: Uint8Array; rawLength: number }[] = [
	{ scheme: 'ed25519', prefix: hexToBytes('302a300506032b6570032100'), rawLength: 32 },
	{
		scheme: 'ecdsa-p256',
		prefix: hexToBytes('3059301306072a8648ce3d020106082a8648ce3d030107034200'),
		rawLength: 65
	},
	{
		scheme: 'ecdsa-secp256k1',
		prefix: hexToBytes('3056301006072a8648ce3d020106052b8104000a034200'),
		rawLength: 65
	}
];

// Algorithm OIDs (DER content bytes) of key kinds the IC refuses from senders.
const UNSUPPORTED_OIDS: Readonly<Record<string, string>> = {
	'2a864886f70d010101': 'RSA keys outside WebAuthn (1.2.840.113549.1.1.1)'
};

function startsWith(bytes: Uint8Array, prefix: Uint8Array): boolean {
	return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

/** The algorithm OID of a SubjectPublicKeyInfo, for error messages only (short-form lengths). */
function algorithmOidHex(der: Uint8Array): string | undefined {
	// SEQUENCE { SEQUENCE { OID ... } ... }: skip two SEQUENCE heads, read the OID.
	let offset = 0;
	for (let i = 0; i < 2; i++) {
		if (der[offset] !== 0x30) return undefined;
		const length = der[offset + 1];
		if (length === undefined) return undefined;
		offset += length & 0x80 ? 2 + (length & 0x7f) : 2;
	}
	const oidLength = der[offset + 1];
	if (der[offset] !== 0x06 || oidLength === undefined || oidLength > 0x7f) return undefined;
	return bytesToHex(der.subarray(offset + 2, offset + 2 + oidLength));
}

/** Parses a DER public key; throws `unsupported_public_key` or `invalid_public_key`. */
export function parsePublicKey(der: Uint8Array): UserPublicKey {
	const cacheKey = bytesToHex(der);
	const cached = parsedKeys.get(cacheKey);
	if (cached) return cached;
	const parsed = parseUncached(der);
	if (parsedKeys.size >= MAX_CACHED_KEYS) parsedKeys.clear();
	parsedKeys.set(cacheKey, parsed);
	return parsed;
}

function parseUncached(der: Uint8Array): UserPublicKey {
	const info = parseSubjectPublicKeyInfo(der);
	const algorithm = info && bytesToHex(info.algorithm);
	if (info && algorithm === WEBAUTHN_ALGORITHM_HEX) return parseCoseKey(info.key);
	if (info && algorithm === CANISTER_SIGNATURE_ALGORITHM_HEX) {
		return parseCanisterSignatureKey(info.key);
	}
	for (const { scheme, prefix, rawLength } of DER_PREFIXES) {
		if (!startsWith(der, prefix)) continue;
		if (der.length !== prefix.length + rawLength) {
			throw new HttpRequestError('invalid_public_key', `malformed DER ${scheme} public key`);
		}
		const raw = der.slice(prefix.length);
		if (scheme !== 'ed25519' && raw[0] !== 0x04) {
			throw new HttpRequestError('invalid_public_key', `${scheme} point must be uncompressed`);
		}
		try {
			if (scheme === 'ed25519') ed25519.ExtendedPoint.fromHex(raw);
			else if (scheme === 'ecdsa-p256') p256.ProjectivePoint.fromHex(raw).assertValidity();
			else secp256k1.ProjectivePoint.fromHex(raw).assertValidity();
			const keyObject = createPublicKey({ key: Buffer.from(der), format: 'der', type: 'spki' });
			return { scheme, raw, keyObject };
		} catch {
			throw new HttpRequestError('invalid_public_key', `${scheme} public key is not a valid point`);
		}
	}
	const oid = algorithmOidHex(der);
	const known = oid === undefined ? undefined : UNSUPPORTED_OIDS[oid];
	throw new HttpRequestError(
		'unsupported_public_key',
		known
			? `${known} are not supported`
			: `unsupported public key (DER ${bytesToHex(der.subarray(0, 24))}...)`
	);
}

function plainSignatureVerifies(
	key: PlainPublicKey,
	message: Uint8Array,
	signature: Uint8Array
): boolean {
	if (signature.length !== 64) return false;
	try {
		if (key.scheme === 'ed25519') return verify(null, message, key.keyObject, signature);
		return verify('sha256', message, { key: key.keyObject, dsaEncoding: 'ieee-p1363' }, signature);
	} catch {
		return false; // malformed signature bytes
	}
}

/**
 * Verifies a signature over `message` (domain separator included by the caller) by any key the
 * IC accepts. Returns undefined, or why it does not verify (the replica's wording after
 * "Invalid signature: "). `rootPublicKey` (96-byte BLS) verifies canister signatures.
 */
export function signatureFailure(
	key: UserPublicKey,
	message: Uint8Array,
	signature: Uint8Array,
	rootPublicKey?: Uint8Array
): string | undefined {
	switch (key.scheme) {
		case 'webauthn':
			return webAuthnSignatureFailure(key, message, signature);
		case 'canister-signature':
			return canisterSignatureFailure(key, message, signature, rootPublicKey);
		default:
			return plainSignatureVerifies(key, message, signature)
				? undefined
				: `Invalid basic signature: ${key.scheme} signature does not verify`;
	}
}
