// Recovery: a guardian opens a request for a requester, guardians approve (replaceably) or
// decline, the owner's alarm extends that request's delay once, the phrase identity or the
// sponsor cancels, and the requester releases everything in one call.
import type { Principal } from '@dfinity/principal';
import type { OperationContext } from './context';
import { fail } from './errors';
import type { RequestRecord, VaultRecord } from './records';
import {
	effectiveStatus,
	expiredOr,
	isLive,
	requireReleasable,
	vaultRequests
} from './recovery-state';
import { LIMITS, releaseIdentity } from '@tessera/contract';
import type { OpenRecoveryResult, ReleasedApproval } from '@tessera/contract/vault';
import { requirePhraseIdentity } from './phrase-auth';
import { samePrincipal } from './principals';
import * as validate from './validate';

/**
 * Opened by a share holder of the sealed vault on the requester's behalf (after checking the
 * verification code with the owner). Strangers create nothing. A sponsor has at most one live
 * request per vault; any number of sponsors may each have one, and none blocks another.
 */
export function openRecovery(
	ctx: OperationContext,
	args: { vaultId: bigint; requester: Principal }
): OpenRecoveryResult {
	const { caller, now, repo } = ctx;
	validate.requireAuthenticated(caller);
	const vault = repo.requireVault(validate.u64('vaultId', args.vaultId));
	shareIndexOf(vault, caller);
	const seal = vault.seal ?? fail({ kind: 'InvalidState', reason: 'vault is not sealed' });
	// Not anonymous: the release key's identity is (request id || requester), and the anonymous
	// principal is everyone's, so anyone could collect the release.
	const requester = validate.requester(args.requester);
	const previous = vaultRequests(repo, vault).find((r) => samePrincipal(r.sponsor, caller));
	if (previous && isLive(previous, now)) fail({ kind: 'AlreadyOpen', requestId: previous.id });
	const releasableAt = now + vault.delayNs;
	const request: RequestRecord = {
		id: repo.nextId('nextRequestId'),
		vaultId: vault.id,
		requester,
		sponsor: caller,
		openedAt: now,
		releasableAt,
		expiresAt: releasableAt + LIMITS.releaseWindowNs,
		threshold: seal.threshold,
		guardianCount: seal.shares.length,
		status: 'open',
		closedAt: 0n,
		alarmAt: 0n,
		releasedAt: 0n,
		derivations: 0,
		approvals: [],
		declines: []
	};
	// The sponsor's previous request is closed (failed, cancelled, lapsed): it is replaced, so a
	// vault stores at most one request per share holder.
	if (previous) repo.removeRequest(previous);
	repo.putRequest(request);
	repo.addRequesterRequest(requester, request.id, now);
	const requestIds = [...vault.requestIds.filter((id) => id !== previous?.id), request.id];
	repo.putVault({ ...vault, requestIds });
	const index = shareIndexOf(vault, caller);
	repo.audit(vault.id, { kind: 'recovery-opened', at: now, index, ref: request.id });
	return { requestId: request.id, releasableAt, expiresAt: request.expiresAt };
}

/**
 * A share holder approves with its share re-encrypted to the release identity. A newer approval
 * replaces its own older one, while the request is open or released inside its window: after a
 * release that found a bad share, one more guardian (or the same, corrected) repairs it.
 */
export function approveRecovery(
	ctx: OperationContext,
	args: { requestId: bigint; ciphertext: Uint8Array }
): void {
	const { request, vault, shareIndex } = guardianOfLiveRequest(ctx, args.requestId);
	if (request.declines.some((d) => d.shareIndex === shareIndex)) fail({ kind: 'AlreadyVoted' });
	const ciphertext = validate.shareCiphertext('ciphertext', args.ciphertext);
	const approvals = [
		...request.approvals.filter((a) => a.shareIndex !== shareIndex),
		{ shareIndex, at: ctx.now, ciphertext }
	].sort((a, b) => a.shareIndex - b.shareIndex);
	ctx.repo.putRequest({ ...request, approvals });
	ctx.repo.audit(vault.id, { kind: 'approved', at: ctx.now, index: shareIndex, ref: request.id });
}

/** A share holder declines an open request; once m approvals are out of reach, it fails. */
export function declineRecovery(ctx: OperationContext, args: { requestId: bigint }): void {
	const { now, repo } = ctx;
	const { request, vault, shareIndex } = guardianOfLiveRequest(ctx, args.requestId);
	if (request.status !== 'open') fail({ kind: 'RequestClosed', status: request.status });
	const voted = [...request.approvals, ...request.declines].some(
		(v) => v.shareIndex === shareIndex
	);
	if (voted) fail({ kind: 'AlreadyVoted' });
	const declines = [...request.declines, { shareIndex, at: now }];
	const failed = declines.length > request.guardianCount - request.threshold;
	repo.putRequest({
		...request,
		declines,
		status: failed ? 'failed' : 'open',
		closedAt: failed ? now : 0n
	});
	repo.audit(vault.id, { kind: 'declined', at: now, index: shareIndex, ref: request.id });
	if (failed) {
		repo.audit(vault.id, { kind: 'recovery-failed', at: now, index: 255, ref: request.id });
	}
}

/**
 * The owner's device says "this isn't me". A thief holds the owner's devices too, so it proves
 * nothing either way: guardians see it, and it extends THAT request's delay (and window) once
 * by the vault's delay. It never blocks approval or release and touches no other request.
 */
export function raiseAlarm(ctx: OperationContext, args: { requestId: bigint }): void {
	const { caller, now, repo } = ctx;
	validate.requireAuthenticated(caller);
	const request = repo.requireRequest(args.requestId);
	const vault = repo.requireVault(request.vaultId);
	if (!samePrincipal(caller, vault.owner)) {
		fail({ kind: 'Unauthorized', reason: 'only the owner can raise the alarm' });
	}
	if (effectiveStatus(request, now) !== 'open') {
		fail({ kind: 'RequestClosed', status: expiredOr(request, now) });
	}
	if (request.alarmAt !== 0n) return;
	repo.putRequest({
		...request,
		alarmAt: now,
		releasableAt: request.releasableAt + vault.delayNs,
		expiresAt: request.expiresAt + vault.delayNs
	});
	repo.audit(vault.id, { kind: 'alarm-raised', at: now, index: 255, ref: request.id });
}

/**
 * The phrase identity (with the vault's nonce) cancels any live request; the sponsor cancels its
 * own open request (nonce ignored: it is not a vault-weakening operation).
 */
export function cancelRecovery(
	ctx: OperationContext,
	args: { requestId: bigint; nonce: bigint }
): void {
	const { caller, now, repo } = ctx;
	validate.requireAuthenticated(caller);
	const request = repo.requireRequest(args.requestId);
	const vault = repo.requireVault(request.vaultId);
	const bySponsor =
		samePrincipal(caller, request.sponsor) && !samePrincipal(caller, vault.phrasePrincipal);
	if (bySponsor) {
		if (effectiveStatus(request, now) !== 'open') {
			fail({ kind: 'RequestClosed', status: expiredOr(request, now) });
		}
	} else {
		requirePhraseIdentity(caller, vault, args.nonce);
		if (!isLive(request, now)) fail({ kind: 'RequestClosed', status: expiredOr(request, now) });
	}
	repo.putRequest({ ...request, status: 'cancelled', closedAt: now });
	if (!bySponsor) repo.putVault({ ...vault, nonce: vault.nonce + 1n });
	repo.audit(vault.id, { kind: 'recovery-cancelled', at: now, index: 255, ref: request.id });
}

/** The vetKD input for the release key: u64_be(request id) || requester principal bytes. */
export { releaseIdentity };

export interface ReleaseDecision {
	/** The vetKD input the adapter derives the release key for, under the release context. */
	input: Uint8Array;
	approvals: ReleasedApproval[];
	shareCommitments: Uint8Array[];
	entropyCommitment: Uint8Array;
}

/**
 * The requester collects everything in one call: every approval, the seal's per-share and
 * entropy commitments, and (by the adapter, with `input`) the release vetKey. Repeatable inside
 * the release window; each call spends one of the request's RELEASE_DERIVATIONS_PER_REQUEST.
 * The count is committed before the adapter's vetKD call, so parallel calls cannot exceed it.
 */
export function releaseRecovery(
	ctx: OperationContext,
	args: { requestId: bigint }
): ReleaseDecision {
	const { caller, now, repo } = ctx;
	validate.requireAuthenticated(caller);
	const request = repo.requireRequest(args.requestId);
	if (!samePrincipal(caller, request.requester)) {
		fail({ kind: 'Unauthorized', reason: 'only the requester receives the release' });
	}
	requireReleasable(request, now);
	if (request.derivations >= LIMITS.releaseDerivationsPerRequest) {
		fail({ kind: 'LimitReached', limit: 'release derivations per request' });
	}
	// The seal is the one the approvals were made from: a new seal cancels every live request.
	const seal =
		repo.requireVault(request.vaultId).seal ??
		fail({ kind: 'InvalidState', reason: 'the vault has no sealed shares' });
	const first = request.status === 'open';
	repo.putRequest({
		...request,
		status: 'released',
		releasedAt: first ? now : request.releasedAt,
		closedAt: first ? now : request.closedAt,
		derivations: request.derivations + 1
	});
	if (first)
		repo.audit(request.vaultId, { kind: 'released', at: now, index: 255, ref: request.id });
	return {
		input: releaseIdentity(request.id, request.requester),
		approvals: request.approvals.map(({ shareIndex, ciphertext }) => ({
			slot: shareIndex,
			ciphertext
		})),
		shareCommitments: seal.shares.map((share) => share.commitment),
		entropyCommitment: seal.commitment
	};
}

/** The caller's share index in the vault's seal, or Unauthorized. */
export function shareIndexOf(vault: VaultRecord, caller: Principal): number {
	const index = (vault.seal?.shares ?? []).findIndex((share) =>
		samePrincipal(share.guardian, caller)
	);
	if (index < 0) fail({ kind: 'Unauthorized', reason: 'not a share holder of this vault' });
	return index;
}

function guardianOfLiveRequest(
	ctx: OperationContext,
	requestId: bigint
): { request: RequestRecord; vault: VaultRecord; shareIndex: number } {
	const { caller, now, repo } = ctx;
	validate.requireAuthenticated(caller);
	const request = repo.requireRequest(requestId);
	const vault = repo.requireVault(request.vaultId);
	// The seal is frozen while a request is live (a new seal cancels requests; resign waits).
	const shareIndex = shareIndexOf(vault, caller);
	if (!isLive(request, now)) fail({ kind: 'RequestClosed', status: expiredOr(request, now) });
	return { request, vault, shareIndex };
}
