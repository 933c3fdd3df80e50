// The requester's release, in one call: the approvals' ciphertexts, the commitments and the
// release vetKey come back together; every share is checked against its slot's commitment, bad
// ones are skipped and named, any m good ones are combined and checked against the entropy
// commitment. The entropy is returned to the caller (memory only); II's phrase check follows.
import type { Principal } from '@dfinity/principal';
import { wipe } from '../crypto/bytes';
import { decodeEnvelope } from '../crypto/envelope';
import {
	checkAndCombine,
	type BadShare,
	type CandidateShare,
	type ReleaseCheckError
} from '../crypto/release-check';
import { mergeShares } from '../crypto/paper-recovery';
import { ReleaseKeyRequest } from '../crypto/vetkeys';
import { paperShareMessage } from '../content/paper-share-messages';
import { FlowError } from './errors';
import type { Progress, ReleaseCalls } from './guardian-calls';

export type { ReleaseCalls, ReleasedRecovery } from './guardian-calls';
import { trustedKeys, type VetKdTrust } from './vetkd-trust';

export interface ReleaseTargetRequest {
	readonly requestId: bigint;
	readonly vaultId: bigint;
	readonly threshold: number;
}

/** What the guardian of a slot is called (the owner's label), if the requester may know it. */
export type SlotNames = (slot: number) => string | undefined;

export const RELEASE_STEPS = [
	'Checking the service’s encryption keys',
	'Collecting the approved shares and this browser’s release key',
	'Checking each share and putting the phrase back together'
] as const;

export interface Recovered {
	readonly entropy: Uint8Array;
	/** Shares that failed their check and were skipped (the recovery still worked). */
	readonly bad: readonly BadShare[];
}

function slotName(names: SlotNames, slot: number): string {
	const label = names(slot);
	return label ? `${label} (guardian ${slot})` : `guardian ${slot}`;
}

/** One sentence naming the guardians whose shares failed, for the requester. */
export function badSharesMessage(bad: readonly BadShare[], names: SlotNames = () => undefined) {
	if (bad.length === 0) return undefined;
	const who = bad.map(({ slot, source }) =>
		source === 'paper' ? `the paper share of ${slotName(names, slot)}` : slotName(names, slot)
	);
	const list = who.length === 1 ? who[0] : `${who.slice(0, -1).join(', ')} and ${who.at(-1)}`;
	return `The share from ${list} did not match what the owner sealed, so it was not used. Tell them: their approval may have been damaged or tampered with.`;
}

/** Why the phrase could not be rebuilt, and what repairs it. */
export function releaseCheckMessage(error: ReleaseCheckError, names: SlotNames = () => undefined) {
	const bad = badSharesMessage(error.bad, names);
	if (error.kind === 'too-few') {
		const missing = error.need - error.good;
		return [
			`Only ${error.good} good ${error.good === 1 ? 'share' : 'shares'} of the ${error.need} needed.`,
			bad,
			`${missing === 1 ? 'One more guardian’s approval' : `${missing} more guardians’ approvals`} on this request ${missing === 1 ? 'repairs' : 'repair'} it: ask another guardian to approve (or the same one to approve again), then get the phrase again.`
		]
			.filter(Boolean)
			.join(' ');
	}
	return 'The shares match their commitments but do not form this vault’s phrase. Nothing is shown. Tell the owner’s guardians; the vault may need to be sealed again.';
}

/** Paper shares (envelopes) as candidates for their own slots. */
function paperCandidates(paper: readonly Uint8Array[]): CandidateShare[] {
	return paper.map((envelope) => {
		const decoded = decodeEnvelope(envelope);
		if (decoded.ok) wipe(decoded.value.share);
		return { slot: decoded.ok ? decoded.value.index : 0, source: 'paper', envelope };
	});
}

/**
 * Release and recover. Repeatable while the request's release window lasts (the canister allows
 * a few release keys per request), so a failure here can be retried after more approvals.
 */
export async function releaseAndRecover(
	calls: ReleaseCalls,
	trust: VetKdTrust,
	me: Principal,
	request: ReleaseTargetRequest,
	options: { progress?: Progress; paper?: readonly Uint8Array[]; names?: SlotNames } = {}
): Promise<Recovered> {
	const { progress = () => {}, paper = [], names = () => undefined } = options;
	// Paper shares of another vault or seal, or repeated, are refused before anything is fetched.
	const merged = paper.length > 0 ? mergeShares(paper, [], request.vaultId) : undefined;
	if (merged && !merged.ok) throw new FlowError('paper-refused', paperShareMessage(merged.error));
	const total = RELEASE_STEPS.length;
	progress(RELEASE_STEPS[0], 0, total);
	const keys = await trustedKeys(calls, trust);
	progress(RELEASE_STEPS[1], 1, total);
	const keyRequest = new ReleaseKeyRequest(keys.release, request.requestId, me);
	const released = await calls.releaseRecovery({
		requestId: request.requestId,
		transportKey: keyRequest.transportPublicKey
	});
	const requesterKey = keyRequest.receive(released.releaseKey);
	if (!requesterKey.ok) {
		throw new FlowError(
			'vetkey-failed',
			'The release key could not be verified. Nothing is shown: try again in a moment.'
		);
	}
	progress(RELEASE_STEPS[2], 2, total);
	// The canister counts share indexes from 0; envelopes and commitments name slots 1..n.
	const approvals = released.approvals.map(({ slot, ciphertext }) => ({
		slot: slot + 1,
		ciphertext
	}));
	const candidates = [
		...requesterKey.value.openApprovals(approvals, request.vaultId),
		...paperCandidates(paper)
	];
	try {
		const checked = await checkAndCombine(
			{
				vaultId: request.vaultId,
				commitment: released.entropyCommitment,
				shareCommitments: released.shareCommitments,
				threshold: request.threshold
			},
			candidates
		);
		if (!checked.ok) {
			throw new FlowError('reconstruct-failed', releaseCheckMessage(checked.error, names));
		}
		progress('Phrase recovered', total, total);
		return { entropy: checked.value.entropy, bad: checked.value.bad };
	} finally {
		// the released envelopes are ours; the paper ones are the caller's copies to wipe
		wipe(...candidates.filter(({ source }) => source === 'approval').map((c) => c.envelope));
	}
}
