import { requestIdOf } from '@dfinity/agent';
import * as cbor from '@dfinity/cbor';
import { Ed25519KeyIdentity } from '@dfinity/identity';
import { Principal } from '@dfinity/principal';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils';
import { describe, expect, test } from 'vitest';
import { decodeCbor } from './cbor';
import { decodeEnvelope, MAX_INGRESS_BYTES, type RequestType } from './envelope';
import { captureOne, editBody } from './testing/agent-requests';
import { expectHttpError } from './testing/expect-error';

const canister = Principal.fromText('ryjl3-tyaaa-aaaaa-aaaba-cai');
const identity = Ed25519KeyIdentity.generate();
const utf8 = (s: string) => new TextEncoder().encode(s);

const callBody = (arg = Uint8Array.of(1, 2, 3)) =>
	captureOne(identity, (agent) => agent.call(canister, { methodName: 'greet', arg }));
const queryBody = () =>
	captureOne(identity, (agent) =>
		agent.query(canister, { methodName: 'greet', arg: Uint8Array.of(7) })
	);
const readStateBody = (paths: Uint8Array[][]) =>
	captureOne(identity, (agent) => agent.readState(canister, { paths }));

function agentRequestId(body: Uint8Array): string {
	const { content } = cbor.decode(body) as { content: Record<string, unknown> };
	return bytesToHex(requestIdOf(content as never));
}

describe('decodeEnvelope on what @dfinity/agent posts', () => {
	test('a call: typed content, signature fields, and the agent request id', async () => {
		const { url, body } = await callBody();
		expect(url).toBe(`/api/v3/canister/${canister.toText()}/call`);
		const envelope = decodeEnvelope(body, 'call');
		const { content } = envelope;
		expect(content.requestType).toBe('call');
		if (content.requestType !== 'call') throw new Error('unreachable');
		expect(content.canisterId).toEqual(canister.toUint8Array());
		expect(content.methodName).toBe('greet');
		expect(content.arg).toEqual(Uint8Array.of(1, 2, 3));
		expect(content.sender).toEqual(identity.getPrincipal().toUint8Array());
		expect(content.nonce?.length).toBe(16);
		expect(envelope.senderPubkey).toEqual(new Uint8Array(identity.getPublicKey().toDer()));
		expect(envelope.senderSig?.length).toBe(64);
		expect(bytesToHex(envelope.requestId)).toBe(agentRequestId(body));
	});

	test('a query (no nonce) and its request id', async () => {
		const { body } = await queryBody();
		const envelope = decodeEnvelope(body, 'query');
		expect(envelope.content.requestType).toBe('query');
		expect(envelope.content.nonce).toBeUndefined();
		expect(bytesToHex(envelope.requestId)).toBe(agentRequestId(body));
	});

	test('a read_state with nested multi-label paths and its request id', async () => {
		const paths = [
			[utf8('time')],
			[utf8('request_status'), new Uint8Array(32).fill(7), utf8('status')],
			[utf8('canister'), canister.toUint8Array(), utf8('metadata'), utf8('candid:service')]
		];
		const { body } = await readStateBody(paths);
		const envelope = decodeEnvelope(body, 'read_state');
		expect(envelope.content.paths).toEqual(paths);
		expect(bytesToHex(envelope.requestId)).toBe(agentRequestId(body));
	});

	test('an argument close to 2 MiB passes, one over the limit is 413', async () => {
		const near = await callBody(new Uint8Array(MAX_INGRESS_BYTES - 2048));
		expect(decodeEnvelope(near.body, 'call').content.requestType).toBe('call');
		const over = await callBody(new Uint8Array(MAX_INGRESS_BYTES));
		expectHttpError(() => decodeEnvelope(over.body, 'call'), 'payload_too_large');
	});
});

describe('decodeEnvelope refuses malformed bodies with typed errors', () => {
	test('a request type the endpoint does not take', async () => {
		const { body } = await queryBody();
		const cases: RequestType[] = ['call', 'read_state'];
		for (const endpoint of cases) {
			expectHttpError(() => decodeEnvelope(body, endpoint), 'malformed_request');
		}
	});

	test.each<[string, string]>([
		['empty body', ''],
		['garbage', 'ff00ff'],
		['truncated byte string', 'd9d9f7a167636f6e74656e7458ff00'],
		['trailing bytes', 'd9d9f7a0' + '00'],
		['duplicate map key', 'a2616101616102'],
		['indefinite-length map', 'bf616101ff'],
		['non-text map key', 'a10101'],
		['__proto__ key', 'a1695f5f70726f746f5f5fa0'],
		['float', 'fb3ff0000000000000'],
		['nested tag', 'a16161d9d9f7a0'],
		['bignum tag', 'c24101'],
		['invalid UTF-8 text', '62c328'],
		['nesting too deep', '81'.repeat(40) + 'a0'],
		['a top-level array instead of a map', '80']
	])('%s', (_name, hex) => {
		expectHttpError(() => decodeEnvelope(hexToBytes(hex), 'call'), 'malformed_request');
	});

	test('decodeCbor accepts what the agent encodes and nothing after it', () => {
		const bytes = cbor.encodeWithSelfDescribedTag({ a: [Uint8Array.of(1)], b: 2n ** 60n });
		expect(decodeCbor(bytes)).toEqual({ a: [Uint8Array.of(1)], b: 2n ** 60n });
		expectHttpError(() => decodeCbor(Uint8Array.of(...bytes, 0)), 'malformed_request', /trailing/);
	});

	const edits: [
		string,
		(e: { content: Record<string, unknown> } & Record<string, unknown>) => void
	][] = [
		['missing content', (e) => delete (e as Record<string, unknown>).content],
		['content is a blob', (e) => (e.content = Uint8Array.of(1) as never)],
		['sender is text', (e) => (e.content.sender = 'me')],
		['sender longer than 29 bytes', (e) => (e.content.sender = new Uint8Array(30))],
		['ingress_expiry is text', (e) => (e.content.ingress_expiry = '1')],
		['ingress_expiry is negative', (e) => (e.content.ingress_expiry = -1)],
		['nonce longer than 32 bytes', (e) => (e.content.nonce = new Uint8Array(33))],
		['canister_id longer than 29 bytes', (e) => (e.content.canister_id = new Uint8Array(30))],
		['method_name missing', (e) => delete e.content.method_name],
		['method_name is a blob', (e) => (e.content.method_name = Uint8Array.of(1))],
		['arg is text', (e) => (e.content.arg = 'x')],
		['unknown content field', (e) => (e.content.extra = Uint8Array.of(1))],
		['unknown envelope field', (e) => (e.extra = Uint8Array.of(1))],
		['sender_sig is text', (e) => (e.sender_sig = 'sig')],
		['sender_pubkey is an array', (e) => (e.sender_pubkey = [])],
		['sender_delegation is a map', (e) => (e.sender_delegation = {})],
		['delegation lacks a signature', (e) => (e.sender_delegation = [{ delegation: {} }])],
		[
			'delegation expiration is text',
			(e) =>
				(e.sender_delegation = [
					{
						delegation: { pubkey: Uint8Array.of(1), expiration: 'soon' },
						signature: Uint8Array.of(1)
					}
				])
		],
		[
			'delegation target is text',
			(e) =>
				(e.sender_delegation = [
					{
						delegation: { pubkey: Uint8Array.of(1), expiration: 1, targets: ['x'] },
						signature: Uint8Array.of(1)
					}
				])
		]
	];
	test.each(edits)('%s', async (_name, edit) => {
		const { body } = await callBody();
		expectHttpError(() => decodeEnvelope(editBody(body, edit), 'call'), 'malformed_request');
	});

	test('read_state paths: a label that is not a blob, too many paths, a path too long', async () => {
		const { body } = await readStateBody([[utf8('time')]]);
		const withPaths = (paths: unknown) =>
			editBody(body, (e) => {
				e.content.paths = paths;
			});
		expectHttpError(() => decodeEnvelope(withPaths([['time']]), 'read_state'), 'malformed_request');
		expectHttpError(() => decodeEnvelope(withPaths('time'), 'read_state'), 'malformed_request');
		const tooMany = Array.from({ length: 1001 }, () => [utf8('time')]);
		expectHttpError(
			() => decodeEnvelope(withPaths(tooMany), 'read_state'),
			'malformed_request',
			/1000/
		);
		const tooLong = [Array.from({ length: 128 }, () => utf8('x'))];
		expectHttpError(
			() => decodeEnvelope(withPaths(tooLong), 'read_state'),
			'malformed_request',
			/127/
		);
		expect(
			decodeEnvelope(withPaths([Array.from({ length: 127 }, () => utf8('x'))]), 'read_state')
		).toBeTruthy();
	});
});
