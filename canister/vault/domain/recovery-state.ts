// Derived recovery state: a request's effective status at a given time and the release rule.
import { fail } from './errors';
import type { EffectiveStatus } from '@tessera/contract/vault';
import type { RequestRecord, VaultRecord } from './records';
import type { Repository } from './repository';

/** An open request lapses when its release window ends without a release. */
export function effectiveStatus(request: RequestRecord, now: bigint): EffectiveStatus {
	if (request.status === 'open' && now >= request.expiresAt) return 'expired';
	return request.status;
}

export function activeRequest(
	repo: Repository,
	vault: VaultRecord,
	now: bigint
): RequestRecord | undefined {
	if (vault.lastRequestId === 0n) return undefined;
	const request = repo.request(vault.lastRequestId);
	return request && effectiveStatus(request, now) === 'open' ? request : undefined;
}

/**
 * The release rule, as a pure function: >= m approvals for this exact request AND the time-lock
 * has run out (now >= opened_at + delay), and the request is still open (or already released).
 * Throws a typed DomainFailure otherwise. Callers check the requester separately.
 */
export function requireReleasable(request: RequestRecord, now: bigint): void {
	const status = effectiveStatus(request, now);
	if (status !== 'open' && status !== 'released') fail({ kind: 'RequestClosed', status });
	if (request.approvals.length < request.threshold) {
		fail({ kind: 'NotReleasable', reason: 'approvals', releasableAt: request.releasableAt });
	}
	if (now < request.releasableAt) {
		fail({ kind: 'NotReleasable', reason: 'time-lock', releasableAt: request.releasableAt });
	}
}
