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
	/** With the anchor, what the verification code is derived from. */
	requester: Principal;
	/** The guardian that opened the request on the requester's behalf. */
	sponsor: Principal;
	status: EffectiveStatus;
	openedAt: bigint;
	releasableAt: bigint;
	/** End of the release window: no release, approval or derivation from then on. */
	expiresAt: bigint;
	/** Time-lock countdown: 0 once the delay has passed. */
	remainingNs: bigint;
	threshold: number;
	guardianCount: number;
	approvals: number;
	declines: number;
	/** Slots (share indexes) that approved. */
	approvedSlots: number[];
	/** The owner's "This isn't me": information only (it extended the delay once). */
	alarmRaisedAt: bigint | undefined;
	releasedAt: bigint | undefined;
	/** Release vetKeys derived so far (at most RELEASE_DERIVATIONS_PER_REQUEST). */
	derivations: number;
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
	ownerName: string | undefined;
	slots: { label: string; guardian: Principal | undefined; inviteExpiresAt: bigint | undefined }[];
	shares: { guardian: Principal; lastCheckInAt: bigint }[];
	health: VaultHealth;
	/** Live requests: open, or released and inside their release window. */
	requests: RequestView[];
}

export type Vote = 'approved' | 'declined';

export interface GuardianRequestView extends RequestView {
	myVote: Vote | undefined;
	/** This guardian opened the request. */
	sponsored: boolean;
}

export interface GuardianVaultView {
	vaultId: bigint;
	anchor: bigint;
	/** The owner's name as given at create_vault (label rules), for "who asks". */
	ownerName: string | undefined;
	label: string | undefined;
	delayNs: bigint;
	threshold: number;
	sealed: boolean;
	/** The guardian's own share: what it decrypts to approve or check in. */
	share: { shareIndex: number; ciphertext: Uint8Array; checkInNonce: bigint } | undefined;
	/** Live requests of this vault. */
	requests: GuardianRequestView[];
}

/** What anyone may learn about an anchor: only what the recovery and create pages need. */
export interface AnchorStatus {
	vaultId: bigint | undefined;
	sealed: boolean;
	/** Nonce the next create_vault for this anchor must carry. */
	createNonce: bigint;
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

export interface ReleasedApproval {
	/** The approving guardian's share index. */
	slot: number;
	/** Its share envelope, IBE-encrypted to releaseIdentity(request id, requester). */
	ciphertext: Uint8Array;
}

export interface ReleaseResult {
	approvals: ReleasedApproval[];
	/** The seal's per-share commitments by slot (shareCommitment in the contract's protocol). */
	shareCommitments: Uint8Array[];
	/** The seal's entropy commitment: the requester checks the combined shares against it. */
	entropyCommitment: Uint8Array;
	/** The release vetKey, encrypted to the transport key given in the same call. */
	releaseKey: Uint8Array;
}

export interface OpenRecoveryResult {
	requestId: bigint;
	releasableAt: bigint;
	expiresAt: bigint;
}
