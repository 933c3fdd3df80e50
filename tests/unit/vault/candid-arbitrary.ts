// Random values of a Candid type, for property tests of the canister's Candid codecs.
import { IDL } from '@dfinity/candid';
import { Principal } from '@dfinity/principal';
import fc from 'fast-check';

/** Random values of a Candid type (the kinds idl.ts uses). */
export function arbitraryOf(type: IDL.Type): fc.Arbitrary<unknown> {
	if (type instanceof IDL.FixedNatClass) {
		if (type._bits === 64) return fc.bigInt({ min: 0n, max: 2n ** 64n - 1n });
		return fc.integer({ min: 0, max: 2 ** type._bits - 1 });
	}
	if (type instanceof IDL.NatClass) return fc.bigInt({ min: 0n, max: 2n ** 70n });
	if (type instanceof IDL.TextClass) return fc.string({ maxLength: 12, unit: 'grapheme' });
	if (type instanceof IDL.BoolClass) return fc.boolean();
	if (type instanceof IDL.NullClass) return fc.constant(null);
	if (type instanceof IDL.PrincipalClass) {
		return fc.uint8Array({ maxLength: 29 }).map((bytes) => Principal.fromUint8Array(bytes));
	}
	if (type instanceof IDL.OptClass) {
		return fc
			.option(arbitraryOf(type._type), { nil: undefined })
			.map((v) => (v === undefined ? [] : [v]));
	}
	if (type instanceof IDL.VecClass) {
		const element = type._type;
		if (element instanceof IDL.FixedNatClass && element._bits === 8) {
			return fc.uint8Array({ maxLength: 200 });
		}
		return fc.array(arbitraryOf(element), { maxLength: 6 });
	}
	if (type instanceof IDL.RecordClass) {
		return fc.record(
			Object.fromEntries(type._fields.map(([name, field]) => [name, arbitraryOf(field)])),
			{ noNullPrototype: true }
		);
	}
	if (type instanceof IDL.VariantClass) {
		return fc.oneof(
			...type._fields.map(([name, field]) => arbitraryOf(field).map((v) => ({ [name]: v })))
		);
	}
	throw new Error(`no arbitrary for ${type.display()}`);
}
