// Stored records (encodings in record-codec.ts).
import type { Principal } from '@dfinity/principal';
import type { AuditEvent, RequestStatus } from '@tessera/contract/vault';

/** The audit event, as stored and as the audit_log view shows it. */
export type { AuditEvent };

export interface InvitedSlot {
	state: 'invited';
	label: string;
	inviteHash: Uint8Array;
	inviteExpiresAt: bigint;
}
export interface AcceptedSlot {
	state: 'accepted';
	label: string;
	/** Kept so a reused link gets InviteUsed, not InviteNotFound. */
	inviteHash: Uint8Array;
	guardian: Principal;
	acceptedAt: bigint;
}
export type Slot = InvitedSlot | AcceptedSlot;

/** One guardian's sealed share: IBE ciphertext to its principal, plus its check identity. */
export interface SealedShare {
	guardian: Principal;
	ciphertext: Uint8Array;
	/** Principal of the share's check identity (key derived from the envelope); see checkIn. */
	checkPrincipal: Principal;
	checkInNonce: bigint;
	lastCheckInAt: bigint;
	/** shareCommitment(vault id, slot, envelope): what the requester checks the released share against. */
	commitment: Uint8Array;
}

export interface Seal {
	threshold: number;
	commitment: Uint8Array;
	sealedAt: bigint;
	shares: SealedShare[];
}

export interface VaultRecord {
	id: bigint;
	anchor: bigint;
	owner: Principal;
	/** Self-authenticating principal of the phrase key: the only caller of phrase operations. */
	phrasePrincipal: Principal;
	createdAt: bigint;
	/** Operation counter: the nonce the next phrase-identity call must carry. */
	nonce: bigint;
	delayNs: bigint;
	slots: Slot[];
	/** The shares recovery uses; kept while guardians are rotated until the next seal. */
	seal: Seal | undefined;
	/** How guardians see who asks ('' = none given). */
	ownerName: string;
	/** The owner confirmed the vault from P_O: only then is it in the owner's index. */
	confirmed: boolean;
	/** Stored requests: at most one per sponsoring guardian (its latest). */
	requestIds: bigint[];
}

export const REQUEST_STATUSES: RequestStatus[] = ['open', 'released', 'failed', 'cancelled'];

export interface Vote {
	/** Index into the vault's seal.shares (frozen while a request is open). */
	shareIndex: number;
	at: bigint;
}
export interface Approval extends Vote {
	/** The guardian's share re-encrypted with IBE to (request id || requester). */
	ciphertext: Uint8Array;
}

export interface RequestRecord {
	id: bigint;
	vaultId: bigint;
	requester: Principal;
	/** The guardian that opened the request on the requester's behalf. */
	sponsor: Principal;
	openedAt: bigint;
	releasableAt: bigint;
	expiresAt: bigint;
	threshold: number;
	guardianCount: number;
	status: RequestStatus;
	closedAt: bigint;
	/** When the owner said "this isn't me" (0 = no alarm). */
	alarmAt: bigint;
	/** First release (0 = not released). */
	releasedAt: bigint;
	/** Release vetKeys derived so far. */
	derivations: number;
	/** At most one per share index: a guardian's newer approval replaces its older one. */
	approvals: Approval[];
	declines: Vote[];
}

export interface AnchorRecord {
	/** 0 when the anchor has no vault (deleted); the record stays to keep the create nonce. */
	vaultId: bigint;
	createNonce: bigint;
}

export interface RateWindow {
	windowStart: bigint;
	count: number;
}
