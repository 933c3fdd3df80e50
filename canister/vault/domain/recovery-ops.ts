// Recovery: open, approve, decline, owner alarm, cancel by the phrase identity, release.
import type { OperationContext } from './context';
import { fail } from './errors';
import type { RateWindow, RequestRecord, VaultRecord } from './records';
import { activeRequest, effectiveStatus, requireReleasable } from './recovery-state';
import { LIMITS, releaseIdentity } from '@tessera/contract';
import type { ReleasedShare } from '@tessera/contract/vault';
import { requirePhraseIdentity } from './phrase-auth';
import { samePrincipal } from './principals';
import * as validate from './validate';

export function openRecovery(
	ctx: OperationContext,
	args: { anchor: bigint }
): { requestId: bigint; releasableAt: bigint } {
	const { caller, now, repo } = ctx;
	// Not anonymous: the release key's identity is (request id || requester), and the anonymous
	// principal is everyone's, so anyone could collect the release.
	validate.requireAuthenticated(caller);
	const vaultId = repo.anchor(validate.u64('anchor', args.anchor))?.vaultId ?? 0n;
	if (vaultId === 0n) fail({ kind: 'NotFound', entity: 'vault' });
	const vault = repo.requireVault(vaultId);
	const seal = vault.seal ?? fail({ kind: 'InvalidState', reason: 'vault is not sealed' });
	if (seal.shares.length < seal.threshold) {
		fail({ kind: 'InvalidState', reason: 'fewer guardians than the threshold' });
	}
	const active = activeRequest(repo, vault, now);
	if (active) fail({ kind: 'RecoveryActive', requestId: active.id });
	const cooldownUntil = cooldownEnd(ctx, vault);
	if (now < cooldownUntil) fail({ kind: 'CooldownActive', until: cooldownUntil });
	const vaultWindow = bump(
		{ windowStart: vault.openWindowStart, count: vault.opensInWindow },
		now,
		LIMITS.vaultOpenWindowNs,
		LIMITS.vaultOpensPerWindow
	);
	const requesterWindow = bump(
		repo.requesterWindow(caller),
		now,
		LIMITS.requesterOpenWindowNs,
		LIMITS.requesterOpensPerWindow
	);
	const request: RequestRecord = {
		id: repo.nextId('nextRequestId'),
		vaultId,
		requester: caller,
		openedAt: now,
		releasableAt: now + vault.delayNs,
		expiresAt: now + vault.delayNs + LIMITS.releaseWindowNs,
		threshold: seal.threshold,
		guardianCount: seal.shares.length,
		status: 'open',
		closedAt: 0n,
		alarmAt: 0n,
		approvals: [],
		declines: []
	};
	if (vault.lastRequestId !== 0n) repo.removeRequest(vault.lastRequestId);
	repo.putRequest(request);
	repo.putRequesterWindow(caller, requesterWindow);
	repo.putVault({
		...vault,
		lastRequestId: request.id,
		cooldownUntil,
		openWindowStart: vaultWindow.windowStart,
		opensInWindow: vaultWindow.count
	});
	repo.audit(vaultId, { kind: 'recovery-opened', at: now, index: 255, ref: request.id });
	return { requestId: request.id, releasableAt: request.releasableAt };
}

export function approveRecovery(
	ctx: OperationContext,
	args: { requestId: bigint; ciphertext: Uint8Array }
): void {
	const { request, vault, shareIndex } = guardianVote(ctx, args.requestId);
	const ciphertext = validate.shareCiphertext('ciphertext', args.ciphertext);
	const approvals = [...request.approvals, { shareIndex, at: ctx.now, ciphertext }];
	ctx.repo.putRequest({ ...request, approvals });
	ctx.repo.audit(vault.id, { kind: 'approved', at: ctx.now, index: shareIndex, ref: request.id });
}

export function declineRecovery(ctx: OperationContext, args: { requestId: bigint }): void {
	const { now, repo } = ctx;
	const { request, vault, shareIndex } = guardianVote(ctx, args.requestId);
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
		repo.putVault({ ...vault, cooldownUntil: now + LIMITS.cooldownNs });
		repo.audit(vault.id, { kind: 'recovery-failed', at: now, index: 255, ref: request.id });
	}
}

/** The owner's device says "this isn't me": guardians see it; it cancels nothing. */
export function raiseAlarm(ctx: OperationContext, args: { requestId: bigint }): void {
	const { caller, now, repo } = ctx;
	validate.requireAuthenticated(caller);
	const request = repo.requireRequest(args.requestId);
	const vault = repo.requireVault(request.vaultId);
	if (!samePrincipal(caller, vault.owner)) {
		fail({ kind: 'Unauthorized', reason: 'only the owner can raise the alarm' });
	}
	requireOpen(request, now);
	if (request.alarmAt !== 0n) return;
	repo.putRequest({ ...request, alarmAt: now });
	repo.audit(vault.id, { kind: 'alarm-raised', at: now, index: 255, ref: request.id });
}

export function cancelRecovery(
	ctx: OperationContext,
	args: { requestId: bigint; nonce: bigint }
): void {
	const { now, repo } = ctx;
	const request = repo.requireRequest(args.requestId);
	const vault = repo.requireVault(request.vaultId);
	requirePhraseIdentity(ctx.caller, vault, args.nonce);
	requireOpen(request, now);
	repo.putRequest({ ...request, status: 'cancelled', closedAt: now });
	repo.putVault({ ...vault, nonce: vault.nonce + 1n, cooldownUntil: now + LIMITS.cooldownNs });
	repo.audit(vault.id, { kind: 'recovery-cancelled', at: now, index: 255, ref: request.id });
}

/** The vetKD input for the release key: u64_be(request id) || requester principal bytes. */
export { releaseIdentity };

/** Read-only release decision: the identity the adapter may derive the release key for. */
export function authorizeRelease(
	ctx: OperationContext,
	args: { requestId: bigint }
): { request: RequestRecord; input: Uint8Array } {
	const { caller, now, repo } = ctx;
	validate.requireAuthenticated(caller);
	const request = repo.requireRequest(args.requestId);
	if (!samePrincipal(caller, request.requester)) {
		fail({ kind: 'Unauthorized', reason: 'only the requester receives the release' });
	}
	requireReleasable(request, now);
	return { request, input: releaseIdentity(request.id, request.requester) };
}

/** Releases the approvals' re-encrypted shares to the requester (recorded on first release). */
export function release(
	ctx: OperationContext,
	args: { requestId: bigint }
): { input: Uint8Array; shares: ReleasedShare[]; commitment: Uint8Array } {
	const { request, input } = authorizeRelease(ctx, args);
	// The requester checks the combined entropy against the seal's commitment. The seal is
	// frozen while the request is open, so this is the seal the approvals were made from.
	const commitment = ctx.repo.requireVault(request.vaultId).seal?.commitment;
	if (!commitment) fail({ kind: 'InvalidState', reason: 'the vault has no sealed shares' });
	if (request.status === 'open') {
		ctx.repo.putRequest({ ...request, status: 'released', closedAt: ctx.now });
		ctx.repo.audit(request.vaultId, { kind: 'released', at: ctx.now, index: 255, ref: request.id });
	}
	const shares = request.approvals.map(({ shareIndex, ciphertext }) => ({
		shareIndex,
		ciphertext
	}));
	return { input, shares, commitment };
}

function guardianVote(
	ctx: OperationContext,
	requestId: bigint
): { request: RequestRecord; vault: VaultRecord; shareIndex: number } {
	const { caller, now, repo } = ctx;
	validate.requireAuthenticated(caller);
	const request = repo.requireRequest(requestId);
	const vault = repo.requireVault(request.vaultId);
	// The seal is frozen while a request is open (seal, rotation and resign are refused).
	const shareIndex = (vault.seal?.shares ?? []).findIndex((share) =>
		samePrincipal(share.guardian, caller)
	);
	if (shareIndex < 0) fail({ kind: 'Unauthorized', reason: 'not a guardian of this request' });
	requireOpen(request, now);
	const voted = [...request.approvals, ...request.declines].some(
		(v) => v.shareIndex === shareIndex
	);
	if (voted) fail({ kind: 'AlreadyVoted' });
	return { request, vault, shareIndex };
}

function requireOpen(request: RequestRecord, now: bigint): void {
	const status = effectiveStatus(request, now);
	if (status !== 'open') fail({ kind: 'RequestClosed', status });
}

/** Cooldown after a failed, cancelled or lapsed request. */
function cooldownEnd(ctx: OperationContext, vault: VaultRecord): bigint {
	const last = vault.lastRequestId === 0n ? undefined : ctx.repo.request(vault.lastRequestId);
	if (last && effectiveStatus(last, ctx.now) === 'expired') {
		const lapsedUntil = last.expiresAt + LIMITS.cooldownNs;
		return lapsedUntil > vault.cooldownUntil ? lapsedUntil : vault.cooldownUntil;
	}
	return vault.cooldownUntil;
}

/** Fixed-window rate limit: the updated window, or RateLimited. */
function bump(
	window: RateWindow | undefined,
	now: bigint,
	length: bigint,
	max: number
): RateWindow {
	if (!window || now >= window.windowStart + length) return { windowStart: now, count: 1 };
	if (window.count >= max) fail({ kind: 'RateLimited', until: window.windowStart + length });
	return { windowStart: window.windowStart, count: window.count + 1 };
}
