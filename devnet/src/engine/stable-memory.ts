// A canister's stable memory: sparse 64 KiB pages with an undo log, so a trapped message's
// writes roll back without copying the whole memory.
export const WASM_PAGE = 65536;
export const MAX_STABLE_PAGES = 500n * 16384n; // 500 GiB, the IC's limit

export interface StableFrame {
	pages: Map<number, Uint8Array>;
	size: bigint;
	undo: Map<number, Uint8Array | undefined>;
}

export class StableMemory {
	private pages = new Map<number, Uint8Array>();
	private size = 0n;
	private undo = new Map<number, Uint8Array | undefined>();
	private sizeAtCheckpoint = 0n;

	get pageCount(): bigint {
		return this.size;
	}

	/** Grows by `pages`; returns the old size, or -1 when the limit would be exceeded. */
	grow(pages: bigint): bigint {
		const old = this.size;
		if (old + pages > MAX_STABLE_PAGES) return -1n;
		this.size = old + pages;
		return old;
	}

	inBounds(offset: bigint, length: bigint): boolean {
		return offset >= 0n && length >= 0n && offset + length <= this.size * BigInt(WASM_PAGE);
	}

	read(offset: number, target: Uint8Array): void {
		this.forEachPage(offset, target.length, (pageIndex, within, done, n) => {
			const page = this.pages.get(pageIndex);
			if (page) target.set(page.subarray(within, within + n), done);
			else target.fill(0, done, done + n);
		});
	}

	write(offset: number, source: Uint8Array): void {
		this.forEachPage(offset, source.length, (pageIndex, within, done, n) => {
			let page = this.pages.get(pageIndex);
			if (!this.undo.has(pageIndex)) {
				this.undo.set(pageIndex, page);
				page = page ? page.slice() : new Uint8Array(WASM_PAGE);
				this.pages.set(pageIndex, page);
			} else if (!page) {
				page = new Uint8Array(WASM_PAGE);
				this.pages.set(pageIndex, page);
			}
			page.set(source.subarray(done, done + n), within);
		});
	}

	/** Makes the current contents the state a later rollback returns to. */
	checkpoint(): void {
		this.undo.clear();
		this.sizeAtCheckpoint = this.size;
	}

	rollback(): void {
		for (const [pageIndex, page] of this.undo) {
			if (page) this.pages.set(pageIndex, page);
			else this.pages.delete(pageIndex);
		}
		this.undo.clear();
		this.size = this.sizeAtCheckpoint;
	}

	/** The contents as they are now, with their undo log (pages are copied on write: sharing is safe). */
	liveFrame(): StableFrame {
		return { pages: new Map(this.pages), size: this.size, undo: new Map(this.undo) };
	}

	/** Puts back a live frame (see liveFrame) taken since the last checkpoint. */
	loadFrame(frame: StableFrame): void {
		this.pages = new Map(frame.pages);
		this.size = frame.size;
		this.undo = new Map(frame.undo);
	}

	/** The checkpointed contents (for persistence): page index -> bytes. */
	committedPages(): { size: bigint; pages: Map<number, Uint8Array> } {
		const pages = new Map(this.pages);
		for (const [pageIndex, page] of this.undo) {
			if (page) pages.set(pageIndex, page);
			else pages.delete(pageIndex);
		}
		return { size: this.sizeAtCheckpoint, pages };
	}

	/** An independent copy of the checkpointed contents (pages are copied on write, so sharing is safe). */
	snapshot(): StableMemory {
		const { size, pages } = this.committedPages();
		return StableMemory.restore(size, pages);
	}

	static restore(size: bigint, pages: Map<number, Uint8Array>): StableMemory {
		const memory = new StableMemory();
		memory.size = size;
		memory.sizeAtCheckpoint = size;
		memory.pages = pages;
		return memory;
	}

	private forEachPage(
		offset: number,
		length: number,
		visit: (pageIndex: number, within: number, done: number, n: number) => void
	): void {
		let done = 0;
		while (done < length) {
			const position = offset + done;
			const within = position % WASM_PAGE;
			const n = Math.min(WASM_PAGE - within, length - done);
			visit(Math.floor(position / WASM_PAGE), within, done, n);
			done += n;
		}
	}
}
