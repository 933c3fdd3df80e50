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

export type CandidRequestView = CandidOk<'recovery_request'>;
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
		return {
			...view,
			approvedSlots: Uint32Array.from(view.approvedSlots),
			alarmRaisedAt: opt(view.alarmRaisedAt),
			releasedAt: opt(view.releasedAt)
		};
	},

	ownerVaultView(view: OwnerVaultView): CandidOwnerVault {
		return {
			...view,
			ownerName: opt(view.ownerName),
			slots: view.slots.map((slot) => ({
				label: slot.label,
				guardian: opt<Principal>(slot.guardian),
				inviteExpiresAt: opt(slot.inviteExpiresAt)
			})),
			requests: view.requests.map(toCandid.requestView)
		};
	},

	guardianVaultView(view: GuardianVaultView): CandidGuardianVault {
		return {
			vaultId: view.vaultId,
			anchor: view.anchor,
			ownerName: opt(view.ownerName),
			label: opt(view.label),
			delayNs: view.delayNs,
			threshold: view.threshold,
			sealed: view.sealed,
			share: opt(view.share),
			requests: view.requests.map(({ myVote, sponsored, ...request }) => ({
				request: toCandid.requestView(request),
				myVote: opt<string>(myVote),
				sponsored
			}))
		};
	},

	anchorStatus(status: AnchorStatus): CandidAnchorStatus {
		return {
			vaultId: opt(status.vaultId),
			sealed: status.sealed,
			createNonce: status.createNonce
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
			approvedSlots: Array.from(view.approvedSlots),
			alarmRaisedAt: fromOpt(view.alarmRaisedAt),
			releasedAt: fromOpt(view.releasedAt)
		};
	},

	ownerVaultView(view: CandidOwnerVault): OwnerVaultView {
		return {
			...view,
			ownerName: fromOpt(view.ownerName),
			slots: view.slots.map((slot) => ({
				label: slot.label,
				guardian: fromOpt(slot.guardian),
				inviteExpiresAt: fromOpt(slot.inviteExpiresAt)
			})),
			requests: view.requests.map(fromCandid.requestView)
		};
	},

	guardianVaultView(view: CandidGuardianVault): GuardianVaultView {
		return {
			...view,
			ownerName: fromOpt(view.ownerName),
			label: fromOpt(view.label),
			share: fromOpt(view.share),
			requests: view.requests.map(({ request, myVote, sponsored }) => {
				const vote = fromOpt(myVote);
				return {
					...fromCandid.requestView(request),
					myVote: vote === 'approved' || vote === 'declined' ? vote : undefined,
					sponsored
				};
			})
		};
	},

	/** The canister writes only AUDIT_KINDS. */
	auditEvent(event: CandidOk<'audit_log'>[number]): AuditEvent {
		return { ...event, kind: event.kind as AuditKind };
	},

	anchorStatus(status: CandidAnchorStatus): AnchorStatus {
		return {
			vaultId: fromOpt(status.vaultId),
			sealed: status.sealed,
			createNonce: status.createNonce
		};
	}
};
