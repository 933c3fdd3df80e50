// A share's check identity: an Ed25519 key derived from the share envelope, so only someone who
// can decrypt the share can hold it. The owner computes its public key at seal time (the canister
// stores the key's principal); a guardian re-derives the identity after decrypting its share and
// sends check_in as it, proving it can still decrypt without revealing anything.
import { Ed25519KeyIdentity } from '@dfinity/identity';
import type { Principal } from '@dfinity/principal';
import { sha256 } from '@noble/hashes/sha2';
import { concat, lengthPrefixed, u64be, utf8 } from '@tessera/contract';
import { wipe } from './bytes';
import { decodeEnvelope, type EnvelopeError } from './envelope';
import { DOMAIN } from '@tessera/contract';
import { err, ok, type Result } from './result';

export interface CheckKeyInput {
	readonly canisterId: Principal;
	readonly vaultId: bigint;
	/** The envelope's guardian slot, 1..n (as in the envelope, not the canister's share list). */
	readonly shareIndex: number;
	/** The share envelope's plaintext bytes (secret). */
	readonly envelope: Uint8Array;
}

/**
 * sha256(lp("tessera/v1/check-key") || lp(canister id) || u64_be vault id || u64_be share index
 * || envelope): the Ed25519 seed. Secret: the caller wipes it.
 */
export function checkKeySeed(input: CheckKeyInput): Uint8Array {
	const message = concat(
		lengthPrefixed(utf8(DOMAIN.checkKey)),
		lengthPrefixed(input.canisterId.toUint8Array()),
		u64be(input.vaultId),
		u64be(BigInt(input.shareIndex)),
		input.envelope
	);
	const seed = sha256(message);
	wipe(message);
	return seed;
}

/** The check identity itself: an agent identity for the check_in call. */
export function deriveCheckIdentity(input: CheckKeyInput): Ed25519KeyIdentity {
	const seed = checkKeySeed(input);
	const identity = Ed25519KeyIdentity.generate(seed); // copies the seed
	wipe(seed);
	return identity;
}

/** The check identity's raw 32-byte public key: what the owner sends with each sealed share. */
export function checkPublicKey(input: CheckKeyInput): Uint8Array {
	return new Uint8Array(deriveCheckIdentity(input).getPublicKey().rawKey);
}

/** For a guardian holding its decrypted envelope: vault id and slot are read from the envelope. */
export function checkIdentityFromEnvelope(
	canisterId: Principal,
	envelope: Uint8Array
): Result<Ed25519KeyIdentity, EnvelopeError> {
	const decoded = decodeEnvelope(envelope);
	if (!decoded.ok) return err(decoded.error);
	wipe(decoded.value.share);
	const { vaultId, index } = decoded.value;
	return ok(deriveCheckIdentity({ canisterId, vaultId, shareIndex: index, envelope }));
}
