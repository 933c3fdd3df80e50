// A digest of every stored byte: equal digests before and after a failed call (or an upgrade)
// prove nothing changed. O(state); for tests and upgrade checks, never in a method.
import { sha256 } from '@noble/hashes/sha2';
import { ByteWriter } from './codec';
import { STORE_NAMES, type VaultStores } from './store';

export function stateDigest(stores: VaultStores): string {
	const writer = new ByteWriter();
	for (const name of STORE_NAMES) {
		writer.text8(name);
		for (const [key, value] of stores[name].entries()) {
			writer.text8(typeof key === 'bigint' ? `n${key}` : `s${key}`);
			writer.u64(BigInt(value.length)).fixed(value, value.length);
		}
	}
	return Array.from(sha256(writer.finish()), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Stored bytes (keys as the adapter would store them, plus values) per store. */
export function storedBytes(stores: VaultStores): Record<keyof VaultStores, number> {
	const sizes = {} as Record<keyof VaultStores, number>;
	for (const name of STORE_NAMES) {
		let total = 0;
		for (const [key, value] of stores[name].entries()) {
			total += (typeof key === 'bigint' ? 8 : new TextEncoder().encode(key).length) + value.length;
		}
		sizes[name] = total;
	}
	return sizes;
}
