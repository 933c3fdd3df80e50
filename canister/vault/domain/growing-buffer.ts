// One growing byte buffer with one DataView, shared by the record writer (codec.ts) and the
// Candid reply writer: appending in place instead of concatenating arrays saves most of the
// instructions QuickJS spends per field.
export class GrowingBuffer {
	protected buffer: Uint8Array;
	protected view: DataView;
	protected size = 0;

	constructor(initialBytes = 256) {
		this.buffer = new Uint8Array(initialBytes);
		this.view = new DataView(this.buffer.buffer);
	}

	/** Claims `length` bytes at the end and returns their offset (read `buffer` after this). */
	protected claim(length: number): number {
		const at = this.size;
		if (at + length > this.buffer.length) {
			const grown = new Uint8Array(Math.max(this.buffer.length * 2, at + length));
			grown.set(this.buffer.subarray(0, at));
			this.buffer = grown;
			this.view = new DataView(grown.buffer);
		}
		this.size = at + length;
		return at;
	}

	/** The bytes written so far, copied. */
	finish(): Uint8Array {
		return this.buffer.slice(0, this.size);
	}
}
