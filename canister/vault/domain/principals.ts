// Principal helpers for hot paths. In QuickJS, Principal.toText costs ~2.8 M instructions (array
// spreads and a regex per call); the domain compares principals on every update, so it compares
// bytes, keys maps by a cheap byte string and builds the text form only for stored index keys.
import { Principal } from '@dfinity/principal';
import { ED25519_DER_PREFIX, ED25519_PUBLIC_KEY_BYTES } from '@tessera/contract';
import { sha224 } from './sha2';

export function samePrincipal(a: Principal, b: Principal): boolean {
	const x = a.toUint8Array();
	const y = b.toUint8Array();
	if (x.length !== y.length) return false;
	for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
	return true;
}

/**
 * protocol.ts's ed25519Principal (the caller a raw Ed25519 key signs as) with the canister's
 * SHA-224: sha224(DER key) || 0x02. Property-tested equal.
 */
export function ed25519Principal(publicKey: Uint8Array): Principal {
	if (publicKey.length !== ED25519_PUBLIC_KEY_BYTES) {
		throw new RangeError('an Ed25519 public key is 32 bytes');
	}
	const der = new Uint8Array(ED25519_DER_PREFIX.length + ED25519_PUBLIC_KEY_BYTES);
	der.set(ED25519_DER_PREFIX);
	der.set(publicKey, ED25519_DER_PREFIX.length);
	const bytes = new Uint8Array(29);
	bytes.set(sha224(der));
	bytes[28] = 0x02;
	return Principal.fromUint8Array(bytes);
}

/** A Map key for a principal within one call (its bytes as a string); never stored. */
export function principalKey(principal: Principal): string {
	return String.fromCharCode(...principal.toUint8Array());
}

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';
const CRC_TABLE = Uint32Array.from({ length: 256 }, (_, n) => {
	let c = n;
	for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
	return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
	let crc = 0xffffffff;
	for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] as number) ^ (crc >>> 8);
	return (crc ^ 0xffffffff) >>> 0;
}

/** Recent texts by principal bytes: a call renders the same principals several times (index keys). */
const textCache = new Map<string, string>();
const TEXT_CACHE_SIZE = 512;

/**
 * Principal.toText, in one pass: base32 (lowercase, no padding) of crc32(bytes) || bytes in
 * groups of 5 joined by '-'. Equal to toText for every principal (property test).
 */
export function principalText(principal: Principal): string {
	const key = principalKey(principal);
	const cached = textCache.get(key);
	if (cached !== undefined) return cached;
	if (textCache.size >= TEXT_CACHE_SIZE) textCache.clear();
	const text = renderText(principal.toUint8Array());
	textCache.set(key, text);
	return text;
}

function renderText(bytes: Uint8Array): string {
	const crc = crc32(bytes);
	const data = new Uint8Array(4 + bytes.length);
	data[0] = crc >>> 24;
	data[1] = (crc >>> 16) & 0xff;
	data[2] = (crc >>> 8) & 0xff;
	data[3] = crc & 0xff;
	data.set(bytes, 4);
	let text = '';
	let count = 0;
	let buffer = 0;
	let bits = 0;
	const emit = (index: number): void => {
		if (count > 0 && count % 5 === 0) text += '-';
		text += ALPHABET[index];
		count++;
	};
	for (const byte of data) {
		buffer = (buffer << 8) | byte;
		bits += 8;
		while (bits >= 5) {
			bits -= 5;
			emit((buffer >>> bits) & 31);
		}
		buffer &= (1 << bits) - 1;
	}
	if (bits > 0) emit((buffer << (5 - bits)) & 31);
	return text;
}
