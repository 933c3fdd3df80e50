// WebAuthn senders end to end without a browser: @dfinity/identity's WebAuthnIdentity signs
// through a software authenticator that answers navigator.credentials.get as a browser does
// (the only stand-in; see devnet/src/http/testing/webauthn-authenticator.ts), the agent sends the
// requests over HTTP, devnet verifies them and the probe canister sees the caller.
import { Actor, type Identity } from '@dfinity/agent';
import { DelegationChain, DelegationIdentity, Ed25519KeyIdentity } from '@dfinity/identity';
import type { Principal } from '@dfinity/principal';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
	installNavigator,
	probeIdlFactory,
	SoftwareAuthenticator,
	type ProbeService
} from '@tessera/devnet/testing';
import { agentFor, installProbe, startTarget, type Target } from './target';

let target: Target;
let canisterId: Principal;
const authenticators = {
	es256: new SoftwareAuthenticator('es256'),
	rs256: new SoftwareAuthenticator('rs256')
};
let uninstall = () => {};

beforeAll(async () => {
	uninstall = installNavigator(Object.values(authenticators));
	target = await startTarget();
	({ canisterId } = await installProbe(target.url));
});
afterAll(async () => {
	uninstall();
	await target.close();
});

const probeFor = async (identity: Identity) =>
	Actor.createActor<ProbeService>(probeIdlFactory, {
		agent: await agentFor(target.url, identity),
		canisterId
	});

describe.each(['es256', 'rs256'] as const)('a WebAuthn %s passkey', (algorithm) => {
	test('signs an update call and a query; msg_caller is its self-authenticating principal', async () => {
		const passkey = authenticators[algorithm].identity();
		const probe = await probeFor(passkey);
		expect((await probe.whoamiAfterAwait()).toText()).toBe(passkey.getPrincipal().toText());
		expect((await probe.whoami()).toText()).toBe(passkey.getPrincipal().toText());
	});

	test('delegates to an Ed25519 session key that then calls for it', async () => {
		const passkey = authenticators[algorithm].identity();
		const session = Ed25519KeyIdentity.generate();
		const chain = await DelegationChain.create(
			passkey,
			session.getPublicKey(),
			new Date(Date.now() + 15 * 60_000),
			{ targets: [canisterId] }
		);
		const probe = await probeFor(DelegationIdentity.fromDelegation(session, chain));
		expect((await probe.whoamiAfterAwait()).toText()).toBe(passkey.getPrincipal().toText());
	});
});
