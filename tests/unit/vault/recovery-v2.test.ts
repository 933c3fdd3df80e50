// Protocol v2's recovery rules on the pure domain: guardian-opened requests (several per vault,
// one per sponsor, none blocks another), failure by declines, expiry, approval replacement (also
// after release), the alarm as information, one-call release with its derivation bound, the
// shares_key and check-in allowances, and the owner index's confirmation.
import { Principal } from '@dfinity/principal';
import { randomBytes } from '@noble/hashes/utils';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../canister/vault/domain/index';
import { err, newPrincipal, ok, SHARE_CIPHERTEXT_BYTES, World } from './world';

const DELAY = 72n * 3600n * 1_000_000_000n;

describe('opening', () => {
	it('only a share holder of the sealed vault opens, for the requester it names', () => {
		const w = World.sealed(3, 2);
		const args = { vaultId: w.vaultId, requester: w.requester };
		err(w.domain.openRecovery(newPrincipal(), w.now, args), 'Unauthorized');
		err(w.domain.openRecovery(w.owner, w.now, args), 'Unauthorized');
		err(w.domain.openRecovery(w.requester, w.now, args), 'Unauthorized');
		err(w.domain.openRecovery(Principal.anonymous(), w.now, args), 'AnonymousCaller');
		const anonymousRequester = { vaultId: w.vaultId, requester: Principal.anonymous() };
		err(w.domain.openRecovery(w.guardian(0), w.now, anonymousRequester), 'InvalidInput');
		const opened = ok(w.domain.openRecovery(w.guardian(0), w.now, args));
		expect(opened.releasableAt).toBe(w.now + DELAY);
		expect(opened.expiresAt).toBe(w.now + DELAY + LIMITS.releaseWindowNs);
		const view = ok(w.domain.recoveryRequest(w.requester, w.now, opened));
		expect(view.sponsor.toText()).toBe(w.guardian(0).toText());
		expect(view.requester.toText()).toBe(w.requester.toText());
	});

	it('an unsealed vault cannot be opened (no share holders)', () => {
		const w = new World(3).create().acceptAll();
		const args = { vaultId: w.vaultId, requester: w.requester };
		err(w.domain.openRecovery(w.guardian(0), w.now, args), 'Unauthorized');
	});

	it('one live request per sponsor; every other sponsor opens its own; none blocks another', () => {
		const w = World.sealed(3, 2);
		const first = w.openAs(0);
		const again = err(
			w.domain.openRecovery(w.guardian(0), w.now, { vaultId: w.vaultId, requester: w.requester })
		);
		expect(again).toEqual({ kind: 'AlreadyOpen', requestId: first });
		const second = w.openAs(1, newPrincipal());
		const third = w.openAs(2, newPrincipal());
		expect(new Set([first, second, third]).size).toBe(3);
		// The first request still completes while the others are open.
		w.approve(1, first).approve(2, first).advance(DELAY);
		expect(ok(w.release(first)).approvals).toHaveLength(2);
	});

	it('no cooldown: after a failed or cancelled request its sponsor opens again at once', () => {
		const w = World.sealed(3, 2);
		const first = w.openAs(0);
		w.decline(1, first).decline(2, first);
		expect(ok(w.domain.recoveryRequest(w.owner, w.now, { requestId: first })).status).toBe(
			'failed'
		);
		const second = w.openAs(0);
		ok(w.domain.cancelRecovery(w.guardian(0), w.now, { requestId: second, nonce: 0n }));
		const third = w.openAs(0);
		expect(third).toBeGreaterThan(second);
		// The sponsor's older records are replaced: one stored request per sponsor.
		err(w.domain.recoveryRequest(w.owner, w.now, { requestId: first }), 'NotFound');
	});

	it('opening another request never changes a released one', () => {
		const w = World.sealed(3, 2);
		const released = w.openAs(0);
		w.approve(0, released).approve(1, released).advance(DELAY);
		const before = ok(w.release(released));
		const beforeView = ok(w.domain.recoveryRequest(w.requester, w.now, { requestId: released }));
		w.openAs(1, newPrincipal());
		w.openAs(2, newPrincipal());
		const after = ok(w.release(released));
		expect(after.approvals).toEqual(before.approvals);
		expect(after.shareCommitments).toEqual(before.shareCommitments);
		const afterView = ok(w.domain.recoveryRequest(w.requester, w.now, { requestId: released }));
		expect({ ...afterView, derivations: 0 }).toEqual({ ...beforeView, derivations: 0 });
	});
});

describe('voting', () => {
	it('fails exactly when declines make m unreachable', () => {
		const w = World.sealed(5, 3);
		const id = w.openAs(0);
		w.decline(1, id).decline(2, id);
		expect(ok(w.domain.recoveryRequest(w.owner, w.now, { requestId: id })).status).toBe('open');
		w.decline(3, id);
		expect(ok(w.domain.recoveryRequest(w.owner, w.now, { requestId: id })).status).toBe('failed');
	});

	it('a guardian replaces its own approval, also after release inside the window', () => {
		const w = World.sealed(3, 2);
		const id = w.openAs(0);
		const bad = randomBytes(SHARE_CIPHERTEXT_BYTES);
		const good = randomBytes(SHARE_CIPHERTEXT_BYTES);
		w.approve(0, id, bad).approve(0, id, good);
		w.approve(1, id).advance(DELAY);
		const released = ok(w.release(id));
		expect(released.approvals.map((a) => a.slot)).toEqual([0, 1]);
		expect(released.approvals[0]?.ciphertext).toEqual(good);
		// After release, one more guardian adds its share (repairs a bad one).
		w.approve(2, id);
		expect(ok(w.release(id)).approvals.map((a) => a.slot)).toEqual([0, 1, 2]);
		// After the window: nothing more.
		w.advance(LIMITS.releaseWindowNs);
		const late = { requestId: id, ciphertext: randomBytes(SHARE_CIPHERTEXT_BYTES) };
		err(w.domain.approveRecovery(w.guardian(2), w.now, late), 'RequestClosed');
		err(w.release(id), 'RequestClosed');
	});

	it('a guardian that declined cannot approve, and votes once', () => {
		const w = World.sealed(3, 2);
		const id = w.openAs(0);
		w.decline(1, id);
		const args = { requestId: id, ciphertext: randomBytes(SHARE_CIPHERTEXT_BYTES) };
		err(w.domain.approveRecovery(w.guardian(1), w.now, args), 'AlreadyVoted');
		err(w.domain.declineRecovery(w.guardian(1), w.now, { requestId: id }), 'AlreadyVoted');
	});

	it('an open request expires at releasableAt + RELEASE_WINDOW_NS', () => {
		const w = World.sealed(3, 2);
		const id = w.openAs(0);
		w.advance(DELAY + LIMITS.releaseWindowNs);
		expect(ok(w.domain.recoveryRequest(w.owner, w.now, { requestId: id })).status).toBe('expired');
		// Expired: its sponsor may open a new one.
		expect(w.openAs(0)).toBeGreaterThan(id);
	});
});

describe('the alarm is information', () => {
	it('extends that request once, never blocks approval or release, leaves others alone', () => {
		const w = World.sealed(3, 2);
		const genuine = w.openAs(0);
		const other = w.openAs(1, newPrincipal());
		const otherBefore = ok(w.domain.recoveryRequest(w.owner, w.now, { requestId: other }));
		ok(w.domain.raiseAlarm(w.owner, w.now, { requestId: genuine }));
		ok(w.domain.raiseAlarm(w.owner, w.now, { requestId: genuine }));
		const view = ok(w.domain.recoveryRequest(w.owner, w.now, { requestId: genuine }));
		expect(view.releasableAt).toBe(view.openedAt + 2n * DELAY);
		expect(view.alarmRaisedAt).toBe(w.now);
		expect(ok(w.domain.recoveryRequest(w.owner, w.now, { requestId: other }))).toEqual(otherBefore);
		w.approve(1, genuine).approve(2, genuine).advance(DELAY);
		expect(err(w.release(genuine))).toMatchObject({ kind: 'NotReleasable', reason: 'time-lock' });
		w.advance(DELAY);
		expect(ok(w.release(genuine)).approvals).toHaveLength(2);
	});

	it('only the owner raises it', () => {
		const w = World.sealed(3, 2);
		const id = w.openAs(0);
		for (const who of [w.guardian(1), w.requester, w.phraseIdentity, newPrincipal()]) {
			err(w.domain.raiseAlarm(who, w.now, { requestId: id }), 'Unauthorized');
		}
	});
});

describe('release', () => {
	it('returns approvals, per-share commitments by slot and the entropy commitment', () => {
		const w = World.sealed(3, 2);
		const id = w.openAs(0);
		w.approve(2, id).approve(0, id).advance(DELAY);
		const released = ok(w.release(id));
		expect(released.approvals.map((a) => a.slot)).toEqual([0, 2]);
		expect(released.shareCommitments).toEqual(w.shareCommitments);
		expect(released.entropyCommitment).toEqual(w.commitment);
		expect(released.input.length).toBe(8 + w.requester.toUint8Array().length);
	});

	it('at most RELEASE_DERIVATIONS_PER_REQUEST derivations per request', () => {
		const w = World.sealed(3, 2);
		const id = w.openAs(0);
		w.approve(0, id).approve(1, id).advance(DELAY);
		for (let i = 0; i < LIMITS.releaseDerivationsPerRequest; i++) ok(w.release(id));
		err(w.release(id), 'LimitReached');
		const view = ok(w.domain.recoveryRequest(w.requester, w.now, { requestId: id }));
		expect(view.derivations).toBe(LIMITS.releaseDerivationsPerRequest);
	});

	it('only the requester, only with m approvals and after the delay', () => {
		const w = World.sealed(3, 2);
		const id = w.openAs(0);
		w.approve(0, id);
		w.advance(DELAY);
		expect(err(w.release(id))).toMatchObject({ kind: 'NotReleasable', reason: 'approvals' });
		w.approve(1, id);
		err(w.release(id, w.guardian(0)), 'Unauthorized');
		err(w.release(id, w.owner), 'Unauthorized');
		ok(w.release(id));
	});
});

describe('seal', () => {
	it('stores one 32-byte commitment per share and refuses anything else', () => {
		const w = new World(3).create().acceptAll();
		const few = { ...w.sealArgs(2), shareCommitments: [randomBytes(32), randomBytes(32)] };
		err(w.domain.seal(w.phraseIdentity, w.now, few), 'InvalidInput');
		const short = { ...w.sealArgs(2), shareCommitments: w.checkKeys.map(() => randomBytes(31)) };
		err(w.domain.seal(w.phraseIdentity, w.now, short), 'InvalidInput');
		w.seal(2);
	});

	it('a new seal ends every request of the vault', () => {
		const w = World.sealed(3, 2);
		const id = w.openAs(0);
		w.seal(2);
		err(w.domain.recoveryRequest(w.owner, w.now, { requestId: id }), 'NotFound');
		expect(w.openAs(0)).toBeGreaterThan(id);
	});
});

describe('derivation and check-in allowances', () => {
	it('shares_key: share holders of sealed vaults only, SHARES_KEY_PER_DAY a day', () => {
		const unsealed = new World(3).create().acceptAll();
		err(unsealed.domain.authorizeSharesKey(unsealed.guardian(0), unsealed.now), 'Unauthorized');
		const w = World.sealed(3, 2);
		for (let i = 0; i < LIMITS.sharesKeysPerDay; i++) {
			ok(w.domain.authorizeSharesKey(w.guardian(0), w.now, undefined));
		}
		const limited = err(w.domain.authorizeSharesKey(w.guardian(0), w.now, undefined));
		expect(limited).toMatchObject({ kind: 'RateLimited' });
		ok(w.domain.authorizeSharesKey(w.guardian(1), w.now, undefined));
		w.advance(24n * 3600n * 1_000_000_000n);
		ok(w.domain.authorizeSharesKey(w.guardian(0), w.now, undefined));
	});

	it('one check-in a day per share', () => {
		const w = World.sealed(3, 2);
		ok(w.checkIn(0, 0n));
		expect(err(w.checkIn(0, 1n))).toMatchObject({ kind: 'RateLimited' });
		ok(w.checkIn(1, 0n));
		w.advance(LIMITS.checkInIntervalNs);
		ok(w.checkIn(0, 1n));
	});
});

describe('owner index', () => {
	it('lists and counts only vaults the owner confirmed', () => {
		const base = new World(3, 20_000n);
		const victim = base.owner;
		// Anyone can name the victim as owner of vaults on anchors of their own...
		const worlds = Array.from({ length: LIMITS.maxVaultsPerOwner + 2 }, (_, i) => {
			const w = new World(3, 30_000n + BigInt(i), base);
			const args = w.createArgs({ owner: victim });
			w.vaultId = ok(w.domain.createVault(w.phraseIdentity, w.now, args)).vaultId;
			return w;
		});
		expect(ok(base.domain.ownerVaults(victim, base.now, undefined))).toEqual([]);
		// ...and the victim's own vault still enters its index.
		base.create();
		expect(ok(base.domain.ownerVaults(victim, base.now, undefined)).map((v) => v.vaultId)).toEqual([
			base.vaultId
		]);
		// Confirming is the owner's alone.
		const foreign = worlds[0] as World;
		err(foreign.domain.confirmVault(newPrincipal(), foreign.now, foreign), 'Unauthorized');
	});
});

describe('property: any pattern of votes keeps the rules', () => {
	it('fails iff declines > n - m; releasable iff approvals >= m after the delay', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 2, max: 6 }).chain((n) =>
					fc.record({
						n: fc.constant(n),
						m: fc.integer({ min: 2, max: n }),
						votes: fc.array(fc.constantFrom('approve', 'decline', 'none'), {
							minLength: n,
							maxLength: n
						}),
						alarm: fc.boolean()
					})
				),
				({ n, m, votes, alarm }) => {
					const w = World.sealed(n, m);
					const id = w.openAs(0);
					if (alarm) ok(w.domain.raiseAlarm(w.owner, w.now, { requestId: id }));
					let declines = 0;
					let approvals = 0;
					votes.forEach((vote, i) => {
						const view = ok(w.domain.recoveryRequest(w.owner, w.now, { requestId: id }));
						if (view.status !== 'open') return;
						if (vote === 'approve') {
							w.approve(i, id);
							approvals++;
						}
						if (vote === 'decline') {
							w.decline(i, id);
							declines++;
						}
					});
					const status = ok(w.domain.recoveryRequest(w.owner, w.now, { requestId: id })).status;
					expect(status === 'failed').toBe(declines > n - m);
					w.advance(alarm ? 2n * DELAY : DELAY);
					expect(w.release(id).ok).toBe(status === 'open' && approvals >= m);
				}
			),
			{ numRuns: 60 }
		);
	});
});
