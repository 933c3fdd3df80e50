// Typed domain errors. Every expected failure is one of these (mapped 1:1 to a Candid variant by
// the adapter); anything thrown that is not a DomainFailure is a broken invariant and must trap.

export type Entity = 'vault' | 'request' | 'slot' | 'anchor';

export type DomainError =
	| { kind: 'AnonymousCaller' }
	| { kind: 'Unauthorized'; reason: string }
	| { kind: 'NotFound'; entity: Entity }
	| { kind: 'InvalidInput'; field: string; reason: string }
	| { kind: 'InvalidState'; reason: string }
	| { kind: 'LimitReached'; limit: string }
	// key-authorized calls: the argument nonce is not the counter
	| { kind: 'StaleNonce'; expected: bigint }
	// vaults and invitations
	| { kind: 'AnchorHasVault' }
	| { kind: 'PhraseKeyNotOnAnchor' }
	| { kind: 'InviteNotFound' }
	| { kind: 'InviteExpired' }
	| { kind: 'InviteUsed' }
	| { kind: 'AlreadyGuardian' }
	| { kind: 'OwnerCannotGuard' }
	| { kind: 'NotAllAccepted' }
	// recovery
	| { kind: 'AlreadyOpen'; requestId: bigint }
	| { kind: 'RateLimited'; until: bigint }
	| { kind: 'AlreadyVoted' }
	| { kind: 'RequestClosed'; status: string }
	| { kind: 'NotReleasable'; reason: 'approvals' | 'time-lock'; releasableAt: bigint };

export type Result<T> = { ok: true; value: T } | { ok: false; error: DomainError };

/** Carries a DomainError out of nested domain code; caught at the facade, never escapes it. */
export class DomainFailure extends Error {
	constructor(readonly error: DomainError) {
		super(`domain error: ${error.kind}`);
		this.name = 'DomainFailure';
	}
}

export function fail(error: DomainError): never {
	throw new DomainFailure(error);
}

export function invalid(field: string, reason: string): never {
	throw new DomainFailure({ kind: 'InvalidInput', field, reason });
}

/** A stored record that cannot be read back: state is corrupt, so the adapter must trap. */
export class InvariantError extends Error {
	constructor(message: string) {
		super(`invariant broken: ${message}`);
		this.name = 'InvariantError';
	}
}
