// Maps between the domain's values and the Candid values of idl.ts (opt = [] | [x], variant =
// single-key object). Pure, so both the Azle class and tests use it; no 'azle' import.
import type { Principal } from '@dfinity/principal';
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
