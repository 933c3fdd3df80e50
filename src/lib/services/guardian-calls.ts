// What the guardian and recovery flows need from the vault canister: a narrow port with the
// shapes of the typed wrapper in src/lib/canisters/vault.canister.ts (which satisfies it), so the flows
// stay pure and testable. View types are the contract's. Calls
// throw the wrapper's CanisterError (`kind` + plain `message`).
import type {
	AuditEvent,
	GuardianRequestView,
	GuardianVaultView,
	InvitationView,
	OpenRecoveryResult,
	ReleaseResult,
	RequestView
} from '@tessera/contract/vault';
import type { Principal } from '@dfinity/principal';

export type { AuditEvent, GuardianRequestView, GuardianVaultView, InvitationView, RequestView };

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
	/** Opens a request on the requester's behalf (from its recovery link). */
	openRecovery(args: { vaultId: bigint; requester: Principal }): Promise<OpenRecoveryResult>;
	/** Update call (certified): what the approval is re-encrypted to. */
	recoveryRequest(requestId: bigint): Promise<RequestView>;
	approveRecovery(args: { requestId: bigint; ciphertext: Uint8Array }): Promise<unknown>;
	declineRecovery(requestId: bigint): Promise<unknown>;
}

/** release_recovery's answer; its `slot`s are the canister's share indexes, 0..n-1. */
export type ReleasedRecovery = ReleaseResult;

/** The calls the release needs (the requester's browser key sends them). */
export interface ReleaseCalls {
	vetkdPublicKeys(): Promise<VetKdPublicKeys>;
	releaseRecovery(args: { requestId: bigint; transportKey: Uint8Array }): Promise<ReleasedRecovery>;
}

/** What a stranger may learn about an anchor: whether a sealed vault protects it. */
export interface AnchorSealed {
	readonly sealed: boolean;
	readonly vaultId: bigint | undefined;
}

/** Calls the requester's fresh browser key makes (it never opens anything: a guardian does). */
export interface RequesterCalls extends ReleaseCalls {
	anchorStatus(anchor: bigint): Promise<AnchorSealed>;
	/** The requests guardians opened for this browser's key, read by update (certified). */
	requestsForRequester(): Promise<RequestView[]>;
}
