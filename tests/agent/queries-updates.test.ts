// Queries and updates through an unmodified HttpAgent: node-signed queries, v3 and v2 calls,
// rejects with their codes, management canister calls through ingress.
import {
	Actor,
	CertifiedRejectErrorCode,
	HttpAgent,
	pollForResponse,
	RejectError,
	UncertifiedRejectUpdateErrorCode
} from '@dfinity/agent';
import { Ed25519KeyIdentity } from '@dfinity/identity';
import { IDL } from '@dfinity/candid';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PROBE_WASM, probeIdlFactory, type ProbeService } from '@tessera/devnet/testing';
import { agentFor, installProbe, startTarget, type Target } from './target';
import type { Principal } from '@dfinity/principal';
import { readFileSync } from 'node:fs';
import { installCode } from '@tessera/devnet/server';

let target: Target;
let canisterId: Principal;

beforeAll(async () => {
	target = await startTarget();
	({ canisterId } = await installProbe(target.url, 'Hi'));
});
afterAll(() => target.close());

async function probe(identity = Ed25519KeyIdentity.generate()) {
	const agent = await agentFor(target.url, identity);
	return { agent, actor: Actor.createActor<ProbeService>(probeIdlFactory, { agent, canisterId }) };
}

describe('queries', () => {
	test('a query replies with a node-signed response the agent verifies', async () => {
		const { actor } = await probe();
		expect(await actor.greet('Ada')).toBe('Hi, Ada!');
	});

	test('the caller of a query is the agent identity', async () => {
		const identity = Ed25519KeyIdentity.generate();
		const { actor } = await probe(identity);
		expect((await actor.whoami()).toText()).toBe(identity.getPrincipal().toText());
	});

	test('a query to a missing method is rejected with IC0536', async () => {
		const { agent } = await probe();
		const response = await agent.query(canisterId, {
			methodName: 'noSuchMethod',
			arg: new Uint8Array(IDL.encode([], []))
		});
		expect(response.status).toBe('rejected');
		if (response.status !== 'rejected') return;
		expect(response.reject_code).toBe(5);
		expect(response.error_code).toBe('IC0536');
	});
});

describe('updates', () => {
	test('a v3 call commits and returns the certified reply', async () => {
		const { actor } = await probe();
		await actor.put('colour', 'green');
		expect(await actor.get('colour')).toEqual(['green']);
	});

	test('a v2 call is accepted (202) and its certified status is polled through read_state', async () => {
		const { agent, actor } = await probe();
		const submitted = await agent.call(canisterId, {
			methodName: 'put',
			arg: new Uint8Array(IDL.encode([IDL.Text, IDL.Text], ['shape', 'round'])),
			callSync: false
		});
		expect(submitted.response.status).toBe(202);
		const { reply } = await pollForResponse(agent, canisterId, submitted.requestId);
		expect(IDL.decode([], reply)).toEqual([]);
		expect(await actor.get('shape')).toEqual(['round']);
	});

	test('a trapping update is rejected with code 5 and IC0503, and rolled back', async () => {
		const { actor } = await probe();
		const error = await actor.putThenTrap('trapped').catch((e: unknown) => e);
		expect(error).toBeInstanceOf(RejectError);
		const cause = (error as RejectError).cause.code as CertifiedRejectErrorCode;
		expect(cause).toBeInstanceOf(CertifiedRejectErrorCode);
		expect(cause.rejectCode).toBe(5);
		expect(cause.rejectErrorCode).toBe('IC0503');
		expect(await actor.get('trapped')).toEqual([]);
	});

	// The replica's ingress filter answers 200 with the rejection as CBOR (v3: status
	// non_replicated_rejection), which the agent raises without retrying.
	test('an update refused by canister_inspect_message: one 200 answer, a typed reject', async () => {
		const calls: string[] = [];
		const agent = await HttpAgent.create({
			host: target.url,
			identity: Ed25519KeyIdentity.generate(),
			fetch: (input: RequestInfo | URL, init?: RequestInit) => {
				if (String(input).endsWith('/call')) calls.push(String(input));
				return fetch(input, init);
			}
		});
		await agent.fetchRootKey();
		const actor = Actor.createActor<ProbeService>(probeIdlFactory, { agent, canisterId });
		const error = await actor.refusedByInspect().catch((e: unknown) => e);
		expect(error).toBeInstanceOf(RejectError);
		const cause = (error as RejectError).cause.code as UncertifiedRejectUpdateErrorCode;
		expect(cause).toBeInstanceOf(UncertifiedRejectUpdateErrorCode);
		expect([cause.rejectCode, cause.rejectErrorCode]).toEqual([4, 'IC0406']);
		expect(cause.rejectMessage).toBe(`Canister ${canisterId.toText()} rejected the message`);
		expect(calls).toHaveLength(1);

		const v2 = await agent.call(canisterId, {
			methodName: 'refusedByInspect',
			arg: new Uint8Array(IDL.encode([], [])),
			callSync: false
		});
		expect(v2.response.status).toBe(200);
		expect(v2.response.body).toEqual({
			reject_code: 4,
			reject_message: `Canister ${canisterId.toText()} rejected the message`,
			error_code: 'IC0406'
		});
		expect(calls).toHaveLength(2);
	});

	test('a management canister call through ingress: a controller reinstalls, others are refused', async () => {
		const { canisterId: own, controller } = await installProbe(target.url, 'Before');
		const ownerAgent = await agentFor(target.url, controller);
		const wasm = new Uint8Array(readFileSync(PROBE_WASM));
		const arg = new Uint8Array(IDL.encode([IDL.Text], ['After']));
		await installCode(ownerAgent, { canisterId: own, wasm, arg, mode: 'upgrade' });
		const actor = Actor.createActor<ProbeService>(probeIdlFactory, {
			agent: ownerAgent,
			canisterId: own
		});
		expect(await actor.greet('Bo')).toBe('After, Bo!');
		const stranger = await agentFor(target.url, Ed25519KeyIdentity.generate());
		await expect(
			installCode(stranger, { canisterId: own, wasm, arg, mode: 'upgrade' })
		).rejects.toThrow(/IC0512|controller/);
	});
});
