// Bad input to recovery: typed error, state digest unchanged.
import { Principal } from '@dfinity/principal';
import { randomBytes } from '@noble/hashes/utils';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../canister/vault/domain/index';
import {
	accepted,
	approveWith,
	expectRefused,
	open,
	sealed,
	U64_MAX,
	type Case
} from './bad-input-cases';
import { err, newPrincipal, SHARE_CIPHERTEXT_BYTES } from './world';

const CASES: Case[] = [
	{
		name: 'open: unknown vault',
		world: sealed,
		call: (w) =>
			w.domain.openRecovery(w.guardian(0), w.now, { vaultId: 999n, requester: newPrincipal() }),
		kind: 'NotFound'
	},
	{
		name: 'open: vault id above u64',
		world: sealed,
		call: (w) =>
			w.domain.openRecovery(w.guardian(0), w.now, {
				vaultId: U64_MAX + 1n,
				requester: newPrincipal()
			}),
		kind: 'InvalidInput'
	},
	{
		name: 'open: vault not sealed (no share holder to open it)',
		world: accepted,
		call: (w) =>
			w.domain.openRecovery(w.guardian(0), w.now, {
				vaultId: w.vaultId,
				requester: newPrincipal()
			}),
		kind: 'Unauthorized'
	},
	{
		name: 'open: anonymous',
		world: sealed,
		call: (w) =>
			w.domain.openRecovery(Principal.anonymous(), w.now, {
				vaultId: w.vaultId,
				requester: newPrincipal()
			}),
		kind: 'AnonymousCaller'
	},
	{
		name: 'approve: ciphertext too small',
		world: open,
		call: approveWith(new Uint8Array(LIMITS.minShareCiphertextBytes - 1)),
		kind: 'InvalidInput'
	},
	{
		name: 'approve: ciphertext too large',
		world: open,
		call: approveWith(new Uint8Array(LIMITS.maxShareCiphertextBytes + 1)),
		kind: 'InvalidInput'
	},
	{
		name: 'approve: unknown request',
		world: open,
		call: approveWith(randomBytes(SHARE_CIPHERTEXT_BYTES), 999n),
		kind: 'NotFound'
	},
	{
		// Approving twice replaces the approval (protocol v2); after a decline it is refused.
		name: 'approve after decline',
		world: () => open().decline(1),
		call: (w) =>
			w.domain.approveRecovery(w.guardian(1), w.now, {
				requestId: w.requestId,
				ciphertext: randomBytes(SHARE_CIPHERTEXT_BYTES)
			}),
		kind: 'AlreadyVoted'
	},
	{
		name: 'decline after approve',
		world: () => open().approve(0),
		call: (w) => w.domain.declineRecovery(w.guardian(0), w.now, { requestId: w.requestId }),
		kind: 'AlreadyVoted'
	},
	{
		name: 'alarm on a closed request',
		world: () => open().cancel(),
		call: (w) => w.domain.raiseAlarm(w.owner, w.now, { requestId: w.requestId }),
		kind: 'RequestClosed'
	},
	{
		name: 'release of an unknown request',
		world: open,
		call: (w) => w.domain.releaseRecovery(w.requester, w.now, { requestId: 42n }),
		kind: 'NotFound'
	},
	{
		name: 'release without approvals',
		world: open,
		call: (w) =>
			w.domain.releaseRecovery(w.requester, w.now + LIMITS.defaultDelayNs, {
				requestId: w.requestId
			}),
		kind: 'NotReleasable'
	},
	{
		name: 'resign during a recovery',
		world: open,
		call: (w) => w.domain.resign(w.guardian(0), w.now, { vaultId: w.vaultId }),
		kind: 'InvalidState'
	},
	{
		name: 'set delay below minimum',
		world: sealed,
		call: (w) => w.setDelay(LIMITS.minDelayNs - 1n),
		kind: 'InvalidInput'
	}
];

describe('bad input (recovery): typed error, nothing changes', () => {
	for (const c of CASES) it(c.name, () => expectRefused(c));

	it('property: any ciphertext length outside the bounds is refused without change', () => {
		const w = open();
		const before = w.digest();
		fc.assert(
			fc.property(
				fc.oneof(
					fc.integer({ min: 0, max: LIMITS.minShareCiphertextBytes - 1 }),
					fc.integer({ min: LIMITS.maxShareCiphertextBytes + 1, max: 4096 })
				),
				(length) => {
					err(approveWith(new Uint8Array(length))(w), 'InvalidInput');
					expect(w.digest()).toBe(before);
				}
			),
			{ numRuns: 50 }
		);
	}, 30_000);
});
