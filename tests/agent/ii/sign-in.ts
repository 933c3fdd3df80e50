// Signing in as II's frontend does it for a dapp: the device's identity calls prepare_delegation
// for the dapp's origin and a fresh session key, then get_delegation (a query), and the dapp
// builds its identity from the signed delegation and the user key, as @dfinity/auth-client does
// with an authorize-client-success message.
import { Actor, type HttpAgent, type Identity } from '@dfinity/agent';
import {
	Delegation,
	DelegationChain,
	DelegationIdentity,
	Ed25519KeyIdentity
} from '@dfinity/identity';
import type { Principal } from '@dfinity/principal';
import { idlFactory, type InternetIdentityService } from '@tessera/contract/internet-identity';
import { agentFor } from '../target';

export type SignInService = Pick<
	InternetIdentityService,
	'prepare_delegation' | 'get_delegation' | 'get_principal'
>;

export async function signInActor(
	url: string,
	iiId: Principal,
	device: Identity
): Promise<SignInService> {
	const agent: HttpAgent = await agentFor(url, device);
	return Actor.createActor<SignInService>(idlFactory, { agent, canisterId: iiId });
}

export interface Session {
	identity: DelegationIdentity;
	userKey: Uint8Array;
	chain: DelegationChain;
}

/** A session at `origin` for `anchor`, authorized by one of the anchor's devices. */
export async function signIn(
	ii: SignInService,
	anchor: bigint,
	origin: string,
	options: { maxTimeToLive?: bigint } = {}
): Promise<Session> {
	const session = Ed25519KeyIdentity.generate();
	const sessionKey = new Uint8Array(session.getPublicKey().toDer());
	const ttl: [] | [bigint] = options.maxTimeToLive === undefined ? [] : [options.maxTimeToLive];
	const [userKey, expiration] = await ii.prepare_delegation(anchor, origin, sessionKey, ttl);
	const response = await ii.get_delegation(anchor, origin, sessionKey, expiration);
	if (!('signed_delegation' in response)) throw new Error('get_delegation: no_such_delegation');
	const { delegation, signature } = response.signed_delegation;
	const chain = DelegationChain.fromDelegations(
		[
			{
				delegation: new Delegation(
					new Uint8Array(delegation.pubkey),
					delegation.expiration,
					delegation.targets[0]
				),
				signature: new Uint8Array(signature) as never
			}
		],
		new Uint8Array(userKey) as never
	);
	return {
		identity: DelegationIdentity.fromDelegation(session, chain),
		userKey: new Uint8Array(userKey),
		chain
	};
}
