// What the guardian and recovery flows need from the guardian canister: a narrow port that the
// typed wrapper in src/lib/canisters satisfies (adapted in guardian-adapter.ts), so the flows stay
// pure and testable. Calls throw the wrapper's CanisterError (`kind` + plain `message`).
import type { Principal } from '@dfinity/principal';

/** `(step, done, total)`: the flows report every slow step through this. */
export type Progress = (step: string, done: number, total: number) => void;

export interface RequestInfo {
	readonly requestId: bigint;
	readonly vaultId: bigint;
	readonly anchor: bigint;
	readonly requester: Principal;
	/** 'open' | 'released' | 'failed' | 'cancelled' | 'expired' (the canister's words). */
	readonly status: string;
	/** Times in ns since the epoch, as the canister reports them. */
	readonly openedAt: bigint;
	readonly releasableAt: bigint;
	readonly expiresAt: bigint;
	readonly remainingNs: bigint;
	readonly threshold: number;
	readonly guardianCount: number;
	readonly approvals: number;
	readonly declines: number;
	readonly alarmRaisedAt: bigint | undefined;
}

export interface GuardedVault {
	readonly vaultId: bigint;
	readonly anchor: bigint;
	readonly label: string | undefined;
	readonly delayNs: bigint;
	readonly threshold: number;
	/** Present once the owner sealed: my encrypted share. */
	readonly share:
		| {
				readonly shareIndex: number;
				readonly ciphertext: Uint8Array;
				readonly checkInNonce: bigint;
		  }
		| undefined;
	readonly pendingRequest: RequestInfo | undefined;
	/** 'approved' | 'declined' | undefined (not voted yet). */
	readonly myVote: string | undefined;
}

export interface InvitationInfo {
	readonly vaultId: bigint;
	readonly anchor: bigint;
	readonly slot: number;
	readonly label: string;
	readonly expiresAt: bigint;
}

export interface AuditEntry {
	readonly kind: string;
	readonly at: bigint;
	/** Guardian slot the event is about, 255 when none. */
	readonly index: number;
	readonly ref: bigint;
}

export interface VetKdPublicKeys {
	readonly shares: Uint8Array;
	readonly release: Uint8Array;
}

/** Calls a signed-in guardian (or invitee) makes. */
export interface GuardianCalls {
	invitation(vaultId: bigint, secret: Uint8Array): Promise<InvitationInfo>;
	acceptInvite(vaultId: bigint, secret: Uint8Array): Promise<{ slot: number }>;
	guardianVaults(): Promise<GuardedVault[]>;
	auditLog(vaultId: bigint): Promise<AuditEntry[]>;
	vetkdPublicKeys(): Promise<VetKdPublicKeys>;
	sharesKey(transportPublicKey: Uint8Array): Promise<Uint8Array>;
	approveRecovery(requestId: bigint, ciphertext: Uint8Array): Promise<void>;
	declineRecovery(requestId: bigint): Promise<void>;
}

/** Calls the requester's fresh browser key makes. */
export interface RequesterCalls {
	openRecovery(anchor: bigint): Promise<{ requestId: bigint; releasableAt: bigint }>;
	requestStatus(requestId: bigint): Promise<RequestInfo>;
	release(
		requestId: bigint
	): Promise<{ shares: { shareIndex: number; ciphertext: Uint8Array }[]; commitment: Uint8Array }>;
	releaseKey(requestId: bigint, transportPublicKey: Uint8Array): Promise<Uint8Array>;
	vetkdPublicKeys(): Promise<VetKdPublicKeys>;
}
