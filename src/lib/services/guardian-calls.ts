// What the guardian and recovery flows need from the vault canister: a narrow port with the
// shapes of the typed wrapper in src/lib/canisters/vault.canister.ts (which satisfies it), so the flows
// stay pure and testable. View types are the contract's. Calls
// throw the wrapper's CanisterError (`kind` + plain `message`).
import type {
	AuditEvent,
	GuardianVaultView,
	InvitationView,
	RequestView
} from '@tessera/contract/vault';

export type { AuditEvent, GuardianVaultView, InvitationView, RequestView };

/** `(step, done, total)`: the flows report every slow step through this. */
import type { Progress } from './progress';
export type { Progress };

export interface VetKdPublicKeys {
	readonly shares: Uint8Array;
	readonly release: Uint8Array;
}

export interface InviteArgs {
	readonly vaultId: bigint;
	readonly secret: Uint8Array;
}

/** Calls a signed-in guardian (or invitee) makes. */
export interface GuardianCalls {
	invitation(args: InviteArgs): Promise<InvitationView>;
	/** The slot the caller now holds. */
	acceptInvite(args: InviteArgs): Promise<number>;
	guardianVaults(): Promise<GuardianVaultView[]>;
	auditLog(vaultId: bigint): Promise<AuditEvent[]>;
	vetkdPublicKeys(): Promise<VetKdPublicKeys>;
	sharesKey(transportPublicKey: Uint8Array): Promise<Uint8Array>;
	approveRecovery(args: { requestId: bigint; ciphertext: Uint8Array }): Promise<unknown>;
	declineRecovery(requestId: bigint): Promise<unknown>;
}

export interface Released {
	readonly shares: { shareIndex: number; ciphertext: Uint8Array }[];
	/** The vault's entropy commitment: the combined shares must match it. */
	readonly commitment: Uint8Array;
}

/** Calls the requester's fresh browser key makes. */
export interface RequesterCalls {
	openRecovery(anchor: bigint): Promise<{ requestId: bigint; releasableAt: bigint }>;
	requestStatus(requestId: bigint): Promise<RequestView>;
	release(requestId: bigint): Promise<Released>;
	releaseKey(requestId: bigint, transportPublicKey: Uint8Array): Promise<Uint8Array>;
	vetkdPublicKeys(): Promise<VetKdPublicKeys>;
}
