import { IDL } from '@dfinity/candid';
import { Principal } from '@dfinity/principal';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { SubnetKey } from '../certification/subnet-key';
import { MAX_INGRESS_BYTES } from './envelope';
import { errorResponse, HttpRequestError } from './errors';
import { acceptRequest, type SubnetContext } from './request';
import { captureOne } from './testing/agent-requests';
import { CanisterSignatureIdentity } from './testing/canister-signatures';
import { expectHttpError } from './testing/expect-error';
import {
	agentBody,
	anonymous,
	CANISTER,
	newIdentity,
	nowNs,
	OTHER_CANISTER
} from './testing/identities';

const SUBNET = Principal.fromText(
	'tdb26-jop6k-aogll-7ltgs-eruif-6kk7m-qpktf-gdiqx-mxtrf-vb5e6-eqe'
);
const ROOT_KEY = new SubnetKey();
const subnet = (isHosted: (id: Uint8Array) => boolean = () => true): SubnetContext => ({
	nowNs: nowNs(),
	subnetId: SUBNET.toUint8Array(),
	rootPublicKey: ROOT_KEY.publicKey,
	isHosted
});
const post = (url: string, body: Uint8Array) => ({ method: 'POST', url, body });

describe('acceptRequest: route, decode, effective canister id, authenticate', () => {
	test('canister signatures verify under the subnet context root key, and only under it', async () => {
		const certifiedBy = (key: SubnetKey) => (data: Uint8Array) =>
			key.dataCertificate(CANISTER.toUint8Array(), data, nowNs());
		const seed = new TextEncoder().encode('seed');
		const ours = new CanisterSignatureIdentity(CANISTER, seed, certifiedBy(ROOT_KEY));
		const url = `/api/v3/canister/${CANISTER}/call`;
		const accepted = acceptRequest(post(url, await agentBody(ours, 'call')), subnet());
		if (accepted.endpoint !== 'call') throw new Error('unreachable');
		expect(accepted.auth.sender).toEqual(ours.getPrincipal().toUint8Array());
		const theirs = new CanisterSignatureIdentity(CANISTER, seed, certifiedBy(new SubnetKey()));
		const body = await agentBody(theirs, 'call');
		expectHttpError(() => acceptRequest(post(url, body), subnet()), 'invalid_signature');
	});

	test('v3 and v2 calls, queries and read_state as the agent sends them', async () => {
		const identity = await newIdentity('ecdsa-secp256k1');
		const call = await agentBody(identity, 'call');
		for (const version of ['v2', 'v3'] as const) {
			const accepted = acceptRequest(
				post(`/api/${version}/canister/${CANISTER}/call`, call),
				subnet()
			);
			expect(accepted).toMatchObject({ endpoint: 'call', version });
			if (accepted.endpoint !== 'call') throw new Error('unreachable');
			expect(accepted.auth.sender).toEqual(identity.getPrincipal().toUint8Array());
			expect(accepted.content.methodName).toBe('greet');
		}
		const query = await agentBody(identity, 'query');
		expect(
			acceptRequest(post(`/api/v2/canister/${CANISTER}/query`, query), subnet()).endpoint
		).toBe('query');
		const readState = await agentBody(identity, 'read_state');
		expect(
			acceptRequest(post(`/api/v2/canister/${CANISTER}/read_state`, readState), subnet())
		).toMatchObject({ endpoint: 'read_state', scope: 'canister' });
		expect(
			acceptRequest(post(`/api/v2/subnet/${SUBNET}/read_state`, readState), subnet())
		).toMatchObject({
			endpoint: 'read_state',
			scope: 'subnet'
		});
		expect(
			acceptRequest({ method: 'GET', url: '/api/v2/status', body: new Uint8Array() }, subnet())
		).toEqual({
			endpoint: 'status'
		});
	});

	test('a management canister call with an effective canister id, as the agent sends it', async () => {
		const arg = new Uint8Array(
			IDL.encode([IDL.Record({ canister_id: IDL.Principal })], [{ canister_id: CANISTER }])
		);
		const { url, body } = await captureOne(await newIdentity('ed25519'), (agent) =>
			agent.call('aaaaa-aa', { methodName: 'start_canister', arg, effectiveCanisterId: CANISTER })
		);
		expect(url).toBe(`/api/v3/canister/${CANISTER}/call`);
		const accepted = acceptRequest(post(url, body), subnet());
		expect(accepted).toMatchObject({
			endpoint: 'call',
			effectiveCanisterId: CANISTER.toUint8Array()
		});
		expectHttpError(
			() => acceptRequest(post(`/api/v3/canister/${OTHER_CANISTER}/call`, body), subnet()),
			'effective_canister_id_mismatch'
		);
	});

	test('typed errors with the status the IC answers', async () => {
		const body = await agentBody(anonymous(), 'query');
		const cases: [() => unknown, number][] = [
			[() => acceptRequest(post(`/api/v2/canister/${OTHER_CANISTER}/query`, body), subnet()), 400],
			[
				() =>
					acceptRequest(
						post(`/api/v2/canister/${CANISTER}/query`, body),
						subnet(() => false)
					),
				404
			],
			[() => acceptRequest(post(`/api/v2/canister/${CANISTER}/call`, body), subnet()), 400],
			[
				() => acceptRequest(post(`/api/v2/subnet/${OTHER_CANISTER}/read_state`, body), subnet()),
				404
			],
			[() => acceptRequest(post('/api/v2/nothing', body), subnet()), 404],
			[
				() =>
					acceptRequest(
						{ method: 'GET', url: `/api/v2/canister/${CANISTER}/query`, body },
						subnet()
					),
				405
			],
			[
				() =>
					acceptRequest(
						post(`/api/v2/canister/${CANISTER}/query`, new Uint8Array(MAX_INGRESS_BYTES + 1)),
						subnet()
					),
				413
			]
		];
		for (const [run, status] of cases) {
			try {
				run();
				throw new Error('expected an HttpRequestError');
			} catch (error) {
				expect(error).toBeInstanceOf(HttpRequestError);
				const response = errorResponse(error as HttpRequestError);
				expect(response.status).toBe(status);
				expect(response.body.length).toBeGreaterThan(0);
			}
		}
		const readState = await agentBody(anonymous(), 'read_state');
		expectHttpError(
			() =>
				acceptRequest(
					post(`/api/v2/canister/${CANISTER}/read_state`, readState),
					subnet(() => false)
				),
			'canister_not_found'
		);
	});

	test('no input makes it throw anything but a typed error (fuzzed bodies and mutations)', async () => {
		const valid = await agentBody(await newIdentity('ed25519'), 'call');
		const url = `/api/v3/canister/${CANISTER}/call`;
		const mutated = fc
			.tuple(fc.nat({ max: valid.length - 1 }), fc.integer({ min: 1, max: 255 }), fc.boolean())
			.map(([at, xor, cut]) => {
				const copy = Uint8Array.from(valid);
				copy[at] = (copy[at] as number) ^ xor;
				return cut ? copy.subarray(0, at) : copy;
			});
		const bodies = fc.oneof(fc.uint8Array({ maxLength: 300 }), mutated);
		fc.assert(
			fc.property(bodies, (body) => {
				try {
					acceptRequest(post(url, body), subnet());
				} catch (error) {
					expect(error).toBeInstanceOf(HttpRequestError);
				}
			}),
			{ numRuns: 2000 }
		);
	});
});
