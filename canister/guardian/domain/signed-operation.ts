// Phrase-signed (and check-key-signed) operations over the protocol's one encoding
// (src/lib/crypto/protocol.ts): the client signs encodeOperationMessage bytes, the canister
// rebuilds the payload hash from the call's own arguments and verifies with verifyOperation,
// which binds purpose, canister id, vault id, nonce, expiry and payload.
import type { Principal } from '@dfinity/principal';
import { ed25519 } from '@noble/curves/ed25519';
import { concat, lengthPrefixed, u64be, utf8 } from '../../../src/lib/crypto/bytes';
import {
	verifyOperation,
	type OperationError,
	type SignedOperation
} from '../../../src/lib/crypto/operation';
import {
	ED25519_DER_PREFIX,
	encodeOperationPayload,
	hashOperationPayload,
	MAX_OPERATION_MESSAGE_BYTES,
	MAX_OPERATION_TTL_NS,
	type OperationPurpose,
	type PayloadField
} from '../../../src/lib/crypto/protocol';
import { fail, invalid } from './errors';
import { LIMITS } from './limits';

export type { SignedOperation, OperationPurpose };

export interface InviteSpec {
	label: string;
	inviteHash: Uint8Array;
}
/** A slot in a new guardian list: keep an existing slot (by index) or invite someone new. */
export type SlotSpec = { keep: number } | { invite: InviteSpec };
export interface ShareSubmission {
	ciphertext: Uint8Array;
	checkKey: Uint8Array;
}

/** The arguments each purpose's payload hash commits to. */
export type OperationPayload =
	| {
			purpose: 'create_vault';
			anchor: bigint;
			owner: Principal;
			delayNs: bigint;
			invites: InviteSpec[];
	  }
	| { purpose: 'set_guardians'; slots: SlotSpec[] }
	| {
			purpose: 'seal_shares';
			threshold: number;
			commitment: Uint8Array;
			/** Guardians in slot order: the owner signs over whom the shares are sealed to. */
			guardians: Principal[];
			shares: ShareSubmission[];
	  }
	| { purpose: 'set_policy'; delayNs: bigint }
	| { purpose: 'delete_vault' }
	| { purpose: 'cancel_recovery'; requestId: bigint };

/**
 * Each method's canonical payload fields (encodeOperationPayload). Lists carry their length
 * first, so the encoding stays injective.
 */
export function payloadFields(payload: OperationPayload): PayloadField[] {
	switch (payload.purpose) {
		case 'create_vault':
			return [
				payload.anchor,
				payload.owner,
				payload.delayNs,
				BigInt(payload.invites.length),
				...payload.invites.flatMap((invite) => [invite.label, invite.inviteHash])
			];
		case 'set_guardians':
			return [
				BigInt(payload.slots.length),
				...payload.slots.flatMap((slot): PayloadField[] =>
					'keep' in slot
						? ['keep', BigInt(slot.keep)]
						: ['invite', slot.invite.label, slot.invite.inviteHash]
				)
			];
		case 'seal_shares':
			return [
				BigInt(payload.threshold),
				payload.commitment,
				BigInt(payload.shares.length),
				...payload.shares.flatMap((share, i): PayloadField[] => [
					payload.guardians[i] ?? invalid('shares', 'one share per guardian'),
					share.ciphertext,
					share.checkKey
				])
			];
		case 'set_policy':
			return [payload.delayNs];
		case 'delete_vault':
			return [];
		case 'cancel_recovery':
			return [payload.requestId];
	}
}

export function payloadHash(payload: OperationPayload): Uint8Array {
	return hashOperationPayload(encodeOperationPayload(payloadFields(payload)));
}

/** What the domain needs from its host: the canister id every signature is bound to. */
export interface Seams {
	canisterId: Principal;
}

export interface Expectation {
	vaultId: bigint;
	nonce: bigint;
	/** Raw 32-byte Ed25519 key. */
	publicKey: Uint8Array;
	payload: OperationPayload;
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
	if (a.length !== b.length) return false;
	let diff = 0;
	for (let i = 0; i < a.length; i++) diff |= (a[i] as number) ^ (b[i] as number);
	return diff === 0;
}

/** Throws a typed DomainFailure unless `op` is exactly the expected operation, fresh and signed. */
export function checkSignedOperation(
	op: SignedOperation,
	expected: Expectation,
	now: bigint,
	seams: Seams
): void {
	if (op.message.length > MAX_OPERATION_MESSAGE_BYTES) invalid('op.message', 'too long');
	if (op.signature.length !== LIMITS.ed25519SignatureBytes) {
		invalid('op.signature', 'must be 64 bytes');
	}
	const result = verifyOperation(op, concat(ED25519_DER_PREFIX, expected.publicKey), {
		purpose: expected.payload.purpose,
		canisterId: seams.canisterId,
		vaultId: expected.vaultId,
		nonce: expected.nonce,
		payloadHash: payloadHash(expected.payload),
		nowNs: now
	});
	if (!result.ok) failWith(result.error, expected, now);
}

function failWith(error: OperationError, expected: Expectation, now: bigint): never {
	switch (error.kind) {
		case 'malformed':
			return invalid('op.message', error.reason);
		case 'bad-public-key':
			return invalid('publicKey', 'not an Ed25519 key');
		case 'wrong-purpose':
			return fail({ kind: 'WrongPurpose', expected: expected.payload.purpose });
		case 'wrong-canister':
			return fail({ kind: 'WrongCanister' });
		case 'wrong-vault':
			return fail({ kind: 'WrongVault' });
		case 'wrong-nonce':
			return fail({ kind: 'StaleNonce', expected: error.expected });
		case 'wrong-payload':
			return fail({ kind: 'PayloadMismatch' });
		case 'expired':
			return fail({ kind: 'Expired' });
		case 'expiry-too-far':
			return fail({ kind: 'ExpiryTooFar', maxExpiresAt: now + MAX_OPERATION_TTL_NS });
		case 'bad-signature':
			return fail({ kind: 'BadSignature' });
	}
}

// Check-in: protocol.ts has no check-in purpose yet (reported to the lead), so its message is
// defined here with its own domain tag, in the operation message's style. Move it into
// protocol.ts together with the client's check-key derivation.
export const CHECK_IN_DOMAIN = 'tessera/v1/guardian-check-in';

export interface CheckIn {
	canisterId: Principal;
	vaultId: bigint;
	shareIndex: number;
	guardian: Principal;
	/** The share's check-in counter: each accepted check-in increments it. */
	nonce: bigint;
	expiryNs: bigint;
}

/** lp(tag) || lp(canister) || u64 vault || u64 share index || lp(guardian) || u64 nonce || u64 expiry */
export function encodeCheckInMessage(checkIn: CheckIn): Uint8Array {
	return concat(
		lengthPrefixed(utf8(CHECK_IN_DOMAIN)),
		lengthPrefixed(checkIn.canisterId.toUint8Array()),
		u64be(checkIn.vaultId),
		u64be(BigInt(checkIn.shareIndex)),
		lengthPrefixed(checkIn.guardian.toUint8Array()),
		u64be(checkIn.nonce),
		u64be(checkIn.expiryNs)
	);
}

export function checkCheckIn(
	checkIn: CheckIn,
	signature: Uint8Array,
	checkKey: Uint8Array,
	now: bigint
): void {
	if (signature.length !== LIMITS.ed25519SignatureBytes) invalid('signature', 'must be 64 bytes');
	if (checkIn.expiryNs < now) fail({ kind: 'Expired' });
	const maxExpiresAt = now + MAX_OPERATION_TTL_NS;
	if (checkIn.expiryNs > maxExpiresAt) fail({ kind: 'ExpiryTooFar', maxExpiresAt });
	let valid = false;
	try {
		valid = ed25519.verify(signature, encodeCheckInMessage(checkIn), checkKey, { zip215: false });
	} catch {
		valid = false;
	}
	if (!valid) fail({ kind: 'BadSignature' });
}
