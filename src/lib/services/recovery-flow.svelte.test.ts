// The /recover screen's state machine over the real domain, vetKD math, WebCrypto key and a Map
// standing in for IndexedDB. Internet Identity cannot run here: its two calls are stubs (said
// where they are made); the agent-level II tests cover the real ones.
import { describe, expect, it, vi } from 'vitest';
import { LIMITS } from '../../../canister/guardian/domain/index';
import type { AnchorDevices, PhraseCheck } from '$lib/ii';
import { approveRequest, loadGuardedVaults } from './guardian';
import {
	guardianCalls,
	MapStorage,
	requesterCalls,
	sealedWorld,
	trust,
	type SealedWorld
} from './guardian-test-world';
import { RecoveryFlow, type RecoveryEnvironment } from './recovery-flow.svelte';
import { RequesterStore } from './recovery-store';

vi.setConfig({ testTimeout: 60_000 });

const entropy = Uint8Array.from({ length: 32 }, (_, i) => (i * 29 + 3) % 256);

function environment(world: SealedWorld, storage: MapStorage, check: Partial<PhraseCheck> = {}) {
	const listing: AnchorDevices = { anchor: world.w.anchor, devices: [] };
	const env: RecoveryEnvironment = {
		store: new RequesterStore(storage),
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

async function approve(world: SealedWorld, i: number) {
	const calls = guardianCalls(world.w, world.w.guardian(i));
	const [view] = await loadGuardedVaults(calls);
	await approveRequest(calls, trust, world.w.guardian(i), view!.vault);
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
		const code = flow.code?.text;

		// A reload (days later): the same request and code come back from storage.
		const reloaded = new RecoveryFlow(environment(world, storage));
		await reloaded.init();
		expect(reloaded.stage).toBe('waiting');
		expect(reloaded.code?.text).toBe(code);
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
		await approve(world, 0);
		await approve(world, 2);
		world.w.advance(LIMITS.defaultDelayNs);
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
});
