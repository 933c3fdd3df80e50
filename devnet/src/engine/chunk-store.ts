// A canister's Wasm chunk store (interface spec: upload_chunk, stored_chunks, clear_chunk_store,
// install_chunked_code), with the replica's limits and wording (dfinity/ic wasm_chunk_store.rs):
// a chunk is at most 1 MiB, and every chunk takes a full 1 MiB of the store's capacity, which is
// the maximum Wasm module size (100 MiB), so at most 100 chunks.
import { createHash } from 'node:crypto';

export const CHUNK_SIZE = 1024 * 1024;
export const CHUNK_STORE_CAPACITY = 100 * CHUNK_SIZE;

export const sha256 = (bytes: Uint8Array) =>
	new Uint8Array(createHash('sha256').update(bytes).digest());
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

/** Bytes as Rust's Debug prints a byte array (`[1, 2, 3]`), as the replica's messages show hashes. */
export const rustDebugBytes = (bytes: Uint8Array) => `[${[...bytes].join(', ')}]`;

export type UploadOutcome = { hash: Uint8Array } | { error: string };

export class ChunkStore {
	/** Chunks by the hex of their sha256, in upload order. */
	private readonly chunks = new Map<string, Uint8Array>();

	/** Stores a chunk, or says why not; a chunk already stored is accepted even when full. */
	upload(chunk: Uint8Array): UploadOutcome {
		const hash = sha256(chunk);
		if (this.chunks.has(hex(hash))) return { hash };
		if (chunk.length > CHUNK_SIZE) {
			return {
				error: `Wasm chunk size ${chunk.length} exceeds the maximum chunk size of ${CHUNK_SIZE}`
			};
		}
		if (this.chunks.size * CHUNK_SIZE >= CHUNK_STORE_CAPACITY) {
			return {
				error: `Wasm chunk store has already reached maximum capacity of ${CHUNK_STORE_CAPACITY} bytes or the maximum number of entries, ${CHUNK_STORE_CAPACITY / CHUNK_SIZE}`
			};
		}
		this.chunks.set(hex(hash), chunk.slice());
		return { hash };
	}

	get(hash: Uint8Array): Uint8Array | undefined {
		return this.chunks.get(hex(hash));
	}

	/** The stored hashes, in the replica's order (ascending bytes: its store is a BTreeMap). */
	hashes(): Uint8Array[] {
		return [...this.chunks.keys()].sort().map((key) => new Uint8Array(Buffer.from(key, 'hex')));
	}

	/** The stored chunks in upload order (what a snapshot saves). */
	contents(): Uint8Array[] {
		return [...this.chunks.values()];
	}

	clear(): void {
		this.chunks.clear();
	}

	static restore(chunks: Uint8Array[]): ChunkStore {
		const store = new ChunkStore();
		for (const chunk of chunks) store.chunks.set(hex(sha256(chunk)), chunk);
		return store;
	}
}
