// Typed errors of the guardian and recovery flows, and the one way every page turns a failure
// into words. Canister failures arrive as the wrapper's CanisterError ({ kind, message }); the
// flows' own failures (crypto checks) are FlowErrors; the owner's flows throw typed errors too.

export type FlowErrorKind =
	/** The canister reported a vetKD public key that is not derived from the trusted master key. */
	| 'untrusted-key'
	/** The vetKey did not decrypt or verify: never used. */
	| 'vetkey-failed'
	/** My share did not decrypt or is not for this vault. */
	| 'share-unreadable'
	| 'no-share'
	| 'not-pending'
	/** Released shares did not combine into the vault's phrase. */
	| 'reconstruct-failed'
	/** The recovered phrase is not the anchor's recovery phrase on Internet Identity. */
	| 'phrase-not-on-anchor'
	/** Paper shares that cannot be used (other vault or seal, repeated, too few). */
	| 'paper-refused'
	/** Owner: II did not confirm that the phrase is now protected. */
	| 'protection-unconfirmed'
	/** Owner: the vault was deleted or is no longer this owner's. */
	| 'vault-gone'
	/** Owner: the phrase is no longer in this tab (the wizard must start again). */
	| 'phrase-gone'
	/** Owner: a new link was asked for a guardian who has accepted meanwhile. */
	| 'invite-accepted'
	/** The page needs a signed-in user. */
	| 'signed-out'
	/** Requester: no vault, or no sealed vault, protects this anchor. */
	| 'no-vault'
	| 'not-sealed'
	/** Guardian: the recovery link names an anchor whose vault this guardian does not guard. */
	| 'not-guardian'
	/** Guardian: the words typed are not this link's verification code. */
	| 'code-mismatch';

export class FlowError extends Error {
	constructor(
		readonly kind: FlowErrorKind,
		message: string
	) {
		super(message);
		this.name = 'FlowError';
	}
}

interface KindedError {
	readonly kind: string;
	readonly message: string;
}

function isKinded(error: unknown): error is KindedError {
	return (
		error instanceof Error &&
		typeof (error as Partial<KindedError>).kind === 'string' &&
		typeof error.message === 'string'
	);
}

/** The error's kind (canister, flow or network), or undefined for an unexpected failure. */
export function errorKind(error: unknown): string | undefined {
	return isKinded(error) ? error.kind : undefined;
}

/**
 * Words for the user: a context-specific text for known kinds, else the typed error's own plain
 * message; anything untyped (a bug) gets a generic text, never internals or a stack trace.
 */
export function errorMessage(error: unknown, specific: Record<string, string> = {}): string {
	if (!isKinded(error)) return 'Something unexpected went wrong. Reload the page and try again.';
	return specific[error.kind] ?? error.message;
}
