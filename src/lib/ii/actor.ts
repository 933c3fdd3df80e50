// The adapter's one link to the agent: an actor over the II subset (domain/idl.ts is the single
// source of the Candid types), for the app's agent or for an agent that signs with another key.
import { Actor, HttpAgent, type ActorSubclass, type SignIdentity } from '@dfinity/agent';
import type { Principal } from '@dfinity/principal';
import {
	idlFactory,
	type AnchorCredentialsValue,
	type AuthnMethodSecuritySettingsReplaceResultValue,
	type AuthnMethodSecuritySettingsValue,
	type DeviceDataValue,
	type IdentityAnchorInfoValue,
	type Opt
} from '../../../canister/internet_identity/domain/idl';

/** The methods of II's Candid interface this client calls (names and types as II's .did). */
export interface IiService {
	add(anchor: bigint, device: DeviceDataValue): Promise<void>;
	update(anchor: bigint, key: Uint8Array, device: DeviceDataValue): Promise<void>;
	replace(anchor: bigint, key: Uint8Array, device: DeviceDataValue): Promise<void>;
	remove(anchor: bigint, key: Uint8Array): Promise<void>;
	lookup(anchor: bigint): Promise<DeviceDataValue[]>;
	get_anchor_credentials(anchor: bigint): Promise<AnchorCredentialsValue>;
	get_anchor_info(anchor: bigint): Promise<IdentityAnchorInfoValue>;
	authn_method_security_settings_replace(
		anchor: bigint,
		key: Uint8Array,
		settings: AuthnMethodSecuritySettingsValue
	): Promise<AuthnMethodSecuritySettingsReplaceResultValue>;
	lookup_caller_identity_by_recovery_phrase(): Promise<Opt<bigint>>;
}

export type IiActor = ActorSubclass<IiService>;

export function createIiActor(agent: HttpAgent, canisterId: Principal | string): IiActor {
	return Actor.createActor<IiService>(idlFactory, { agent, canisterId });
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
