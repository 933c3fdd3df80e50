// The canister's side of Candid: domain results as Candid results, and reply encoders with their
// type tables cached (the hot path). The view <-> Candid mapping itself is the contract's
// (@tessera/contract/vault). Pure, so both the Azle class and tests use it; no 'azle' import.
import { IDL } from '@dfinity/candid';
import { concat } from '@tessera/contract';
import { candidError, type CandidError } from '@tessera/contract/vault';
import { valueEncoder } from './candid-encode';
import type { Result } from './domain/index';

export type CandidResult<T> = { Ok: T } | { Err: CandidError };

/** Adapter-level failures of outgoing calls (not domain errors): nothing changed. */
export type AdapterError =
	| { kind: 'IdentityProviderUnavailable'; message: string }
	| { kind: 'VetKdFailed'; message: string };

export function candidResult<T, U>(result: Result<T>, map: (value: T) => U): CandidResult<U> {
	return result.ok ? { Ok: map(result.value) } : { Err: candidError(result.error) };
}

export const unit = (): null => null;

export function failure(error: AdapterError): { Err: CandidError } {
	return { Err: candidError(error) };
}

/** Every result variant of the vault's IDL accepts this value (Err is VaultError in all of them). */
const SAMPLE_ERROR = { Err: { AlreadyVoted: null } };

/**
 * @dfinity/candid derives a constructed type's `name` (its whole text form) on every access,
 * recursively, and IDL.encode / IDL.decode read names many times per call. Our types never
 * change, so each name is computed once, children first, and pinned on the instance.
 */
export function pinTypeNames(types: readonly IDL.Type[], seen = new Set<IDL.Type>()): void {
	for (const type of types) {
		if (seen.has(type)) continue;
		seen.add(type);
		if (type instanceof IDL.RecordClass || type instanceof IDL.VariantClass) {
			pinTypeNames(
				type._fields.map(([, field]) => field),
				seen
			);
		}
		if (type instanceof IDL.VecClass || type instanceof IDL.OptClass) {
			pinTypeNames([type._type], seen);
		}
		Object.defineProperty(type, 'name', { value: type.name });
	}
}

/**
 * Encodes a value of one fixed type (a method's reply, an outgoing call's argument) like
 * IDL.encode([type], [value]), at a fraction of the cost.
 * IDL.encode rebuilds the type table on every call, and for the result types with the shared
 * VaultError variant that costs ~77 M instructions in QuickJS. The table, the arg count and
 * the type reference of a fixed type never change, so they are encoded once ("DIDL" || table ||
 * leb(1) || type ref), on first use, and each reply appends the value, written by compiled
 * writers (candid-encode.ts: ~32 M -> a fraction for an owner_vaults reply).
 */
export class TableCachedEncoder {
	private prefix: Uint8Array | undefined;
	/** The value's bytes, from writers compiled once (candid-encode.ts). */
	private readonly encodeValue: (value: unknown) => Uint8Array;

	/** `sample`: any value of the type (it only fixes the table, not the encoded values). */
	constructor(
		private readonly type: IDL.Type,
		private readonly sample: unknown = SAMPLE_ERROR
	) {
		this.encodeValue = valueEncoder(type);
	}

	/** Encodes the table now (at canister load, so that queries find it: they keep no state). */
	warm(): this {
		if (this.prefix) return this;
		const full = new Uint8Array(IDL.encode([this.type], [this.sample]));
		const value = new Uint8Array(this.type.encodeValue(this.sample));
		this.prefix = full.slice(0, full.length - value.length);
		return this;
	}

	/** Throws (the adapter traps) for a value that does not fit the type, as IDL.encode does. */
	encode(value: unknown): Uint8Array {
		this.type.covariant(value);
		const prefix = this.warm().prefix as Uint8Array;
		return concat(prefix, this.encodeValue(value));
	}
}

/** One encoder per distinct result type object (methods that share a type share its table). */
export function replyEncoders<M extends string>(
	methods: Record<M, { result: IDL.Type }>
): Record<M, TableCachedEncoder> {
	const byType = new Map<IDL.Type, TableCachedEncoder>();
	const out = {} as Record<M, TableCachedEncoder>;
	for (const [name, { result }] of Object.entries(methods) as [M, { result: IDL.Type }][]) {
		const sample = result instanceof IDL.VariantClass ? SAMPLE_ERROR : '';
		const encoder = byType.get(result) ?? new TableCachedEncoder(result, sample);
		byType.set(result, encoder);
		out[name] = encoder;
	}
	return out;
}
