// The requester's flows against the real guardian domain and real vetKD math (see
// tests/support/guardian-test-world.ts), with guardians approving through the real guardian flow.
import { describe, expect, it, vi } from 'vitest';
import { LIMITS } from '@tessera/contract';
import { newPrincipal, World } from '../../../tests/unit/vault/world';
import { splitEntropy } from '$lib/crypto/shares';
import { verificationCode } from '$lib/crypto/verification-code';
import { approveRequest, loadGuardedVaults } from './guardian';
import {
	CLOSED_REASONS,
	openErrorMessage,
	openRequest,
	reconstruct,
	RECONSTRUCT_STEPS,
	releaseErrorMessage,
	requestCode,
	requestStage
} from './recovery';
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

async function approveBy(world: SealedWorld, ...guardians: number[]) {
	const { w } = world;
	for (const i of guardians) {
		const calls = guardianCalls(w, w.guardian(i));
		const [view] = await loadGuardedVaults(calls);
		await approveRequest(calls, trust, w.guardian(i), view!.vault);
	}
}

describe('recovery, end to end', () => {
	it('open -> code -> two approvals -> refused before the delay -> released -> the phrase', async () => {
		const world = await sealedWorld(entropy, 3, 2);
		const { w } = world;
		const me = newPrincipal();
		const calls = requesterCalls(world, me);
		const { requestId, releasableAt } = await openRequest(calls, w.anchor);
		expect(releasableAt).toBe(w.now + LIMITS.defaultDelayNs);

		// The requester's code equals what each guardian sees.
		const [guardianView] = await loadGuardedVaults(guardianCalls(w, w.guardian(0)));
		expect(guardianView?.pending?.code).toEqual(requestCode(w.anchor, me));

		let status = await calls.requestStatus(requestId);
		expect(requestStage(status)).toEqual({
			stage: 'waiting',
			approvalsMissing: 2,
			waitOver: false
		});
		await approveBy(world, 0, 2);
		status = await calls.requestStatus(requestId);
		expect(requestStage(status)).toEqual({
			stage: 'waiting',
			approvalsMissing: 0,
			waitOver: false
		});

		const early = await failure(reconstruct(calls, trust, me, status));
		expect(early).toMatchObject({ kind: 'NotReleasable', details: { releasableAt } });
		expect(releaseErrorMessage(early)).toMatch(/waiting period.*released after/isu);

		w.advance(LIMITS.defaultDelayNs);
		status = await calls.requestStatus(requestId);
		expect(requestStage(status)).toEqual({ stage: 'releasable' });

		// Only this browser's key gets the phrase.
		const stranger = await failure(
			reconstruct(requesterCalls(world, newPrincipal()), trust, newPrincipal(), status)
		);
		expect(releaseErrorMessage(stranger)).toMatch(/only the browser/iu);

		const steps: string[] = [];
		const recovered = await reconstruct(calls, trust, me, status, (step) => steps.push(step));
		expect(recovered).toEqual(entropy);
		expect(steps).toEqual([...RECONSTRUCT_STEPS, 'Phrase recovered']);
		expect(requestStage(await calls.requestStatus(requestId))).toEqual({ stage: 'released' });
		// A repeat (e.g. after a network failure) gives the same phrase.
		expect(await reconstruct(calls, trust, me, status)).toEqual(entropy);
	});

	it('refuses shares that do not form the vault’s phrase', async () => {
		const world = await sealedWorld(entropy, 3, 2);
		const me = newPrincipal();
		const calls = requesterCalls({ ...world, commitment: new Uint8Array(32) }, me);
		const { requestId } = await openRequest(calls, world.w.anchor);
		await approveBy(world, 0, 1);
		world.w.advance(LIMITS.defaultDelayNs);
		const status = await calls.requestStatus(requestId);
		expect(await failure(reconstruct(calls, trust, me, status))).toMatchObject({
			kind: 'reconstruct-failed'
		});
		const lying = {
			...calls,
			vetkdPublicKeys: async () => ({ shares: new Uint8Array(96), release: new Uint8Array(96) })
		};
		expect(await failure(reconstruct(lying, trust, me, status))).toMatchObject({
			kind: 'untrusted-key'
		});
	});
});

describe('recovery with paper shares added', () => {
	it('counts a paper share once with the released ones, and refuses other vaults or seals', async () => {
		const world = await sealedWorld(entropy, 3, 2, [1, 3]);
		const me = newPrincipal();
		const calls = requesterCalls(world, me);
		const { requestId } = await openRequest(calls, world.w.anchor);
		await approveBy(world, 0, 1);
		world.w.advance(LIMITS.defaultDelayNs);
		const status = await calls.requestStatus(requestId);
		// slot 1 is both released and on paper: counted once
		expect(await reconstruct(calls, trust, me, status, undefined, world.paper)).toEqual(entropy);

		const other = await splitEntropy(entropy, world.w.vaultId + 1n, 2, 3);
		if (!other.ok) throw new Error(other.error.kind);
		const foreign = await failure(
			reconstruct(calls, trust, me, status, undefined, [other.value.envelopes[2]!])
		);
		expect(foreign).toMatchObject({ kind: 'paper-refused' });
		expect(releaseErrorMessage(foreign)).toMatch(/Paper share 1 belongs to another Tessera vault/u);

		const wider = await splitEntropy(entropy, world.w.vaultId, 2, 4);
		if (!wider.ok) throw new Error(wider.error.kind);
		expect(
			await failure(reconstruct(calls, trust, me, status, undefined, [wider.value.envelopes[3]!]))
		).toMatchObject({ kind: 'paper-refused', message: expect.stringMatching(/other rules/u) });
	});
});

describe('opening a recovery: every refusal explained', () => {
	it('no vault for the anchor', async () => {
		const { w } = await sealedWorld(entropy);
		const error = await failure(
			openRequest(requesterCalls({ w, commitment: new Uint8Array() }, newPrincipal()), 424242n)
		);
		expect(error).toMatchObject({ kind: 'NotFound' });
		expect(openErrorMessage(error)).toMatch(/no tessera vault/iu);
	});

	it('a vault that is not sealed yet', async () => {
		const w = new World(3).create();
		const error = await failure(
			openRequest(requesterCalls({ w, commitment: new Uint8Array() }, newPrincipal()), w.anchor)
		);
		expect(openErrorMessage(error)).toMatch(/not sealed/iu);
	});

	it('another request is active, then the cooldown after it is declined', async () => {
		const world = await sealedWorld(entropy, 3, 2);
		const { w } = world;
		w.open();
		const error = await failure(openRequest(requesterCalls(world, newPrincipal()), w.anchor));
		expect(openErrorMessage(error)).toMatch(/already under way/iu);
		w.decline(0).decline(1);
		const status = await requesterCalls(world, w.requester).requestStatus(w.requestId);
		expect(requestStage(status)).toEqual({ stage: 'closed', status: 'failed' });
		expect(CLOSED_REASONS.failed).toMatch(/declined/iu);
		const cooldown = await failure(openRequest(requesterCalls(world, newPrincipal()), w.anchor));
		expect(cooldown).toMatchObject({ kind: 'CooldownActive' });
		expect(openErrorMessage(cooldown)).toMatch(/must wait\. Try again after/iu);
	});

	it('the verification code is the shared derivation of anchor and requester', () => {
		const me = newPrincipal();
		expect(requestCode(9n, me)).toEqual(verificationCode(9n, me));
		expect(requestCode(9n, me).text).not.toEqual(requestCode(10n, me).text);
		expect(requestCode(9n, me).text).not.toEqual(requestCode(9n, newPrincipal()).text);
	});
});
