import { hashOfMap, HttpAgent, type Identity } from '@dfinity/agent';
import * as cbor from '@dfinity/cbor';
import { Principal } from '@dfinity/principal';
import { ed25519 } from '@noble/curves/ed25519';
import { bytesToHex, concatBytes, hexToBytes } from '@noble/hashes/utils';
import { describe, expect, test } from 'vitest';
import { ErrorCode, reject } from '../codes';
import { errorResponse, HttpRequestError } from './errors';
import { checkReadStatePaths } from './read-state-paths';
import { acceptRequest } from './request';
import {
	encodeQueryResponse,
	IC_RESPONSE_DOMAIN,
	NodeKey,
	queryResponseHash,
	rootKeyDer,
	signedQueryResponse,
	statusBody,
	type QueryOutcome
} from './responses';
import { CANISTER, newIdentity, nowNs } from './testing/identities';
import { TestSubnet } from './testing/subnet-certificate';

const requestId = new Uint8Array(32).fill(3);
const replied: QueryOutcome = {
	status: 'replied',
	arg: Uint8Array.of(0x44, 0x49, 0x44, 0x4c, 0, 0)
};
const rejected: QueryOutcome = {
	status: 'rejected',
	...reject(ErrorCode.CanisterCalledTrap, 'trapped: boom')
};

describe('query response signatures in the spec byte layout', () => {
	test('the signed hash is the one @dfinity/agent recomputes', () => {
		const timestamp = 1_700_000_000_000_000_000n;
		expect(bytesToHex(queryResponseHash(replied, requestId, timestamp))).toBe(
			bytesToHex(
				hashOfMap({
					status: 'replied',
					reply: { arg: replied.arg },
					timestamp,
					request_id: requestId
				})
			)
		);
		expect(bytesToHex(queryResponseHash(rejected, requestId, timestamp))).toBe(
			bytesToHex(
				hashOfMap({
					status: 'rejected',
					reject_code: 5,
					reject_message: 'trapped: boom',
					error_code: 'IC0503',
					timestamp,
					request_id: requestId
				})
			)
		);
	});

	test('Ed25519 over "\\x0Bic-response" || hash, by the node id of the DER key', () => {
		const node = NodeKey.random();
		for (const outcome of [replied, rejected]) {
			const body = signedQueryResponse(outcome, requestId, 42n, node);
			const [signature] = body.signatures;
			if (!signature) throw new Error('no signature');
			expect(signature.identity).toEqual(node.nodeId);
			expect(signature.timestamp).toBe(42n);
			const message = concatBytes(IC_RESPONSE_DOMAIN, queryResponseHash(outcome, requestId, 42n));
			const rawKey = node.publicKeyDer.subarray(12);
			expect(ed25519.verify(signature.signature, message, rawKey)).toBe(true);
			expect(ed25519.verify(signature.signature, message.slice(0, -1), rawKey)).toBe(false);
		}
		expect(bytesToHex(IC_RESPONSE_DOMAIN)).toBe('0b69632d726573706f6e7365');
	});

	test('a node key survives persisting its secret; wrong sizes are programming errors', () => {
		const node = NodeKey.random();
		const rfc8410 = concatBytes(
			hexToBytes('302a300506032b6570032100'),
			ed25519.getPublicKey(node.secretBytes())
		);
		expect(node.publicKeyDer).toEqual(rfc8410);
		const again = NodeKey.fromSecretBytes(node.secretBytes());
		expect(again.publicKeyDer).toEqual(node.publicKeyDer);
		expect(again.nodeId).toEqual(Principal.selfAuthenticating(node.publicKeyDer).toUint8Array());
		expect(() => NodeKey.fromSecretBytes(new Uint8Array(31))).toThrow(RangeError);
		expect(() => rootKeyDer(new Uint8Array(48))).toThrow(RangeError);
	});
});

/**
 * A fake devnet for an unmodified HttpAgent: status, node-signed queries (answering `outcome`,
 * after the real acceptRequest pipeline) and a stub certificate for read_state ["subnet"].
 * The canister execution is the only part replaced (by `outcome`).
 */
function fakeDevnet(outcome: QueryOutcome, options: { signer?: NodeKey; corrupt?: boolean } = {}) {
	const subnet = new TestSubnet();
	const node = NodeKey.random();
	const signer = options.signer ?? node;
	const ranges: [Uint8Array, Uint8Array][] = [[CANISTER.toUint8Array(), CANISTER.toUint8Array()]];
	const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
		const url = new URL(String(input));
		const cborResponse = (bytes: Uint8Array) =>
			new Response(Uint8Array.from(bytes).buffer, {
				status: 200,
				headers: { 'content-type': 'application/cbor' }
			});
		try {
			const accepted = acceptRequest(
				{
					method: init?.method ?? 'GET',
					url: url.pathname,
					body: init?.body ? new Uint8Array(init.body as ArrayBuffer) : new Uint8Array()
				},
				{
					nowNs: nowNs(),
					subnetId: subnet.subnetId,
					rootPublicKey: subnet.rootPublicKey,
					isHosted: () => true
				}
			);
			if (accepted.endpoint === 'status')
				return cborResponse(statusBody(subnet.rootPublicKey, 'devnet-test'));
			if (accepted.endpoint === 'read_state') {
				const noCalls = { knownRequest: () => undefined, mayReadMetadata: () => true };
				checkReadStatePaths(accepted.content.paths, accepted, accepted.auth, noCalls);
				return cborResponse(subnet.subnetReadState(node, ranges, nowNs()));
			}
			if (accepted.endpoint !== 'query') return new Response('unexpected', { status: 500 });
			const body = signedQueryResponse(outcome, accepted.auth.requestId, nowNs(), signer);
			const signature = body.signatures[0]?.signature;
			if (options.corrupt && signature) signature[0] = (signature[0] as number) ^ 1;
			return cborResponse(encodeQueryResponse(body));
		} catch (error) {
			if (!(error instanceof HttpRequestError)) throw error;
			const { status, body } = errorResponse(error);
			return new Response(body, { status });
		}
	};
	return { subnet, fetch };
}

async function agentFor(identity: Identity, fetch: typeof globalThis.fetch) {
	const agent = HttpAgent.createSync({
		host: 'http://devnet.test',
		identity,
		fetch,
		retryTimes: 0
	});
	await agent.fetchRootKey();
	return agent;
}

describe("@dfinity/agent's own query-signature verification accepts devnet's responses", () => {
	test('status: the agent fetches the root key; the body has the documented fields', async () => {
		const devnet = fakeDevnet(replied);
		const agent = await agentFor(await newIdentity('ed25519'), devnet.fetch);
		expect(agent.rootKey).toEqual(devnet.subnet.rootKeyDer);
		const status = cbor.decode(statusBody(devnet.subnet.rootPublicKey, 'devnet-test')) as Record<
			string,
			unknown
		>;
		expect(status).toEqual({
			ic_api_version: '0.18.0',
			impl_version: 'devnet-test',
			replica_health_status: 'healthy',
			root_key: devnet.subnet.rootKeyDer
		});
		expect(
			bytesToHex(devnet.subnet.rootKeyDer).startsWith('308182301d060d2b0601040182dc7c05030102')
		).toBe(true);
		expect(devnet.subnet.rootKeyDer.length).toBe(133);
	});

	test.each([
		['replied', replied],
		['rejected', rejected]
	] as const)('a %s query, signed by the node, verified by the agent', async (_name, outcome) => {
		const devnet = fakeDevnet(outcome);
		const agent = await agentFor(await newIdentity('ecdsa-p256'), devnet.fetch);
		const response = await agent.query(CANISTER, { methodName: 'greet', arg: Uint8Array.of(1) });
		expect(response.status).toBe(outcome.status);
		if (response.status === 'replied' && outcome.status === 'replied') {
			expect(new Uint8Array(response.reply.arg)).toEqual(outcome.arg);
		}
		if (response.status === 'rejected' && outcome.status === 'rejected') {
			expect(response.reject_code).toBe(5);
			expect(response.error_code).toBe('IC0503');
		}
		expect(response.signatures?.length).toBe(1);
	});

	test('the agent refuses a corrupted signature and a node key not in the certificate', async () => {
		const identity = await newIdentity('ed25519');
		const corrupted = await agentFor(identity, fakeDevnet(replied, { corrupt: true }).fetch);
		await expect(
			corrupted.query(CANISTER, { methodName: 'greet', arg: Uint8Array.of(1) })
		).rejects.toThrow(/signature/i);
		const stranger = await agentFor(
			identity,
			fakeDevnet(replied, { signer: NodeKey.random() }).fetch
		);
		await expect(
			stranger.query(CANISTER, { methodName: 'greet', arg: Uint8Array.of(1) })
		).rejects.toThrow();
	});
});

test('DER root key prefix matches the reference', () => {
	expect(bytesToHex(rootKeyDer(new Uint8Array(96)).subarray(0, 37))).toBe(
		bytesToHex(
			hexToBytes('308182301d060d2b0601040182dc7c0503010201060c2b0601040182dc7c05030201036100')
		)
	);
});
