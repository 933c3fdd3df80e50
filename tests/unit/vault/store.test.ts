// The staged store behind "nothing changes on error", and queries that never write.
import { describe, expect, it } from 'vitest';
import { MemoryStore, StagedStore } from '../../../canister/vault/domain/index';
import { ok, World } from './world';

describe('StagedStore', () => {
	it('reads its own writes, leaves the base alone until commit, then applies them', () => {
		const base = new MemoryStore<bigint, string>();
		base.insert(1n, 'one');
		base.insert(2n, 'two');
		const staged = new StagedStore(base);
		staged.insert(3n, 'three');
		staged.remove(1n);
		staged.insert(2n, 'TWO');
		expect(staged.get(1n)).toBeUndefined();
		expect(staged.get(2n)).toBe('TWO');
		expect([...staged.entries()].sort()).toEqual([
			[2n, 'TWO'],
			[3n, 'three']
		]);
		expect([...base.entries()]).toEqual([
			[1n, 'one'],
			[2n, 'two']
		]);
		staged.insert(1n, 'again');
		staged.commit();
		expect([...base.entries()]).toEqual([
			[1n, 'again'],
			[2n, 'TWO'],
			[3n, 'three']
		]);
	});

	it('an uncommitted stage is simply dropped', () => {
		const base = new MemoryStore<string, number>();
		base.insert('a', 1);
		const staged = new StagedStore(base);
		staged.remove('a');
		staged.insert('b', 2);
		expect([...base.entries()]).toEqual([['a', 1]]);
	});
});

describe('queries', () => {
	it('never change state, whoever asks', () => {
		const w = World.sealed(3, 2).open().approve(0);
		const before = w.digest();
		for (const who of [w.owner, w.guardian(0), w.requester]) {
			ok(w.domain.ownerVaults(who, w.now, undefined));
			ok(w.domain.guardianVaults(who, w.now, undefined));
			ok(w.domain.recoveryRequest(who, w.now, { requestId: w.requestId }));
			ok(w.domain.requesterRequests(who, w.now, undefined));
			ok(w.domain.anchorStatus(who, w.now, { anchor: w.anchor }));
		}
		ok(w.domain.auditLog(w.owner, w.now, { vaultId: w.vaultId }));
		expect(w.digest()).toBe(before);
		// shares_key is not a read: it counts the caller's derivations of the day.
		ok(w.domain.authorizeSharesKey(w.guardian(1), w.now, undefined));
		expect(w.digest()).not.toBe(before);
	});
});
