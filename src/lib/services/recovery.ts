// The requester's side ("I lost access"): this browser makes its key and a recovery link; a
// guardian opens the request from it; the browser follows its requests and, once one is
// releasable, gets the phrase back in one call (release.ts). Pure logic over RequesterCalls.
import type { Principal } from '@dfinity/principal';
import { verificationCode, type VerificationCode } from '$lib/crypto/verification-code';
import { errorMessage, FlowError } from './errors';
import type { RequestView, RequesterCalls } from './guardian-calls';

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

/** Is `anchor` protected by a sealed vault? Its vault id if so; a plain refusal if not. */
export async function sealedVaultOf(calls: RequesterCalls, anchor: bigint): Promise<bigint> {
	const status = await calls.anchorStatus(anchor);
	if (status.vaultId === undefined) {
		throw new FlowError(
			'no-vault',
			'No Tessera vault protects this anchor. Check the number; if it is right, guardian recovery was never set up for it.'
		);
	}
	if (!status.sealed) {
		throw new FlowError(
			'not-sealed',
			'This anchor’s vault is not ready for recovery: its owner has not sealed the shares yet.'
		);
	}
	return status.vaultId;
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

const STAGE_ORDER: Record<RequestStage['stage'], number> = {
	releasable: 0,
	released: 1,
	waiting: 2,
	closed: 3
};

/**
 * The requests for this anchor, the most useful first: releasable, released (can be released
 * again in its window), waiting (most approvals first), closed.
 */
export function rankRequests(requests: readonly RequestView[], anchor: bigint): RequestView[] {
	return requests
		.filter((request) => request.anchor === anchor)
		.sort(
			(a, b) =>
				STAGE_ORDER[requestStage(a).stage] - STAGE_ORDER[requestStage(b).stage] ||
				b.approvals - a.approvals ||
				Number(b.requestId - a.requestId)
		);
}

export const CLOSED_REASONS: Record<string, string> = {
	failed: 'Too many guardians declined, so this request can no longer be approved.',
	cancelled: 'This request was cancelled (by the owner’s recovery phrase or by its guardian).',
	expired: 'This request expired before it was released.'
};

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
		LimitReached:
			'This request’s release key was fetched the most times allowed. Ask a guardian to open a new request from a new link.',
		Unauthorized: 'Only the browser that made this recovery link can get the phrase back.'
	});
}
