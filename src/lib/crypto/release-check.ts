// What the requester does with a released request before trusting any of it: every share is
// checked against the commitment the owner stored for its slot at seal; bad shares are skipped
// and named by slot; any m good shares are combined (other subsets are tried if one does not give
// the vault's entropy commitment). A faulty guardian can then cost a share, never the recovery.
import { COMMITMENT_BYTES, constantTimeEqual, shareCommitment } from '@tessera/contract';
import { wipe } from './bytes';
import { decodeEnvelope } from './envelope';
import { err, ok, type Result } from './result';
import { combineShares, type ExpectedVault } from './shares';

/** One share the requester holds: a released approval (opened) or a paper share. */
export interface CandidateShare {
	/** The guardian slot the canister (or the paper) says it is, 1..n. */
	readonly slot: number;
	readonly source: 'approval' | 'paper';
	/** The plaintext envelope, or undefined when it could not even be decrypted. */
	readonly envelope: Uint8Array | undefined;
}

export type BadShareReason =
	/** The ciphertext did not decrypt to an envelope for this request. */
	| 'unreadable'
	/** It decrypted, but it is not what the owner sealed for this slot. */
	| 'commitment-mismatch'
	/** No commitment is stored for this slot. */
	| 'unknown-slot';

export interface BadShare {
	readonly slot: number;
	readonly source: CandidateShare['source'];
	readonly reason: BadShareReason;
}

export interface ReleaseCheckInput {
	readonly vaultId: bigint;
	/** The vault's entropy commitment. */
	readonly commitment: Uint8Array;
	/** One commitment per slot: shareCommitments[slot - 1]. */
	readonly shareCommitments: readonly Uint8Array[];
	/** The request's m, for the message when no share is good (the envelopes say it otherwise). */
	readonly threshold: number;
}

export interface CheckedRelease {
	readonly entropy: Uint8Array;
	/** The slots whose shares were combined. */
	readonly used: readonly number[];
	readonly bad: readonly BadShare[];
}

export type ReleaseCheckError =
	| { kind: 'too-few'; good: number; need: number; bad: readonly BadShare[] }
	/** Every share matched its commitment, yet no m of them give the vault's entropy. */
	| { kind: 'commitment-mismatch'; bad: readonly BadShare[] };

/** Every m-element subset of `items`, in order (n <= 10, so at most 252). */
function* subsets<T>(items: readonly T[], m: number, from = 0): Generator<T[]> {
	if (m === 0) {
		yield [];
		return;
	}
	for (let i = from; i <= items.length - m; i++) {
		for (const rest of subsets(items, m - 1, i + 1)) yield [items[i] as T, ...rest];
	}
}

/**
 * Checks each candidate against its slot's commitment, keeps one good share per slot (a released
 * one before a paper one), then combines m good shares, trying other subsets if the entropy
 * commitment does not match. The candidates' envelopes are the caller's (not wiped here).
 */
export async function checkAndCombine(
	input: ReleaseCheckInput,
	candidates: readonly CandidateShare[]
): Promise<Result<CheckedRelease, ReleaseCheckError>> {
	const bad: BadShare[] = [];
	const good = new Map<number, { envelope: Uint8Array; threshold: number }>();
	const ordered = [...candidates].sort(
		(a, b) => Number(a.source === 'paper') - Number(b.source === 'paper')
	);
	for (const { slot, source, envelope } of ordered) {
		if (good.has(slot)) continue; // a slot counts once
		const expected = input.shareCommitments[slot - 1];
		if (!expected || expected.length !== COMMITMENT_BYTES) {
			bad.push({ slot, source, reason: 'unknown-slot' });
			continue;
		}
		if (!envelope) {
			bad.push({ slot, source, reason: 'unreadable' });
			continue;
		}
		const decoded = decodeEnvelope(envelope);
		if (decoded.ok) wipe(decoded.value.share);
		const matches =
			decoded.ok &&
			decoded.value.index === slot &&
			decoded.value.vaultId === input.vaultId &&
			constantTimeEqual(shareCommitment(input.vaultId, slot, envelope), expected);
		if (!decoded.ok || !matches) {
			bad.push({ slot, source, reason: 'commitment-mismatch' });
			continue;
		}
		good.set(slot, { envelope, threshold: decoded.value.threshold });
	}
	const shares = [...good.entries()].sort(([a], [b]) => a - b);
	const need = shares[0]?.[1].threshold ?? input.threshold;
	const sortedBad = bad.sort((a, b) => a.slot - b.slot);
	if (shares.length === 0 || shares.length < need) {
		return err({ kind: 'too-few', good: shares.length, need, bad: sortedBad });
	}
	const expected: ExpectedVault = { vaultId: input.vaultId, commitment: input.commitment };
	for (const subset of subsets(shares, need)) {
		const entropy = await combineShares(
			subset.map(([, { envelope }]) => envelope),
			expected
		);
		if (entropy.ok) {
			return ok({ entropy: entropy.value, used: subset.map(([slot]) => slot), bad: sortedBad });
		}
	}
	return err({ kind: 'commitment-mismatch', bad: sortedBad });
}
