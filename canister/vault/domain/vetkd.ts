// vetKD authorization decisions. The adapter makes the management call (vetkd_derive_key) only
// with an input these functions return, under the contract's contexts.
import type { Principal } from '@dfinity/principal';
import type { OperationContext } from './context';
import { fail } from './errors';
import { authorizeRelease } from './recovery-ops';
import * as validate from './validate';

/** A guardian's own key: input = caller principal bytes; only principals guarding a vault. */
export function authorizeSharesKey(ctx: OperationContext): { input: Uint8Array } {
	validate.requireAuthenticated(ctx.caller);
	if (ctx.repo.guardedVaults(ctx.caller).length === 0) {
		fail({ kind: 'Unauthorized', reason: 'not a guardian of any vault' });
	}
	return { input: sharesIdentity(ctx.caller) };
}

function sharesIdentity(guardian: Principal): Uint8Array {
	return guardian.toUint8Array();
}

/** The release key: only the request's requester, only when releasable. */
export function authorizeReleaseKey(
	ctx: OperationContext,
	args: { requestId: bigint }
): { input: Uint8Array } {
	return { input: authorizeRelease(ctx, args).input };
}
