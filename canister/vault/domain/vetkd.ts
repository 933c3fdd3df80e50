// vetKD authorization decisions. The adapter makes the management call (vetkd_derive_key) only
// with an input these functions return, under the contract's contexts. Every derivation has a
// bound: shares_key SHARES_KEY_PER_DAY per share holder, release keys per request (recovery-ops).
import type { Principal } from '@dfinity/principal';
import type { OperationContext } from './context';
import { fail } from './errors';
import { LIMITS, SHARES_KEY_WINDOW_NS } from '@tessera/contract';
import { samePrincipal } from './principals';
import * as validate from './validate';

/**
 * A guardian's own key (input = caller principal bytes): only a principal holding a share in a
 * SEALED vault (a seat in a vault the caller made and never sealed is not enough), at most
 * LIMITS.sharesKeysPerDay a day. The count is committed before the adapter's vetKD call.
 */
export function authorizeSharesKey(ctx: OperationContext): { input: Uint8Array } {
	const { caller, now, repo } = ctx;
	validate.requireAuthenticated(caller);
	const holdsShare = repo
		.guardedVaults(caller)
		.some((id) =>
			(repo.vault(id)?.seal?.shares ?? []).some((share) => samePrincipal(share.guardian, caller))
		);
	if (!holdsShare) fail({ kind: 'Unauthorized', reason: 'not a share holder of a sealed vault' });
	const window = repo.sharesKeyWindow(caller);
	const fresh = !window || now >= window.windowStart + SHARES_KEY_WINDOW_NS;
	if (!fresh && window.count >= LIMITS.sharesKeysPerDay) {
		fail({ kind: 'RateLimited', until: window.windowStart + SHARES_KEY_WINDOW_NS });
	}
	repo.putSharesKeyWindow(
		caller,
		fresh ? { windowStart: now, count: 1 } : { ...window, count: window.count + 1 }
	);
	return { input: sharesIdentity(caller) };
}

function sharesIdentity(guardian: Principal): Uint8Array {
	return guardian.toUint8Array();
}
