// The app's agent (src/lib/canisters/time-synced-agent.ts) against devnet's clock: when the
// replica's clock jumps days ahead of the browser's (devnet's `time advance`), signed queries and
// updates keep working without a new agent, and the page's replica clock follows the jump. An
// unmodified agent that synced once is shown failing first, so the test can tell them apart.
import { Actor, HttpAgent } from '@dfinity/agent';
import { Ed25519KeyIdentity } from '@dfinity/identity';
import type { Principal } from '@dfinity/principal';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { replicaClock } from '../../src/lib/canisters/replica-clock';
import { isExpiryRefusal, TimeSyncedAgent } from '../../src/lib/canisters/time-synced-agent';
import { probeIdlFactory, type ProbeService } from '@tessera/devnet/testing';
import { controlsDevnet, installProbe, startTarget, type Target } from './target';

const HOUR_MS = 3_600_000;

describe.runIf(controlsDevnet)('an agent that keeps to the replica’s clock', () => {
	let target: Target;
	let canisterId: Principal;

	beforeAll(async () => {
		target = await startTarget();
		({ canisterId } = await installProbe(target.url));
	});
	afterAll(() => target.close());

	const probe = (agent: HttpAgent) =>
		Actor.createActor<ProbeService>(probeIdlFactory, { agent, canisterId });
	const replicaNowMs = async (agent: HttpAgent) => Number((await probe(agent).now()) / 1_000_000n);

	test('an unmodified agent, synced once, is refused after the replica’s clock jumps', async () => {
		const agent = await HttpAgent.create({
			host: target.url,
			identity: Ed25519KeyIdentity.generate(),
			shouldFetchRootKey: true,
			shouldSyncTime: false
		});
		await agent.syncTime(canisterId);
		await probe(agent).put('before', 'v');
		await target.advanceTime(72 * HOUR_MS);
		const refused = await probe(agent)
			.put('after', 'v')
			.then(
				() => undefined,
				(error: unknown) => error
			);
		expect(isExpiryRefusal(refused), String(refused)).toBe(true);
		// a query fails too: its expiry, or the subnet keys' read_state, is refused
		await expect(probe(agent).get('before')).rejects.toThrow();
	});

	test('the app’s agent resyncs on a refused expiry and sends once more', async () => {
		const agent = await TimeSyncedAgent.connect(
			{ host: target.url, identity: Ed25519KeyIdentity.generate() },
			true
		);
		await probe(agent).put('first', 'v');
		const firstOffset = replicaClock.offsetMs;
		expect(Math.abs(replicaClock.now() - (await replicaNowMs(agent)))).toBeLessThan(60_000);

		for (const jump of [72 * HOUR_MS, 5 * HOUR_MS]) {
			await target.advanceTime(jump);
			expect(await probe(agent).get('first')).toEqual(['v']); // a signed query
			await probe(agent).put(`after-${jump}`, 'v'); // an update
			expect(await probe(agent).get(`after-${jump}`)).toEqual(['v']);
		}
		expect(replicaClock.offsetMs - firstOffset).toBeGreaterThan(77 * HOUR_MS - 60_000);
		expect(Math.abs(replicaClock.now() - (await replicaNowMs(agent)))).toBeLessThan(60_000);
	});

	test('other errors are not retried as expiry refusals', () => {
		expect(isExpiryRefusal(new Error('Invalid request expiry'))).toBe(false);
		expect(isExpiryRefusal(undefined)).toBe(false);
	});
});
