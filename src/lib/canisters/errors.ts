// Every failed canister call becomes one `CanisterError`: the vault canister's typed Candid error
// (kind = its variant name, fields kept) or, when the call itself failed, 'Network' (no answer:
// try again) or 'Rejected' (the IC or the canister refused it: a bug or an outdated app). Each
// kind has a plain-language message that says what happened and what to do.
import { AgentError, ErrorKindEnum } from '@dfinity/agent';

export const VAULT_ERROR_KINDS = [
	'AnonymousCaller',
	'Unauthorized',
	'NotFound',
	'InvalidInput',
	'InvalidState',
	'LimitReached',
	'StaleNonce',
	'AnchorHasVault',
	'PhraseKeyNotOnAnchor',
	'InviteNotFound',
	'InviteExpired',
	'InviteUsed',
	'AlreadyGuardian',
	'OwnerCannotGuard',
	'NotAllAccepted',
	'AlreadyOpen',
	'RateLimited',
	'AlreadyVoted',
	'RequestClosed',
	'NotReleasable',
	'IdentityProviderUnavailable',
	'VetKdFailed'
] as const;

export type VaultErrorKind = (typeof VAULT_ERROR_KINDS)[number];
/**
 * 'Network': no answer came back. 'Rejected': the call was refused before the canister's logic.
 * 'SessionExpired': the IC refused the sender's delegation as expired (the II session is over).
 * 'NotConfigured': this build names no vault canister.
 */
export type CanisterErrorKind =
	VaultErrorKind | 'Network' | 'Rejected' | 'SessionExpired' | 'NotConfigured';

/** The IC's words (HTTP 400) for a request signed under an expired delegation. */
const EXPIRED_DELEGATION = /sender delegation has expired/u;

/** The Candid error's fields (e.g. `requestId`, `until`, `reason`); empty for field-less kinds. */
export type ErrorDetails = Readonly<Record<string, unknown>>;

export class CanisterError extends Error {
	constructor(
		readonly kind: CanisterErrorKind,
		message: string,
		readonly details: ErrorDetails = {}
	) {
		super(message);
		this.name = 'CanisterError';
	}
}

const nsToDate = (ns: unknown): string =>
	typeof ns === 'bigint' ? new Date(Number(ns / 1_000_000n)).toLocaleString() : 'later';

const MESSAGES: Record<CanisterErrorKind, (details: ErrorDetails) => string> = {
	AnonymousCaller: () => 'You are not signed in. Sign in and try again.',
	Unauthorized: () =>
		'You are not allowed to do this with this vault. Check that you signed in with the right identity and, for changes, entered this vault’s recovery phrase.',
	NotFound: ({ entity }) =>
		`That ${typeof entity === 'string' ? entity : 'item'} does not exist (any more). Reload the page.`,
	InvalidInput: ({ field, reason }) =>
		`Tessera could not accept the ${String(field)}: ${String(reason)}. Correct it and try again.`,
	InvalidState: ({ reason }) =>
		`This cannot be done right now: ${String(reason)}. Reload the page to see the current state.`,
	LimitReached: ({ limit }) => `A limit was reached (${String(limit)}).`,
	StaleNonce: () =>
		'Your vault changed in the meantime (perhaps in another tab). Reload the page and try again.',
	AnchorHasVault: () =>
		'This Internet Identity already has a vault. Open your dashboard to manage it.',
	PhraseKeyNotOnAnchor: () =>
		'This recovery phrase does not belong to that Internet Identity. Check the number and the phrase.',
	InviteNotFound: () => 'This invitation does not exist. Ask the owner for a new link.',
	InviteExpired: () => 'This invitation has expired. Ask the owner for a new link.',
	InviteUsed: () => 'This invitation has already been accepted. Each link works once.',
	AlreadyGuardian: () => 'You already guard this vault.',
	OwnerCannotGuard: () =>
		'You cannot guard your own vault: sign in with a different identity to accept.',
	NotAllAccepted: () => 'Not every guardian has accepted yet. Wait until they all have.',
	AlreadyOpen: () =>
		'You already have a recovery request open for this vault. Cancel it first to open another.',
	RateLimited: ({ until }) => `Too many attempts. Try again after ${nsToDate(until)}.`,
	AlreadyVoted: () => 'You have already answered this request.',
	RequestClosed: ({ status }) => `This request is closed (${String(status)}).`,
	NotReleasable: ({ reason, releasableAt }) =>
		reason === 'approvals'
			? 'Not enough guardians have approved yet.'
			: `The waiting period has not passed yet: the phrase can be released after ${nsToDate(releasableAt)}.`,
	IdentityProviderUnavailable: () =>
		'Internet Identity could not be reached. Nothing changed: try again in a moment.',
	VetKdFailed: () =>
		'The Internet Computer could not derive a key right now. Nothing changed: try again in a moment.',
	Network: () =>
		'Tessera could not reach the Internet Computer. Check your connection and try again.',
	Rejected: () =>
		'The Internet Computer refused the call. Reload the page; if it happens again, Tessera may be updating.',
	SessionExpired: () =>
		'Your sign-in has expired (Internet Identity sessions last 8 hours). Sign out, then sign in again.',
	NotConfigured: () =>
		'This copy of Tessera is not connected to a vault canister. Whoever runs it must set VITE_CANISTER_ID_VAULT.'
};

/** The plain-language message for an error kind and its fields. */
export function describeError(kind: CanisterErrorKind, details: ErrorDetails = {}): string {
	return MESSAGES[kind](details);
}

function isVaultKind(kind: string): kind is VaultErrorKind {
	return (VAULT_ERROR_KINDS as readonly string[]).includes(kind);
}

/** A Candid `Err` variant (`{ Kind: fields | null }`) as a CanisterError. */
export function fromCandidError(error: Record<string, unknown>): CanisterError {
	const [kind, fields] = Object.entries(error)[0] ?? [];
	if (kind === undefined || !isVaultKind(kind)) {
		return new CanisterError('Rejected', describeError('Rejected'), { unknownKind: kind });
	}
	const details = fields && typeof fields === 'object' ? (fields as ErrorDetails) : {};
	return new CanisterError(kind, describeError(kind, details), details);
}

/**
 * Anything an agent call threw, as a CanisterError: 'SessionExpired' for an expired delegation,
 * 'Rejected' for IC rejects, else 'Network'.
 */
export function fromThrown(error: unknown): CanisterError {
	if (error instanceof CanisterError) return error;
	const cause = error instanceof Error ? error.message : String(error);
	const rejected = error instanceof AgentError && error.kind === ErrorKindEnum.Reject;
	const kind = EXPIRED_DELEGATION.test(cause)
		? 'SessionExpired'
		: rejected
			? 'Rejected'
			: 'Network';
	return new CanisterError(kind, describeError(kind), { cause });
}

/** Unwraps a Candid `{ Ok } | { Err }` result; `Err` throws its CanisterError. */
export function unwrap<T>(result: { Ok: T } | { Err: Record<string, unknown> }): T {
	if ('Err' in result) throw fromCandidError(result.Err);
	return result.Ok;
}

/** Runs one canister call: Candid errors and thrown agent errors both become CanisterErrors. */
export async function callCanister<T>(
	call: () => Promise<{ Ok: T } | { Err: Record<string, unknown> }>
): Promise<T> {
	let result: { Ok: T } | { Err: Record<string, unknown> };
	try {
		result = await call();
	} catch (error) {
		throw fromThrown(error);
	}
	return unwrap(result);
}
