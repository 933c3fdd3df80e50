// Value encoding for fixed Candid types, used by candid.ts's TableCachedEncoder. @dfinity/candid's
// encodeValue concatenates a new array per field, writes each nat64 byte by byte with BigInt
// arithmetic and texts through Azle's TextEncoder polyfill: ~32 M instructions for one
// owner_vaults reply in QuickJS. These writers, compiled from the types once, append to one
// buffer. They assume a value the type's `covariant` accepted (TableCachedEncoder checks first)
// and write exactly encodeValue's bytes (property-tested for every reply type).
import { IDL } from '@dfinity/candid';
import type { Principal } from '@dfinity/principal';
import { GrowingBuffer } from './domain/growing-buffer';
import { utf8Encode } from './domain/utf8';

class WireWriter extends GrowingBuffer {
	byte(value: number): void {
		const at = this.claim(1);
		this.buffer[at] = value;
	}
	leb(value: number): void {
		while (value >= 0x80) {
			this.byte((value % 0x80) | 0x80);
			value = Math.floor(value / 0x80);
		}
		this.byte(value);
	}
	bytes(value: ArrayLike<number>): void {
		const at = this.claim(value.length);
		this.buffer.set(value, at);
	}
	u16(value: number): void {
		const at = this.claim(2);
		this.view.setUint16(at, value, true);
	}
	u32(value: number): void {
		const at = this.claim(4);
		this.view.setUint32(at, value, true);
	}
	u64(value: bigint): void {
		const at = this.claim(8);
		this.view.setBigUint64(at, value, true);
	}
}

type Writer = (w: WireWriter, value: unknown) => void;

/** A writer for `type`, or undefined where encodeValue must do it. */
function compile(type: IDL.Type): Writer | undefined {
	if (type instanceof IDL.FixedNatClass) {
		const writers: Partial<Record<number, Writer>> = {
			8: (w, v) => w.byte(Number(v)),
			16: (w, v) => w.u16(Number(v)),
			32: (w, v) => w.u32(Number(v)),
			64: (w, v) => w.u64(BigInt(v as bigint))
		};
		return writers[type._bits];
	}
	if (type instanceof IDL.TextClass) {
		return (w, v) => {
			const bytes = utf8Encode(v as string);
			w.leb(bytes.length);
			w.bytes(bytes);
		};
	}
	if (type instanceof IDL.BoolClass) return (w, v) => w.byte(v ? 1 : 0);
	if (type instanceof IDL.NullClass) return () => {};
	if (type instanceof IDL.PrincipalClass) {
		return (w, v) => {
			const bytes = (v as Principal).toUint8Array();
			w.byte(1);
			w.leb(bytes.length);
			w.bytes(bytes);
		};
	}
	if (type instanceof IDL.OptClass) {
		const inner = compile(type._type);
		if (!inner) return undefined;
		return (w, v) => {
			const opt = v as unknown[];
			w.byte(opt.length === 0 ? 0 : 1);
			if (opt.length !== 0) inner(w, opt[0]);
		};
	}
	if (type instanceof IDL.VecClass) {
		const element = type._type;
		if (element instanceof IDL.FixedNatClass && element._bits === 8) {
			return (w, v) => {
				const bytes = v as ArrayLike<number>;
				w.leb(bytes.length);
				w.bytes(bytes);
			};
		}
		const inner = compile(element);
		if (!inner) return undefined;
		return (w, v) => {
			const items = v as unknown[];
			w.leb(items.length);
			for (const item of items) inner(w, item);
		};
	}
	if (type instanceof IDL.TupleClass) return undefined;
	if (type instanceof IDL.RecordClass) return compileFields(type, false);
	if (type instanceof IDL.VariantClass) return compileFields(type, true);
	return undefined;
}

/** Records write every field in wire order; variants the index and value of their one case. */
function compileFields(type: IDL.RecordClass | IDL.VariantClass, variant: boolean) {
	const fields: [string, Writer][] = [];
	for (const [name, fieldType] of type._fields) {
		const write = compile(fieldType);
		if (!write) return undefined;
		fields.push([name, write]);
	}
	if (!variant) {
		return (w: WireWriter, v: unknown) => {
			const record = v as Record<string, unknown>;
			for (const [name, write] of fields) write(w, record[name]);
		};
	}
	return (w: WireWriter, v: unknown) => {
		const value = v as Record<string, unknown>;
		const index = fields.findIndex(([name]) => Object.prototype.hasOwnProperty.call(value, name));
		const [name, write] = fields[index] as [string, Writer];
		w.leb(index);
		write(w, value[name]);
	};
}

/** Encodes values of `type` like type.encodeValue (compiled once; encodeValue if unsupported). */
export function valueEncoder(type: IDL.Type): (value: unknown) => Uint8Array {
	const write = compile(type);
	if (!write) return (value) => new Uint8Array(type.encodeValue(value));
	return (value) => {
		const writer = new WireWriter(512);
		write(writer, value);
		return writer.finish();
	};
}
