// Representation-independent hashing of structured data (IC interface spec, "hash-of-map"):
//   hash_of_map(m) = H(concat(sort([H(key) || hash(value) for each present field])))
// blobs are hashed as is, text as UTF-8, naturals as shortest unsigned LEB128, negative integers
// as shortest signed LEB128, arrays as H(concat(hash(element))), maps recursively. H = SHA-256.
// A request id is the hash_of_map of a request's `content`.
// SHA-256 from node:crypto: every request hashes a dozen short values, and OpenSSL does a short
// one in about half the time of @noble/hashes.
import { concatBytes, utf8ToBytes } from '@noble/hashes/utils';
import { createHash } from 'node:crypto';
import { compareBytes } from '../bytes';

function sha256(bytes: Uint8Array): Uint8Array {
	const digest = createHash('sha256').update(bytes).digest();
	return new Uint8Array(digest.buffer, digest.byteOffset, digest.length);
}

export type HashableValue =
	Uint8Array | string | bigint | number | readonly HashableValue[] | HashableMap;
export interface HashableMap {
	readonly [key: string]: HashableValue | undefined;
}

export function unsignedLeb128(value: bigint): Uint8Array {
	if (value < 0n) throw new RangeError('unsigned LEB128 of a negative number');
	const out: number[] = [];
	do {
		let byte = Number(value & 0x7fn);
		value >>= 7n;
		if (value !== 0n) byte |= 0x80;
		out.push(byte);
	} while (value !== 0n);
	return Uint8Array.from(out);
}

export function signedLeb128(value: bigint): Uint8Array {
	const out: number[] = [];
	for (;;) {
		const byte = Number(value & 0x7fn);
		value >>= 7n; // arithmetic shift keeps the sign
		const signBitSet = (byte & 0x40) !== 0;
		if ((value === 0n && !signBitSet) || (value === -1n && signBitSet)) {
			out.push(byte);
			return Uint8Array.from(out);
		}
		out.push(byte | 0x80);
	}
}

function hashInteger(value: bigint): Uint8Array {
	return sha256(value >= 0n ? unsignedLeb128(value) : signedLeb128(value));
}

export function hashValue(value: HashableValue): Uint8Array {
	if (value instanceof Uint8Array) return sha256(value);
	if (typeof value === 'string') return sha256(utf8ToBytes(value));
	if (typeof value === 'bigint') return hashInteger(value);
	if (typeof value === 'number') {
		if (!Number.isSafeInteger(value)) throw new RangeError(`cannot hash non-integer ${value}`);
		return hashInteger(BigInt(value));
	}
	if (Array.isArray(value)) return sha256(concatBytes(...value.map(hashValue)));
	return hashOfMap(value as HashableMap);
}

export function hashOfMap(map: HashableMap): Uint8Array {
	const entries: Uint8Array[] = [];
	for (const key of Object.keys(map)) {
		const value = map[key];
		if (value === undefined) continue; // omitted optional field
		entries.push(concatBytes(sha256(utf8ToBytes(key)), hashValue(value)));
	}
	entries.sort(compareBytes);
	return sha256(concatBytes(...entries));
}

/** The 32-byte request id of a request's content map. */
export function requestId(content: HashableMap): Uint8Array {
	return hashOfMap(content);
}
