// Phrase-signed (and check-key-signed) operations. The adapter parses the Candid argument into a
// SignedOperation; the domain enforces everything but the signature bytes, which an injected
// verifier checks over the canonical message (src/lib/crypto/protocol.ts: domain tag, purpose,
// canister id, vault id, nonce, expiry, payload hash), so the canister id binding lives there.
import type { Principal } from '@dfinity/principal';
import { fail, invalid } from './errors';
import { LIMITS } from './limits';

export const PURPOSES = [
	'create-vault',
	'update-guardians',
	'seal',
	'set-delay',
	'delete-vault',
	'cancel-recovery',
	'guardian-check-in'
] as const;
export type Purpose = (typeof PURPOSES)[number];

export interface SignedOperation {
	purpose: Purpose;
	/** The vault the operation is for; 0 for create-vault (bound to the anchor by its payload). */
	vaultId: bigint;
	nonce: bigint;
	expiresAt: bigint;
	payloadHash: Uint8Array;
	signature: Uint8Array;
	/** Raw Ed25519 public key (32 bytes). */
	publicKey: Uint8Array;
}

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

/** The arguments each purpose's payload hash commits to (hashed by the injected PayloadHasher). */
export type OperationPayload =
	| {
			purpose: 'create-vault';
			anchor: bigint;
			owner: Principal;
			delayNs: bigint;
			invites: InviteSpec[];
	  }
	| { purpose: 'update-guardians'; slots: SlotSpec[] }
	| {
			purpose: 'seal';
			threshold: number;
			commitment: Uint8Array;
			/** Guardians in slot order: the owner signs over whom the shares are sealed to. */
			guardians: Principal[];
			shares: ShareSubmission[];
	  }
	| { purpose: 'set-delay'; delayNs: bigint }
	| { purpose: 'delete-vault' }
	| { purpose: 'cancel-recovery'; requestId: bigint }
	| { purpose: 'guardian-check-in'; guardian: Principal; shareIndex: number };

/** Seam: checks the signature over the canonical message (bound to the canister id). */
export interface SignedOperationVerifier {
	verify(operation: SignedOperation): boolean;
}

/** Seam: sha256 of the canonical encoding of an operation's payload. */
export interface PayloadHasher {
	hash(payload: OperationPayload): Uint8Array;
}

export interface Seams {
	verifier: SignedOperationVerifier;
	hasher: PayloadHasher;
}

export interface Expectation {
	vaultId: bigint;
	nonce: bigint;
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
	if (!(PURPOSES as readonly string[]).includes(op.purpose)) invalid('purpose', 'unknown purpose');
	for (const [field, value] of [
		['vaultId', op.vaultId],
		['nonce', op.nonce],
		['expiresAt', op.expiresAt]
	] as const) {
		if (value < 0n || value >= 1n << 64n) invalid(field, 'not a u64');
	}
	if (op.payloadHash.length !== LIMITS.hashBytes) invalid('payloadHash', 'must be 32 bytes');
	if (op.signature.length !== LIMITS.ed25519SignatureBytes)
		invalid('signature', 'must be 64 bytes');
	if (op.publicKey.length !== LIMITS.ed25519PublicKeyBytes)
		invalid('publicKey', 'must be 32 bytes');
	if (op.purpose !== expected.payload.purpose) {
		fail({ kind: 'WrongPurpose', expected: expected.payload.purpose });
	}
	if (op.vaultId !== expected.vaultId) fail({ kind: 'WrongVault' });
	if (!bytesEqual(op.publicKey, expected.publicKey)) fail({ kind: 'WrongSigningKey' });
	if (op.expiresAt <= now) fail({ kind: 'Expired' });
	const maxExpiresAt = now + LIMITS.maxSignatureValidityNs;
	if (op.expiresAt > maxExpiresAt) fail({ kind: 'ExpiryTooFar', maxExpiresAt });
	if (op.nonce !== expected.nonce) fail({ kind: 'StaleNonce', expected: expected.nonce });
	if (!bytesEqual(op.payloadHash, seams.hasher.hash(expected.payload))) {
		fail({ kind: 'PayloadMismatch' });
	}
	if (!seams.verifier.verify(op)) fail({ kind: 'BadSignature' });
}
