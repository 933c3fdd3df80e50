// The storage seam. The Azle adapter backs each store with a StableBTreeMap under the memory id
// below; tests use MemoryStore. Values are versioned, compact binary records (see records.ts).

export type StoreKey = bigint | string;

export interface Store<K extends StoreKey, V> {
	get(key: K): V | undefined;
	insert(key: K, value: V): void;
	remove(key: K): void;
	/** Full scan, for digests, upgrades and tests only; no domain operation calls it. */
	entries(): Iterable<[K, V]>;
}

/** StableBTreeMap memory ids: the single source of truth for the adapter. Never reuse an id. */
export const MEMORY_IDS = {
	meta: 0,
	vaults: 1,
	anchors: 2,
	ownerIndex: 3,
	guardianIndex: 4,
	requests: 5,
	requesterIndex: 6,
	auditLogs: 7,
	sharesKeyLimits: 9
} as const;

/** Memory ids the adapter owns (not domain state): never reuse a domain id. */
export const ADAPTER_MEMORY_IDS = {
	/** Init arguments: 'vetKdKeyName' -> UTF-8, 'internetIdentity' -> principal bytes. */
	config: 8
} as const;

export interface VaultStores {
	/** Counters: 'nextVaultId', 'nextRequestId' -> u64 record. */
	meta: Store<string, Uint8Array>;
	/** vault id -> VaultRecord. */
	vaults: Store<bigint, Uint8Array>;
	/** anchor number -> AnchorRecord (its vault and the create nonce). */
	anchors: Store<bigint, Uint8Array>;
	/** owner principal text -> vault id list. */
	ownerIndex: Store<string, Uint8Array>;
	/** guardian principal text -> vault id list. */
	guardianIndex: Store<string, Uint8Array>;
	/** request id -> RequestRecord (per vault, each sponsoring guardian's latest request). */
	requests: Store<bigint, Uint8Array>;
	/** requester principal text -> request id list (requests naming it). */
	requesterIndex: Store<string, Uint8Array>;
	/** vault id -> bounded audit log. */
	auditLogs: Store<bigint, Uint8Array>;
	/** principal text -> shares_key window (derivations in the current day). */
	sharesKeyLimits: Store<string, Uint8Array>;
}

export const STORE_NAMES = Object.keys(MEMORY_IDS) as (keyof VaultStores)[];

export class MemoryStore<K extends StoreKey, V> implements Store<K, V> {
	private readonly map = new Map<K, V>();
	get(key: K): V | undefined {
		return this.map.get(key);
	}
	insert(key: K, value: V): void {
		this.map.set(key, value);
	}
	remove(key: K): void {
		this.map.delete(key);
	}
	entries(): Iterable<[K, V]> {
		return [...this.map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
	}
}

export function memoryStores(): VaultStores {
	return {
		meta: new MemoryStore(),
		vaults: new MemoryStore(),
		anchors: new MemoryStore(),
		ownerIndex: new MemoryStore(),
		guardianIndex: new MemoryStore(),
		requests: new MemoryStore(),
		requesterIndex: new MemoryStore(),
		auditLogs: new MemoryStore(),
		sharesKeyLimits: new MemoryStore()
	};
}

/**
 * Buffers writes over a base store; commit() applies them. An operation that fails leaves the
 * base untouched, so "nothing changes on error" holds by construction, not by care.
 */
export class StagedStore<K extends StoreKey, V> implements Store<K, V> {
	private readonly writes = new Map<K, V | undefined>();
	constructor(private readonly base: Store<K, V>) {}
	get(key: K): V | undefined {
		return this.writes.has(key) ? this.writes.get(key) : this.base.get(key);
	}
	insert(key: K, value: V): void {
		this.writes.set(key, value);
	}
	remove(key: K): void {
		this.writes.set(key, undefined);
	}
	entries(): Iterable<[K, V]> {
		const merged = new Map<K, V>(this.base.entries());
		for (const [key, value] of this.writes) {
			if (value === undefined) merged.delete(key);
			else merged.set(key, value);
		}
		return merged.entries();
	}
	commit(): void {
		for (const [key, value] of this.writes) {
			if (value === undefined) this.base.remove(key);
			else this.base.insert(key, value);
		}
		this.writes.clear();
	}
}

export function stageStores(stores: VaultStores): {
	staged: VaultStores;
	commit: () => void;
} {
	const staged = {} as Record<keyof VaultStores, StagedStore<StoreKey, Uint8Array>>;
	for (const name of STORE_NAMES) {
		staged[name] = new StagedStore(stores[name] as Store<StoreKey, Uint8Array>);
	}
	return {
		staged: staged as unknown as VaultStores,
		commit: () => STORE_NAMES.forEach((name) => staged[name].commit())
	};
}
