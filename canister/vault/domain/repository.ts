// Typed access to the stores: records in, records out. Knows encodings and indexes, no rules.
import type { Principal } from '@dfinity/principal';
import { fail } from './errors';
import { LIMITS } from '@tessera/contract';
import { principalKey, principalText } from './principals';
import * as codec from './record-codec';
import type * as rec from './records';
import { isLive } from './recovery-state';
import type { VaultStores, Store } from './store';

export class Repository {
	constructor(readonly stores: VaultStores) {}

	nextId(counter: 'nextVaultId' | 'nextRequestId'): bigint {
		const stored = this.stores.meta.get(counter);
		const id = stored === undefined ? 1n : codec.decodeU64(stored);
		this.stores.meta.insert(counter, codec.encodeU64(id + 1n));
		return id;
	}

	vault(id: bigint): rec.VaultRecord | undefined {
		const bytes = this.stores.vaults.get(id);
		return bytes && codec.decodeVault(bytes);
	}
	requireVault(id: bigint): rec.VaultRecord {
		return this.vault(id) ?? fail({ kind: 'NotFound', entity: 'vault' });
	}
	putVault(vault: rec.VaultRecord): void {
		this.stores.vaults.insert(vault.id, codec.encodeVault(vault));
	}
	removeVault(id: bigint): void {
		this.stores.vaults.remove(id);
		this.stores.auditLogs.remove(id);
	}

	anchor(anchor: bigint): rec.AnchorRecord | undefined {
		const bytes = this.stores.anchors.get(anchor);
		return bytes && codec.decodeAnchor(bytes);
	}
	putAnchor(anchor: bigint, record: rec.AnchorRecord): void {
		this.stores.anchors.insert(anchor, codec.encodeAnchor(record));
	}

	request(id: bigint): rec.RequestRecord | undefined {
		const bytes = this.stores.requests.get(id);
		return bytes && codec.decodeRequest(bytes);
	}
	requireRequest(id: bigint): rec.RequestRecord {
		return this.request(id) ?? fail({ kind: 'NotFound', entity: 'request' });
	}
	putRequest(request: rec.RequestRecord): void {
		this.stores.requests.insert(request.id, codec.encodeRequest(request));
	}
	/** Removes a request and its entry in the requester's index. */
	removeRequest(request: rec.RequestRecord): void {
		this.stores.requests.remove(request.id);
		removeId(this.stores.requesterIndex, request.requester, request.id);
	}

	/** Requests naming `requester` (ids whose records were removed are skipped). */
	requesterRequests(requester: Principal): rec.RequestRecord[] {
		return readIds(this.stores.requesterIndex, requester).flatMap((id) => {
			const request = this.request(id);
			return request ? [request] : [];
		});
	}
	/**
	 * Adds a request to its requester's index. Ids of removed or no longer live requests are
	 * dropped first, so only live requests count against the bound.
	 */
	addRequesterRequest(requester: Principal, id: bigint, now: bigint): void {
		const store = this.stores.requesterIndex;
		const kept = readIds(store, requester).filter((existing) => {
			const request = this.request(existing);
			return request !== undefined && isLive(request, now);
		});
		if (kept.length >= LIMITS.maxRequestsPerRequester) {
			fail({ kind: 'LimitReached', limit: 'live requests per requester' });
		}
		store.insert(principalText(requester), codec.encodeIdList([...kept, id]));
	}

	sharesKeyWindow(who: Principal): rec.RateWindow | undefined {
		const bytes = this.stores.sharesKeyLimits.get(principalText(who));
		return bytes && codec.decodeRateWindow(bytes);
	}
	putSharesKeyWindow(who: Principal, window: rec.RateWindow): void {
		this.stores.sharesKeyLimits.insert(principalText(who), codec.encodeRateWindow(window));
	}

	auditLog(vaultId: bigint): rec.AuditEvent[] {
		const bytes = this.stores.auditLogs.get(vaultId);
		return bytes ? codec.decodeAuditLog(bytes) : [];
	}
	/** Appends an event, dropping the oldest beyond the per-vault bound. */
	audit(vaultId: bigint, event: rec.AuditEvent): void {
		const log = this.stores.auditLogs.get(vaultId);
		const appended = codec.appendAuditEvent(log, event, LIMITS.maxAuditEvents);
		this.stores.auditLogs.insert(vaultId, appended);
	}

	ownedVaults(owner: Principal): bigint[] {
		return readIds(this.stores.ownerIndex, owner);
	}
	guardedVaults(guardian: Principal): bigint[] {
		return readIds(this.stores.guardianIndex, guardian);
	}
	addOwned(owner: Principal, vaultId: bigint): void {
		addId(this.stores.ownerIndex, owner, vaultId, LIMITS.maxVaultsPerOwner, 'vaults per owner');
	}
	removeOwned(owner: Principal, vaultId: bigint): void {
		removeId(this.stores.ownerIndex, owner, vaultId);
	}

	/**
	 * Keeps the guardian index equal to "principals in the vault's slots or seal": called with
	 * the vault before and after every change (before = undefined on create, after on delete).
	 */
	syncGuardians(before: rec.VaultRecord | undefined, after: rec.VaultRecord | undefined): void {
		const old = guardianSet(before);
		const now = guardianSet(after);
		const vaultId = (after ?? before)?.id;
		if (vaultId === undefined) return;
		for (const [text, who] of old)
			if (!now.has(text)) removeId(this.stores.guardianIndex, who, vaultId);
		for (const [text, who] of now) {
			if (!old.has(text)) {
				addId(
					this.stores.guardianIndex,
					who,
					vaultId,
					LIMITS.maxVaultsPerGuardian,
					'vaults per guardian'
				);
			}
		}
	}
}

export function guardianSet(vault: rec.VaultRecord | undefined): Map<string, Principal> {
	const set = new Map<string, Principal>();
	if (!vault) return set;
	for (const slot of vault.slots)
		if (slot.state === 'accepted') set.set(principalKey(slot.guardian), slot.guardian);
	for (const share of vault.seal?.shares ?? [])
		set.set(principalKey(share.guardian), share.guardian);
	return set;
}

function readIds(store: Store<string, Uint8Array>, who: Principal): bigint[] {
	const bytes = store.get(principalText(who));
	return bytes ? codec.decodeIdList(bytes) : [];
}

function addId(
	store: Store<string, Uint8Array>,
	who: Principal,
	id: bigint,
	max: number,
	limit: string
): void {
	const ids = readIds(store, who);
	if (ids.includes(id)) return;
	if (ids.length >= max) fail({ kind: 'LimitReached', limit });
	store.insert(principalText(who), codec.encodeIdList([...ids, id]));
}

function removeId(store: Store<string, Uint8Array>, who: Principal, id: bigint): void {
	const ids = readIds(store, who).filter((existing) => existing !== id);
	const key = principalText(who);
	if (ids.length === 0) store.remove(key);
	else store.insert(key, codec.encodeIdList(ids));
}
