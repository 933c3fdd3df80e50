// Recovery with paper shares: alone (offline, the owner's out-of-band backup, checked on II by the
// caller) or together with the shares an approved request released (checked by the commitment).
// Paper shares arrive as envelope bytes (paper.ts reads them from words).
import { wipe } from './bytes';
import { decodeEnvelope, type EnvelopeError } from './envelope';
import { err, ok, type Result } from './result';
import { combineUnverified, type CombineError } from './shares';

/** `at` and `first` count paper shares from 0, in the order they were given. */
export type PaperShareError =
	| { kind: 'none' }
	| { kind: 'malformed'; at: number; error: EnvelopeError }
	| { kind: 'other-vault'; at: number; vaultId: bigint; expected: bigint }
	/** The share says a different m or n than the others: not from the same seal. */
	| { kind: 'other-rules'; at: number }
	/** Two paper shares of one guardian slot. */
	| { kind: 'same-slot'; at: number; first: number; index: number }
	| { kind: 'too-few'; have: number; need: number };

interface Slot {
	readonly vaultId: bigint;
	readonly index: number;
	readonly threshold: number;
	readonly total: number;
}

function slotOf(envelope: Uint8Array): Result<Slot, EnvelopeError> {
	const decoded = decodeEnvelope(envelope);
	if (!decoded.ok) return decoded;
	const { vaultId, index, threshold, total, share } = decoded.value;
	wipe(share);
	return ok({ vaultId, index, threshold, total });
}

export interface MergedShares {
	/** The given envelopes (not copies): released ones first, then paper ones for new slots. */
	readonly envelopes: Uint8Array[];
	readonly threshold: number;
	/** Paper shares (positions) whose slot a released share already covers: counted once. */
	readonly alreadyReleased: number[];
}

/**
 * One list of distinct slots from released and paper shares. Refuses paper shares of another
 * vault or seal rules, and two paper shares of one slot; a paper share for a slot that was also
 * released counts once (the released one is used). `vaultId` defaults to the first share's.
 */
export function mergeShares(
	paper: readonly Uint8Array[],
	released: readonly Uint8Array[] = [],
	vaultId?: bigint
): Result<MergedShares, PaperShareError> {
	const releasedSlots = released.flatMap((bytes) => {
		const slot = slotOf(bytes);
		return slot.ok ? [slot.value] : []; // released shares were checked when opened
	});
	let reference: Slot | undefined = releasedSlots[0];
	const expectedVault = vaultId ?? reference?.vaultId;
	const envelopes = [...released];
	const alreadyReleased: number[] = [];
	const paperSlots: Slot[] = [];
	for (const [at, bytes] of paper.entries()) {
		const slot = slotOf(bytes);
		if (!slot.ok) return err({ kind: 'malformed', at, error: slot.error });
		paperSlots.push(slot.value);
		const { vaultId: shareVault, index, threshold, total } = slot.value;
		const expected = expectedVault ?? paperSlots[0]?.vaultId ?? shareVault;
		if (shareVault !== expected) {
			return err({ kind: 'other-vault', at, vaultId: shareVault, expected });
		}
		reference ??= slot.value;
		if (threshold !== reference.threshold || total !== reference.total) {
			return err({ kind: 'other-rules', at });
		}
		const first = paperSlots.findIndex((other) => other.index === index);
		if (first < at) return err({ kind: 'same-slot', at, first, index });
		if (releasedSlots.some((other) => other.index === index)) alreadyReleased.push(at);
		else envelopes.push(bytes);
	}
	if (!reference) return err({ kind: 'none' });
	return ok({ envelopes, threshold: reference.threshold, alreadyReleased });
}

export interface PaperRecovery {
	readonly vaultId: bigint;
	/** NOT verified (there is no commitment offline): check it on II before trusting it. */
	readonly entropy: Uint8Array;
}

/** m paper shares of one vault, with no request at all: the entropy, unverified. */
export async function recoverFromPaper(
	paper: readonly Uint8Array[]
): Promise<Result<PaperRecovery, PaperShareError | CombineError>> {
	const merged = mergeShares(paper);
	if (!merged.ok) return merged;
	const { envelopes, threshold } = merged.value;
	if (envelopes.length < threshold) {
		return err({ kind: 'too-few', have: envelopes.length, need: threshold });
	}
	return combineUnverified(envelopes);
}
