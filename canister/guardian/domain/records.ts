// Stored records, their versions and their compact encodings. Every record starts with a
// version byte; a reader meeting an unknown version throws (the adapter traps, state is kept).
import { Principal } from '@dfinity/principal';
import { ByteReader, ByteWriter } from './codec';
import { InvariantError } from './errors';

const HASH = 32;
const KEY = 32;
const V1 = 1;

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

/** One guardian's sealed share: IBE ciphertext to its principal, plus its check-in key. */
export interface SealedShare {
	guardian: Principal;
	ciphertext: Uint8Array;
	/** Ed25519 public key derived from the decrypted envelope; see checkIn in vault-ops.ts. */
	checkKey: Uint8Array;
	checkInNonce: bigint;
	lastCheckInAt: bigint;
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
	phraseKey: Uint8Array;
	createdAt: bigint;
	/** Operation counter: the nonce the next phrase-signed operation must carry. */
	nonce: bigint;
	delayNs: bigint;
	slots: Slot[];
	/** The shares recovery uses; kept while guardians are rotated until the next seal. */
	seal: Seal | undefined;
	/** Latest request (0 = none); only it is kept in the requests store. */
	lastRequestId: bigint;
	cooldownUntil: bigint;
	openWindowStart: bigint;
	opensInWindow: number;
}

export type RequestStatus = 'open' | 'released' | 'failed' | 'cancelled';
const STATUSES: RequestStatus[] = ['open', 'released', 'failed', 'cancelled'];

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
	openedAt: bigint;
	releasableAt: bigint;
	expiresAt: bigint;
	threshold: number;
	guardianCount: number;
	status: RequestStatus;
	closedAt: bigint;
	/** When the owner said "this isn't me" (0 = no alarm). */
	alarmAt: bigint;
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

function principal(writer: ByteWriter, value: Principal): ByteWriter {
	return writer.bytes8(value.toUint8Array());
}
function readPrincipal(reader: ByteReader): Principal {
	return Principal.fromUint8Array(reader.bytes8());
}
function version(reader: ByteReader, what: string): void {
	const found = reader.u8();
	if (found !== V1) throw new InvariantError(`${what} record version ${found}`);
}

export function encodeVault(vault: VaultRecord): Uint8Array {
	const w = new ByteWriter().u8(V1).u64(vault.id).u64(vault.anchor);
	principal(w, vault.owner).fixed(vault.phraseKey, KEY);
	w.u64(vault.createdAt).u64(vault.nonce).u64(vault.delayNs).u8(vault.slots.length);
	for (const slot of vault.slots) {
		w.text8(slot.label);
		if (slot.state === 'invited') {
			w.u8(0).fixed(slot.inviteHash, HASH).u64(slot.inviteExpiresAt);
		} else {
			principal(w.u8(1).fixed(slot.inviteHash, HASH), slot.guardian).u64(slot.acceptedAt);
		}
	}
	w.bool(vault.seal !== undefined);
	if (vault.seal) {
		const seal = vault.seal;
		w.u8(seal.threshold).fixed(seal.commitment, HASH).u64(seal.sealedAt).u8(seal.shares.length);
		for (const share of seal.shares) {
			principal(w, share.guardian).bytes16(share.ciphertext).fixed(share.checkKey, KEY);
			w.u64(share.checkInNonce).u64(share.lastCheckInAt);
		}
	}
	w.u64(vault.lastRequestId).u64(vault.cooldownUntil).u64(vault.openWindowStart);
	return w.u8(vault.opensInWindow).finish();
}

export function decodeVault(bytes: Uint8Array): VaultRecord {
	const r = new ByteReader(bytes);
	version(r, 'vault');
	const id = r.u64();
	const anchor = r.u64();
	const owner = readPrincipal(r);
	const phraseKey = r.fixed(KEY);
	const createdAt = r.u64();
	const nonce = r.u64();
	const delayNs = r.u64();
	const slots: Slot[] = [];
	for (let count = r.u8(); count > 0; count--) {
		const label = r.text8();
		const tag = r.u8();
		if (tag === 0) {
			slots.push({ state: 'invited', label, inviteHash: r.fixed(HASH), inviteExpiresAt: r.u64() });
		} else if (tag === 1) {
			const inviteHash = r.fixed(HASH);
			slots.push({
				state: 'accepted',
				label,
				inviteHash,
				guardian: readPrincipal(r),
				acceptedAt: r.u64()
			});
		} else throw new InvariantError(`slot tag ${tag}`);
	}
	let seal: Seal | undefined;
	if (r.bool()) {
		const threshold = r.u8();
		const commitment = r.fixed(HASH);
		const sealedAt = r.u64();
		const shares: SealedShare[] = [];
		for (let count = r.u8(); count > 0; count--) {
			shares.push({
				guardian: readPrincipal(r),
				ciphertext: r.bytes16(),
				checkKey: r.fixed(KEY),
				checkInNonce: r.u64(),
				lastCheckInAt: r.u64()
			});
		}
		seal = { threshold, commitment, sealedAt, shares };
	}
	const vault: VaultRecord = {
		id,
		anchor,
		owner,
		phraseKey,
		createdAt,
		nonce,
		delayNs,
		slots,
		seal,
		lastRequestId: r.u64(),
		cooldownUntil: r.u64(),
		openWindowStart: r.u64(),
		opensInWindow: r.u8()
	};
	r.end();
	return vault;
}

export function encodeRequest(request: RequestRecord): Uint8Array {
	const w = new ByteWriter().u8(V1).u64(request.id).u64(request.vaultId);
	principal(w, request.requester).u64(request.openedAt).u64(request.releasableAt);
	w.u64(request.expiresAt).u8(request.threshold).u8(request.guardianCount);
	w.u8(STATUSES.indexOf(request.status)).u64(request.closedAt).u64(request.alarmAt);
	w.u8(request.approvals.length);
	for (const approval of request.approvals) {
		w.u8(approval.shareIndex).u64(approval.at).bytes16(approval.ciphertext);
	}
	w.u8(request.declines.length);
	for (const decline of request.declines) w.u8(decline.shareIndex).u64(decline.at);
	return w.finish();
}

export function decodeRequest(bytes: Uint8Array): RequestRecord {
	const r = new ByteReader(bytes);
	version(r, 'request');
	const head = {
		id: r.u64(),
		vaultId: r.u64(),
		requester: readPrincipal(r),
		openedAt: r.u64(),
		releasableAt: r.u64(),
		expiresAt: r.u64(),
		threshold: r.u8(),
		guardianCount: r.u8()
	};
	const status = STATUSES[r.u8()];
	if (status === undefined) throw new InvariantError('request status');
	const closedAt = r.u64();
	const alarmAt = r.u64();
	const approvals: Approval[] = [];
	for (let count = r.u8(); count > 0; count--) {
		approvals.push({ shareIndex: r.u8(), at: r.u64(), ciphertext: r.bytes16() });
	}
	const declines: Vote[] = [];
	for (let count = r.u8(); count > 0; count--) declines.push({ shareIndex: r.u8(), at: r.u64() });
	r.end();
	return { ...head, status, closedAt, alarmAt, approvals, declines };
}

export function encodeAnchor(anchor: AnchorRecord): Uint8Array {
	return new ByteWriter().u8(V1).u64(anchor.vaultId).u64(anchor.createNonce).finish();
}
export function decodeAnchor(bytes: Uint8Array): AnchorRecord {
	const r = new ByteReader(bytes);
	version(r, 'anchor');
	const record = { vaultId: r.u64(), createNonce: r.u64() };
	r.end();
	return record;
}

export function encodeU64(value: bigint): Uint8Array {
	return new ByteWriter().u8(V1).u64(value).finish();
}
export function decodeU64(bytes: Uint8Array): bigint {
	const r = new ByteReader(bytes);
	version(r, 'counter');
	const value = r.u64();
	r.end();
	return value;
}

export function encodeIdList(ids: bigint[]): Uint8Array {
	const w = new ByteWriter().u8(V1).u8(ids.length);
	for (const id of ids) w.u64(id);
	return w.finish();
}
export function decodeIdList(bytes: Uint8Array): bigint[] {
	const r = new ByteReader(bytes);
	version(r, 'id list');
	const ids: bigint[] = [];
	for (let count = r.u8(); count > 0; count--) ids.push(r.u64());
	r.end();
	return ids;
}

export function encodeRateWindow(window: RateWindow): Uint8Array {
	return new ByteWriter().u8(V1).u64(window.windowStart).u8(window.count).finish();
}
export function decodeRateWindow(bytes: Uint8Array): RateWindow {
	const r = new ByteReader(bytes);
	version(r, 'rate window');
	const window = { windowStart: r.u64(), count: r.u8() };
	r.end();
	return window;
}

export function encodeAuditLog(events: AuditEvent[]): Uint8Array {
	const w = new ByteWriter().u8(V1).u8(events.length);
	for (const event of events) {
		w.u8(AUDIT_KINDS.indexOf(event.kind)).u64(event.at).u8(event.index).u64(event.ref);
	}
	return w.finish();
}
export function decodeAuditLog(bytes: Uint8Array): AuditEvent[] {
	const r = new ByteReader(bytes);
	version(r, 'audit log');
	const events: AuditEvent[] = [];
	for (let count = r.u8(); count > 0; count--) {
		const kind = AUDIT_KINDS[r.u8()];
		if (kind === undefined) throw new InvariantError('audit kind');
		events.push({ kind, at: r.u64(), index: r.u8(), ref: r.u64() });
	}
	r.end();
	return events;
}
