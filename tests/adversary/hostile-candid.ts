// Hand-made Candid messages an attacker sends to the vault canister, for every method of the
// contract's METHODS table (so methods added there are attacked too).
import { IDL } from '@dfinity/candid';
import { METHODS } from '@tessera/contract/vault/idl';
import { argumentBytesBound } from '@tessera/contract/vault/argument-bounds';
import { sampleArguments } from '../../canister/vault/candid-decode';

export type MethodName = keyof typeof METHODS;
export const METHOD_NAMES = Object.keys(METHODS) as MethodName[];
export const UPDATE_METHODS = METHOD_NAMES.filter(
	(name) => !(METHODS[name] as { query?: true }).query
);
export const QUERY_METHODS = METHOD_NAMES.filter(
	(name) => (METHODS[name] as { query?: true }).query
);

/** Unsigned LEB128. */
export function leb(value: number): Uint8Array {
	const out: number[] = [];
	let rest = value;
	do {
		const low = rest % 128;
		rest = Math.floor(rest / 128);
		out.push(rest > 0 ? low | 0x80 : low);
	} while (rest > 0);
	return Uint8Array.from(out);
}

const concat = (...parts: Uint8Array[]): Uint8Array => {
	const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
	let at = 0;
	for (const part of parts) {
		out.set(part, at);
		at += part.length;
	}
	return out;
};

/** A well-formed argument for `method` (our own table, sample values). */
export function wellFormed(method: MethodName): Uint8Array {
	const types = METHODS[method].args;
	return new Uint8Array(IDL.encode([...types], sampleArguments(types)));
}

/**
 * The skip bomb: the method's own arguments plus an extra `vec null` argument of length
 * `2^31`, 15 bytes more. IDL.decode skips extra arguments, null by null.
 */
export function skipBomb(method: MethodName, length = 2 ** 31): Uint8Array {
	const types = METHODS[method].args;
	const bytes = new Uint8Array(
		IDL.encode([...types, IDL.Vec(IDL.Null)], [...sampleArguments(types), []])
	);
	// The empty vector's length (0x00) is the last byte: replace it with `length`.
	return concat(bytes.subarray(0, bytes.length - 1), leb(length));
}

/** A bare `vec null` of `length` as the only argument: the wrong table for every method. */
export function bareVecNull(length = 2 ** 31): Uint8Array {
	return concat(Uint8Array.from([0x44, 0x49, 0x44, 0x4c, 1, 0x6d, 0x7f, 1, 0]), leb(length));
}

/**
 * A type table `depth` levels deep (opt opt ... null): IDL.decode builds and checks each level
 * before it looks at a value.
 */
export function nestedTable(depth: number): Uint8Array {
	const entries: number[] = [];
	for (let i = 0; i < depth - 1; i++) entries.push(0x6e, ...leb(i + 1));
	entries.push(0x6d, 0x7f);
	return concat(
		Uint8Array.from([0x44, 0x49, 0x44, 0x4c]),
		leb(depth),
		Uint8Array.from(entries),
		Uint8Array.from([1, 0, 0])
	);
}

/** The method's own table, followed by filler that takes the argument over its size bound. */
export function oversized(method: MethodName): Uint8Array {
	const own = wellFormed(method);
	return concat(own, new Uint8Array(argumentBytesBound(method) + 1 - own.length));
}
