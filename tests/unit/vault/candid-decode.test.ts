// TableCachedDecoder (canister/vault/candid-decode.ts) against IDL.decode, the reference: for
// random values of every method's argument types the fast path is taken and decodes what
// IDL.decode decodes; for mutated, truncated, extended or foreign-table bytes the outcome (value
// or refusal) is IDL.decode's, and a refusal is always a CandidDecodeError.
import { IDL } from '@dfinity/candid';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CandidDecodeError, TableCachedDecoder } from '../../../canister/vault/candid-decode';
import { AnchorCredentials } from '../../../canister/internet_identity/domain/idl';
import { METHODS } from '@tessera/contract/vault/idl';
import { arbitraryOf } from './candid-arbitrary';

const argsOf = (types: readonly IDL.Type[]) => fc.tuple(...types.map(arbitraryOf));

/** IDL.decode's outcome: the values, or 'refused'. */
function reference(types: readonly IDL.Type[], bytes: Uint8Array): unknown {
	try {
		return IDL.decode([...types], bytes);
	} catch {
		return 'refused';
	}
}

function outcome(decoder: TableCachedDecoder, bytes: Uint8Array): unknown {
	try {
		return decoder.decode(bytes);
	} catch (error) {
		expect(error).toBeInstanceOf(CandidDecodeError);
		return 'refused';
	}
}

/** Edge values for flags, indexes and LEB128 bytes, or any byte. */
const byteValue = fc.oneof(fc.constantFrom(0, 1, 2, 3, 0x7f, 0x80, 0xff), fc.nat(255));
/** Byte edits an attacker or a broken client could make. */
const mutation = fc.oneof(
	fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), value: byteValue }),
	fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
	fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), value: byteValue }),
	fc.record({ kind: fc.constant('append' as const), value: byteValue })
);

function mutate(bytes: Uint8Array, edit: Edit): Uint8Array {
	const at = 'at' in edit ? edit.at % (bytes.length + 1) : bytes.length;
	if (edit.kind === 'truncate') return bytes.slice(0, at);
	if (edit.kind === 'flip') {
		const out = bytes.slice();
		if (at < out.length) out[at] = edit.value;
		return out;
	}
	const out = new Uint8Array(bytes.length + 1);
	out.set(bytes.subarray(0, at));
	out[at] = edit.value;
	out.set(bytes.subarray(at), at + 1);
	return out;
}
type Edit =
	| { kind: 'flip'; at: number; value: number }
	| { kind: 'truncate'; at: number }
	| { kind: 'insert'; at: number; value: number }
	| { kind: 'append'; value: number };

/** Every method's arguments, plus kinds no method argument uses yet (bool, nat16, variants). */
const METHOD_ARGS: [string, readonly IDL.Type[]][] = [
	...Object.entries(METHODS).map(([name, m]): [string, readonly IDL.Type[]] => [name, m.args]),
	[
		'other kinds',
		[
			IDL.Record({
				flag: IDL.Bool,
				small: IDL.Nat16,
				choice: IDL.Variant({ none: IDL.Null, some: IDL.Nat8, many: IDL.Vec(IDL.Text) }),
				who: IDL.Opt(IDL.Principal)
			}),
			IDL.Opt(IDL.Bool)
		]
	]
];

describe('TableCachedDecoder', () => {
	it.each(METHOD_ARGS)(
		'%s: our own table takes the fast path and decodes as IDL.decode',
		(_, types) => {
			const decoder = new TableCachedDecoder(types).warm();
			fc.assert(
				fc.property(argsOf(types), (values) => {
					const bytes = new Uint8Array(IDL.encode([...types], values));
					expect(decoder.hasOwnTable(bytes)).toBe(true);
					expect(decoder.decode(bytes)).toEqual(IDL.decode([...types], bytes));
				}),
				{ numRuns: 60 }
			);
		}
	);

	it.each(METHOD_ARGS)(
		'%s: mutated bytes get IDL.decode outcome, refusals are typed',
		(_, types) => {
			const decoder = new TableCachedDecoder(types).warm();
			fc.assert(
				fc.property(
					argsOf(types),
					fc.array(mutation, { minLength: 1, maxLength: 3 }),
					(values, edits) => {
						let bytes: Uint8Array = new Uint8Array(IDL.encode([...types], values));
						for (const edit of edits) bytes = mutate(bytes, edit as Edit);
						expect(outcome(decoder, bytes)).toEqual(reference(types, bytes));
					}
				),
				{ numRuns: 400 }
			);
		}
	);

	it.each(METHOD_ARGS)(
		'%s: every single-byte edit of small messages, exhaustively',
		(_, types) => {
			const decoder = new TableCachedDecoder(types).warm();
			const edges = [0, 1, 2, 0x7f, 0x80, 0xff];
			for (const values of fc.sample(argsOf(types), { numRuns: 3, seed: 7 })) {
				const bytes = new Uint8Array(IDL.encode([...types], values)).slice(0, 300);
				for (let at = 0; at <= bytes.length; at++) {
					const edits: Edit[] = [
						{ kind: 'truncate', at },
						...edges.flatMap((value): Edit[] => [
							{ kind: 'flip', at, value },
							{ kind: 'insert', at, value }
						])
					];
					for (const edit of edits) {
						const edited = mutate(bytes, edit);
						expect(outcome(decoder, edited)).toEqual(reference(types, edited));
					}
				}
			}
		},
		60_000
	);

	it('garbage is refused with a CandidDecodeError, as IDL.decode refuses it', () => {
		const types = METHODS.create_vault.args;
		const decoder = new TableCachedDecoder(types).warm();
		fc.assert(
			fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
				expect(outcome(decoder, bytes)).toEqual(reference(types, bytes));
			})
		);
		expect(() => decoder.decode(new Uint8Array([1, 2, 3]))).toThrow(CandidDecodeError);
	});

	it('another table for the same type (a different encoder) is decoded by IDL.decode', () => {
		// The same record written with its fields' types in another table order: valid Candid that
		// our prefix does not match.
		const Inner = IDL.Record({ label: IDL.Text, inviteHash: IDL.Vec(IDL.Nat8) });
		const Reordered = IDL.Record({ z: IDL.Opt(IDL.Bool), items: IDL.Vec(Inner) });
		const Ours = IDL.Record({ items: IDL.Vec(Inner) });
		const value = { z: [true], items: [{ label: 'a', inviteHash: new Uint8Array([1, 2]) }] };
		const bytes = new Uint8Array(IDL.encode([Reordered], [value]));
		const decoder = new TableCachedDecoder([Ours]).warm();
		expect(decoder.hasOwnTable(bytes)).toBe(false);
		expect(decoder.decode(bytes)).toEqual(IDL.decode([Ours], bytes));
		expect(decoder.decode(bytes)).toEqual([{ items: value.items }]);
	});

	it('an extra argument leaves the fast path; IDL.decode skips it', () => {
		const types = METHODS.decline_recovery.args;
		const decoder = new TableCachedDecoder(types).warm();
		const bytes = new Uint8Array(IDL.encode([IDL.Nat64, IDL.Text], [5n, 'extra']));
		expect(decoder.hasOwnTable(bytes)).toBe(false);
		expect(decoder.decode(bytes)).toEqual([5n]);
	});

	it('a type the readers do not support always uses IDL.decode', () => {
		const types = [IDL.Nat, IDL.Vec(IDL.Null)];
		const decoder = new TableCachedDecoder(types).warm();
		const bytes = new Uint8Array(IDL.encode(types, [2n ** 70n, [null, null]]));
		expect(decoder.hasOwnTable(bytes)).toBe(false);
		expect(decoder.decode(bytes)).toEqual([2n ** 70n, [null, null]]);
	});

	it("II's anchor credentials reply (an outgoing call's reply) decodes on the fast path", () => {
		const decoder = new TableCachedDecoder([AnchorCredentials]).warm();
		fc.assert(
			fc.property(argsOf([AnchorCredentials]), (values) => {
				const bytes = new Uint8Array(IDL.encode([AnchorCredentials], values));
				expect(decoder.hasOwnTable(bytes)).toBe(true);
				expect(decoder.decode(bytes)).toEqual(IDL.decode([AnchorCredentials], bytes));
			}),
			{ numRuns: 40 }
		);
	});
});
