// Request authentication as the IC does it (IC interface spec "Authentication" and
// "Envelope Authentication"; dfinity/ic rs/validator ingress_validation.rs):
//   sender anonymous (0x04)   -> no sender_pubkey, sender_sig or sender_delegation allowed
//   otherwise                 -> sender = SHA-224(sender_pubkey) || 0x02, and
//   delegation i              signed by key i-1 over "\x1Aic-request-auth-delegation" ||
//                             hash_of_map({pubkey, expiration, targets?}), not expired,
//                             at most 20 of them, at most 1000 targets each, no key twice
//   sender_sig                by the last key over "\x0Aic-request" || request_id
//   keys                      any kind keys.ts accepts, anywhere in the chain: Ed25519, ECDSA,
//                             WebAuthn, canister signatures (verified under the root key)
//   ingress_expiry            in [now, now + 5 min + 30 s drift]; not checked for anonymous
//                             query and read_state requests (as the replica does)
//   call and query            canister_id must be in the intersection of delegation targets
import { Principal } from '@dfinity/principal';
import { sha224 } from '@noble/hashes/sha2';
import { bytesToHex, concatBytes, utf8ToBytes } from '@noble/hashes/utils';
import { equalBytes } from '../bytes';
import { delegationMap, type Envelope, type SignedDelegation } from './envelope';
import { HttpRequestError } from './errors';
import { hashOfMap } from './hash';
import { parsePublicKey, signatureFailure } from './keys';

export const IC_REQUEST_DOMAIN = concatBytes(Uint8Array.of(0x0a), utf8ToBytes('ic-request'));
export const IC_DELEGATION_DOMAIN = concatBytes(
	Uint8Array.of(0x1a),
	utf8ToBytes('ic-request-auth-delegation')
);
export const MAX_INGRESS_TTL_NS = 5n * 60n * 1_000_000_000n;
export const PERMITTED_DRIFT_NS = 30n * 1_000_000_000n;
export const MAX_DELEGATIONS = 20;
export const MAX_TARGETS_PER_DELEGATION = 1000;

const ANONYMOUS = Uint8Array.of(0x04);

/** Canister ids a request may act on: all, or the intersection of its delegations' targets. */
export type CanisterTargets = { kind: 'all' } | { kind: 'some'; ids: ReadonlySet<string> };

export function targetsAllow(targets: CanisterTargets, canisterId: Uint8Array): boolean {
	return targets.kind === 'all' || targets.ids.has(bytesToHex(canisterId));
}

export interface AuthenticatedRequest {
	requestId: Uint8Array;
	sender: Uint8Array;
	targets: CanisterTargets;
}

export function selfAuthenticatingPrincipal(derPublicKey: Uint8Array): Uint8Array {
	return concatBytes(sha224(derPublicKey), Uint8Array.of(0x02));
}

const principalText = (bytes: Uint8Array) => Principal.fromUint8Array(bytes).toText();

function checkIngressExpiry(expiry: bigint, nowNs: bigint): void {
	const max = nowNs + MAX_INGRESS_TTL_NS + PERMITTED_DRIFT_NS;
	if (expiry < nowNs || expiry > max) {
		throw new HttpRequestError(
			'invalid_request_expiry',
			`Invalid request expiry: Specified ingress_expiry not within expected range: ` +
				`Minimum allowed expiry: ${nowNs}, Maximum allowed expiry: ${max}, Provided expiry: ${expiry}`
		);
	}
}

function intersect(targets: CanisterTargets, delegated: readonly Uint8Array[]): CanisterTargets {
	const ids = new Set(delegated.map((id) => bytesToHex(id)));
	if (targets.kind === 'all') return { kind: 'some', ids };
	return { kind: 'some', ids: new Set([...targets.ids].filter((id) => ids.has(id))) };
}

/** Checks a delegation chain; returns the key that must sign the request and the targets. */
function verifyDelegations(
	senderPubkey: Uint8Array,
	delegations: readonly SignedDelegation[],
	nowNs: bigint,
	rootPublicKey: Uint8Array | undefined
): { signingKey: Uint8Array; targets: CanisterTargets } {
	const invalid = (message: string) => new HttpRequestError('invalid_delegation', message);
	if (delegations.length > MAX_DELEGATIONS) {
		throw invalid(
			`Invalid delegation: Chain of delegations is too long: got ${delegations.length} ` +
				`delegations, but at most ${MAX_DELEGATIONS} are allowed.`
		);
	}
	for (const { delegation } of delegations) {
		if (delegation.expiration < nowNs) {
			throw new HttpRequestError(
				'invalid_delegation_expiry',
				`Invalid delegation expiry: Specified sender delegation has expired: ` +
					`Provided expiry: ${delegation.expiration}, Local replica time: ${nowNs}`
			);
		}
	}
	const seen = new Set([bytesToHex(senderPubkey)]);
	for (const { delegation } of delegations) {
		const key = bytesToHex(delegation.pubkey);
		if (seen.has(key)) {
			throw invalid(`Invalid delegation: Chain of delegations contains a cycle at key ${key}`);
		}
		seen.add(key);
		const count = delegation.targets?.length ?? 0;
		if (count > MAX_TARGETS_PER_DELEGATION) {
			throw invalid(
				`Invalid delegation: expected at most ${MAX_TARGETS_PER_DELEGATION} targets per ` +
					`delegation, but got ${count}`
			);
		}
	}
	let signingKey = senderPubkey;
	let targets: CanisterTargets = { kind: 'all' };
	for (const [i, { delegation, signature }] of delegations.entries()) {
		const message = concatBytes(IC_DELEGATION_DOMAIN, hashOfMap(delegationMap(delegation)));
		const key = parsePublicKey(signingKey);
		const failure = signatureFailure(key, message, signature, rootPublicKey);
		if (failure !== undefined) {
			throw invalid(`Invalid delegation: ${failure} (signature on delegation ${i})`);
		}
		if (delegation.targets) targets = intersect(targets, delegation.targets);
		signingKey = delegation.pubkey;
	}
	return { signingKey, targets };
}

/**
 * Authenticates a decoded envelope at time `nowNs` (ns since the epoch); canister signatures
 * verify under `rootPublicKey` (the 96-byte BLS root key; without it they are refused). Throws
 * HttpRequestError; on success returns the request id, sender and allowed canister targets.
 */
export function authenticate(
	envelope: Envelope,
	nowNs: bigint,
	rootPublicKey?: Uint8Array
): AuthenticatedRequest {
	const { content, requestId } = envelope;
	const anonymous = equalBytes(content.sender, ANONYMOUS);
	if (!anonymous || content.requestType === 'call') {
		checkIngressExpiry(content.ingressExpiry, nowNs);
	}

	let targets: CanisterTargets = { kind: 'all' };
	const { senderPubkey, senderSig, senderDelegation } = envelope;
	if (anonymous) {
		if (senderPubkey || senderSig || senderDelegation) {
			throw new HttpRequestError(
				'anonymous_signature_not_allowed',
				'Signature is not allowed for the anonymous user.'
			);
		}
	} else {
		if (!senderPubkey || !senderSig) {
			throw new HttpRequestError(
				'missing_signature',
				`Missing signature from user: ${principalText(content.sender)}`
			);
		}
		if (!equalBytes(selfAuthenticatingPrincipal(senderPubkey), content.sender)) {
			throw new HttpRequestError(
				'sender_pubkey_mismatch',
				`The user id ${principalText(content.sender)} does not match the public key ` +
					bytesToHex(senderPubkey)
			);
		}
		const chain = verifyDelegations(senderPubkey, senderDelegation ?? [], nowNs, rootPublicKey);
		const message = concatBytes(IC_REQUEST_DOMAIN, requestId);
		const key = parsePublicKey(chain.signingKey);
		const failure = signatureFailure(key, message, senderSig, rootPublicKey);
		if (failure !== undefined) {
			throw new HttpRequestError('invalid_signature', `Invalid signature: ${failure}`);
		}
		targets = chain.targets;
	}
	if (content.requestType !== 'read_state' && !targetsAllow(targets, content.canisterId)) {
		throw new HttpRequestError(
			'not_in_delegation_targets',
			`Canister ${principalText(content.canisterId)} is not one of the delegation targets.`
		);
	}
	return { requestId, sender: content.sender, targets };
}
