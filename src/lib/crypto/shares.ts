// m-of-n shares of the 32-byte entropy, in envelopes, with a commitment that proves a
// reconstruction right before anyone is told it succeeded.
import { sha256 } from '@noble/hashes/sha2';
import { combine, split } from 'shamir-secret-sharing';
import { concat, constantTimeEqual, isU64, lengthPrefixed, u64be, utf8 } from '@tessera/contract';
import { wipe } from './bytes';
import {
	decodeEnvelope,
	encodeEnvelope,
	validParameters,
	type EnvelopeError,
	type ShareEnvelope
} from './envelope';
import {
	COMMITMENT_BYTES,
	DOMAIN,
	ENTROPY_BYTES,
	MIN_THRESHOLD,
	SHARE_BYTES
} from '@tessera/contract';
import { err, ok, type Result } from './result';

/** sha256(lp("tessera/v1/commitment") || u64_be vault id || entropy): binds shares to a vault. */
export function entropyCommitment(vaultId: bigint, entropy: Uint8Array): Uint8Array {
	const input = concat(lengthPrefixed(utf8(DOMAIN.commitment)), u64be(vaultId), entropy);
	const digest = sha256(input);
	wipe(input);
	return digest;
}

export interface SplitResult {
	/** envelopes[i] is the encoded envelope for guardian slot i + 1. Secret: wipe after use. */
	readonly envelopes: Uint8Array[];
	readonly commitment: Uint8Array;
}

export type SplitError = { kind: 'bad-entropy' } | { kind: 'bad-parameters' };

export async function splitEntropy(
	entropy: Uint8Array,
	vaultId: bigint,
	threshold: number,
	total: number
): Promise<Result<SplitResult, SplitError>> {
	if (entropy.length !== ENTROPY_BYTES) return err({ kind: 'bad-entropy' });
	if (!isU64(vaultId) || !validParameters(1, threshold, total)) {
		return err({ kind: 'bad-parameters' });
	}
	// shamir-secret-sharing insists on a plain Uint8Array (not a Buffer or a subclass).
	const secret = Uint8Array.from(entropy);
	const shares = await split(secret, total, threshold);
	const envelopes = shares.map((share, i) =>
		encodeEnvelope({ vaultId, index: i + 1, threshold, total, share })
	);
	wipe(secret, ...shares);
	return ok({ envelopes, commitment: entropyCommitment(vaultId, entropy) });
}

export type CombineError =
	/** `at` is the position in the list given to combineShares. */
	| { kind: 'malformed'; at: number; error: EnvelopeError }
	| { kind: 'foreign'; at: number; vaultId: bigint }
	| { kind: 'inconsistent'; at: number }
	| { kind: 'duplicate'; at: number; index: number }
	| { kind: 'too-few'; have: number; need: number }
	| { kind: 'commitment-mismatch' }
	/** Shares that passed every check but still did not combine (unverified combine only). */
	| { kind: 'uncombinable' };

export interface ExpectedVault {
	readonly vaultId: bigint;
	readonly commitment: Uint8Array;
}

/**
 * Checks every envelope (format, vault, parameters, duplicates), combines the first `m` of them
 * (callers put the shares they trust most first) and returns the entropy only if it matches the
 * vault's commitment.
 */
export async function combineShares(
	envelopes: readonly Uint8Array[],
	expected: ExpectedVault
): Promise<Result<Uint8Array, CombineError>> {
	const combined = await combineChecked(envelopes, expected.vaultId);
	if (!combined.ok) {
		return combined.error.kind === 'uncombinable' ? err({ kind: 'commitment-mismatch' }) : combined;
	}
	if (!matchesCommitment(expected, combined.value)) {
		wipe(combined.value);
		return err({ kind: 'commitment-mismatch' });
	}
	return combined;
}

/**
 * The same checks and combine with no commitment to compare with (paper shares alone): the
 * entropy is NOT verified, so the caller must verify it another way (II's phrase check) before
 * calling it right. The vault is the first envelope's.
 */
export async function combineUnverified(
	envelopes: readonly Uint8Array[]
): Promise<Result<{ vaultId: bigint; entropy: Uint8Array }, CombineError>> {
	const first = envelopes[0] ? decodeEnvelope(envelopes[0]) : undefined;
	if (!first) return err({ kind: 'too-few', have: 0, need: MIN_THRESHOLD });
	if (!first.ok) return err({ kind: 'malformed', at: 0, error: first.error });
	wipe(first.value.share);
	const { vaultId } = first.value;
	const combined = await combineChecked(envelopes, vaultId);
	return combined.ok ? ok({ vaultId, entropy: combined.value }) : combined;
}

async function combineChecked(
	envelopes: readonly Uint8Array[],
	vaultId: bigint
): Promise<Result<Uint8Array, CombineError>> {
	const decoded: ShareEnvelope[] = [];
	try {
		for (const [at, bytes] of envelopes.entries()) {
			const result = decodeEnvelope(bytes);
			if (!result.ok) return err({ kind: 'malformed', at, error: result.error });
			decoded.push(result.value);
			const problem = conflict(result.value, decoded.slice(0, -1), vaultId);
			if (problem) return err({ at, ...problem });
		}
		const need = decoded[0]?.threshold ?? MIN_THRESHOLD;
		if (decoded.length < need) return err({ kind: 'too-few', have: decoded.length, need });
		const secret = await combineOrUndefined(
			decoded.slice(0, need).map((envelope) => envelope.share)
		);
		return secret ? ok(secret) : err({ kind: 'uncombinable' });
	} finally {
		wipe(...decoded.map((envelope) => envelope.share));
	}
}

type Conflict =
	| { kind: 'foreign'; vaultId: bigint }
	| { kind: 'inconsistent' }
	| { kind: 'duplicate'; index: number };

/** Why `envelope` cannot be combined with the ones before it, if it cannot. */
function conflict(
	envelope: ShareEnvelope,
	before: readonly ShareEnvelope[],
	vaultId: bigint
): Conflict | undefined {
	if (envelope.vaultId !== vaultId) return { kind: 'foreign', vaultId: envelope.vaultId };
	const first = before[0];
	if (first && (first.threshold !== envelope.threshold || first.total !== envelope.total)) {
		return { kind: 'inconsistent' };
	}
	const x = (share: Uint8Array) => share[SHARE_BYTES - 1];
	if (
		before.some((other) => other.index === envelope.index || x(other.share) === x(envelope.share))
	) {
		return { kind: 'duplicate', index: envelope.index };
	}
	return undefined;
}

async function combineOrUndefined(shares: Uint8Array[]): Promise<Uint8Array | undefined> {
	try {
		return await combine(shares);
	} catch {
		return undefined; // only for inputs our checks let through by mistake
	}
}

function matchesCommitment(expected: ExpectedVault, entropy: Uint8Array): boolean {
	return (
		expected.commitment.length === COMMITMENT_BYTES &&
		constantTimeEqual(entropyCommitment(expected.vaultId, entropy), expected.commitment)
	);
}
