// Compact binary encoding for stored records: fixed-width big-endian integers and
// length-prefixed byte strings. Decoding is strict: any leftover or missing byte is an
// InvariantError (stored state is written only by this code, so it is corruption).
import { InvariantError } from './errors';
import { GrowingBuffer } from './growing-buffer';
import { utf8Decode, utf8Encode } from './utf8';

const MAX_U64 = (1n << 64n) - 1n;

// Writes go into one growing buffer through one DataView: in QuickJS every statement and
// allocation costs thousands of instructions, and a vault record has ~60 fields.
export class ByteWriter extends GrowingBuffer {
	private push(bytes: Uint8Array): this {
		const at = this.claim(bytes.length); // before reading this.buffer: claim may grow it
		this.buffer.set(bytes, at);
		return this;
	}
	u8(value: number): this {
		if (!Number.isInteger(value) || value < 0 || value > 0xff) throw new InvariantError('u8 range');
		const at = this.claim(1);
		this.buffer[at] = value;
		return this;
	}
	u16(value: number): this {
		if (!Number.isInteger(value) || value < 0 || value > 0xffff) {
			throw new InvariantError('u16 range');
		}
		const at = this.claim(2);
		this.view.setUint16(at, value, false);
		return this;
	}
	u64(value: bigint): this {
		if (value < 0n || value > MAX_U64) throw new InvariantError('u64 range');
		const at = this.claim(8);
		this.view.setBigUint64(at, value, false);
		return this;
	}
	bool(value: boolean): this {
		return this.u8(value ? 1 : 0);
	}
	/** Exactly `length` bytes, no prefix. */
	fixed(bytes: Uint8Array, length: number): this {
		if (bytes.length !== length) throw new InvariantError(`fixed field of ${length} bytes`);
		return this.push(bytes);
	}
	/** u8 length prefix. */
	bytes8(bytes: Uint8Array): this {
		return this.u8(bytes.length).push(bytes);
	}
	/** u16 length prefix. */
	bytes16(bytes: Uint8Array): this {
		return this.u16(bytes.length).push(bytes);
	}
	text8(text: string): this {
		return this.bytes8(utf8Encode(text));
	}
}

// Reads index the data and one DataView directly: in QuickJS every statement and allocation
// costs thousands of instructions, and a vault record has ~60 fields.
export class ByteReader {
	private offset = 0;
	private readonly view: DataView;
	constructor(private readonly data: Uint8Array) {
		this.view = new DataView(data.buffer, data.byteOffset, data.byteLength);
	}

	/** Claims `length` bytes and returns their offset. */
	private claim(length: number): number {
		const at = this.offset;
		if (length > this.data.length - at) throw new InvariantError('record truncated');
		this.offset = at + length;
		return at;
	}
	private take(length: number): Uint8Array {
		const at = this.claim(length);
		return this.data.slice(at, at + length);
	}
	u8(): number {
		return this.data[this.claim(1)] as number;
	}
	u16(): number {
		return this.view.getUint16(this.claim(2), false);
	}
	u64(): bigint {
		return this.view.getBigUint64(this.claim(8), false);
	}
	bool(): boolean {
		const value = this.u8();
		if (value > 1) throw new InvariantError('bool out of range');
		return value === 1;
	}
	fixed(length: number): Uint8Array {
		return this.take(length);
	}
	bytes8(): Uint8Array {
		return this.take(this.u8());
	}
	bytes16(): Uint8Array {
		return this.take(this.u16());
	}
	text8(): string {
		return utf8Decode(this.bytes8());
	}
	end(): void {
		if (this.offset !== this.data.length) throw new InvariantError('trailing bytes in record');
	}
}
