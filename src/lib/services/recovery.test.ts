// The requester's side against the real guardian domain and real vetKD math (see
// tests/support/guardian-test-world.ts), with guardians opening and approving through the real
// guardian flow.
import { describe, expect, it, vi } from 'vitest';
import { LIMITS } from '@tessera/contract';
import type { Principal } from '@dfinity/principal';
import { newPrincipal, World } from '../../../tests/unit/vault/world';
import { splitEntropy } from '$lib/crypto/shares';
import { verificationCode } from '$lib/crypto/verification-code';
import { approveRequest, loadGuardedVaults } from './guardian';
import {
	CLOSED_REASONS,
	rankRequests,
	releaseErrorMessage,
	requestCode,
	requestStage,
	sealedVaultOf
} from './recovery';
import { releaseAndRecover, RELEASE_STEPS } from './release';
import {
	guardianCalls,
	requesterCalls,
	sealedWorld,
	trust,
	type SealedWorld
} from '../../../tests/support/guardian-test-world';

vi.setConfig({ testTimeout: 30_000 });

const entropy = Uint8Array.from({ length: 32 }, (_, i) => (i * 13 + 5) % 256);

async function failure(promise: Promise<unknown>): Promise<unknown> {
	return promise.then(
		() => {
			throw new Error('expected a failure');
		},
		(error: unknown) => error
	);
}

/** Guardian `sponsor` opens a request for `requester` (as from its recovery link). */
async function openFor(world: SealedWorld, requester: Principal, sponsor = 0) {
	const calls = guardianCalls(world.w, world.w.guardian(sponsor));
	return calls.openRecovery({ vaultId: world.w.vaultId, requester });
}

async function approveBy(world: SealedWorld, requestId: bigint, ...guardians: number[]) {
	const { w } = world;
	for (const i of guardians) {
		const calls = guardianCalls(w, w.guardian(i));
		const [view] = await loadGuardedVaults(calls);
		const listed = view?.vault.requests.find((request) => request.requestId === requestId);
		if (!view || !listed) throw new Error('the guardian does not see the request');
		await approveRequest(calls, trust, w.guardian(i), view.vault, listed);
	}
}

async function mine(world: SealedWorld, me: Principal) {
	const [request] = rankRequests(
		await requesterCalls(world, me).requestsForRequester(),
		world.w.anchor
	);
	if (!request) throw new Error('no request for me');
	return request;
}

describe('recovery, end to end', () => {
	it('link -> a guardian opens -> two approvals -> refused before the delay -> released -> the phrase', async () => {
		const world = await sealedWorld(entropy, 3, 2);
		const { w } = world;
		const me = newPrincipal();
		const calls = requesterCalls(world, me);
		expect(await sealedVaultOf(calls, w.anchor)).toBe(w.vaultId);
		expect(await calls.requestsForRequester()).toEqual([]);
		const { requestId, releasableAt } = await openFor(world, me);
		expect(releasableAt).toBe(w.now + LIMITS.defaultDelayNs);

		// The requester's code equals what each guardian's app computes (and asks them to type).
		const [guardianView] = await loadGuardedVaults(guardianCalls(w, w.guardian(1)));
		expect(guardianView?.requests[0]?.code).toEqual(requestCode(w.anchor, me));

		let status = await mine(world, me);
		expect(requestStage(status)).toEqual({
			stage: 'waiting',
			approvalsMissing: 2,
			waitOver: false
		});
		await approveBy(world, requestId, 0, 2);
		status = await mine(world, me);
		expect(requestStage(status)).toEqual({
			stage: 'waiting',
			approvalsMissing: 0,
			waitOver: false
		});

		const early = await failure(releaseAndRecover(calls, trust, me, status));
		expect(early).toMatchObject({ kind: 'NotReleasable', details: { releasableAt } });
		expect(releaseErrorMessage(early)).toMatch(/waiting period.*released after/isu);

		w.advance(LIMITS.defaultDelayNs);
		status = await mine(world, me);
		expect(requestStage(status)).toEqual({ stage: 'releasable' });

		// Only this browser's key gets the phrase.
		const stranger = await failure(
			releaseAndRecover(requesterCalls(world, newPrincipal()), trust, newPrincipal(), status)
		);
		expect(releaseErrorMessage(stranger)).toMatch(/only the browser/iu);

		const steps: string[] = [];
		const recovered = await releaseAndRecover(calls, trust, me, status, {
			progress: (step) => steps.push(step)
		});
		expect(recovered.entropy).toEqual(entropy);
		expect(recovered.bad).toEqual([]);
		expect(steps).toEqual([...RELEASE_STEPS, 'Phrase recovered']);
		expect(requestStage(await mine(world, me))).toEqual({ stage: 'released' });
		// A repeat (e.g. after a network failure) gives the same phrase, up to the derivation bound.
		expect((await releaseAndRecover(calls, trust, me, status)).entropy).toEqual(entropy);
		expect((await releaseAndRecover(calls, trust, me, status)).entropy).toEqual(entropy);
		const fourth = await failure(releaseAndRecover(calls, trust, me, status));
		expect(fourth).toMatchObject({ kind: 'LimitReached' });
		expect(releaseErrorMessage(fourth)).toMatch(/most times allowed/u);
	});

	it('a garbage approval is named and skipped; one more guardian’s approval repairs it', async () => {
		const world = await sealedWorld(entropy, 3, 2);
		const { w } = world;
		const me = newPrincipal();
		const calls = requesterCalls(world, me);
		const { requestId } = await openFor(world, me);
		// guardian 0 is faulty: it approves with bytes that are not its share
		w.approve(0, requestId);
		await approveBy(world, requestId, 1);
		w.advance(LIMITS.defaultDelayNs);
		const status = await mine(world, me);
		const short = await failure(releaseAndRecover(calls, trust, me, status));
		expect(short).toMatchObject({ kind: 'reconstruct-failed' });
		expect((short as Error).message).toMatch(
			/Only 1 good share of the 2 needed\. The share from guardian 1 did not match.*One more guardian’s approval on this request repairs it/u
		);
		// after release, another guardian may still approve (inside the window)
		await approveBy(world, requestId, 2);
		const recovered = await releaseAndRecover(calls, trust, me, await mine(world, me));
		expect(recovered.entropy).toEqual(entropy);
		expect(recovered.bad).toEqual([{ slot: 1, source: 'approval', reason: 'unreadable' }]);
	});

	it('refuses shares that do not form the vault’s phrase, and keys the canister made up', async () => {
		const world = await sealedWorld(entropy, 3, 2);
		const me = newPrincipal();
		const honest = requesterCalls(world, me);
		const calls = {
			...honest,
			releaseRecovery: async (args: { requestId: bigint; transportKey: Uint8Array }) => ({
				...(await honest.releaseRecovery(args)),
				entropyCommitment: new Uint8Array(32)
			})
		};
		const { requestId } = await openFor(world, me);
		await approveBy(world, requestId, 0, 1);
		world.w.advance(LIMITS.defaultDelayNs);
		const status = await mine(world, me);
		expect(await failure(releaseAndRecover(calls, trust, me, status))).toMatchObject({
			kind: 'reconstruct-failed'
		});
		const lying = {
			...honest,
			vetkdPublicKeys: async () => ({ shares: new Uint8Array(96), release: new Uint8Array(96) })
		};
		expect(await failure(releaseAndRecover(lying, trust, me, status))).toMatchObject({
			kind: 'untrusted-key'
		});
	});
});

describe('recovery with paper shares added', () => {
	it('counts a paper share once with the released ones, and refuses other vaults or seals', async () => {
		const world = await sealedWorld(entropy, 3, 2, [1, 3]);
		const me = newPrincipal();
		const calls = requesterCalls(world, me);
		const { requestId } = await openFor(world, me);
		await approveBy(world, requestId, 0, 1);
		world.w.advance(LIMITS.defaultDelayNs);
		const status = await mine(world, me);
		// slot 1 is both released and on paper: counted once
		const paper = world.paper;
		expect((await releaseAndRecover(calls, trust, me, status, { paper })).entropy).toEqual(entropy);

		const other = await splitEntropy(entropy, world.w.vaultId + 1n, 2, 3);
		if (!other.ok) throw new Error(other.error.kind);
		const foreign = await failure(
			releaseAndRecover(calls, trust, me, status, { paper: [other.value.envelopes[2]!] })
		);
		expect(foreign).toMatchObject({ kind: 'paper-refused' });
		expect(releaseErrorMessage(foreign)).toMatch(/Paper share 1 belongs to another Tessera vault/u);

		const wider = await splitEntropy(entropy, world.w.vaultId, 2, 4);
		if (!wider.ok) throw new Error(wider.error.kind);
		const widerPaper = { paper: [world.paper[0]!, wider.value.envelopes[3]!] };
		expect(await failure(releaseAndRecover(calls, trust, me, status, widerPaper))).toMatchObject({
			kind: 'paper-refused',
			message: expect.stringMatching(/other rules/u)
		});
	});
});

describe('starting a recovery: every refusal explained', () => {
	it('no vault for the anchor', async () => {
		const world = await sealedWorld(entropy);
		const error = await failure(sealedVaultOf(requesterCalls(world, newPrincipal()), 424242n));
		expect(error).toMatchObject({ kind: 'no-vault' });
		expect((error as Error).message).toMatch(/no tessera vault/iu);
	});

	it('a vault that is not sealed yet', async () => {
		const w = new World(3).create();
		const error = await failure(sealedVaultOf(requesterCalls({ w }, newPrincipal()), w.anchor));
		expect((error as Error).message).toMatch(/not sealed/iu);
	});

	it('several requests at once, none blocking another; declines fail one, and no cooldown follows', async () => {
		const world = await sealedWorld(entropy, 3, 2);
		const { w } = world;
		const me = newPrincipal();
		const first = await openFor(world, me, 0);
		const second = await openFor(world, newPrincipal(), 1);
		expect(second.requestId).not.toBe(first.requestId);
		w.decline(0, first.requestId).decline(1, first.requestId);
		const status = await mine(world, me);
		expect(requestStage(status)).toEqual({ stage: 'closed', status: 'failed' });
		expect(CLOSED_REASONS.failed).toMatch(/declined/iu);
		// a new request right after (the same sponsor, the same browser): no cooldown
		const again = await openFor(world, me, 0);
		const ranked = rankRequests(await requesterCalls(world, me).requestsForRequester(), w.anchor);
		expect(ranked[0]?.requestId).toBe(again.requestId);
		expect(requestStage(ranked[0]!)).toMatchObject({ stage: 'waiting' });
	});

	it('the verification code is the shared derivation of anchor and requester', () => {
		const me = newPrincipal();
		expect(requestCode(9n, me)).toEqual(verificationCode(9n, me));
		expect(requestCode(9n, me).text).not.toEqual(requestCode(10n, me).text);
		expect(requestCode(9n, me).text).not.toEqual(requestCode(9n, newPrincipal()).text);
	});
});
