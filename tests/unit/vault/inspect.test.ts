// The vault canister's refusal before decoding (canister/vault/src/inspect.ts) and its table
// comparison: only the bytes our own IDL types encode as header and type table pass, for every
// method of the contract's METHODS table; a method's own table never reaches a foreign decode.
import { IDL } from '@dfinity/candid';
import { Principal } from '@dfinity/principal';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	anonymousAllowed,
	argumentBytesBound,
	TYPE_TABLE_BYTES
} from '@tessera/contract/vault/argument-bounds';
import { METHODS } from '@tessera/contract/vault/idl';
import { LIMITS } from '@tessera/contract';
import { TableCachedDecoder } from '../../../canister/vault/candid-decode';
import { inspectRefusal } from '../../../canister/vault/src/inspect';
import {
	bareVecNull,
	METHOD_NAMES,
	nestedTable,
	oversized,
	skipBomb,
	UPDATE_METHODS,
	wellFormed
} from '../../adversary/hostile-candid';
import { arbitraryOf } from './candid-arbitrary';

const strict = Object.fromEntries(
	METHOD_NAMES.map((name) => [
		name,
		new TableCachedDecoder(METHODS[name].args, { ownTableOnly: true }).warm()
	])
);
/** A self-authenticating-sized principal that is not anonymous. */
const user = Principal.fromUint8Array(new Uint8Array(29).fill(7));

describe('own type table comparison', () => {
	it.each(METHOD_NAMES)('%s: every value our encoder writes starts with our table', (name) => {
		const types = METHODS[name].args;
		const decoder = strict[name] as TableCachedDecoder;
		const table = decoder.ownTable();
		expect(table.length).toBeLessThan(TYPE_TABLE_BYTES);
		fc.assert(
			fc.property(fc.tuple(...types.map(arbitraryOf)), (values) => {
				const bytes = new Uint8Array(IDL.encode([...types], values));
				expect(bytes.subarray(0, table.length)).toEqual(table);
				expect(decoder.hasOwnTable(bytes)).toBe(true);
				expect(decoder.decode(bytes)).toEqual(IDL.decode([...types], bytes));
			}),
			{ numRuns: 30 }
		);
	});

	// The refusal's reason is the decoder's own, given before IDL.decode is called: IDL.decode
	// never says "not this method's own".
	it.each(METHOD_NAMES)('%s: any other table is refused before IDL.decode', (name) => {
		const decoder = strict[name] as TableCachedDecoder;
		const foreign = /not this method's own/;
		for (const bytes of [skipBomb(name), bareVecNull(), nestedTable(2_000)]) {
			expect(decoder.hasOwnTable(bytes)).toBe(false);
			expect(() => decoder.decode(bytes)).toThrow(foreign);
		}
		fc.assert(
			fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
				if (decoder.hasOwnTable(bytes)) return;
				expect(() => decoder.decode(bytes)).toThrow(foreign);
			})
		);
	});

	it('the same value with its table entries in another order is a foreign table', () => {
		const Inner = IDL.Record({ label: IDL.Text, inviteHash: IDL.Vec(IDL.Nat8) });
		const Reordered = IDL.Record({ z: IDL.Opt(IDL.Bool), items: IDL.Vec(Inner) });
		const Ours = IDL.Record({ items: IDL.Vec(Inner) });
		const bytes = new Uint8Array(IDL.encode([Reordered], [{ z: [], items: [] }]));
		const decoder = new TableCachedDecoder([Ours], { ownTableOnly: true }).warm();
		expect(() => decoder.decode(bytes)).toThrow(/not this method's own/);
		// The lenient decoder (replies from II and the management canister) still takes it.
		expect(new TableCachedDecoder([Ours]).warm().decode(bytes)).toEqual([{ items: [] }]);
	});
});

describe('inspectRefusal', () => {
	const message = (method: string, argument: Uint8Array, caller = user) => ({
		method,
		caller,
		argument
	});

	it('accepts well-formed arguments on every method', () => {
		for (const name of METHOD_NAMES) {
			expect(inspectRefusal(strict, message(name, wellFormed(name))), name).toBeUndefined();
		}
	});

	it('refuses hostile arguments on every method, each for its reason', () => {
		for (const name of METHOD_NAMES) {
			expect(inspectRefusal(strict, message(name, skipBomb(name)))).toBe('foreign-type-table');
			expect(inspectRefusal(strict, message(name, nestedTable(50)))).toBe('foreign-type-table');
			expect(inspectRefusal(strict, message(name, oversized(name)))).toBe('too-large');
		}
		expect(inspectRefusal(strict, message('toString', wellFormed('version')))).toBe(
			'unknown-method'
		);
	});

	it('refuses the anonymous caller on updates that need a caller, before the size check', () => {
		const anonymous = Principal.anonymous();
		for (const name of UPDATE_METHODS) {
			const refusal = inspectRefusal(strict, message(name, oversized(name), anonymous));
			expect(refusal, name).toBe(anonymousAllowed(name) ? 'too-large' : 'anonymous-caller');
		}
		expect(anonymousAllowed('vetkd_public_keys')).toBe(true);
		expect(anonymousAllowed('anchor_status')).toBe(true);
		expect(anonymousAllowed('approve_recovery')).toBe(false);
	});

	it('bounds follow the limits: a full seal fits, a larger ciphertext does not', () => {
		const share = {
			ciphertext: new Uint8Array(LIMITS.maxShareCiphertextBytes),
			checkPrincipal: Principal.fromUint8Array(new Uint8Array(LIMITS.maxPrincipalBytes))
		};
		const seal = (ciphertextBytes: number) =>
			new Uint8Array(
				IDL.encode(METHODS.seal_shares.args, [
					{
						vaultId: 2n ** 64n - 1n,
						nonce: 2n ** 64n - 1n,
						threshold: LIMITS.maxSlots,
						commitment: new Uint8Array(32),
						shares: Array.from({ length: LIMITS.maxSlots }, () => ({
							...share,
							ciphertext: new Uint8Array(ciphertextBytes)
						})),
						shareCommitments: Array.from(
							{ length: LIMITS.maxSlots },
							() => new Uint8Array(LIMITS.hashBytes)
						)
					}
				])
			);
		expect(seal(LIMITS.maxShareCiphertextBytes).length).toBeLessThanOrEqual(
			argumentBytesBound('seal_shares')
		);
		const approve = (bytes: number) =>
			new Uint8Array(
				IDL.encode(METHODS.approve_recovery.args, [
					{ requestId: 1n, ciphertext: new Uint8Array(bytes) }
				])
			);
		expect(inspectRefusal(strict, message('approve_recovery', approve(320)))).toBeUndefined();
		expect(inspectRefusal(strict, message('approve_recovery', approve(4_000)))).toBe('too-large');
	});
});
