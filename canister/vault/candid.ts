// Maps between the domain's values and the Candid values of idl.ts (opt = [] | [x], variant =
// single-key object). Pure, so both the Azle class and tests use it; no 'azle' import.
import { IDL } from '@dfinity/candid';
import type { Principal } from '@dfinity/principal';
import { concat } from '../../src/lib/crypto/bytes';
import { valueEncoder } from './candid-encode';
import type {
	AnchorStatus,
	DomainError,
	GuardianVaultView,
	OwnerVaultView,
	RequestView,
	Result,
	SlotSpec
} from './domain/index';

export type Opt<T> = [] | [T];
export type CandidResult<T> = { Ok: T } | { Err: CandidError };
export type CandidError = Record<string, Record<string, unknown> | null>;

/** Adapter-level failures of outgoing calls (not domain errors): nothing changed. */
export type AdapterError =
	| { kind: 'IdentityProviderUnavailable'; message: string }
	| { kind: 'VetKdFailed'; message: string };

export function opt<T>(value: T | undefined): Opt<T> {
	return value === undefined ? [] : [value];
}

export function fromOpt<T>(value: Opt<T>): T | undefined {
	return value[0];
}

/** { kind: 'X', ...fields } -> { X: fields } (or { X: null } without fields). */
export function candidError(error: DomainError | AdapterError): CandidError {
	const { kind, ...fields } = error;
	return { [kind]: Object.keys(fields).length === 0 ? null : fields };
}

export function candidResult<T, U>(result: Result<T>, map: (value: T) => U): CandidResult<U> {
	return result.ok ? { Ok: map(result.value) } : { Err: candidError(result.error) };
}

export const unit = (): null => null;

export function failure(error: AdapterError): { Err: CandidError } {
	return { Err: candidError(error) };
}

export type CandidSlotSpec =
	{ keep: number } | { invite: { label: string; inviteHash: Uint8Array } };

export function slotSpec(spec: CandidSlotSpec): SlotSpec {
	return 'keep' in spec ? { keep: spec.keep } : { invite: spec.invite };
}

export function requestView(view: RequestView) {
	return { ...view, alarmRaisedAt: opt(view.alarmRaisedAt) };
}

export function ownerVaultView(view: OwnerVaultView) {
	return {
		...view,
		slots: view.slots.map((slot) => ({
			label: slot.label,
			guardian: opt<Principal>(slot.guardian),
			inviteExpiresAt: opt(slot.inviteExpiresAt)
		})),
		activeRequest: opt(view.activeRequest && requestView(view.activeRequest))
	};
}

export function guardianVaultView(view: GuardianVaultView) {
	const pending = view.pendingRequest;
	return {
		vaultId: view.vaultId,
		anchor: view.anchor,
		label: opt(view.label),
		delayNs: view.delayNs,
		threshold: view.threshold,
		share: opt(view.share),
		pendingRequest: opt(pending && requestView(pending)),
		myVote: opt<string>(pending?.myVote)
	};
}

export function anchorStatus(status: AnchorStatus) {
	return {
		vaultId: opt(status.vaultId),
		createNonce: status.createNonce,
		vaultNonce: opt(status.vaultNonce),
		sealed: status.sealed,
		activeRequestId: opt(status.activeRequestId)
	};
}

/** Every result variant of idl.ts accepts this value (Err is VaultError in all of them). */
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
