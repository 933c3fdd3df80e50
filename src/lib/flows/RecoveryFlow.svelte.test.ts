// The /recover screen's state machine over the real domain, vetKD math, WebCrypto key and a Map
// standing in for IndexedDB. Internet Identity cannot run here: its two calls are stubs (said
// where they are made); the agent-level II tests cover the real ones.
import { describe, expect, it, vi } from 'vitest';
import { LIMITS } from '@tessera/contract';
import { splitEntropy } from '$lib/crypto/shares';
import type { AnchorDevices, PhraseCheck } from '$lib/ii';
import { approveRequest, loadGuardedVaults } from '$lib/services/guardian';
import {
	guardianCalls,
	MapStorage,
	requesterCalls,
	sealedWorld,
	trust,
	type SealedWorld
} from '../../../tests/support/guardian-test-world';
import { RecoveryFlow, type RecoveryEnvironment } from './RecoveryFlow.svelte';
import { RequesterStore } from '$lib/services/recovery-store';
import { parseRecoveryFragment } from '$lib/services/recovery-link';

vi.setConfig({ testTimeout: 60_000 });

const entropy = Uint8Array.from({ length: 32 }, (_, i) => (i * 29 + 3) % 256);

function environment(world: SealedWorld, storage: MapStorage, check: Partial<PhraseCheck> = {}) {
	const listing: AnchorDevices = { anchor: world.w.anchor, devices: [] };
	const env: RecoveryEnvironment = {
		store: new RequesterStore(storage),
		origin: 'https://tessera.example',
		requesterCalls: async (identity) => requesterCalls(world, identity.getPrincipal()),
		trust: () => trust,
		// Stub: II's public check (real one: tests/agent/internet-identity.test.ts).
		ii: async () =>
			({
				checkPhrase: async () => ({
					onAnchor: true,
					protected: false,
					anchorHasPhrase: true,
					...check
				}),
				signedBy: () => ({ listDevices: async () => listing })
			}) as unknown as Awaited<ReturnType<RecoveryEnvironment['ii']>>,
		freshDevice: async () => {
			throw new Error('not used here');
		},
		freshDeviceLabel: 'test'
	};
	return env;
}

/** Guardian `sponsor` opens the request from the flow's recovery link (its code typed). */
async function openFromLink(world: SealedWorld, flow: RecoveryFlow, sponsor = 0) {
	const link = parseRecoveryFragment(new URL(flow.link ?? '').hash);
	if (!link.ok) throw new Error('the flow shows no valid link');
	expect(link.value.code).toEqual(flow.code);
	const calls = guardianCalls(world.w, world.w.guardian(sponsor));
	await calls.openRecovery({ vaultId: world.w.vaultId, requester: link.value.requester });
}

async function approve(world: SealedWorld, i: number) {
	const calls = guardianCalls(world.w, world.w.guardian(i));
	const [view] = await loadGuardedVaults(calls);
	const listed = view?.vault.requests[0];
	if (!view || !listed) throw new Error('no request to approve');
	await approveRequest(calls, trust, world.w.guardian(i), view.vault, listed);
}

describe('the recovery screen', () => {
	it('opens, survives a reload, refuses early release, recovers, and forgets', async () => {
		const world = await sealedWorld(entropy);
		const storage = new MapStorage();
		const flow = new RecoveryFlow(environment(world, storage));
		await flow.init();
		expect(flow.stage).toBe('start');

		await flow.start(424242n);
		expect(flow.stage).toBe('start');
		expect(flow.openError).toMatch(/no tessera vault/iu);

		await flow.start(world.w.anchor);
		expect(flow.stage).toBe('waiting');
		expect(flow.held?.anchor).toBe(world.w.anchor);
		expect(flow.link).toMatch(/^https:\/\/tessera\.example\/guardian\/open#a=\d+&k=/u);
		expect(flow.request).toBeUndefined(); // nothing on chain until a guardian opens it
		const code = flow.code?.text;
		await openFromLink(world, flow);

		// A reload (days later): the same request and code come back from storage.
		const reloaded = new RecoveryFlow(environment(world, storage));
		await reloaded.init();
		expect(reloaded.stage).toBe('waiting');
		expect(reloaded.code?.text).toBe(code);
		expect(reloaded.link).toBe(flow.link);
		expect(reloaded.request?.approvals).toBe(0);

		await approve(world, 0);
		await approve(world, 1);
		await reloaded.refresh();
		expect(reloaded.request?.approvals).toBe(2);
		await reloaded.release();
		expect(reloaded.stage).toBe('waiting');
		expect(reloaded.releaseError).toMatch(/not yet/iu);
		expect(reloaded.steps.some(({ status }) => status === 'failed')).toBe(true);

		world.w.advance(LIMITS.defaultDelayNs);
		await reloaded.release();
		expect(reloaded.stage).toBe('recovered');
		expect(reloaded.entropy).toEqual(entropy);
		expect(reloaded.phraseCheck?.onAnchor).toBe(true);
		expect(reloaded.devices?.anchor).toBe(world.w.anchor);

		const recovered = reloaded.entropy!;
		await reloaded.forget();
		expect(recovered.every((byte) => byte === 0)).toBe(true); // wiped in place
		expect(reloaded.entropy).toBeUndefined();
		expect(reloaded.stage).toBe('start');
		expect(storage.values.has('requester-request')).toBe(false);
	});

	it('says so when the phrase is no longer the anchor’s recovery phrase', async () => {
		const world = await sealedWorld(entropy);
		const flow = new RecoveryFlow(environment(world, new MapStorage(), { onAnchor: false }));
		await flow.init();
		await flow.start(world.w.anchor);
		await openFromLink(world, flow);
		await approve(world, 0);
		await approve(world, 2);
		world.w.advance(LIMITS.defaultDelayNs);
		await flow.refresh();
		await flow.release();
		expect(flow.stage).toBe('recovered');
		expect(flow.phraseError).toMatch(/no longer the recovery phrase/iu);
		expect(flow.devices).toBeUndefined();
	});

	it('without storage (private mode) says what to do instead of failing silently', async () => {
		const world = await sealedWorld(entropy);
		const storage = new MapStorage();
		storage.get = async () => {
			throw new Error('IndexedDB unavailable');
		};
		const flow = new RecoveryFlow(environment(world, storage));
		await flow.init();
		expect(flow.stage).toBe('start');
		expect(flow.openError).toMatch(/cannot keep a recovery key/iu);
	});

	it('rebuilds the phrase from paper shares alone, with no request, and clears it when done', async () => {
		const world = await sealedWorld(entropy, 3, 2, [1, 3]);
		const storage = new MapStorage();
		const flow = new RecoveryFlow(environment(world, storage));
		await flow.init();
		const given = world.paper.map((envelope) => envelope.slice());
		await flow.recoverFromPaper(world.w.anchor, given);
		expect(flow.stage).toBe('recovered');
		expect(flow.source).toBe('paper');
		expect(flow.anchor).toBe(world.w.anchor);
		expect(flow.entropy).toEqual(entropy);
		expect(flow.phraseKey).toBeDefined();
		expect(flow.devices?.anchor).toBe(world.w.anchor);
		expect(flow.held).toBeUndefined(); // no request was opened
		expect(storage.values.has('requester-request')).toBe(false);
		expect(given).toEqual(world.paper); // the caller's shares are the caller's to wipe

		const recovered = flow.entropy!;
		await flow.finish();
		expect(recovered.every((byte) => byte === 0)).toBe(true);
		expect(flow.stage).toBe('start');
		expect(flow.source).toBeUndefined();
	});

	it('keeps the paper form with a plain reason when the shares are refused or not the anchor’s', async () => {
		const world = await sealedWorld(entropy, 3, 2, [2]);
		const flow = new RecoveryFlow(environment(world, new MapStorage()));
		await flow.init();
		await flow.recoverFromPaper(world.w.anchor, world.paper);
		expect(flow.stage).toBe('start');
		expect(flow.paperError).toMatch(/You entered 1 different share; 2 are needed/u);
		expect(flow.paperSteps).toEqual([]);

		const both = await sealedWorld(entropy, 3, 2, [1, 2]);
		const notOnAnchor = new RecoveryFlow(environment(both, new MapStorage(), { onAnchor: false }));
		await notOnAnchor.init();
		await notOnAnchor.recoverFromPaper(both.w.anchor, both.paper);
		expect(notOnAnchor.stage).toBe('start');
		expect(notOnAnchor.entropy).toBeUndefined();
		expect(notOnAnchor.paperError).toMatch(/do not rebuild the current recovery phrase/u);
	});

	it('adds paper shares to the released ones; a paper share of another vault is refused', async () => {
		const world = await sealedWorld(entropy, 3, 2, [3]);
		const flow = new RecoveryFlow(environment(world, new MapStorage()));
		await flow.init();
		await flow.start(world.w.anchor);
		await openFromLink(world, flow);
		const other = await splitEntropy(entropy, world.w.vaultId + 1n, 2, 3);
		if (!other.ok) throw new Error(other.error.kind);
		flow.usePaperShares([other.value.envelopes[1]!]);
		expect(flow.paperCount).toBe(1);
		await approve(world, 0);
		await approve(world, 1);
		world.w.advance(LIMITS.defaultDelayNs);
		await flow.refresh();
		await flow.release();
		expect(flow.stage).toBe('waiting');
		expect(flow.releaseError).toMatch(/Paper share 1 belongs to another Tessera vault/u);

		flow.usePaperShares(world.paper); // the vault's own: counted with the released shares
		await flow.release();
		expect(flow.stage).toBe('recovered');
		expect(flow.source).toBe('request');
		expect(flow.entropy).toEqual(entropy);
		flow.wipe();
		expect(flow.paperCount).toBe(0);
	});
});

describe('the recovery screen component', () => {
	it('sets the flow up once and keeps the released phrase while its state changes', async () => {
		const { render, screen } = await import('@testing-library/svelte');
		const { default: RecoveryScreen } =
			await import('$lib/components/recovery/RecoveryScreen.svelte');
		const world = await sealedWorld(entropy);
		const storage = new MapStorage();
		const first = new RecoveryFlow(environment(world, storage));
		await first.init();
		await first.start(world.w.anchor);
		await openFromLink(world, first);
		await approve(world, 0);
		await approve(world, 1);
		world.w.advance(LIMITS.defaultDelayNs);

		// The page: a held request, so init() and every poll change the flow's state. Each
		// set-up makes a new agent (a time sync and a root key fetch on a real network).
		const env = environment(world, storage);
		const connect = vi.fn(env.requesterCalls);
		const flow = new RecoveryFlow({ ...env, requesterCalls: connect });
		render(RecoveryScreen, { flow, pollMs: 50 });
		await vi.waitFor(() => expect(flow.request?.approvals).toBe(2));
		await flow.release();
		expect(flow.stage).toBe('recovered');
		await new Promise((resolve) => setTimeout(resolve, 300)); // several poll periods
		expect(connect).toHaveBeenCalledTimes(1);
		expect(flow.entropy).toEqual(entropy); // not wiped by a re-run of the page's set-up
		expect(await screen.findByRole('button', { name: 'Reveal phrase' })).toBeVisible();
	});
});
