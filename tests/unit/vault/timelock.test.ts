// Release happens only with >= m approvals for that exact request, and not one nanosecond early.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIMITS, NS_PER_HOUR } from '../../../canister/vault/domain/index';
import { err, ok, World } from './world';

describe('time-lock and release rule', () => {
	it('no release one nanosecond before opened_at + delay, release at that instant', () => {
		const w = World.sealed(3, 2).open();
		const openedAt = w.now;
		w.approve(0).approve(1);
		w.now = openedAt + LIMITS.defaultDelayNs - 1n;
		const early = err(w.release());
		expect(early).toEqual({
			kind: 'NotReleasable',
			reason: 'time-lock',
			releasableAt: openedAt + LIMITS.defaultDelayNs
		});
		// The refused call spends none of the request's derivations: three remain at the instant.
		w.now += 1n;
		for (let i = 0; i < LIMITS.releaseDerivationsPerRequest; i++) ok(w.release());
		expect(err(w.release())).toMatchObject({ kind: 'LimitReached' });
	});

	it('the delay is fixed at open: a later change does not shorten a running request', () => {
		const w = World.sealed(3, 2).open();
		const openedAt = w.now;
		const delayNs = LIMITS.minDelayNs;
		ok(w.setDelay(delayNs));
		w.approve(0).approve(1);
		w.now = openedAt + delayNs;
		err(w.release(), 'NotReleasable');
	});

	it('approvals count only for the request they were given to', () => {
		const w = World.sealed(3, 2).open();
		const first = w.requestId;
		// No cooldown: the sponsor opens again at once after a cancel.
		w.approve(0).cancel().open();
		expect(w.requestId).not.toBe(first);
		w.approve(1).advance(LIMITS.defaultDelayNs);
		const refused = err(w.release());
		expect(refused).toMatchObject({ kind: 'NotReleasable', reason: 'approvals' });
		// The cancelled request stays closed: its approval never counts again.
		expect(w.release(first).ok).toBe(false);
	});

	it('a request that was not collected in its release window lapses', () => {
		const w = World.sealed(3, 2).open().approve(0).approve(1);
		w.advance(LIMITS.defaultDelayNs + LIMITS.releaseWindowNs);
		const closed = err(w.release());
		expect(closed).toEqual({ kind: 'RequestClosed', status: 'expired' });
	});

	it('property: release succeeds iff approvals >= m and now >= opened_at + delay', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 2, max: 4 }), // n
				fc.integer({ min: 0, max: 4 }), // approvals
				fc.bigInt({ min: 24n, max: 30n * 24n }), // delay in hours
				fc.bigInt({ min: -2n * NS_PER_HOUR, max: 2n * NS_PER_HOUR }), // offset from unlock
				(n, approvals, delayHours, offset) => {
					const m = 2;
					const w = World.sealed(n, m);
					const delayNs = delayHours * NS_PER_HOUR;
					ok(w.setDelay(delayNs));
					w.open();
					const openedAt = w.now;
					const given = Math.min(approvals, n);
					for (let i = 0; i < given; i++) w.approve(i);
					w.now = openedAt + delayNs + offset;
					const result = w.release();
					expect(result.ok).toBe(given >= m && offset >= 0n);
				}
			),
			{ numRuns: 40 }
		);
	}, 30_000);
});
