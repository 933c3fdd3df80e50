// Typed wrapper of the vault canister: one function per method, Candid opts as `undefined`,
// every `Err` thrown as a CanisterError. The Candid interface is canister/vault/idl.ts; the
// view types are the canister domain's own (type-only imports). Which identity a call is sent
// by is the agent's: phrase-authorized methods (createVault, sealShares, setGuardians,
// setDelay, deleteVault, cancelRecovery) need an agent whose identity is the phrase key.
import { Actor, type Agent, type Identity } from '@dfinity/agent';
import type { Principal } from '@dfinity/principal';
import { idlFactory } from '../../../canister/vault/idl';
import type {
	AnchorStatus,
	AuditEvent,
	GuardianVaultView,
	InvitationView,
	InviteSpec,
	OwnerVaultView,
	RequestView,
	ShareSubmission,
	SlotSpec
} from '../../../canister/vault/domain/index';
import { config, type AppConfig } from '../config';
import { createAgent } from './agent';
import { CanisterError, callCanister, describeError, fromThrown } from './errors';

export type {
	AnchorStatus,
	AuditEvent,
	GuardianVaultView,
	InvitationView,
	InviteSpec,
	OwnerVaultView,
	RequestView,
	ShareSubmission,
	SlotSpec
};

type Opt<T> = [] | [T];
type Candid<T> = Promise<{ Ok: T } | { Err: Record<string, unknown> }>;
const fromOpt = <T>(value: Opt<T>): T | undefined => value[0];
const opt = <T>(value: T | undefined): Opt<T> => (value === undefined ? [] : [value]);

type CandidRequestView = Omit<RequestView, 'alarmRaisedAt'> & { alarmRaisedAt: Opt<bigint> };
type CandidOwnerVault = Omit<OwnerVaultView, 'slots' | 'activeRequest'> & {
	slots: { label: string; guardian: Opt<Principal>; inviteExpiresAt: Opt<bigint> }[];
	activeRequest: Opt<CandidRequestView>;
};
type CandidGuardianVault = Omit<GuardianVaultView, 'label' | 'share' | 'pendingRequest'> & {
	label: Opt<string>;
	share: Opt<NonNullable<GuardianVaultView['share']>>;
	pendingRequest: Opt<CandidRequestView>;
	myVote: Opt<string>;
};
type CandidAnchorStatus = {
	vaultId: Opt<bigint>;
	createNonce: bigint;
	vaultNonce: Opt<bigint>;
	sealed: boolean;
	activeRequestId: Opt<bigint>;
};

export interface ReleaseResult {
	shares: { shareIndex: number; ciphertext: Uint8Array }[];
	/** The seal's entropy commitment: the requester checks the combined shares against it. */
	commitment: Uint8Array;
}

/** The raw actor: argument and result shapes as Candid has them. */
interface VaultService {
	create_vault(args: {
		anchor: bigint;
		phraseKey: Uint8Array;
		owner: Principal;
		nonce: bigint;
		delayNs: Opt<bigint>;
		invites: InviteSpec[];
	}): Candid<{ vaultId: bigint }>;
	set_guardians(args: { vaultId: bigint; slots: SlotSpec[]; nonce: bigint }): Candid<null>;
	accept_invite(args: { vaultId: bigint; secret: Uint8Array }): Candid<{ slot: number }>;
	seal_shares(args: {
		vaultId: bigint;
		threshold: number;
		commitment: Uint8Array;
		shares: ShareSubmission[];
		nonce: bigint;
	}): Candid<null>;
	set_delay(args: { vaultId: bigint; delayNs: bigint; nonce: bigint }): Candid<null>;
	delete_vault(args: { vaultId: bigint; nonce: bigint }): Candid<null>;
	resign(vaultId: bigint): Candid<null>;
	check_in(args: { vaultId: bigint; nonce: bigint }): Candid<null>;
	open_recovery(anchor: bigint): Candid<{ requestId: bigint; releasableAt: bigint }>;
	approve_recovery(args: { requestId: bigint; ciphertext: Uint8Array }): Candid<null>;
	decline_recovery(requestId: bigint): Candid<null>;
	raise_alarm(requestId: bigint): Candid<null>;
	cancel_recovery(args: { requestId: bigint; nonce: bigint }): Candid<null>;
	release(requestId: bigint): Candid<{ shares: { shareIndex: number; ciphertext: Uint8Array }[] }>;
	shares_key(transportPublicKey: Uint8Array): Candid<Uint8Array>;
	release_key(requestId: bigint, transportPublicKey: Uint8Array): Candid<Uint8Array>;
	vetkd_public_keys(): Candid<{ shares: Uint8Array; release: Uint8Array }>;
	anchor_status(anchor: bigint): Candid<CandidAnchorStatus>;
	invitation(args: { vaultId: bigint; secret: Uint8Array }): Candid<InvitationView>;
	owner_vaults(): Candid<CandidOwnerVault[]>;
	guardian_vaults(): Candid<CandidGuardianVault[]>;
	request_status(requestId: bigint): Candid<CandidRequestView>;
	audit_log(vaultId: bigint): Candid<AuditEvent[]>;
	version(): Promise<string>;
}

function requestView(view: CandidRequestView): RequestView {
	return { ...view, alarmRaisedAt: fromOpt(view.alarmRaisedAt) };
}

function ownerVault(view: CandidOwnerVault): OwnerVaultView {
	return {
		...view,
		slots: view.slots.map((slot) => ({
			label: slot.label,
			guardian: fromOpt(slot.guardian),
			inviteExpiresAt: fromOpt(slot.inviteExpiresAt)
		})),
		activeRequest: view.activeRequest[0] && requestView(view.activeRequest[0])
	};
}

function guardianVault(view: CandidGuardianVault): GuardianVaultView {
	const { myVote, pendingRequest, ...rest } = view;
	const pending = pendingRequest[0];
	const vote = fromOpt(myVote);
	return {
		...rest,
		label: fromOpt(view.label),
		share: fromOpt(view.share),
		pendingRequest: pending && {
			...requestView(pending),
			myVote: vote === 'approved' || vote === 'declined' ? vote : undefined
		}
	};
}

/** The vault canister as seen by `agent`'s identity. */
export function vaultCanister(agent: Agent, canisterId: Principal) {
	const actor = Actor.createActor<VaultService>(idlFactory, { agent, canisterId });
	return {
		canisterId,
		/** Sent by the phrase identity; `nonce` = anchor_status.createNonce. */
		createVault: async (args: {
			anchor: bigint;
			phraseKey: Uint8Array;
			owner: Principal;
			nonce: bigint;
			delayNs?: bigint;
			invites: InviteSpec[];
		}) =>
			(await callCanister(() => actor.create_vault({ ...args, delayNs: opt(args.delayNs) })))
				.vaultId,
		/** Sent by the phrase identity; `nonce` = the vault's operation counter. */
		setGuardians: (args: { vaultId: bigint; slots: SlotSpec[]; nonce: bigint }) =>
			callCanister(() => actor.set_guardians(args)),
		acceptInvite: async (args: { vaultId: bigint; secret: Uint8Array }) =>
			(await callCanister(() => actor.accept_invite(args))).slot,
		/** Sent by the phrase identity. */
		sealShares: (args: {
			vaultId: bigint;
			threshold: number;
			commitment: Uint8Array;
			shares: ShareSubmission[];
			nonce: bigint;
		}) => callCanister(() => actor.seal_shares(args)),
		/** Sent by the phrase identity. */
		setDelay: (args: { vaultId: bigint; delayNs: bigint; nonce: bigint }) =>
			callCanister(() => actor.set_delay(args)),
		/** Sent by the phrase identity. */
		deleteVault: (args: { vaultId: bigint; nonce: bigint }) =>
			callCanister(() => actor.delete_vault(args)),
		resign: (vaultId: bigint) => callCanister(() => actor.resign(vaultId)),
		/** Sent by the share's check identity. */
		checkIn: (args: { vaultId: bigint; nonce: bigint }) => callCanister(() => actor.check_in(args)),
		openRecovery: (anchor: bigint) => callCanister(() => actor.open_recovery(anchor)),
		approveRecovery: (args: { requestId: bigint; ciphertext: Uint8Array }) =>
			callCanister(() => actor.approve_recovery(args)),
		declineRecovery: (requestId: bigint) => callCanister(() => actor.decline_recovery(requestId)),
		raiseAlarm: (requestId: bigint) => callCanister(() => actor.raise_alarm(requestId)),
		/** Sent by the phrase identity. */
		cancelRecovery: (args: { requestId: bigint; nonce: bigint }) =>
			callCanister(() => actor.cancel_recovery(args)),
		release: (requestId: bigint) => callCanister(() => actor.release(requestId)),
		sharesKey: (transportPublicKey: Uint8Array) =>
			callCanister(() => actor.shares_key(transportPublicKey)),
		releaseKey: (requestId: bigint, transportPublicKey: Uint8Array) =>
			callCanister(() => actor.release_key(requestId, transportPublicKey)),
		vetkdPublicKeys: () => callCanister(() => actor.vetkd_public_keys()),
		anchorStatus: async (anchor: bigint): Promise<AnchorStatus> => {
			const status = await callCanister(() => actor.anchor_status(anchor));
			return {
				vaultId: fromOpt(status.vaultId),
				createNonce: status.createNonce,
				vaultNonce: fromOpt(status.vaultNonce),
				sealed: status.sealed,
				activeRequestId: fromOpt(status.activeRequestId)
			};
		},
		invitation: (args: { vaultId: bigint; secret: Uint8Array }) =>
			callCanister(() => actor.invitation(args)),
		ownerVaults: async () => (await callCanister(() => actor.owner_vaults())).map(ownerVault),
		guardianVaults: async () =>
			(await callCanister(() => actor.guardian_vaults())).map(guardianVault),
		requestStatus: async (requestId: bigint) =>
			requestView(await callCanister(() => actor.request_status(requestId))),
		auditLog: (vaultId: bigint) => callCanister(() => actor.audit_log(vaultId)),
		version: async () => {
			try {
				return await actor.version();
			} catch (error) {
				throw fromThrown(error);
			}
		}
	};
}

export type VaultCanister = ReturnType<typeof vaultCanister>;

/** The configured vault canister, with calls sent by `identity` (anonymous if none). */
export async function connectVault(
	identity?: Identity,
	settings: Pick<AppConfig, 'host' | 'network' | 'vaultCanisterId'> = config
): Promise<VaultCanister> {
	const canisterId = settings.vaultCanisterId;
	if (!canisterId) throw new CanisterError('NotConfigured', describeError('NotConfigured'));
	return vaultCanister(await createAgent(identity, settings), canisterId);
}
