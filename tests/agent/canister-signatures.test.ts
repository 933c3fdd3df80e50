// Canister signatures end to end, as Internet Identity's delegations reach a dapp's canister:
// a real canister (the probe) sets its certified data to the root hash of a signature tree, the
// data certificate devnet hands it in a query is the signature's certificate, and the agent's
// requests travel over HTTP to devnet, which verifies them against its root key.
import { Actor, type DerEncodedPublicKey, type HttpAgent, type Identity } from '@dfinity/agent';
import { DelegationChain, DelegationIdentity, Ed25519KeyIdentity } from '@dfinity/identity';
import { IDL } from '@dfinity/candid';
import { Principal } from '@dfinity/principal';
import { sha256 } from '@noble/hashes/sha2';
import { utf8ToBytes } from '@noble/hashes/utils';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
	CanisterSignatureIdentity,
	captureOne,
	probeIdlFactory,
	SubnetKey,
	type Certifier,
	type ProbeService
} from '@tessera/devnet/testing';
import { agentFor, installProbe, postCbor, startTarget, type Target } from './target';

let target: Target;
let canisterId: Principal;
let signer: ProbeService;

beforeAll(async () => {
	target = await startTarget();
	const probe = await installProbe(target.url);
	canisterId = probe.canisterId;
	signer = actorOf(await agentFor(target.url, probe.controller));
});
afterAll(() => target.close());

function actorOf(agent: HttpAgent): ProbeService {
	return Actor.createActor<ProbeService>(probeIdlFactory, { agent, canisterId });
}

const probeFor = async (identity: Identity) => actorOf(await agentFor(target.url, identity));

/** The probe certifies the tree's root hash, then its data certificate is read in a query. */
const probeCertifies: Certifier = async (certifiedData) => {
	await signer.certify(certifiedData);
	const [certificate] = await signer.certificate();
	if (!certificate) throw new Error('the probe got no data certificate');
	return certificate;
};

const seed = (name: string) => utf8ToBytes(`user ${name} at https://app.example`);

async function sessionOf(
	root: CanisterSignatureIdentity,
	options: { expiration?: Date; targets?: Principal[] } = {}
): Promise<DelegationIdentity> {
	const session = Ed25519KeyIdentity.generate();
	const chain = await DelegationChain.create(
		root,
		session.getPublicKey(),
		options.expiration ?? new Date(Date.now() + 30 * 60_000),
		{ targets: options.targets }
	);
	return DelegationIdentity.fromDelegation(session, chain);
}

describe('a canister-signature sender', () => {
	test('makes an authenticated update call; msg_caller is the principal of its DER key', async () => {
		const identity = new CanisterSignatureIdentity(canisterId, seed('alice'), probeCertifies);
		const expected = Principal.selfAuthenticating(identity.publicKeyDer);
		const caller = await (await probeFor(identity)).whoamiAfterAwait();
		expect(caller.toText()).toBe(expected.toText());
		expect(identity.getPrincipal().toText()).toBe(expected.toText());
	});

	test('as the root of a delegation chain to an Ed25519 session key, as Internet Identity', async () => {
		const root = new CanisterSignatureIdentity(canisterId, seed('bob'), probeCertifies);
		const session = await sessionOf(root, { targets: [canisterId] });
		const probe = await probeFor(session);
		const expected = Principal.selfAuthenticating(root.publicKeyDer).toText();
		expect((await probe.whoamiAfterAwait()).toText()).toBe(expected);
		expect((await probe.whoami()).toText()).toBe(expected); // a signed query too
	});

	test('different seeds are different principals', async () => {
		const carol = await sessionOf(
			new CanisterSignatureIdentity(canisterId, seed('carol'), probeCertifies)
		);
		const dave = await sessionOf(
			new CanisterSignatureIdentity(canisterId, seed('dave'), probeCertifies)
		);
		const [first, second] = await Promise.all([
			(await probeFor(carol)).whoamiAfterAwait(),
			(await probeFor(dave)).whoamiAfterAwait()
		]);
		expect(first.toText()).not.toBe(second.toText());
	});
});

describe('refused with the IC error (400)', () => {
	const put = (identity: Identity) =>
		captureOne(identity, (agent) =>
			agent.call(canisterId, {
				methodName: 'put',
				arg: new Uint8Array(IDL.encode([IDL.Text, IDL.Text], ['k', 'v']))
			})
		);
	const send = async (identity: Identity) => {
		const request = await put(identity);
		const response = await postCbor(target.url, request.url, request.body);
		return { status: response.status, text: await response.text() };
	};

	test('an expired delegation', async () => {
		const root = new CanisterSignatureIdentity(canisterId, seed('erin'), probeCertifies);
		const expired = await sessionOf(root, { expiration: new Date(Date.now() - 1000) });
		const { status, text } = await send(expired);
		expect(status).toBe(400);
		expect(text).toMatch(/^Invalid delegation expiry: Specified sender delegation has expired/);
	});

	test('a delegation to another canister', async () => {
		const root = new CanisterSignatureIdentity(canisterId, seed('frank'), probeCertifies);
		const elsewhere = await sessionOf(root, {
			targets: [Principal.fromText('rdmx6-jaaaa-aaaaa-aaadq-cai')]
		});
		const { status, text } = await send(elsewhere);
		expect(status).toBe(400);
		expect(text).toMatch(/is not one of the delegation targets/);
	});

	test('a tree the certified data does not commit to', async () => {
		const otherData: Certifier = (data) => probeCertifies(sha256(data));
		const root = new CanisterSignatureIdentity(canisterId, seed('judy'), otherData);
		const { status, text } = await send(await sessionOf(root));
		expect(status).toBe(400);
		expect(text).toMatch(
			/^Invalid delegation: Invalid canister signature: certificate verification failed: certified data values do not match/
		);
	});

	test("a certificate signed by another root key than devnet's", async () => {
		const elsewhere = new SubnetKey();
		const otherRoot: Certifier = (data) =>
			elsewhere.dataCertificate(canisterId.toUint8Array(), data, BigInt(Date.now()) * 1_000_000n);
		const root = new CanisterSignatureIdentity(canisterId, seed('mallory'), otherRoot);
		const { status, text } = await send(await sessionOf(root));
		expect(status).toBe(400);
		expect(text).toMatch(/failed to verify threshold signature/);
	});

	test('a key claiming another canister than the one whose certificate signs', async () => {
		const impostor = new CanisterSignatureIdentity(
			Principal.fromText('rdmx6-jaaaa-aaaaa-aaadq-cai'),
			seed('grace'),
			probeCertifies
		);
		const { status, text } = await send(await sessionOf(impostor));
		expect(status).toBe(400);
		expect(text).toMatch(
			/^Invalid delegation: Invalid canister signature: malformed certificate: cannot find certified_data for canister rdmx6-jaaaa-aaaaa-aaadq-cai/
		);
	});

	test('wrong seed: a delegation signed for one seed, presented under the key of another', async () => {
		const real = new CanisterSignatureIdentity(canisterId, seed('heidi'), probeCertifies);
		const session = await sessionOf(real);
		const chain = session.getDelegation();
		const forged = DelegationIdentity.fromDelegation(
			Ed25519KeyIdentity.generate(),
			DelegationChain.fromDelegations(
				chain.delegations,
				new CanisterSignatureIdentity(canisterId, seed('ivan'), probeCertifies)
					.publicKeyDer as DerEncodedPublicKey
			)
		);
		const { status, text } = await send(forged);
		expect(status).toBe(400);
		expect(text).toMatch(/the signature tree doesn't contain sig\//);
	});
});
