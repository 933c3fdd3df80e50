// The compiled value writers (canister/vault/candid-encode.ts) against @dfinity/candid's
// encodeValue, the reference: for random values of every reply and argument type of idl.ts the
// bytes are equal, and TableCachedEncoder's whole message equals IDL.encode's.
import { IDL } from '@dfinity/candid';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TableCachedEncoder } from '../../../canister/vault/candid';
import { valueEncoder } from '../../../canister/vault/candid-encode';
import { METHODS } from '@tessera/contract/vault/idl';
import { AnchorCredentials } from '../../../canister/internet_identity/domain/idl';
import { arbitraryOf } from './candid-arbitrary';

const TYPES: [string, IDL.Type][] = [
	...Object.entries(METHODS).flatMap(([name, method]): [string, IDL.Type][] => [
		[`${name} result`, method.result],
		...method.args.map((type, i): [string, IDL.Type] => [`${name} argument ${i}`, type])
	]),
	['II anchor credentials', AnchorCredentials],
	[
		'other kinds',
		IDL.Record({
			flag: IDL.Bool,
			small: IDL.Nat16,
			many: IDL.Vec(IDL.Opt(IDL.Variant({ a: IDL.Null, b: IDL.Vec(IDL.Text) })))
		})
	]
];

describe('compiled Candid value writers', () => {
	it.each(TYPES)('%s: the same bytes as encodeValue, and IDL.encode for the message', (_, type) => {
		const write = valueEncoder(type);
		const encoder = new TableCachedEncoder(type, fc.sample(arbitraryOf(type), 1)[0]).warm();
		fc.assert(
			fc.property(arbitraryOf(type), (value) => {
				expect(write(value)).toEqual(new Uint8Array(type.encodeValue(value)));
				expect(encoder.encode(value)).toEqual(new Uint8Array(IDL.encode([type], [value])));
			}),
			{ numRuns: 80 }
		);
	});

	it('blobs given as number arrays and nat64 given as numbers encode as encodeValue does', () => {
		const type = IDL.Record({ blob: IDL.Vec(IDL.Nat8), n: IDL.Nat64, m: IDL.Nat32 });
		const value = { blob: [1, 2, 255], n: 7, m: 2n };
		expect(valueEncoder(type)(value)).toEqual(new Uint8Array(type.encodeValue(value)));
	});

	it('a type without compiled writers (nat, tuples) falls back to encodeValue', () => {
		const type = IDL.Record({ big: IDL.Nat, pair: IDL.Tuple(IDL.Text, IDL.Nat8) });
		const value = { big: 2n ** 80n, pair: ['x', 3] };
		expect(valueEncoder(type)(value)).toEqual(new Uint8Array(type.encodeValue(value)));
	});
});
