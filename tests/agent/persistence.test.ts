// Restarting devnet on the same state: the root key (and node key) stay, so an agent that
// fetched the root key before keeps working; canisters keep ids, stable memory and heap; the
// ingress history keeps request statuses until their ingress expiry.
// Needs a devnet started by the tests (restart), so it skips against other replicas.
import {
	Actor,
	AnonymousIdentity,
	Certificate,
	lookupResultToBuffer,
	pollForResponse,
	requestIdOf,
	type RequestId
} from '@dfinity/agent';
import * as cbor from '@dfinity/cbor';
import { IDL } from '@dfinity/candid';
import { Ed25519KeyIdentity } from '@dfinity/identity';
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

/** Devnet checkpoints at most 500 ms after a committed update; saving takes a moment more. */
const CHECKPOINT_WAIT_MS = 3000;

const putArg = (key: string, value: string) =>
	new Uint8Array(IDL.encode([IDL.Text, IDL.Text], [key, value]));
const utf8 = (text: string) => new TextEncoder().encode(text);

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

	test('request statuses survive a restart; a resubmitted request still runs once', async () => {
		const identity = Ed25519KeyIdentity.generate();
		const agent = await agentFor(target.url, identity);
		const actor = Actor.createActor<ProbeService>(probeIdlFactory, { agent, canisterId });
		// signed bytes of a call, kept to submit again after the restart
		const call = await captureOne(identity, (capturing) =>
			capturing.call(canisterId, { methodName: 'put', arg: putArg('once', 'first') })
		);
		const { content } = cbor.decode(call.body) as { content: Record<string, unknown> };
		const requestId = requestIdOf(content);
		expect((await postCbor(target.url, call.url, call.body)).status).toBe(200);
		await actor.put('once', 'second');

		await target.restart();

		const again = await postCbor(target.url, call.url, call.body);
		expect(again.status).toBe(200);
		expect(await actor.get('once')).toEqual(['second']); // the first put did not run again
		const after = await agentFor(target.url, identity);
		const { reply } = await pollForResponse(after, canisterId, requestId);
		expect(reply).toEqual(new Uint8Array(IDL.encode([], [])));
	});

	test('a request status is forgotten once its ingress expiry has passed, restart or not', async () => {
		// anonymous: devnet, like the replica, does not check the expiry of anonymous read_state
		// requests, so the status can be asked for after the clock has moved past the agent's
		const agent = await agentFor(target.url, new AnonymousIdentity());
		const { requestId } = await agent.call(canisterId, {
			methodName: 'put',
			arg: putArg('expiring', 'v'),
			callSync: false
		});
		await pollForResponse(agent, canisterId, requestId);
		expect(await requestStatus(requestId)).toBe('replied');

		await target.advanceTime(6 * 60_000); // the agent's ingress expiry is 5 minutes
		await target.restart();

		expect(await requestStatus(requestId)).toBeUndefined();
	});

	/** The certified status of an anonymous request, checked against devnet's root key. */
	async function requestStatus(requestId: RequestId): Promise<string | undefined> {
		const agent = await agentFor(target.url);
		const paths = [[utf8('request_status'), new Uint8Array(requestId)]];
		const request = await captureOne(new AnonymousIdentity(), (capturing) =>
			capturing.readState(canisterId, { paths })
		);
		const answer = await postCbor(target.url, request.url, request.body);
		expect(answer.status).toBe(200);
		const body = cbor.decode(new Uint8Array(await answer.arrayBuffer())) as {
			certificate: Uint8Array;
		};
		const certificate = await Certificate.create({
			certificate: body.certificate,
			rootKey: agent.rootKey as Uint8Array,
			canisterId,
			disableTimeVerification: true // devnet's clock was moved ahead on purpose
		});
		const status = lookupResultToBuffer(
			certificate.lookup_path(['request_status', new Uint8Array(requestId), 'status'])
		);
		return status && new TextDecoder().decode(status);
	}
});
