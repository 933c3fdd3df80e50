// Test support: real signing identities of every kind the IC accepts from users, delegation
// chains built with @dfinity/identity, and the envelope the agent posts for them.
import {
	AnonymousIdentity,
	type HttpAgent,
	type Identity,
	type SignIdentity
} from '@dfinity/agent';
import {
	DelegationChain,
	DelegationIdentity,
	ECDSAKeyIdentity,
	Ed25519KeyIdentity
} from '@dfinity/identity';
import { Secp256k1KeyIdentity } from '@dfinity/identity-secp256k1';
import { Principal } from '@dfinity/principal';
import { decodeEnvelope, type Envelope } from '../envelope';
import { captureOne } from './agent-requests';

export const CANISTER = Principal.fromText('ryjl3-tyaaa-aaaaa-aaaba-cai');
export const OTHER_CANISTER = Principal.fromText('rrkah-fqaaa-aaaaa-aaaaq-cai');

export type KeyKind = 'ed25519' | 'ecdsa-p256' | 'ecdsa-secp256k1';
export const KEY_KINDS: readonly KeyKind[] = ['ed25519', 'ecdsa-p256', 'ecdsa-secp256k1'];

export async function newIdentity(kind: KeyKind): Promise<SignIdentity> {
	if (kind === 'ed25519') return Ed25519KeyIdentity.generate();
	if (kind === 'ecdsa-p256') return ECDSAKeyIdentity.generate();
	return Secp256k1KeyIdentity.generate();
}

export const anonymous = (): Identity => new AnonymousIdentity();

/** A delegation chain root -> keys[0] -> keys[1] ..., signed for real, and its identity. */
export async function delegated(
	root: SignIdentity,
	keys: SignIdentity[],
	options: { expiration?: Date; targets?: Principal[] } = {}
): Promise<DelegationIdentity> {
	const expiration = options.expiration ?? new Date(Date.now() + 15 * 60_000);
	let chain: DelegationChain | undefined;
	let signer = root;
	for (const key of keys) {
		chain = await DelegationChain.create(signer, key.getPublicKey(), expiration, {
			previous: chain,
			targets: options.targets
		});
		signer = key;
	}
	if (!chain) throw new Error('a delegation chain needs at least one key');
	return DelegationIdentity.fromDelegation(signer, chain);
}

export type RequestKind = 'call' | 'query' | 'read_state';

export async function agentBody(
	identity: Identity,
	kind: RequestKind,
	canister = CANISTER
): Promise<Uint8Array> {
	const run = (agent: HttpAgent) =>
		kind === 'call'
			? agent.call(canister, { methodName: 'greet', arg: Uint8Array.of(1) })
			: kind === 'query'
				? agent.query(canister, { methodName: 'greet', arg: Uint8Array.of(1) })
				: agent.readState(canister, { paths: [[new TextEncoder().encode('time')]] });
	return (await captureOne(identity, run)).body;
}

/** The decoded envelope of the request @dfinity/agent sends for `identity`. */
export async function agentEnvelope(
	identity: Identity,
	kind: RequestKind,
	canister = CANISTER
): Promise<Envelope> {
	return decodeEnvelope(await agentBody(identity, kind, canister), kind);
}

export const nowNs = (): bigint => BigInt(Date.now()) * 1_000_000n;
