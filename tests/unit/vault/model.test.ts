// Random sequences of operations by random actors: after every step the safety invariants hold.
import type { Principal } from '@dfinity/principal';
import { randomBytes } from '@noble/hashes/utils';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeIdList } from '../../../canister/vault/domain/record-codec';
import { Repository, guardianSet } from '../../../canister/vault/domain/repository';
import { LIMITS, NS_PER_HOUR, type Result } from '../../../canister/vault/domain/index';
import { newPrincipal, SHARE_CIPHERTEXT_BYTES, World } from './world';

type Action =
	| { type: 'open'; who: number }
	| { type: 'approve' | 'decline' | 'checkIn' | 'resign'; guardian: number }
	| { type: 'alarm' | 'cancel' | 'replay' }
	| { type: 'release'; who: number }
	| { type: 'advance'; hours: number }
	| { type: 'setDelay'; hours: number };

const action: fc.Arbitrary<Action> = fc.oneof(
	{
		arbitrary: fc.record({
			type: fc.constant('open' as const),
			who: fc.integer({ min: 0, max: 2 })
		}),
		weight: 3
	},
	...(
		[
			['approve', 8],
			['decline', 2],
			['checkIn', 1],
			['resign', 1]
		] as const
	).map(([type, weight]) => ({
		arbitrary: fc.record({ type: fc.constant(type), guardian: fc.integer({ min: 0, max: 3 }) }),
		weight
	})),
	{
		arbitrary: fc.record({
			type: fc.constantFrom('alarm' as const, 'cancel' as const, 'replay' as const)
		}),
		weight: 2
	},
	{
		arbitrary: fc.record({
			type: fc.constant('release' as const),
			who: fc.constantFrom(-1, -1, -1, 0, 1, 2) // -1: the current request's requester
		}),
		weight: 4
	},
	{
		arbitrary: fc.record({
			type: fc.constant('advance' as const),
			hours: fc.integer({ min: 0, max: 48 })
		}),
		weight: 3
	},
	{
		arbitrary: fc.record({
			type: fc.constant('setDelay' as const),
			hours: fc.integer({ min: 0, max: 800 })
		}),
		weight: 1
	}
);

function indexIsConsistent(w: World): void {
	const repo = new Repository(w.stores);
	const vault = repo.vault(w.vaultId);
	// The index is keyed by principal text; guardianSet by bytes.
	const expected = [...guardianSet(vault).values()].map((p) => p.toText()).sort();
	const indexed = [...w.stores.guardianIndex.entries()]
		.filter(([, ids]) => decodeIdList(ids).includes(w.vaultId))
		.map(([who]) => who)
		.sort();
	expect(indexed).toEqual(expected);
}

describe('model: random operation sequences keep the invariants', () => {
	it('failed steps change nothing; releases obey the rule; nonces only grow; indexes agree', () => {
		fc.assert(
			fc.property(fc.array(action, { minLength: 25, maxLength: 40 }), (actions) => {
				const w = World.sealed(4, 2);
				const requesters: Principal[] = [w.requester, newPrincipal(), newPrincipal()];
				/** The last accepted phrase-identity call, to replay it (same nonce). */
				let lastPhraseCall: (() => Result<unknown>) | undefined;
				let nonce = w.vaultNonce();
				for (const step of actions) {
					const before = w.digest();
					const repo = new Repository(w.stores);
					const request = w.requestId === 0n ? undefined : repo.request(w.requestId);
					let result: Result<unknown>;
					let phraseCall: (() => Result<unknown>) | undefined;
					switch (step.type) {
						case 'open':
							// A guardian sponsors the request for a requester (v2: strangers open nothing).
							result = w.domain.openRecovery(w.guardian(step.who), w.now, {
								vaultId: w.vaultId,
								requester: requesters[step.who] as Principal
							});
							if (result.ok) w.requestId = (result.value as { requestId: bigint }).requestId;
							break;
						case 'approve':
							result = w.domain.approveRecovery(w.guardian(step.guardian), w.now, {
								requestId: w.requestId,
								ciphertext: randomBytes(SHARE_CIPHERTEXT_BYTES)
							});
							break;
						case 'decline':
							result = w.domain.declineRecovery(w.guardian(step.guardian), w.now, {
								requestId: w.requestId
							});
							break;
						case 'resign':
							result = w.domain.resign(w.guardian(step.guardian), w.now, { vaultId: w.vaultId });
							break;
						case 'checkIn': {
							const identity = w.checkIdentity(step.guardian);
							const share = repo
								.vault(w.vaultId)
								?.seal?.shares.find((s) => s.checkPrincipal.toText() === identity.toText());
							result = w.checkIn(step.guardian, share?.checkInNonce ?? 0n);
							break;
						}
						case 'alarm':
							result = w.domain.raiseAlarm(w.owner, w.now, { requestId: w.requestId });
							break;
						case 'cancel': {
							const args = { requestId: w.requestId, nonce: w.vaultNonce() };
							phraseCall = () => w.domain.cancelRecovery(w.phraseIdentity, w.now, args);
							result = phraseCall();
							break;
						}
						case 'setDelay': {
							const delayNs = BigInt(step.hours) * NS_PER_HOUR;
							const args = { vaultId: w.vaultId, nonce: w.vaultNonce(), delayNs };
							phraseCall = () => w.domain.setDelay(w.phraseIdentity, w.now, args);
							result = phraseCall();
							break;
						}
						case 'replay':
							if (!lastPhraseCall) continue;
							result = lastPhraseCall();
							expect(result.ok).toBe(false);
							break;
						case 'release': {
							const caller =
								step.who < 0
									? (request?.requester ?? w.requester)
									: (requesters[step.who] as Principal);
							result = w.domain.releaseRecovery(caller, w.now, { requestId: w.requestId });
							if (result.ok) {
								expect(request).toBeDefined();
								expect(caller.toText()).toBe(request?.requester.toText());
								expect(request?.approvals.length).toBeGreaterThanOrEqual(
									request?.threshold ?? Infinity
								);
								expect(w.now).toBeGreaterThanOrEqual(request?.releasableAt ?? Infinity);
							}
							break;
						}
						case 'advance':
							w.advance(BigInt(step.hours) * NS_PER_HOUR);
							continue;
					}
					if (phraseCall && result.ok) lastPhraseCall = phraseCall;
					if (!result.ok) expect(w.digest()).toBe(before);
					const current = w.vaultNonce();
					expect(current - nonce).toBe(phraseCall && result.ok ? 1n : 0n);
					nonce = current;
					indexIsConsistent(w);
					expect(new Repository(w.stores).vault(w.vaultId)?.delayNs).toBeGreaterThanOrEqual(
						LIMITS.minDelayNs
					);
				}
			}),
			{ numRuns: 40 }
		);
	}, 120_000);
});
