// Derived recovery state: a request's effective status at a given time, liveness and the release
// rule, as pure functions of the stored record.
import { fail } from './errors';
import type { EffectiveStatus } from '@tessera/contract/vault';
import type { RequestRecord, VaultRecord } from './records';
import type { Repository } from './repository';

/** An open request lapses when its release window ends without a release. */
export function effectiveStatus(request: RequestRecord, now: bigint): EffectiveStatus {
	if (request.status === 'open' && now >= request.expiresAt) return 'expired';
	return request.status;
}

/**
 * Live: open or released, and inside its release window. Approvals, release and derivations
 * happen only on live requests; a sponsor has at most one live request per vault.
 */
export function isLive(request: RequestRecord, now: bigint): boolean {
	return (request.status === 'open' || request.status === 'released') && now < request.expiresAt;
}

/** The vault's stored requests (at most one per sponsoring guardian). */
export function vaultRequests(repo: Repository, vault: VaultRecord): RequestRecord[] {
	return vault.requestIds.map((id) => repo.requireRequest(id));
}

export function liveRequests(repo: Repository, vault: VaultRecord, now: bigint): RequestRecord[] {
	return vaultRequests(repo, vault).filter((request) => isLive(request, now));
}

/**
 * The release rule, as a pure function: a live request (open, or released within its window),
 * >= m approvals for this exact request, AND the time-lock has run out (now >= releasableAt).
 * Throws a typed DomainFailure otherwise. Callers check the requester separately.
 */
export function requireReleasable(request: RequestRecord, now: bigint): void {
	if (!isLive(request, now)) fail({ kind: 'RequestClosed', status: expiredOr(request, now) });
	if (request.approvals.length < request.threshold) {
		fail({ kind: 'NotReleasable', reason: 'approvals', releasableAt: request.releasableAt });
	}
	if (now < request.releasableAt) {
		fail({ kind: 'NotReleasable', reason: 'time-lock', releasableAt: request.releasableAt });
	}
}

/** The status a closed request reports: a released one past its window is 'expired' here. */
export function expiredOr(request: RequestRecord, now: bigint): string {
	return now >= request.expiresAt && request.status !== 'failed' && request.status !== 'cancelled'
		? 'expired'
		: effectiveStatus(request, now);
}
