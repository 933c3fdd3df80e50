// read_state through an unmodified agent: time, controllers, module hash, subnet facts (node
// keys, canister ranges), request status and who may read it; certificates checked against
// the root key.
import { Actor, CanisterStatus, HttpAgent } from '@dfinity/agent';
import { Ed25519KeyIdentity } from '@dfinity/identity';
import { IDL } from '@dfinity/candid';
import type { Principal } from '@dfinity/principal';
import { bls12_381 as bls } from '@noble/curves/bls12-381';
import { sha256 } from '@noble/hashes/sha2';
import { concatBytes, hexToBytes } from '@noble/hashes/utils';
import * as cbor from '@dfinity/cbor';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
	captureOne,
	PROBE_WASM,
	probeIdlFactory,
	type ProbeService
} from '@tessera/devnet/testing';
import { agentFor, installProbe, postCbor, startTarget, type Target } from './target';

let target: Target;
let canisterId: Principal;
let controller: Ed25519KeyIdentity;

beforeAll(async () => {
	target = await startTarget();
	({ canisterId, controller } = await installProbe(target.url));
});
afterAll(() => target.close());

const utf8 = (text: string) => new TextEncoder().encode(text);

const post = (path: string, body: Uint8Array) => postCbor(target.url, path, body);

describe('read_state paths', () => {
	test('time, controllers and module hash of a canister', async () => {
		const agent = await agentFor(target.url);
		const status = await CanisterStatus.request({
			agent,
			canisterId,
			paths: ['time', 'controllers', 'module_hash']
		});
		const time = status.get('time') as Date;
		expect(Math.abs(time.getTime() - Date.now())).toBeLessThan(60_000);
		const controllers = status.get('controllers') as Principal[];
		expect(controllers.map((p) => p.toText())).toEqual([controller.getPrincipal().toText()]);
		const installed = new Uint8Array(gzipSync(readFileSync(PROBE_WASM)));
		const hash = status.get('module_hash') as string;
		expect(hash).toBe(Buffer.from(sha256(installed)).toString('hex'));
	});

	test('the subnet: node keys and canister ranges that contain the canister', async () => {
		const agent = await agentFor(target.url);
		const status = await CanisterStatus.request({ agent, canisterId, paths: ['subnet'] });
		const subnet = status.get('subnet') as { nodeKeys: Map<string, unknown>; subnetId: string };
		expect(subnet.nodeKeys.size).toBe(1);
		expect(subnet.subnetId).toMatch(/-/);
	});

	test('an unknown path is refused with 404', async () => {
		const request = await captureOne(Ed25519KeyIdentity.generate(), (agent) =>
			agent.readState(canisterId, { paths: [[utf8('no_such_path')]] })
		);
		expect((await post(request.url, request.body)).status).toBe(404);
	});

	test("another sender's request status is refused with 403; the sender reads it", async () => {
		const owner = Ed25519KeyIdentity.generate();
		const agent = await agentFor(target.url, owner);
		const submitted = await agent.call(canisterId, {
			methodName: 'put',
			arg: new Uint8Array(IDL.encode([IDL.Text, IDL.Text], ['status', 'v'])),
			callSync: false
		});
		const paths = [[utf8('request_status'), new Uint8Array(submitted.requestId)]];
		const stranger = await captureOne(Ed25519KeyIdentity.generate(), (capturing) =>
			capturing.readState(canisterId, { paths })
		);
		const refused = await post(stranger.url, stranger.body);
		expect(refused.status).toBe(403);
		const own = await captureOne(owner, (capturing) => capturing.readState(canisterId, { paths }));
		const answer = await post(own.url, own.body);
		expect(answer.status).toBe(200);
		const { certificate } = cbor.decode(new Uint8Array(await answer.arrayBuffer())) as {
			certificate: Uint8Array;
		};
		expect(certificate.length).toBeGreaterThan(0);
	});
});

describe('certificates', () => {
	test('an agent trusting another root key refuses devnet certificates', async () => {
		const otherKey = concatBytes(
			hexToBytes('308182301d060d2b0601040182dc7c0503010201060c2b0601040182dc7c05030201036100'),
			bls.getPublicKeyForShortSignatures(bls.utils.randomPrivateKey())
		);
		const agent = await HttpAgent.create({ host: target.url, rootKey: otherKey });
		const actor = Actor.createActor<ProbeService>(probeIdlFactory, { agent, canisterId });
		await expect(actor.put('wrong-root', 'v')).rejects.toThrow(/signature|certificate/i);
		await expect(actor.greet('x')).rejects.toThrow();
	});
});
