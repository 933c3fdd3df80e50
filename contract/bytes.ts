// Byte helpers shared by the app and the vault canister (no dependencies).

export function concat(...parts: Uint8Array[]): Uint8Array {
	const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
	let offset = 0;
	for (const part of parts) {
		out.set(part, offset);
		offset += part.length;
	}
	return out;
}

export const U64_MAX = (1n << 64n) - 1n;

export function isU64(value: bigint): boolean {
	return value >= 0n && value <= U64_MAX;
}

/** Big-endian u64; throws RangeError for values outside u64 (a caller bug, not input). */
export function u64be(value: bigint): Uint8Array {
	if (!isU64(value)) throw new RangeError(`not a u64: ${value}`);
	const out = new Uint8Array(8);
	new DataView(out.buffer).setBigUint64(0, value, false);
	return out;
}

export function readU64be(bytes: Uint8Array, offset: number): bigint {
	return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getBigUint64(offset, false);
}

/** u64_be(len) || bytes: the length prefix vetKD uses, reused so every encoding is injective. */
export function lengthPrefixed(bytes: Uint8Array): Uint8Array {
	return concat(u64be(BigInt(bytes.length)), bytes);
}

export function utf8(text: string): Uint8Array {
	return new TextEncoder().encode(text);
}

/** Equality whose running time depends only on the lengths, for comparing secrets and digests. */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
	if (a.length !== b.length) return false;
	let difference = 0;
	for (let i = 0; i < a.length; i++) difference |= (a[i] ?? 0) ^ (b[i] ?? 0);
	return difference === 0;
}
