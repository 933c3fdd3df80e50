// The Candid mapping of the vault canister (@tessera/contract/vault + canister/vault/candid.ts): every
// domain error encodes as a VaultError variant, views with absent values become opt [].
import { IDL } from '@dfinity/candid';
import { describe, expect, it } from 'vitest';
import { candidResult, replyEncoders, TableCachedEncoder } from '../../../canister/vault/candid';
import { candidError, fromCandid, toCandid } from '@tessera/contract/vault';
import type { DomainError } from '../../../canister/vault/domain/index';
import { VaultError, METHODS, OwnerVaultView } from '@tessera/contract/vault/idl';
import { ok, World } from './world';

/** One example per kind: a Record over the kinds, so a new kind without a variant fails here. */
const EXAMPLES: { [K in DomainError['kind']]: Extract<DomainError, { kind: K }> } = {
	AnonymousCaller: { kind: 'AnonymousCaller' },
	Unauthorized: { kind: 'Unauthorized', reason: 'r' },
	NotFound: { kind: 'NotFound', entity: 'vault' },
	InvalidInput: { kind: 'InvalidInput', field: 'f', reason: 'r' },
	InvalidState: { kind: 'InvalidState', reason: 'r' },
	LimitReached: { kind: 'LimitReached', limit: 'l' },
	StaleNonce: { kind: 'StaleNonce', expected: 3n },
	AnchorHasVault: { kind: 'AnchorHasVault' },
	PhraseKeyNotOnAnchor: { kind: 'PhraseKeyNotOnAnchor' },
	InviteNotFound: { kind: 'InviteNotFound' },
	InviteExpired: { kind: 'InviteExpired' },
	InviteUsed: { kind: 'InviteUsed' },
	AlreadyGuardian: { kind: 'AlreadyGuardian' },
	OwnerCannotGuard: { kind: 'OwnerCannotGuard' },
	NotAllAccepted: { kind: 'NotAllAccepted' },
	AlreadyOpen: { kind: 'AlreadyOpen', requestId: 1n },
	RateLimited: { kind: 'RateLimited', until: 2n },
	AlreadyVoted: { kind: 'AlreadyVoted' },
	RequestClosed: { kind: 'RequestClosed', status: 'cancelled' },
	NotReleasable: { kind: 'NotReleasable', reason: 'time-lock', releasableAt: 5n }
};

describe('guardian Candid mapping', () => {
	it('every domain error round-trips through the VaultError variant', () => {
		for (const error of Object.values(EXAMPLES)) {
			const encoded = IDL.encode([VaultError], [candidError(error)]);
			const [decoded] = IDL.decode([VaultError], encoded) as [Record<string, unknown>];
			const { kind, ...fields } = error;
			expect(decoded).toEqual({ [kind]: Object.keys(fields).length ? fields : null });
		}
	});

	it('adapter errors are variants too; results wrap Ok and Err', () => {
		const failure = candidError({ kind: 'VetKdFailed', message: 'no key' });
		expect(() => IDL.encode([VaultError], [failure])).not.toThrow();
		expect(candidResult({ ok: true, value: 2 }, (n) => n * 2)).toEqual({ Ok: 4 });
		expect(candidResult({ ok: false, error: { kind: 'AlreadyVoted' } }, (n: number) => n)).toEqual({
			Err: { AlreadyVoted: null }
		});
		expect(fromCandid.slotSpec({ keep: 2 })).toEqual({ keep: 2 });
	});

	it('an owner view with pending invites and no request encodes (absent = opt [])', () => {
		const w = new World(3).create();
		const [view] = ok(w.domain.ownerVaults(w.owner, w.now, undefined));
		const mapped = toCandid.ownerVaultView(view as NonNullable<typeof view>);
		expect(mapped.requests).toEqual([]);
		expect(mapped.ownerName).toEqual([]);
		expect(mapped.slots[0]?.guardian).toEqual([]);
		const bytes = IDL.encode([OwnerVaultView], [mapped]);
		expect(bytes.byteLength).toBeGreaterThan(0);
	});

	it('every method has a result type and query methods are the read-only ones', () => {
		const queries = Object.entries(METHODS)
			.filter(([, m]) => 'query' in m)
			.map(([name]) => name)
			.sort();
		expect(queries).toEqual([
			'anchor_status',
			'audit_log',
			'guardian_vaults',
			'invitation',
			'owner_vaults',
			'version'
		]);
	});

	it('replies with cached tables are byte for byte what IDL.encode gives, for every method', () => {
		const encoders = replyEncoders(METHODS);
		const w = World.sealed(3, 2).open();
		const [view] = ok(w.domain.ownerVaults(w.owner, w.now, undefined));
		const owner = toCandid.ownerVaultView(view as NonNullable<typeof view>);
		const okValues: Partial<Record<keyof typeof METHODS, unknown>> = {
			create_vault: { Ok: { vaultId: 7n } },
			set_delay: { Ok: null },
			shares_key: { Ok: new Uint8Array(192).fill(3) },
			owner_vaults: { Ok: [owner, owner] },
			version: '0.2.0'
		};
		for (const [name, method] of Object.entries(METHODS) as [
			keyof typeof METHODS,
			{ result: IDL.Type }
		][]) {
			const values: unknown[] = [
				{ Err: candidError({ kind: 'StaleNonce', expected: 4n }) },
				{ Err: candidError({ kind: 'VetKdFailed', message: 'no' }) }
			];
			if (name === 'version') values.splice(0, 2);
			if (okValues[name] !== undefined) values.push(okValues[name]);
			for (const value of values) {
				const expected = new Uint8Array(IDL.encode([method.result], [value]));
				expect(encoders[name].encode(value), name).toEqual(expected);
				expect(IDL.decode([method.result], encoders[name].encode(value))).toEqual(
					IDL.decode([method.result], expected)
				);
			}
		}
		// Methods with the same result type object share one encoder (one table to build).
		expect(encoders.set_delay).toBe(encoders.seal_shares);
		expect(encoders.owner_vaults).not.toBe(encoders.set_delay);
	});

	it('a value that does not fit the type is refused, not encoded', () => {
		const encoder = new TableCachedEncoder(METHODS.set_delay.result);
		expect(() => encoder.encode({ Ok: 5n })).toThrow();
	});
});
