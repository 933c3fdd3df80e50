// The domain's stores on stable memory: one StableBTreeMap per memory id of domain/store.ts.
// Keys are bytes that sort like the domain's keys (u64 big-endian, UTF-8 text); values are the
// domain's versioned records as they are. Class fields reset on upgrade; these maps do not.
import { StableBTreeMap } from 'azle';

import {
	MEMORY_IDS,
	STORE_NAMES,
	type VaultStores,
	type Store,
	type StoreKey
} from '../domain/index';
import { ADAPTER_MEMORY_IDS } from '../domain/store';
import { utf8Decode, utf8Encode } from '../domain/utf8';

const rawBytes = {
	toBytes: (data: Uint8Array): Uint8Array => data,
	fromBytes: (data: Uint8Array): Uint8Array => data
};

interface KeyCodec<K> {
	encode(key: K): Uint8Array;
	decode(bytes: Uint8Array): K;
}

const u64Key: KeyCodec<bigint> = {
	encode(key) {
		const out = new Uint8Array(8);
		new DataView(out.buffer).setBigUint64(0, key, false);
		return out;
	},
	decode: (bytes) => new DataView(bytes.buffer, bytes.byteOffset, 8).getBigUint64(0, false)
};

/**
 * Text keys are principal texts (~63 characters, ~1 M instructions to encode in QuickJS) that
 * recur within a call (get, then insert at commit) and across calls: recent ones are kept.
 */
const textKeyCache = new Map<string, Uint8Array>();
const TEXT_KEY_CACHE_SIZE = 512;

const textKey: KeyCodec<string> = {
	encode(key) {
		const cached = textKeyCache.get(key);
		if (cached) return cached;
		if (textKeyCache.size >= TEXT_KEY_CACHE_SIZE) textKeyCache.clear();
		const bytes = utf8Encode(key);
		textKeyCache.set(key, bytes);
		return bytes;
	},
	decode: (bytes) => utf8Decode(bytes)
};

class StableStore<K extends StoreKey> implements Store<K, Uint8Array> {
	private readonly map: StableBTreeMap<Uint8Array, Uint8Array>;
	constructor(
		memoryId: number,
		private readonly keys: KeyCodec<K>
	) {
		this.map = new StableBTreeMap<Uint8Array, Uint8Array>(memoryId, rawBytes, rawBytes);
	}
	get(key: K): Uint8Array | undefined {
		return this.map.get(this.keys.encode(key));
	}
	insert(key: K, value: Uint8Array): void {
		this.map.insert(this.keys.encode(key), value);
	}
	remove(key: K): void {
		this.map.remove(this.keys.encode(key));
	}
	entries(): Iterable<[K, Uint8Array]> {
		return this.map.items().map(([key, value]): [K, Uint8Array] => [this.keys.decode(key), value]);
	}
}

const KEY_KINDS: Record<keyof VaultStores, 'u64' | 'text'> = {
	meta: 'text',
	vaults: 'u64',
	anchors: 'u64',
	ownerIndex: 'text',
	guardianIndex: 'text',
	requests: 'u64',
	requesterIndex: 'text',
	auditLogs: 'u64',
	sharesKeyLimits: 'text'
};

export function stableStores(): VaultStores {
	const stores = {} as Record<keyof VaultStores, Store<StoreKey, Uint8Array>>;
	for (const name of STORE_NAMES) {
		const codec = KEY_KINDS[name] === 'u64' ? u64Key : textKey;
		stores[name] = new StableStore(MEMORY_IDS[name], codec as KeyCodec<StoreKey>);
	}
	return stores as unknown as VaultStores;
}

/** The init arguments, kept across upgrades (memory id ADAPTER_MEMORY_IDS.config). */
export const configStore = new StableStore<string>(ADAPTER_MEMORY_IDS.config, textKey);
