// Internet Identity's canister wrapper: an actor over the methods the app calls on II, with II's
// own Candid (vendored in @tessera/contract/internet-identity), for the app's agent or for an
// agent that signs with another key. II's legacy methods trap instead of returning errors;
// $lib/ii (errors.ts) turns the rejections into typed IiErrors.
import { Actor, HttpAgent, type ActorSubclass, type SignIdentity } from '@dfinity/agent';
import type { Principal } from '@dfinity/principal';
import { idlFactory, type IiAppService } from '@tessera/contract/internet-identity';

export type IiActor = ActorSubclass<IiAppService>;

export function createIiActor(agent: HttpAgent, canisterId: Principal | string): IiActor {
	return Actor.createActor<IiAppService>(idlFactory, { agent, canisterId });
}

/**
 * An agent like `base` (same host, root key, options) that signs with `identity`. The app's own
 * agent keeps its identity: the phrase key never becomes the session's identity.
 */
export function agentSigningWith(base: HttpAgent, identity: SignIdentity): HttpAgent {
	// the same class too: an agent that keeps to the replica's clock makes one that does
	const Agent = base.constructor as typeof HttpAgent;
	return Agent.createSync({
		...base.config,
		identity,
		rootKey: base.rootKey ?? undefined
	});
}
