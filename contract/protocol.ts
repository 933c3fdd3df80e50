// Tessera protocol v1: the constants and encodings that the browser and the vault canister
// share. Depends only on @noble/hashes and @dfinity/principal.
import { Principal } from '@dfinity/principal';
import { sha256 } from '@noble/hashes/sha2';
import { concat, u64be, utf8 } from './bytes';
import { LIMITS } from './limits';

export const PROTOCOL_VERSION = 1;

/** vetKD derivation contexts: shares (identity = guardian principal), release (releaseIdentity). */
export const VETKD_CONTEXT_SHARES = utf8('tessera/v1/shares');
export const VETKD_CONTEXT_RELEASE = utf8('tessera/v1/release');

/** Domain tags: every hash and signature in Tessera starts with one, length-prefixed. */
export const DOMAIN = {
	checkKey: 'tessera/v1/check-key',
	commitment: 'tessera/v1/commitment',
	envelopeChecksum: 'tessera/v1/envelope-checksum',
	paperShare: 'tessera/v1/paper-share'
} as const;

/**
 * The verification code the requester reads to the guardian (docs/protocol.md): 4 symbols of
 * 6 bits from sha256(utf8(VERIFICATION_CODE_DOMAIN) || u64be(anchor) || requester principal).
 */
export const VERIFICATION_CODE_DOMAIN = 'tessera/v2/verification-code';
export const VERIFICATION_CODE_SYMBOLS = 4;

/** Domain tag of a per-share commitment (shareCommitment). */
export const SHARE_COMMITMENT_DOMAIN = 'tessera/v2/share-commitment';

/**
 * The commitment seal_shares stores for one share and release_recovery returns by slot:
 * sha256(utf8(SHARE_COMMITMENT_DOMAIN) || 0x00 || u64be(vaultId) || u32be(slot) || envelope),
 * envelope = the plaintext share envelope (docs/share-format.md). Bound to vault and slot, so a
 * guardian cannot pass off another slot's (or vault's) share as its own. `slot` is the envelope's
 * own 1-based slot (the one its byte 9 carries, and the requester checks); seal_shares stores the
 * commitments in share order, so 0-based share index i (release_recovery's `slot`) holds slot i + 1.
 */
export function shareCommitment(vaultId: bigint, slot: number, envelope: Uint8Array): Uint8Array {
	const slotBytes = new Uint8Array(4);
	new DataView(slotBytes.buffer).setUint32(0, slot);
	return sha256(
		concat(utf8(SHARE_COMMITMENT_DOMAIN), Uint8Array.of(0), u64be(vaultId), slotBytes, envelope)
	);
}

// Sizes and limits.
export const ENTROPY_BYTES = 32; // 24-word BIP39 phrase
export const SHARE_BYTES = ENTROPY_BYTES + 1; // shamir-secret-sharing: y bytes || x coordinate
export const ENVELOPE_VERSION = 1;
export const ENVELOPE_CHECKSUM_BYTES = 4;
export const ENVELOPE_BYTES = 1 + 8 + 3 + SHARE_BYTES + ENVELOPE_CHECKSUM_BYTES; // 49
/** IbeCiphertext.ciphertextSize(ENVELOPE_BYTES): header 8 + G2 point 96 + masked seed 32. */
export const SHARE_CIPHERTEXT_BYTES = ENVELOPE_BYTES + 8 + 96 + 32; // 185
export const COMMITMENT_BYTES = LIMITS.hashBytes;
export const REQUEST_ID_BYTES = 8;
export const MAX_RELEASE_IDENTITY_BYTES = REQUEST_ID_BYTES + LIMITS.maxPrincipalBytes;

/** DER SubjectPublicKeyInfo prefix of an Ed25519 key (RFC 8410), as II stores phrase keys. */
export const ED25519_DER_PREFIX = Uint8Array.from([
	0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00
]);
export const ED25519_PUBLIC_KEY_BYTES = LIMITS.ed25519PublicKeyBytes;
export const ED25519_PUBLIC_KEY_DER_BYTES = ED25519_DER_PREFIX.length + ED25519_PUBLIC_KEY_BYTES;

/** The 32-byte key inside II's DER encoding, or undefined for anything else. */
export function ed25519KeyFromDer(der: Uint8Array): Uint8Array | undefined {
	if (der.length !== ED25519_PUBLIC_KEY_DER_BYTES) return undefined;
	if (!ED25519_DER_PREFIX.every((byte, i) => der[i] === byte)) return undefined;
	return der.slice(ED25519_DER_PREFIX.length);
}

/**
 * The self-authenticating principal of a raw 32-byte Ed25519 public key: the caller the IC
 * reports for requests signed by that key (the phrase identity, a share's check identity).
 */
export function ed25519Principal(publicKey: Uint8Array): Principal {
	if (publicKey.length !== ED25519_PUBLIC_KEY_BYTES) {
		throw new RangeError('an Ed25519 public key is 32 bytes');
	}
	return Principal.selfAuthenticating(concat(ED25519_DER_PREFIX, publicKey));
}
/** What the canister stores for an invitation: sha256 of its secret (the secret stays in the link). */
export function inviteHash(secret: Uint8Array): Uint8Array {
	return sha256(secret);
}

/**
 * The IBE identity a guardian re-encrypts its share to under the release context:
 * u64_be(request id) || requester principal bytes (fixed-width id, so the split is unambiguous).
 */
export function releaseIdentity(requestId: bigint, requester: Principal): Uint8Array {
	return concat(u64be(requestId), requester.toUint8Array());
}
