// Restarting devnet on the same state: the root key (and node key) stay, so an agent that
// fetched the root key before keeps working; canisters keep ids, stable memory and heap.
// Needs a devnet started by the tests (restart), so it skips against other replicas.
import { Actor } from '@dfinity/agent';
import { Ed25519KeyIdentity } from '@dfinity/identity';
import type { Principal } from '@dfinity/principal';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { probeIdlFactory, type ProbeService } from '../../devnet/test/probe';
import { agentFor, controlsDevnet, installProbe, startTarget, type Target } from './target';

/** Devnet checkpoints at most 500 ms after a committed update; saving takes a moment more. */
const CHECKPOINT_WAIT_MS = 3000;

describe.runIf(controlsDevnet)('restart persistence', () => {
	let target: Target;
	let canisterId: Principal;

	beforeAll(async () => {
		target = await startTarget();
		({ canisterId } = await installProbe(target.url));
	});
	afterAll(() => target.close());

	test('root key, canister ids and canister state survive a restart', async () => {
		const identity = Ed25519KeyIdentity.generate();
		const agent = await agentFor(target.url, identity);
		const actor = Actor.createActor<ProbeService>(probeIdlFactory, { agent, canisterId });
		await actor.put('kept', 'across restarts');
		const heapCount = await actor.heapCount();
		const rootKey = agent.rootKey;

		await target.restart();

		const fresh = await agentFor(target.url);
		expect(fresh.rootKey).toEqual(rootKey);
		// the agent from before the restart (same root key, node keys re-read) keeps working
		expect(await actor.get('kept')).toEqual(['across restarts']);
		expect(await actor.heapCount()).toBe(heapCount);
		await actor.put('after', 'restart');
		expect(await actor.get('after')).toEqual(['restart']);
	});

	test('after a crash (SIGKILL) devnet restarts from its last checkpoint', async () => {
		const agent = await agentFor(target.url);
		const actor = Actor.createActor<ProbeService>(probeIdlFactory, { agent, canisterId });
		await actor.put('before-crash', 'checkpointed');
		await new Promise((resolve) => setTimeout(resolve, CHECKPOINT_WAIT_MS));

		await target.restart({ crash: true });

		expect(await actor.get('before-crash')).toEqual(['checkpointed']);
	});
});
