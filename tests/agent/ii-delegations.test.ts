// Sign-in delegations from the local Internet Identity, end to end: the stand-in's canister
// signature (its certified signature tree and devnet's data certificate) is the root of the
// delegation chain a dapp gets, devnet verifies it on every call, and the vault canister (and the
// probe, which tells its caller) see the user's per-origin principal. Failures are refused with
// the IC's own errors (HTTP 400 from devnet) or II's trap messages.
import { Actor, type Identity } from '@dfinity/agent';
import { IDL } from '@dfinity/candid';
import { DelegationChain, DelegationIdentity, Ed25519KeyIdentity } from '@dfinity/identity';
import { Principal } from '@dfinity/principal';
import { deployCanisters } from '@tessera/devnet/server';
import { captureOne, probeIdlFactory, type ProbeService } from '@tessera/devnet/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createAgent } from '../../src/lib/canisters/agent';
import { vaultCanister } from '../../src/lib/canisters/vault.canister';
import buildWasm from '../canister/global-setup';
import { newAnchor, newDevice, type Device } from './ii/story';
import { signIn, signInActor, type SignInService } from './ii/sign-in';
import { agentFor, installProbe, postCbor, startTarget, type Target } from './target';

const APP = 'https://app.example';
const OTHER_APP = 'https://other.example';

let target: Target;
let iiId: Principal;
let vaultId: Principal;
let probeId: Principal;
let owner: Device;
let anchor: bigint;
let ii: SignInService;

beforeAll(async () => {
	buildWasm();
	target = await startTarget();
	const agent = await agentFor(target.url, Ed25519KeyIdentity.generate());
	const { ids } = await deployCanisters({ agent, root: '.', ids: {} });
	vaultId = Principal.fromText(ids.vault?.local ?? '');
	iiId = Principal.fromText(ids.internet_identity?.local ?? '');
	probeId = (await installProbe(target.url)).canisterId;
	owner = newDevice('Laptop');
	anchor = await newAnchor(target.url, iiId, owner);
	ii = await signInActor(target.url, iiId, owner.identity);
}, 600_000);
afterAll(async () => {
	await target?.close();
});

async function callerAtProbe(identity: Identity): Promise<string> {
	const agent = await agentFor(target.url, identity);
	const probe = Actor.createActor<ProbeService>(probeIdlFactory, { agent, canisterId: probeId });
	return (await probe.whoamiAfterAwait()).toText();
}

const vaultAs = async (identity: Identity) =>
	vaultCanister(await createAgent(identity, { host: target.url, network: 'local' }), vaultId);

/** The outcome of an update call to the probe, sent over HTTP as the agent would send it. */
async function sendUpdate(identity: Identity): Promise<{ status: number; text: string }> {
	const request = await captureOne(identity, (agent) =>
		agent.call(probeId, {
			methodName: 'put',
			arg: new Uint8Array(IDL.encode([IDL.Text, IDL.Text], ['k', 'v']))
		})
	);
	const response = await postCbor(target.url, request.url, request.body);
	return { status: response.status, text: await response.text() };
}

describe('a delegation from the local II', () => {
	test('authorizes calls: the caller is the self-authenticating principal of the user key', async () => {
		const session = await signIn(ii, anchor, APP);
		const expected = Principal.selfAuthenticating(session.userKey).toText();
		expect(session.identity.getPrincipal().toText()).toBe(expected);
		expect(await callerAtProbe(session.identity)).toBe(expected);
		// the vault canister accepts it as an authenticated caller (queries and updates)
		const vault = await vaultAs(session.identity);
		expect(await vault.ownerVaults()).toEqual([]);
		expect(await vault.guardianVaults()).toEqual([]);
		const openForNoVault = vault.openRecovery({
			vaultId: anchor,
			requester: session.identity.getPrincipal()
		});
		await expect(openForNoVault).rejects.not.toMatchObject({ kind: 'AnonymousCaller' });
		await expect(openForNoVault).rejects.toMatchObject({ kind: 'NotFound' });
	});

	test('the user key is a canister-signature key of the II canister (OID 1.3.6.1.4.1.56387.1.2)', async () => {
		const { userKey } = await signIn(ii, anchor, APP);
		const hex = Buffer.from(userKey).toString('hex');
		expect(hex.startsWith('30')).toBe(true);
		expect(hex).toContain('300c060a2b0601040183b8430102');
		const id = iiId.toUint8Array();
		expect(hex).toContain(Buffer.from([id.length, ...id]).toString('hex'));
	});

	test('one principal per origin: the same in every session, equal to get_principal', async () => {
		const first = await signIn(ii, anchor, APP);
		const second = await signIn(ii, anchor, APP);
		const elsewhere = await signIn(ii, anchor, OTHER_APP);
		const atApp = first.identity.getPrincipal().toText();
		expect(second.identity.getPrincipal().toText()).toBe(atApp);
		expect(elsewhere.identity.getPrincipal().toText()).not.toBe(atApp);
		expect((await ii.get_principal(anchor, APP)).toText()).toBe(atApp);
		expect((await ii.get_principal(anchor, OTHER_APP)).toText()).toBe(
			elsewhere.identity.getPrincipal().toText()
		);
	});

	test('https://<id>.icp0.io has the identity of https://<id>.ic0.app', async () => {
		const id = 'qoctq-giaaa-aaaaa-aaaea-cai';
		const icp0 = await ii.get_principal(anchor, `https://${id}.icp0.io`);
		expect(icp0.toText()).toBe((await ii.get_principal(anchor, `https://${id}.ic0.app`)).toText());
		expect(icp0.toText()).not.toBe(
			(await ii.get_principal(anchor, `https://${id}.raw.icp0.io`)).toText()
		);
	});

	test('another anchor has other principals; a second device of the anchor the same ones', async () => {
		const tablet = newDevice('Tablet');
		const laptop = newDevice('Laptop 2');
		const both = await newAnchor(target.url, iiId, laptop, { others: [tablet] });
		const viaLaptop = await signIn(await signInActor(target.url, iiId, laptop.identity), both, APP);
		const viaTablet = await signIn(await signInActor(target.url, iiId, tablet.identity), both, APP);
		expect(viaTablet.identity.getPrincipal().toText()).toBe(
			viaLaptop.identity.getPrincipal().toText()
		);
		expect(viaLaptop.identity.getPrincipal().toText()).not.toBe(
			(await ii.get_principal(anchor, APP)).toText()
		);
	});

	test('expiration: 30 minutes by default, the client TTL if given, at most 30 days', async () => {
		const key = new Uint8Array(Ed25519KeyIdentity.generate().getPublicKey().toDer());
		const minute = 60n * 1_000_000_000n;
		const before = BigInt(Date.now()) * 1_000_000n;
		const [, byDefault] = await ii.prepare_delegation(anchor, APP, key, []);
		const [, hour] = await ii.prepare_delegation(anchor, APP, key, [60n * minute]);
		const [, capped] = await ii.prepare_delegation(anchor, APP, key, [365n * 24n * 60n * minute]);
		const after = BigInt(Date.now()) * 1_000_000n;
		const within = (value: bigint, ttl: bigint) => {
			// devnet's clock follows the wall clock here; allow a minute of skew
			expect(value).toBeGreaterThanOrEqual(before + ttl - minute);
			expect(value).toBeLessThanOrEqual(after + ttl + minute);
		};
		within(byDefault, 30n * minute);
		within(hour, 60n * minute);
		within(capped, 30n * 24n * 60n * minute);
	});

	test('get_delegation of something never prepared: no_such_delegation', async () => {
		const key = new Uint8Array(Ed25519KeyIdentity.generate().getPublicKey().toDer());
		const [, expiration] = await ii.prepare_delegation(anchor, APP, key, []);
		expect(await ii.get_delegation(anchor, APP, key, expiration + 1n)).toEqual({
			no_such_delegation: null
		});
		expect(await ii.get_delegation(anchor, OTHER_APP, key, expiration)).toEqual({
			no_such_delegation: null
		});
	});
});

describe('refused', () => {
	test('an expired delegation: the IC error (400)', async () => {
		const session = await signIn(ii, anchor, APP, { maxTimeToLive: 1n });
		const { status, text } = await sendUpdate(session.identity);
		expect(status).toBe(400);
		expect(text).toMatch(/^Invalid delegation expiry: Specified sender delegation has expired/);
	});

	test('a chain from it on to a session restricted to another canister: the IC error (400)', async () => {
		const session = await signIn(ii, anchor, APP);
		const next = Ed25519KeyIdentity.generate();
		const chain = await DelegationChain.create(
			session.identity,
			next.getPublicKey(),
			new Date(Date.now() + 10 * 60_000),
			{ previous: session.chain, targets: [vaultId] }
		);
		const restricted = DelegationIdentity.fromDelegation(next, chain);
		const { status, text } = await sendUpdate(restricted);
		expect(status).toBe(400);
		expect(text).toMatch(/is not one of the delegation targets/);
		// and to its target, the vault, it works
		expect(await (await vaultAs(restricted)).guardianVaults()).toEqual([]);
	});

	test('a caller that is not a device of the anchor: II traps, for all three methods', async () => {
		const stranger = newDevice('Stranger');
		await newAnchor(target.url, iiId, stranger);
		const asStranger = await signInActor(target.url, iiId, stranger.identity);
		const message = `${stranger.identity.getPrincipal().toText()} could not be authenticated.`;
		const key = new Uint8Array(Ed25519KeyIdentity.generate().getPublicKey().toDer());
		await expect(asStranger.prepare_delegation(anchor, APP, key, [])).rejects.toThrow(message);
		await expect(asStranger.get_delegation(anchor, APP, key, 0n)).rejects.toThrow(message);
		await expect(asStranger.get_principal(anchor, APP)).rejects.toThrow(message);
		const anonymous = await signInActor(target.url, iiId, undefined as unknown as Identity);
		await expect(anonymous.get_principal(anchor, APP)).rejects.toThrow(
			'2vxsx-fae could not be authenticated.'
		);
	});
});
