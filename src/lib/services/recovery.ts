// The requester's flows ("I lost access"): open a request for an anchor, follow it, and once
// released reconstruct the phrase's entropy with one vetKey. Pure flow logic over RequesterCalls;
// the entropy is returned to the caller, who keeps it in memory only and wipes it when done.
import type { Principal } from '@dfinity/principal';
import { verificationCode, type VerificationCode } from '$lib/crypto/verification-code';
import { ReleaseKeyRequest } from '$lib/crypto/vetkeys';
import { errorMessage, FlowError } from './errors';
import { paperShareMessage } from '$lib/content/paper-share-messages';
import type { Progress, RequestView, RequesterCalls } from './guardian-calls';
import { trustedKeys, type VetKdTrust } from './vetkd-trust';

/** A time field of a canister error (CanisterError keeps the variant's fields in `details`). */
function detail(error: unknown, field: string): bigint | undefined {
	const details = (error as { details?: Record<string, unknown> } | undefined)?.details;
	const value = details?.[field];
	return typeof value === 'bigint' ? value : undefined;
}

/** Formats ns since the epoch for people. */
export function formatTime(ns: bigint): string {
	return new Date(Number(ns / 1_000_000n)).toLocaleString();
}

/** What each canister refusal means when opening a recovery. */
export function openErrorMessage(error: unknown): string {
	const until = detail(error, 'until');
	const when = until !== undefined ? ` Try again after ${formatTime(until)}.` : '';
	return errorMessage(error, {
		NotFound:
			'No Tessera vault protects this anchor. Check the number; if it is right, guardian recovery was never set up for it.',
		InvalidState:
			'This anchor’s vault is not ready for recovery: its owner has not sealed the shares yet.',
		RecoveryActive:
			'A recovery for this anchor is already under way. If you opened it in another browser, continue there; if not, the owner’s guardians will be asked to decline it.',
		CooldownActive: `A recent recovery for this anchor was cancelled or failed, so a new one must wait.${when}`,
		RateLimited: `Too many recoveries were opened recently.${when}`,
		LimitReached: `Too many recoveries were opened recently.${when}`
	});
}

export async function openRequest(
	calls: RequesterCalls,
	anchor: bigint
): Promise<{ requestId: bigint; releasableAt: bigint }> {
	return calls.openRecovery(anchor);
}

/** The code of this browser's recovery link (anchor, P_R): what the owner reads to the guardian. */
export function requestCode(anchor: bigint, requester: Principal): VerificationCode {
	return verificationCode(anchor, requester);
}

/** Where a request stands, in the terms the screen needs. */
export type RequestStage =
	| { stage: 'waiting'; approvalsMissing: number; waitOver: boolean }
	| { stage: 'releasable' }
	| { stage: 'released' }
	| { stage: 'closed'; status: string };

export function requestStage(request: RequestView): RequestStage {
	if (request.status === 'released') return { stage: 'released' };
	if (request.status !== 'open') return { stage: 'closed', status: request.status };
	const approvalsMissing = Math.max(0, request.threshold - request.approvals);
	const waitOver = request.remainingNs === 0n;
	if (approvalsMissing === 0 && waitOver) return { stage: 'releasable' };
	return { stage: 'waiting', approvalsMissing, waitOver };
}

export const CLOSED_REASONS: Record<string, string> = {
	failed: 'Too many guardians declined, so this request can no longer be approved.',
	cancelled: 'The owner cancelled this request with their recovery phrase.',
	expired: 'This request expired before it was released.'
};

export const RECONSTRUCT_STEPS = [
	'Checking the service’s encryption keys',
	'Collecting the approved shares',
	'Getting this browser’s release key',
	'Putting the phrase back together'
] as const;

/**
 * Release and reconstruct: the approved shares (each encrypted to request id || me) and one
 * vetKey for that identity, plus any paper shares (envelopes) for other slots; the shares combine
 * into the entropy only if it matches the vault's commitment. Safe to repeat after a network
 * failure (release returns the same shares).
 */
export async function reconstruct(
	calls: RequesterCalls,
	trust: VetKdTrust,
	me: Principal,
	request: Pick<RequestView, 'requestId' | 'vaultId'>,
	progress: Progress = () => {},
	paper: readonly Uint8Array[] = []
): Promise<Uint8Array> {
	const total = RECONSTRUCT_STEPS.length;
	progress(RECONSTRUCT_STEPS[0], 0, total);
	const keys = await trustedKeys(calls, trust);
	progress(RECONSTRUCT_STEPS[1], 1, total);
	const released = await calls.release(request.requestId);
	progress(RECONSTRUCT_STEPS[2], 2, total);
	const keyRequest = new ReleaseKeyRequest(keys.release, request.requestId, me);
	const requesterKey = keyRequest.receive(
		await calls.releaseKey(request.requestId, keyRequest.transportPublicKey)
	);
	if (!requesterKey.ok) {
		throw new FlowError(
			'vetkey-failed',
			'The release key could not be verified. Try again in a moment.'
		);
	}
	progress(RECONSTRUCT_STEPS[3], 3, total);
	const entropy = await requesterKey.value.recover(
		released.shares.map(({ ciphertext }) => ciphertext),
		{ vaultId: request.vaultId, commitment: released.commitment },
		paper
	);
	if (!entropy.ok && entropy.error.kind === 'paper') {
		throw new FlowError('paper-refused', paperShareMessage(entropy.error.error));
	}
	if (!entropy.ok) {
		throw new FlowError(
			'reconstruct-failed',
			paper.length > 0
				? 'The approved shares and your paper shares do not form this vault’s phrase: a paper share may be from an older seal. Remove the paper shares and try again.'
				: 'The approved shares do not form this vault’s phrase (a guardian may have sent a damaged share). Ask the owner’s guardians to try again with a new request.'
		);
	}
	progress('Phrase recovered', total, total);
	return entropy.value;
}

/** What each canister refusal means when releasing. */
export function releaseErrorMessage(error: unknown): string {
	const releasableAt = detail(error, 'releasableAt');
	const when =
		releasableAt !== undefined && releasableAt > 0n
			? ` It can be released after ${formatTime(releasableAt)}.`
			: '';
	return errorMessage(error, {
		NotReleasable: `Not yet: the phrase is released only when enough guardians approved and the waiting period is over.${when}`,
		RequestClosed: 'This request is closed and can no longer be released.',
		Unauthorized: 'Only the browser that opened this request can get the phrase back.'
	});
}
