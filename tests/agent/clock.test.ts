// Time as the agent sees it: ingress expiry against devnet's clock, certificate freshness, and
// timers firing as the clock moves. All of it needs devnet's clock control (--admin), so the
// suite skips against other replicas.
import { Actor, type HttpAgent } from '@dfinity/agent';
import { Ed25519KeyIdentity } from '@dfinity/identity';
import { IDL } from '@dfinity/candid';
import type { Principal } from '@dfinity/principal';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { captureOne, probeIdlFactory, type ProbeService } from '@tessera/devnet/testing';
import {
	agentFor,
	controlsDevnet,
	installProbe,
	postCbor,
	startTarget,
	type Target
} from './target';

describe.runIf(controlsDevnet)('devnet clock control', () => {
	let target: Target;
	let canisterId: Principal;
	let agent: HttpAgent;

	beforeAll(async () => {
		target = await startTarget();
		({ canisterId } = await installProbe(target.url));
		agent = await agentFor(target.url);
	});
	afterAll(() => target.close());

	const actor = () => Actor.createActor<ProbeService>(probeIdlFactory, { agent, canisterId });

	test('canister time follows the clock; a timer fires once its time has come', async () => {
		const before = await actor().now();
		await actor().scheduleTimer(120, 'timer-fired');
		expect(await actor().get('timer-fired')).toEqual([]);
		await target.advanceTime(2 * 60_000 + 1000);
		expect(await actor().get('timer-fired')).toEqual(['fired']);
		expect((await actor().now()) - before).toBeGreaterThanOrEqual(121n * 1_000_000_000n);
	});

	test('a signed request is refused with 400 once its ingress expiry has passed', async () => {
		const request = await captureOne(Ed25519KeyIdentity.generate(), (capturing) =>
			capturing.call(canisterId, {
				methodName: 'put',
				arg: new Uint8Array(IDL.encode([IDL.Text, IDL.Text], ['late', 'v']))
			})
		);
		await target.advanceTime(6 * 60_000);
		const response = await postCbor(target.url, request.url, request.body);
		expect(response.status).toBe(400);
		expect(await response.text()).toMatch(/expir/i);
	});

	test('after the clock jumps an hour ahead, the agent syncs its time and keeps working', async () => {
		await target.advanceTime(60 * 60_000);
		await actor().put('after-jump', 'v');
		expect(await actor().get('after-jump')).toEqual(['v']);
	});
});
