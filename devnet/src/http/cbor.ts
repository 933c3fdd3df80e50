// CBOR for the HTTP interface, through @dfinity/cbor (the library the agent encodes with).
// Its decoder is lenient: it ignores trailing bytes, silently truncates byte strings that run past
// the end, lets duplicate map keys overwrite each other and assigns a "__proto__" key to the
// prototype. So request bodies are first checked by a strict structural walk: exactly one item,
// definite lengths within the input, text map keys that are unique and not "__proto__", the
// self-describing tag 55799 only in front, no floats or simple values, bounded nesting.
import * as cbor from '@dfinity/cbor';
import { HttpRequestError } from './errors';

const SELF_DESCRIBED_TAG = 55799;
const MAX_DEPTH = 32;
/** Hash trees nest one level per fork and label; serde_cbor (the replica's decoder) allows 128. */
export const MAX_HASH_TREE_DEPTH = 128;

class Walker {
	private offset = 0;
	constructor(
		private readonly bytes: Uint8Array,
		private readonly maxDepth: number
	) {}

	fail(reason: string): never {
		throw new HttpRequestError(
			'malformed_request',
			`invalid CBOR at byte ${this.offset}: ${reason}`
		);
	}

	private byte(): number {
		const value = this.bytes[this.offset];
		if (value === undefined) this.fail('unexpected end of input');
		this.offset++;
		return value;
	}

	/** The argument of a head: the value (integers) or a length (strings, arrays, maps). */
	private argument(info: number): bigint {
		if (info < 24) return BigInt(info);
		const size = info === 24 ? 1 : info === 25 ? 2 : info === 26 ? 4 : info === 27 ? 8 : 0;
		if (size === 0) this.fail(info === 31 ? 'indefinite lengths are not supported' : 'bad head');
		let value = 0n;
		for (let i = 0; i < size; i++) value = (value << 8n) | BigInt(this.byte());
		return value;
	}

	private length(info: number): number {
		const length = this.argument(info);
		if (length > BigInt(this.bytes.length - this.offset)) this.fail('length exceeds input');
		return Number(length);
	}

	private text(length: number): string {
		const slice = this.bytes.subarray(this.offset, this.offset + length);
		this.offset += length;
		try {
			return new TextDecoder('utf-8', { fatal: true }).decode(slice);
		} catch {
			return this.fail('text string is not UTF-8');
		}
	}

	item(depth: number): void {
		if (depth > this.maxDepth) this.fail('nesting too deep');
		const head = this.byte();
		const major = head >> 5;
		const info = head & 0x1f;
		switch (major) {
			case 0:
			case 1:
				this.argument(info);
				return;
			case 2: {
				const length = this.length(info); // reads the head first: no `offset +=` shortcut
				this.offset += length;
				return;
			}
			case 3:
				this.text(this.length(info));
				return;
			case 4: {
				const count = this.length(info); // each element takes at least one byte
				for (let i = 0; i < count; i++) this.item(depth + 1);
				return;
			}
			case 5: {
				const count = this.length(info);
				const keys = new Set<string>();
				for (let i = 0; i < count; i++) {
					const keyHead = this.byte();
					if (keyHead >> 5 !== 3) this.fail('map keys must be text strings');
					const key = this.text(this.length(keyHead & 0x1f));
					if (key === '__proto__') this.fail('map key "__proto__" is not allowed');
					if (keys.has(key)) this.fail(`duplicate map key "${key}"`);
					keys.add(key);
					this.item(depth + 1);
				}
				return;
			}
			case 6:
				if (depth !== 0 || this.argument(info) !== BigInt(SELF_DESCRIBED_TAG)) {
					this.fail('only the self-describing tag 55799 is allowed, in front');
				}
				this.item(depth + 1);
				return;
			default:
				this.fail('floats and simple values are not allowed');
		}
	}

	checkSingleItem(): void {
		this.item(0);
		if (this.offset !== this.bytes.length) this.fail('trailing bytes after the CBOR item');
	}
}

/** Decodes one strictly well-formed CBOR item; any defect is a `malformed_request` error. */
export function decodeCbor(bytes: Uint8Array, maxDepth = MAX_DEPTH): unknown {
	new Walker(bytes, maxDepth).checkSingleItem();
	try {
		return cbor.decode(bytes);
	} catch (error) {
		throw new HttpRequestError('malformed_request', `invalid CBOR: ${String(error)}`);
	}
}

/** Encodes a response body as the replica does: self-describing tag, then the value. */
export function encodeCbor(value: cbor.CborValue): Uint8Array {
	return cbor.encodeWithSelfDescribedTag(value);
}
