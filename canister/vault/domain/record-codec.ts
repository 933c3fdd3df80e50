// Compact, versioned encodings of the stored records. Every record starts with a version byte;
// a reader meeting an unknown version or a malformed record throws InvariantError (the adapter
// traps, the IC rolls back, state is kept).
import { Principal } from '@dfinity/principal';
import { AUDIT_KINDS } from '@tessera/contract/vault';
import { ByteReader, ByteWriter } from './codec';
import { InvariantError } from './errors';
import {
	REQUEST_STATUSES,
	type AnchorRecord,
	type Approval,
	type AuditEvent,
	type RateWindow,
	type RequestRecord,
	type SealedShare,
	type Seal,
	type Slot,
	type VaultRecord,
	type Vote
} from './records';

const HASH = 32;
const V1 = 1;
/** Protocol v2 records: vaults with owner name, confirmation, request list, share commitments. */
const VAULT_V3 = 3;
/** Protocol v2 requests: sponsor, release time and derivation count. */
const REQUEST_V2 = 2;

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
	const w = new ByteWriter().u8(VAULT_V3).u64(vault.id).u64(vault.anchor);
	principal(principal(w, vault.owner), vault.phrasePrincipal);
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
			principal(w, share.guardian).bytes16(share.ciphertext);
			principal(w, share.checkPrincipal).u64(share.checkInNonce).u64(share.lastCheckInAt);
			w.fixed(share.commitment, HASH);
		}
	}
	w.text8(vault.ownerName).bool(vault.confirmed).u8(vault.requestIds.length);
	for (const id of vault.requestIds) w.u64(id);
	return w.finish();
}

export function decodeVault(bytes: Uint8Array): VaultRecord {
	const r = new ByteReader(bytes);
	const found = r.u8();
	if (found !== VAULT_V3) throw new InvariantError(`vault record version ${found}`);
	const id = r.u64();
	const anchor = r.u64();
	const owner = readPrincipal(r);
	const phrasePrincipal = readPrincipal(r);
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
				checkPrincipal: readPrincipal(r),
				checkInNonce: r.u64(),
				lastCheckInAt: r.u64(),
				commitment: r.fixed(HASH)
			});
		}
		seal = { threshold, commitment, sealedAt, shares };
	}
	const vault: VaultRecord = {
		id,
		anchor,
		owner,
		phrasePrincipal,
		createdAt,
		nonce,
		delayNs,
		slots,
		seal,
		ownerName: r.text8(),
		confirmed: r.bool(),
		requestIds: []
	};
	for (let count = r.u8(); count > 0; count--) vault.requestIds.push(r.u64());
	r.end();
	return vault;
}

export function encodeRequest(request: RequestRecord): Uint8Array {
	const w = new ByteWriter().u8(REQUEST_V2).u64(request.id).u64(request.vaultId);
	principal(principal(w, request.requester), request.sponsor);
	w.u64(request.openedAt).u64(request.releasableAt);
	w.u64(request.expiresAt).u8(request.threshold).u8(request.guardianCount);
	w.u8(REQUEST_STATUSES.indexOf(request.status)).u64(request.closedAt).u64(request.alarmAt);
	w.u64(request.releasedAt).u8(request.derivations).u8(request.approvals.length);
	for (const approval of request.approvals) {
		w.u8(approval.shareIndex).u64(approval.at).bytes16(approval.ciphertext);
	}
	w.u8(request.declines.length);
	for (const decline of request.declines) w.u8(decline.shareIndex).u64(decline.at);
	return w.finish();
}

export function decodeRequest(bytes: Uint8Array): RequestRecord {
	const r = new ByteReader(bytes);
	const found = r.u8();
	if (found !== REQUEST_V2) throw new InvariantError(`request record version ${found}`);
	const head = {
		id: r.u64(),
		vaultId: r.u64(),
		requester: readPrincipal(r),
		sponsor: readPrincipal(r),
		openedAt: r.u64(),
		releasableAt: r.u64(),
		expiresAt: r.u64(),
		threshold: r.u8(),
		guardianCount: r.u8()
	};
	const status = REQUEST_STATUSES[r.u8()];
	if (status === undefined) throw new InvariantError('request status');
	const closedAt = r.u64();
	const alarmAt = r.u64();
	const releasedAt = r.u64();
	const derivations = r.u8();
	const approvals: Approval[] = [];
	for (let count = r.u8(); count > 0; count--) {
		approvals.push({ shareIndex: r.u8(), at: r.u64(), ciphertext: r.bytes16() });
	}
	const declines: Vote[] = [];
	for (let count = r.u8(); count > 0; count--) declines.push({ shareIndex: r.u8(), at: r.u64() });
	r.end();
	return { ...head, status, closedAt, alarmAt, releasedAt, derivations, approvals, declines };
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
const AUDIT_EVENT_BYTES = 18;

/**
 * appendAuditEvent(log, e, max) = encodeAuditLog([...decodeAuditLog(log), e].slice(-max)), at
 * the byte level: events have a fixed size, so the kept ones are copied, not decoded (a log
 * holds up to 32 events, ~2 M instructions to decode and re-encode in QuickJS).
 */
export function appendAuditEvent(
	log: Uint8Array | undefined,
	event: AuditEvent,
	max: number
): Uint8Array {
	if (log === undefined) return encodeAuditLog([event]);
	if (log[0] !== V1) throw new InvariantError(`audit log record version ${log[0]}`);
	const count = log[1] ?? 0;
	if (log.length !== 2 + count * AUDIT_EVENT_BYTES) throw new InvariantError('audit log length');
	const kept = Math.min(count + 1, max);
	const dropped = count + 1 - kept;
	const out = new Uint8Array(2 + kept * AUDIT_EVENT_BYTES);
	out[0] = V1;
	out[1] = kept;
	out.set(log.subarray(2 + dropped * AUDIT_EVENT_BYTES), 2);
	out.set(encodeAuditLog([event]).subarray(2), 2 + (kept - 1) * AUDIT_EVENT_BYTES);
	return out;
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
