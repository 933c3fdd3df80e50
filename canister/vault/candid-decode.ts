// Argument decoding for fixed Candid types, the counterpart of candid.ts's TableCachedEncoder.
// IDL.decode parses the incoming type table, rebuilds wire types and checks subtyping on every
// call: ~25 M instructions for create_vault's arguments in Azle's QuickJS, where each JS
// operation costs thousands of instructions. A client using our own idl.ts (@dfinity/agent)
// sends exactly the table IDL.encode makes for our types, so when the message starts with those
// bytes the values are read by small readers compiled from the types once. Anything else (another
// table order, other encoders, extra arguments, malformed bytes) goes to IDL.decode, so the
// accepted language and the decoded values are IDL.decode's (property-tested equal).
// `ownTableOnly` (method arguments, which anyone can send): a message whose header and type table
// are not exactly ours is refused before IDL.decode sees it. IDL.decode walks whatever table it is
// given: `vec null` of length 2^31 costs ~40 B instructions to skip and is 10 bytes long. With our
// own table every vector element takes at least a byte, so IDL.decode's work is bounded by the
// message's length.
import { IDL } from '@dfinity/candid';
import { Principal } from '@dfinity/principal';
import { utf8Decode } from './domain/utf8';

/** Bytes that IDL.decode refused: the adapter answers with a typed InvalidInput error. */
export class CandidDecodeError extends Error {}

/** A cursor over one message; every read checks bounds (a short message throws). */
class WireReader {
	private readonly view: DataView;
	constructor(
		readonly bytes: Uint8Array,
		public pos: number
	) {
		this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	}

	/** Claims `n` bytes and returns their offset. */
	take(n: number): number {
		const at = this.pos;
		if (n > this.bytes.length - at) throw new RangeError('short message');
		this.pos = at + n;
		return at;
	}

	byte(): number {
		return this.bytes[this.take(1)] as number;
	}

	/** An unsigned LEB128 length or index; over 6 bytes (2^42) is left to IDL.decode. */
	leb(): number {
		let value = 0;
		let weight = 1;
		for (;;) {
			const byte = this.byte();
			value += (byte & 0x7f) * weight;
			if (byte < 0x80) return value;
			weight *= 128;
			if (weight > 2 ** 35) throw new RangeError('length out of range');
		}
	}

	u16 = () => this.view.getUint16(this.take(2), true);
	u32 = () => this.view.getUint32(this.take(4), true);
	u64 = () => this.view.getBigUint64(this.take(8), true);
}

type Reader = (wire: WireReader) => unknown;

/** A reader for `type` and its smallest encoding in bytes, or undefined if not supported. */
function compile(type: IDL.Type): { read: Reader; minBytes: number } | undefined {
	if (type instanceof IDL.FixedNatClass) {
		const readers: Partial<Record<number, Reader>> = {
			8: (w) => w.byte(),
			16: (w) => w.u16(),
			32: (w) => w.u32(),
			64: (w) => w.u64()
		};
		const read = readers[type._bits];
		return read && { read, minBytes: type._bits / 8 };
	}
	if (type instanceof IDL.TextClass) {
		return {
			read: (w) => {
				const length = w.leb();
				const at = w.take(length);
				return utf8Decode(w.bytes.subarray(at, at + length), true);
			},
			minBytes: 1
		};
	}
	if (type instanceof IDL.BoolClass) {
		return {
			read: (w) => {
				const flag = w.byte();
				if (flag > 1) throw new RangeError('bool out of range');
				return flag === 1;
			},
			minBytes: 1
		};
	}
	if (type instanceof IDL.NullClass) return { read: () => null, minBytes: 0 };
	if (type instanceof IDL.PrincipalClass) {
		return {
			read: (w) => {
				if (w.byte() !== 1) throw new RangeError('principal reference expected');
				const length = w.leb();
				const at = w.take(length);
				return Principal.fromUint8Array(w.bytes.slice(at, at + length));
			},
			minBytes: 2
		};
	}
	if (type instanceof IDL.OptClass) {
		const inner = compile(type._type);
		if (!inner) return undefined;
		return {
			read: (w) => {
				const flag = w.byte();
				if (flag > 1) throw new RangeError('opt flag out of range');
				return flag === 0 ? [] : [inner.read(w)];
			},
			minBytes: 1
		};
	}
	if (type instanceof IDL.VecClass) return compileVec(type);
	if (type instanceof IDL.TupleClass) return undefined; // decodes to an array: not ours
	if (type instanceof IDL.RecordClass) return compileRecord(type);
	if (type instanceof IDL.VariantClass) return compileVariant(type);
	return undefined;
}

function compileVec(type: IDL.VecClass<unknown>): ReturnType<typeof compile> {
	const element = type._type;
	if (element instanceof IDL.FixedNatClass && element._bits === 8) {
		const read: Reader = (w) => {
			const length = w.leb();
			const at = w.take(length);
			return w.bytes.slice(at, at + length);
		};
		return { read, minBytes: 1 };
	}
	const inner = compile(element);
	// A zero-size element would let a short message claim any length: leave that to IDL.decode.
	if (!inner || inner.minBytes === 0) return undefined;
	const read: Reader = (w) => {
		const length = w.leb();
		if (length * inner.minBytes > w.bytes.length - w.pos) throw new RangeError('short message');
		const out: unknown[] = [];
		for (let i = 0; i < length; i++) out.push(inner.read(w));
		return out;
	};
	return { read, minBytes: 1 };
}

function compileRecord(type: IDL.RecordClass): ReturnType<typeof compile> {
	// _fields are in wire order (sorted by field id), as IDL.encode writes them.
	const fields: [string, Reader][] = [];
	let minBytes = 0;
	for (const [name, fieldType] of type._fields) {
		const field = compile(fieldType);
		if (!field) return undefined;
		fields.push([name, field.read]);
		minBytes += field.minBytes;
	}
	const read: Reader = (w) => {
		const out: Record<string, unknown> = {};
		for (const [name, readField] of fields) out[name] = readField(w);
		return out;
	};
	return { read, minBytes };
}

function compileVariant(type: IDL.VariantClass): ReturnType<typeof compile> {
	const cases: [string, Reader][] = [];
	for (const [name, caseType] of type._fields) {
		const compiled = compile(caseType);
		if (!compiled) return undefined;
		cases.push([name, compiled.read]);
	}
	const read: Reader = (w) => {
		const chosen = cases[w.leb()];
		if (!chosen) throw new RangeError('variant index out of range');
		return { [chosen[0]]: chosen[1](w) };
	};
	return { read, minBytes: 1 };
}

/** Any value of a supported type: it only fixes the type table that IDL.encode writes. */
function sampleOf(type: IDL.Type): unknown {
	if (type instanceof IDL.FixedNatClass) return type._bits === 64 ? 0n : 0;
	if (type instanceof IDL.TextClass) return '';
	if (type instanceof IDL.BoolClass) return false;
	if (type instanceof IDL.NullClass) return null;
	if (type instanceof IDL.PrincipalClass) return Principal.anonymous();
	if (type instanceof IDL.OptClass) return [];
	if (type instanceof IDL.VecClass) return [];
	if (type instanceof IDL.RecordClass) {
		return Object.fromEntries(type._fields.map(([name, field]) => [name, sampleOf(field)]));
	}
	if (type instanceof IDL.VariantClass) {
		const [name, field] = type._fields[0] as [string, IDL.Type];
		return { [name]: sampleOf(field) };
	}
	throw new TypeError(`no sample for ${type.display()}`);
}

/** Values of `types` whose encoding carries their table (for tests and the table comparison). */
export function sampleArguments(types: readonly IDL.Type[]): unknown[] {
	return types.map(sampleOf);
}

/** A byte string as a Latin-1 JS string: one native call, compared natively. */
function latin1(bytes: Uint8Array): string {
	return String.fromCharCode.apply(null, bytes as unknown as number[]);
}

/** Decodes a fixed argument list like IDL.decode(types, bytes), with a fast path (see above). */
export class TableCachedDecoder {
	private readonly readers: Reader[] | undefined;
	private prefix: string | undefined;

	constructor(
		private readonly types: readonly IDL.Type[],
		private readonly options: { ownTableOnly?: boolean } = {}
	) {
		const compiled = types.map(compile);
		this.readers = compiled.every((c) => c !== undefined)
			? compiled.map((c) => (c as { read: Reader }).read)
			: undefined;
	}

	/** Encodes our own table now (at canister load, so that queries find it: they keep no state). */
	warm(): this {
		if (this.prefix !== undefined || (!this.readers && !this.options.ownTableOnly)) return this;
		const samples = sampleArguments(this.types);
		const full = new Uint8Array(IDL.encode([...this.types], samples));
		const values = this.types.reduce(
			(length, type, i) => length + new Uint8Array(type.encodeValue(samples[i])).length,
			0
		);
		this.prefix = latin1(full.subarray(0, full.length - values));
		return this;
	}

	/** True if `bytes` carry exactly our table (the fast path applies). */
	hasOwnTable(bytes: Uint8Array): boolean {
		const prefix = this.warm().prefix;
		if (prefix === undefined || bytes.length < prefix.length) return false;
		return latin1(bytes.subarray(0, prefix.length)) === prefix;
	}

	/** The DIDL header and type table our own encoder writes for these types. */
	ownTable(): Uint8Array {
		const prefix = this.warm().prefix;
		if (prefix === undefined) throw new TypeError('no own table for these types');
		return Uint8Array.from(prefix, (char) => char.charCodeAt(0));
	}

	/** The arguments, or CandidDecodeError with IDL.decode's reason (or the foreign table). */
	decode(bytes: Uint8Array): unknown[] {
		const own = this.hasOwnTable(bytes);
		if (!own && this.options.ownTableOnly) {
			throw new CandidDecodeError("the type table is not this method's own");
		}
		const fast = own && this.readers ? this.readFast(bytes) : undefined;
		if (fast) return fast;
		try {
			return IDL.decode([...this.types], bytes);
		} catch (error) {
			throw new CandidDecodeError(error instanceof Error ? error.message : String(error));
		}
	}

	/** The values after our table, or undefined if anything is off (IDL.decode then decides). */
	private readFast(bytes: Uint8Array): unknown[] | undefined {
		const readers = this.readers as Reader[];
		try {
			const wire = new WireReader(bytes, (this.prefix as string).length);
			const values = readers.map((read) => read(wire));
			return wire.pos === bytes.length ? values : undefined;
		} catch {
			return undefined;
		}
	}
}
