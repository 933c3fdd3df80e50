// Stable memory: paged, rolled back through an undo log, snapshots independent of later writes.
import { describe, expect, it } from 'vitest';
import { MAX_STABLE_PAGES, StableMemory, WASM_PAGE } from './stable-memory';

const read = (memory: StableMemory, offset: number, length: number) => {
	const out = new Uint8Array(length);
	memory.read(offset, out);
	return out;
};

describe('StableMemory', () => {
	it('reads back writes that cross page boundaries, zeros elsewhere', () => {
		const memory = new StableMemory();
		expect(memory.grow(3n)).toBe(0n);
		memory.write(WASM_PAGE - 2, new Uint8Array([1, 2, 3, 4]));
		expect(read(memory, WASM_PAGE - 3, 6)).toEqual(new Uint8Array([0, 1, 2, 3, 4, 0]));
		expect(memory.inBounds(BigInt(3 * WASM_PAGE - 1), 1n)).toBe(true);
		expect(memory.inBounds(BigInt(3 * WASM_PAGE), 1n)).toBe(false);
	});

	it('refuses to grow past the limit', () => {
		const memory = new StableMemory();
		expect(memory.grow(MAX_STABLE_PAGES + 1n)).toBe(-1n);
		expect(memory.pageCount).toBe(0n);
	});

	it('rolls back writes and growth since the last checkpoint', () => {
		const memory = new StableMemory();
		memory.grow(1n);
		memory.write(0, new Uint8Array([7]));
		memory.checkpoint();
		memory.grow(1n);
		memory.write(0, new Uint8Array([8]));
		memory.write(WASM_PAGE, new Uint8Array([9]));
		memory.rollback();
		expect(memory.pageCount).toBe(1n);
		expect(read(memory, 0, 1)).toEqual(new Uint8Array([7]));
		expect(memory.committedPages().pages.has(1)).toBe(false);
	});

	it('keeps a snapshot unchanged by later writes to either copy', () => {
		const memory = new StableMemory();
		memory.grow(1n);
		memory.write(0, new Uint8Array([1]));
		memory.checkpoint();
		memory.write(0, new Uint8Array([2])); // uncommitted: not in the snapshot
		const snapshot = memory.snapshot();
		memory.write(0, new Uint8Array([3]));
		memory.checkpoint();
		expect(read(snapshot, 0, 1)).toEqual(new Uint8Array([1]));
		snapshot.write(0, new Uint8Array([4]));
		expect(read(memory, 0, 1)).toEqual(new Uint8Array([3]));
	});
});
