// Request authentication through HTTP: every key type the IC accepts, delegation chains and
// their failures (400), tampered signatures (400), ingress expiry, body limits, CORS.
import { Actor, AnonymousIdentity, type HttpAgent, type SignIdentity } from '@dfinity/agent';
import * as cbor from '@dfinity/cbor';
import {
	DelegationChain,
	DelegationIdentity,
	ECDSAKeyIdentity,
	Ed25519KeyIdentity
} from '@dfinity/identity';
import { Secp256k1KeyIdentity } from '@dfinity/identity-secp256k1';
import { IDL } from '@dfinity/candid';
import { Principal } from '@dfinity/principal';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { captureOne, editBody, probeIdlFactory, type ProbeService } from '@tessera/devnet/testing';
import { agentFor, installProbe, postCbor, startTarget, type Target } from './target';

let target: Target;
let canisterId: Principal;

beforeAll(async () => {
	target = await startTarget();
	({ canisterId } = await installProbe(target.url));
});
afterAll(() => target.close());

const actorOf = (agent: HttpAgent) =>
	Actor.createActor<ProbeService>(probeIdlFactory, { agent, canisterId });

async function delegatedIdentity(
	options: { expiration?: Date; targets?: Principal[] } = {}
): Promise<DelegationIdentity> {
	const root = Ed25519KeyIdentity.generate();
	const session = Ed25519KeyIdentity.generate();
	const chain = await DelegationChain.create(
		root,
		session.getPublicKey(),
		options.expiration ?? new Date(Date.now() + 15 * 60_000),
		{ targets: options.targets }
	);
	return DelegationIdentity.fromDelegation(session, chain);
}

/** The bytes the agent posts for an update `put(key, value)`. */
async function capturedPut(identity: SignIdentity | AnonymousIdentity, key: string) {
	return captureOne(identity, (agent) =>
		agent.call(canisterId, {
			methodName: 'put',
			arg: new Uint8Array(IDL.encode([IDL.Text, IDL.Text], [key, 'v']))
		})
	);
}

const post = (path: string, body: Uint8Array) => postCbor(target.url, path, body);

describe('sender keys', () => {
	const kinds: [string, () => Promise<SignIdentity>][] = [
		['Ed25519', async () => Ed25519KeyIdentity.generate()],
		['ECDSA P-256', () => ECDSAKeyIdentity.generate()],
		['secp256k1', async () => Secp256k1KeyIdentity.generate()]
	];
	test.each(kinds)('%s identities make updates and queries as themselves', async (_, make) => {
		const identity = await make();
		const actor = actorOf(await agentFor(target.url, identity));
		expect((await actor.whoamiAfterAwait()).toText()).toBe(identity.getPrincipal().toText());
		expect((await actor.whoami()).toText()).toBe(identity.getPrincipal().toText());
	});

	test('anonymous callers are the anonymous principal', async () => {
		const actor = actorOf(await agentFor(target.url, new AnonymousIdentity()));
		expect((await actor.whoamiAfterAwait()).toText()).toBe(Principal.anonymous().toText());
	});
});

describe('delegations', () => {
	test('a valid delegation chain calls as its root principal', async () => {
		const identity = await delegatedIdentity({ targets: [canisterId] });
		const actor = actorOf(await agentFor(target.url, identity));
		const root = identity.getPrincipal().toText();
		expect((await actor.whoamiAfterAwait()).toText()).toBe(root);
	});

	test('an expired delegation is refused with 400', async () => {
		const identity = await delegatedIdentity({ expiration: new Date(Date.now() - 60_000) });
		const request = await capturedPut(identity, 'expired-delegation');
		const response = await post(request.url, request.body);
		expect(response.status).toBe(400);
		expect(await response.text()).toMatch(/expir/i);
	});

	test('a delegation whose targets exclude the canister is refused with 400', async () => {
		const other = Principal.fromText('ryjl3-tyaaa-aaaaa-aaaba-cai');
		const identity = await delegatedIdentity({ targets: [other] });
		const request = await capturedPut(identity, 'wrong-target');
		const response = await post(request.url, request.body);
		expect(response.status).toBe(400);
	});
});

describe('signatures and envelopes', () => {
	test('a tampered sender signature is refused with 400 and nothing runs', async () => {
		const identity = Ed25519KeyIdentity.generate();
		const request = await capturedPut(identity, 'tampered');
		const body = editBody(request.body, (envelope) => {
			const signature = new Uint8Array(envelope.sender_sig as Uint8Array);
			signature[0] = (signature[0] as number) ^ 1;
			envelope.sender_sig = signature;
		});
		const response = await post(request.url, body);
		expect(response.status).toBe(400);
		const actor = actorOf(await agentFor(target.url));
		expect(await actor.get('tampered')).toEqual([]);
	});

	test('a body over 2 MiB is refused with 413', async () => {
		const response = await post(
			`/api/v3/canister/${canisterId.toText()}/call`,
			new Uint8Array(2 * 1024 * 1024 + 1)
		);
		expect(response.status).toBe(413);
	});

	test('the same signed request sent twice is executed once', async () => {
		const identity = Ed25519KeyIdentity.generate();
		const actor = actorOf(await agentFor(target.url));
		const before = await actor.heapCount();
		const request = await capturedPut(identity, 'twice');
		const first = await post(request.url, request.body);
		const second = await post(request.url, request.body);
		expect([first.status, second.status]).toEqual([200, 200]);
		const firstBody = cbor.decode(new Uint8Array(await first.arrayBuffer()));
		const secondBody = cbor.decode(new Uint8Array(await second.arrayBuffer()));
		expect(firstBody).toMatchObject({ status: 'replied' });
		expect(secondBody).toMatchObject({ status: 'replied' });
		expect(await actor.heapCount()).toBe(before + 1n);
	});
});

describe('CORS', () => {
	test('a preflight is answered with 204 and CORS headers; answers carry them too', async () => {
		const url = new URL(`/api/v2/canister/${canisterId.toText()}/query`, target.url);
		const preflight = await fetch(url, {
			method: 'OPTIONS',
			headers: {
				origin: 'http://localhost:5173',
				'access-control-request-method': 'POST',
				'access-control-request-headers': 'content-type'
			}
		});
		expect(preflight.status).toBe(204);
		expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
		const status = await fetch(new URL('/api/v2/status', target.url));
		expect(status.headers.get('access-control-allow-origin')).toBe('*');
	});
});
