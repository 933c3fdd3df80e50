// The one mapping between the vault canister's views (views.ts) and its Candid values (the
// declarations generated from vault.did): opt = [] | [x], variant = single-key object. The
// canister maps its domain's values to Candid with `toCandid`; the app reads replies with
// `fromCandid`. Pure, no 'azle' import.
import type { Principal } from '@dfinity/principal';
import type { _SERVICE } from './declarations/vault.did';
import type {
	AnchorStatus,
	AuditEvent,
	AuditKind,
	GuardianVaultView,
	OwnerVaultView,
	RequestView,
	SlotSpec
} from './views';

/** The vault canister's methods as an @dfinity/agent actor has them (generated from vault.did). */
export type VaultService = _SERVICE;

type Reply<M extends keyof VaultService> = Awaited<ReturnType<VaultService[M]>>;
/** The `Ok` value of a method's result. */
export type CandidOk<M extends keyof VaultService> = Extract<Reply<M>, { Ok: unknown }>['Ok'];
/** VaultError as Candid has it: `{ Kind: fields }` or `{ Kind: null }`. */
export type CandidError = Extract<Reply<'owner_vaults'>, { Err: unknown }>['Err'];

export type CandidRequestView = CandidOk<'request_status'>;
export type CandidOwnerVault = CandidOk<'owner_vaults'>[number];
export type CandidGuardianVault = CandidOk<'guardian_vaults'>[number];
export type CandidAnchorStatus = CandidOk<'anchor_status'>;
export type CandidSlotSpec = Parameters<VaultService['set_guardians']>[0]['slots'][number];

export type Opt<T> = [] | [T];

export function opt<T>(value: T | undefined): Opt<T> {
	return value === undefined ? [] : [value];
}

export function fromOpt<T>(value: Opt<T>): T | undefined {
	return value[0];
}

/** { kind: 'X', ...fields } -> { X: fields } (or { X: null } without fields). */
export function candidError<E extends { kind: string }>(error: E): CandidError {
	const { kind, ...fields } = error;
	return { [kind]: Object.keys(fields).length === 0 ? null : fields } as CandidError;
}

/** Domain values to Candid values: what the canister replies. */
export const toCandid = {
	requestView(view: RequestView): CandidRequestView {
		return { ...view, alarmRaisedAt: opt(view.alarmRaisedAt) };
	},

	ownerVaultView(view: OwnerVaultView): CandidOwnerVault {
		return {
			...view,
			slots: view.slots.map((slot) => ({
				label: slot.label,
				guardian: opt<Principal>(slot.guardian),
				inviteExpiresAt: opt(slot.inviteExpiresAt)
			})),
			activeRequest: opt(view.activeRequest && toCandid.requestView(view.activeRequest))
		};
	},

	guardianVaultView(view: GuardianVaultView): CandidGuardianVault {
		const pending = view.pendingRequest;
		return {
			vaultId: view.vaultId,
			anchor: view.anchor,
			label: opt(view.label),
			delayNs: view.delayNs,
			threshold: view.threshold,
			share: opt(view.share),
			pendingRequest: opt(pending && toCandid.requestView(pending)),
			myVote: opt<string>(pending?.myVote)
		};
	},

	anchorStatus(status: AnchorStatus): CandidAnchorStatus {
		return {
			vaultId: opt(status.vaultId),
			createNonce: status.createNonce,
			vaultNonce: opt(status.vaultNonce),
			sealed: status.sealed,
			activeRequestId: opt(status.activeRequestId)
		};
	}
};

/** Candid values to views: what the app reads from a reply. */
export const fromCandid = {
	slotSpec(spec: CandidSlotSpec): SlotSpec {
		return 'keep' in spec ? { keep: spec.keep } : { invite: spec.invite };
	},

	/** The canister writes only the statuses RequestView names. */
	requestView(view: CandidRequestView): RequestView {
		return {
			...view,
			status: view.status as RequestView['status'],
			alarmRaisedAt: fromOpt(view.alarmRaisedAt)
		};
	},

	ownerVaultView(view: CandidOwnerVault): OwnerVaultView {
		return {
			...view,
			slots: view.slots.map((slot) => ({
				label: slot.label,
				guardian: fromOpt(slot.guardian),
				inviteExpiresAt: fromOpt(slot.inviteExpiresAt)
			})),
			activeRequest: view.activeRequest[0] && fromCandid.requestView(view.activeRequest[0])
		};
	},

	guardianVaultView(view: CandidGuardianVault): GuardianVaultView {
		const { myVote, pendingRequest, ...rest } = view;
		const pending = pendingRequest[0];
		const vote = fromOpt(myVote);
		return {
			...rest,
			label: fromOpt(view.label),
			share: fromOpt(view.share),
			pendingRequest: pending && {
				...fromCandid.requestView(pending),
				myVote: vote === 'approved' || vote === 'declined' ? vote : undefined
			}
		};
	},

	/** The canister writes only AUDIT_KINDS. */
	auditEvent(event: CandidOk<'audit_log'>[number]): AuditEvent {
		return { ...event, kind: event.kind as AuditKind };
	},

	anchorStatus(status: CandidAnchorStatus): AnchorStatus {
		return {
			vaultId: fromOpt(status.vaultId),
			createNonce: status.createNonce,
			vaultNonce: fromOpt(status.vaultNonce),
			sealed: status.sealed,
			activeRequestId: fromOpt(status.activeRequestId)
		};
	}
};
