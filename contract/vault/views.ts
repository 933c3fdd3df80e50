// What the vault canister's methods take and return, as the app and the canister's domain use
// them: Candid opts are `undefined`, texts with a fixed set of values are unions. candid.ts maps
// these to and from the Candid values of idl.ts.
import type { Principal } from '@dfinity/principal';

export interface InviteSpec {
	label: string;
	inviteHash: Uint8Array;
}
/** A slot in a new guardian list: keep an existing slot (by index) or invite someone new. */
export type SlotSpec = { keep: number } | { invite: InviteSpec };
export interface ShareSubmission {
	ciphertext: Uint8Array;
	/**
	 * The principal of the share's check identity (Principal.selfAuthenticating of its Ed25519
	 * key, computed by the owner's client: a hash costs ~9 M instructions in the canister).
	 */
	checkPrincipal: Principal;
}

export type RequestStatus = 'open' | 'released' | 'failed' | 'cancelled';
/** A request's status as the views show it: an open request whose time to collect ran out is expired. */
export type EffectiveStatus = RequestStatus | 'expired';

export interface RequestView {
	requestId: bigint;
	vaultId: bigint;
	anchor: bigint;
	/** With requestId, what the verification code (words + emoji) is derived from. */
	requester: Principal;
	status: EffectiveStatus;
	openedAt: bigint;
	releasableAt: bigint;
	expiresAt: bigint;
	/** Time-lock countdown: 0 once the delay has passed. */
	remainingNs: bigint;
	threshold: number;
	guardianCount: number;
	approvals: number;
	declines: number;
	alarmRaisedAt: bigint | undefined;
}

export interface VaultHealth {
	sealed: boolean;
	invitesPending: number;
	/** Guardians holding a share of the current seal. */
	shareHolders: number;
	threshold: number;
	/** Fewer share holders than the threshold: recovery is impossible. */
	belowThreshold: boolean;
	/** Slots differ from the seal (rotation started, not yet resealed). */
	resealNeeded: boolean;
	staleCheckIns: number;
}

export interface OwnerVaultView {
	vaultId: bigint;
	anchor: bigint;
	nonce: bigint;
	delayNs: bigint;
	slots: { label: string; guardian: Principal | undefined; inviteExpiresAt: bigint | undefined }[];
	shares: { guardian: Principal; lastCheckInAt: bigint }[];
	health: VaultHealth;
	activeRequest: RequestView | undefined;
}

export type Vote = 'approved' | 'declined';

export interface GuardianVaultView {
	vaultId: bigint;
	anchor: bigint;
	label: string | undefined;
	delayNs: bigint;
	threshold: number;
	/** The guardian's own share: what it decrypts to approve or check in. */
	share: { shareIndex: number; ciphertext: Uint8Array; checkInNonce: bigint } | undefined;
	pendingRequest: (RequestView & { myVote: Vote | undefined }) | undefined;
}

export interface AnchorStatus {
	vaultId: bigint | undefined;
	/** Nonce the next create_vault for this anchor must carry. */
	createNonce: bigint;
	/** Nonce the vault's next phrase-identity call must carry. */
	vaultNonce: bigint | undefined;
	sealed: boolean;
	activeRequestId: bigint | undefined;
}

export interface InvitationView {
	vaultId: bigint;
	anchor: bigint;
	slot: number;
	label: string;
	expiresAt: bigint;
}

export const AUDIT_KINDS = [
	'vault-created',
	'invite-accepted',
	'guardians-updated',
	'sealed',
	'delay-changed',
	'guardian-resigned',
	'checked-in',
	'recovery-opened',
	'approved',
	'declined',
	'alarm-raised',
	'recovery-cancelled',
	'recovery-failed',
	'released'
] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

export interface AuditEvent {
	kind: AuditKind;
	at: bigint;
	/** Slot or share index the event concerns, at the time of the event (255 = none). */
	index: number;
	/** Request id, delay, or 0. */
	ref: bigint;
}

export interface ReleasedShare {
	shareIndex: number;
	ciphertext: Uint8Array;
}

export interface ReleaseResult {
	shares: ReleasedShare[];
	/** The seal's entropy commitment: the requester checks the combined shares against it. */
	commitment: Uint8Array;
}
