// WebAuthn keys and signatures (IC interface spec, "Web Authentication"; dfinity/ic
// rs/validator/src/webauthn.rs, rs/types/types/src/messages/webauthn.rs and
// rs/crypto/internal/crypto_lib/basic_sig/{cose,rsa_pkcs1}):
//   key        DER SubjectPublicKeyInfo, OID 1.3.6.1.4.1.56387.1.1, BIT STRING = a COSE key:
//              ES256 {1: 2, 3: -7, -1: 1, -2: x, -3: y} or RS256 {1: 3, 3: -257, -1: n, -2: e}
//              (RSA modulus 2048 to 8192 bits, odd exponent and modulus; key_ops, if present,
//              must be "verify")
//   signature  CBOR {authenticator_data: blob, client_data_json: text or blob, signature: blob}
//              (clients send client_data_json either way); client data JSON has string fields
//              type, challenge and origin; the signature covers
//              authenticator_data || SHA-256(client_data_json), DER-encoded for ECDSA (high-s
//              accepted: II devices and security keys make them), PKCS#1 v1.5 SHA-256 for RSA;
//              challenge = base64url (no padding) of the signed bytes, domain separator included.
// Checked in the replica's order, with its messages.
import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import { p256 } from '@noble/curves/nist';
import { sha256 } from '@noble/hashes/sha2';
import { concatBytes, hexToBytes } from '@noble/hashes/utils';
import { decodeCbor } from './cbor';
import { ecdsaSignatureFromDer } from './der';
import { HttpRequestError } from './errors';

export interface WebAuthnPublicKey {
	scheme: 'webauthn';
	algorithm: 'ecdsa-p256' | 'rsa-sha256';
	keyObject: KeyObject;
}

/** Content of the AlgorithmIdentifier of a DER-wrapped COSE key: the OID, no parameters. */
export const WEBAUTHN_ALGORITHM_HEX = '060a2b0601040183b8430101';

const P256_SPKI_PREFIX = hexToBytes('3059301306072a8648ce3d020106082a8648ce3d030107034200');
const MIN_RSA_BITS = 2048;
const MAX_RSA_BITS = 8192;

type CoseValue = bigint | Uint8Array | string;

const malformedKey = (reason: string) =>
	new HttpRequestError('invalid_public_key', `Invalid public key: malformed COSE key: ${reason}`);

/** The small CBOR subset COSE keys use: one map of integer keys to integers, bytes or text. */
function decodeCoseMap(bytes: Uint8Array): Map<bigint, CoseValue> {
	let offset = 0;
	const next = (): number => {
		const byte = bytes[offset++];
		if (byte === undefined) throw malformedKey('unexpected end of input');
		return byte;
	};
	const head = (): { major: number; value: bigint } => {
		const initial = next();
		const info = initial & 0x1f;
		let value = BigInt(info);
		if (info >= 24) {
			const size = [1, 2, 4, 8][info - 24];
			if (size === undefined) throw malformedKey('indefinite or reserved length');
			value = 0n;
			for (let i = 0; i < size; i++) value = (value << 8n) | BigInt(next());
		}
		return { major: initial >> 5, value };
	};
	const item = (): CoseValue => {
		const { major, value } = head();
		if (major === 0) return value;
		if (major === 1) return -1n - value;
		if (major === 2 || major === 3) {
			if (value > BigInt(bytes.length - offset)) throw malformedKey('length exceeds input');
			const content = bytes.subarray(offset, offset + Number(value));
			offset += Number(value);
			if (major === 2) return content;
			try {
				return new TextDecoder('utf-8', { fatal: true }).decode(content);
			} catch {
				throw malformedKey('text is not UTF-8');
			}
		}
		throw malformedKey(`unexpected CBOR major type ${major}`);
	};
	const { major, value: count } = head();
	if (major !== 5) throw malformedKey('not a CBOR map');
	const fields = new Map<bigint, CoseValue>();
	for (let i = 0n; i < count; i++) {
		const key = item();
		if (typeof key !== 'bigint') throw malformedKey('map keys must be integers');
		if (fields.has(key)) throw malformedKey(`duplicate key ${key}`);
		fields.set(key, item());
	}
	if (offset !== bytes.length) throw malformedKey('trailing bytes');
	return fields;
}

const KTY = 1n;
const ALG = 3n;
const KEY_OPS = 4n;

function bytesField(fields: Map<bigint, CoseValue>, label: bigint, name: string): Uint8Array {
	const value = fields.get(label);
	if (!(value instanceof Uint8Array)) throw malformedKey(`${name} (${label}) must be bytes`);
	return value;
}

function p256Key(fields: Map<bigint, CoseValue>): WebAuthnPublicKey {
	if (fields.get(-1n) !== 1n) {
		throw new HttpRequestError('unsupported_public_key', 'COSE EC2 keys must be on curve P-256');
	}
	const x = bytesField(fields, -2n, 'x');
	const y = bytesField(fields, -3n, 'y');
	if (x.length !== 32 || y.length !== 32) throw malformedKey('x and y must be 32 bytes each');
	const point = concatBytes(Uint8Array.of(4), x, y);
	try {
		p256.ProjectivePoint.fromHex(point).assertValidity();
	} catch {
		throw malformedKey('the P-256 point is not on the curve');
	}
	const der = concatBytes(P256_SPKI_PREFIX, point);
	const keyObject = createPublicKey({ key: Buffer.from(der), format: 'der', type: 'spki' });
	return { scheme: 'webauthn', algorithm: 'ecdsa-p256', keyObject };
}

function rsaKey(fields: Map<bigint, CoseValue>): WebAuthnPublicKey {
	const n = bytesField(fields, -1n, 'n');
	const e = bytesField(fields, -2n, 'e');
	const odd = (bytes: Uint8Array) =>
		bytes.length > 0 && ((bytes[bytes.length - 1] as number) & 1) === 1;
	if (!odd(e)) throw malformedKey('RSA public exponent is invalid');
	if (!odd(n)) throw malformedKey('RSA public modulus is invalid');
	let keyObject: KeyObject;
	try {
		const jwk = {
			kty: 'RSA',
			n: Buffer.from(n).toString('base64url'),
			e: Buffer.from(e).toString('base64url')
		};
		keyObject = createPublicKey({ key: jwk, format: 'jwk' });
	} catch {
		throw malformedKey('not an RSA public key');
	}
	const bits = keyObject.asymmetricKeyDetails?.modulusLength ?? 0;
	if (bits < MIN_RSA_BITS) throw malformedKey('RSA public key too small to accept');
	if (bits > MAX_RSA_BITS) throw malformedKey('RSA public key too large to accept');
	return { scheme: 'webauthn', algorithm: 'rsa-sha256', keyObject };
}

/** Parses the COSE key inside a DER-wrapped WebAuthn public key. */
export function parseCoseKey(cose: Uint8Array): WebAuthnPublicKey {
	const fields = decodeCoseMap(cose);
	const kty = fields.get(KTY);
	const alg = fields.get(ALG);
	if (kty === undefined || alg === undefined)
		throw malformedKey('kty (1) and alg (3) are required');
	const keyOps = fields.get(KEY_OPS);
	const unsupported = () =>
		new HttpRequestError(
			'unsupported_public_key',
			`Algorithm not supported in COSE parser: kty ${String(kty)}, alg ${String(alg)} ` +
				'(WebAuthn keys must be ES256 or RS256)'
		);
	if (keyOps !== undefined && keyOps !== 'verify') throw unsupported();
	if (kty === 2n && alg === -7n) return p256Key(fields);
	if (kty === 3n && alg === -257n) return rsaKey(fields);
	throw unsupported();
}

const debugBytes = (bytes: Uint8Array) => `[${[...bytes].join(', ')}]`;

interface WebAuthnSignature {
	authenticatorData: Uint8Array;
	clientDataJson: Uint8Array;
	signature: Uint8Array;
}

function decodeSignature(bytes: Uint8Array): WebAuthnSignature | string {
	let value: unknown;
	try {
		value = decodeCbor(bytes);
	} catch (error) {
		return `Signature CBOR parsing failed with: ${(error as Error).message}`;
	}
	const fields = (value ?? {}) as Record<string, unknown>;
	const { authenticator_data: authenticatorData, signature } = fields;
	const clientData = fields['client_data_json'];
	const clientDataJson =
		typeof clientData === 'string' ? new TextEncoder().encode(clientData) : clientData;
	if (
		!(authenticatorData instanceof Uint8Array) ||
		!(clientDataJson instanceof Uint8Array) ||
		!(signature instanceof Uint8Array)
	) {
		return (
			'Signature CBOR parsing failed with: expected a map of authenticator_data (blob), ' +
			'client_data_json (text or blob) and signature (blob)'
		);
	}
	return { authenticatorData, clientDataJson, signature };
}

/** The challenge of the client data JSON, decoded, or the reason it is not there. */
function challengeOf(clientDataJson: Uint8Array): Uint8Array | string {
	let clientData: unknown;
	try {
		clientData = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(clientDataJson));
	} catch (error) {
		return `ClientDataJSON parsing failed with: ${(error as Error).message}`;
	}
	const { type, challenge, origin } = (clientData ?? {}) as Record<string, unknown>;
	if (typeof type !== 'string' || typeof challenge !== 'string' || typeof origin !== 'string') {
		return 'ClientDataJSON parsing failed with: type, challenge and origin must be strings';
	}
	const decoded = Buffer.from(challenge, 'base64url');
	// Node's decoder skips stray characters; insist on the canonical unpadded encoding.
	if (!/^[A-Za-z0-9_-]*$/.test(challenge) || decoded.toString('base64url') !== challenge) {
		return `Challenge base64url parsing failed with: not unpadded base64url: "${challenge}"`;
	}
	return new Uint8Array(decoded);
}

/** Verifies a WebAuthn signature of `message`; returns undefined, or why it does not verify. */
export function webAuthnSignatureFailure(
	key: WebAuthnPublicKey,
	message: Uint8Array,
	signatureBytes: Uint8Array
): string | undefined {
	const parsed = decodeSignature(signatureBytes);
	if (typeof parsed === 'string') return parsed;
	let signature = parsed.signature;
	if (key.algorithm === 'ecdsa-p256') {
		const raw = ecdsaSignatureFromDer(signature);
		if (!raw) return 'Failed to parse EcdsaP256 signature: Error parsing DER signature';
		signature = raw;
	}
	const challenge = challengeOf(parsed.clientDataJson);
	if (typeof challenge === 'string') return challenge;
	const signed = concatBytes(parsed.authenticatorData, sha256(parsed.clientDataJson));
	let verified = false;
	try {
		verified =
			key.algorithm === 'ecdsa-p256'
				? verify('sha256', signed, { key: key.keyObject, dsaEncoding: 'ieee-p1363' }, signature)
				: verify('sha256', signed, key.keyObject, signature);
	} catch {
		verified = false; // malformed signature bytes
	}
	if (!verified) {
		return `Verifying signature failed. ${key.algorithm === 'ecdsa-p256' ? 'EcdsaP256' : 'RsaSha256'} signature on authenticator_data || SHA-256(client_data_json) does not verify`;
	}
	if (challenge.length !== message.length || challenge.some((byte, i) => byte !== message[i])) {
		return `Challenge in webauthn is ${debugBytes(challenge)} while it is expected to be ${debugBytes(message)}`;
	}
	return undefined;
}
