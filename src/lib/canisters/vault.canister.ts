// Typed wrapper of the vault canister: one function per method, Candid opts as `undefined`,
// every `Err` thrown as a CanisterError. The Candid interface, its generated types, the view
// types and the Candid <-> view mapping are the contract's (@tessera/contract/vault). Which
// identity a call is sent by is the agent's: phrase-authorized methods (createVault, sealShares,
// setGuardians, setDelay, deleteVault, cancelRecovery) need an agent whose identity is the
// phrase key. Security-relevant reads (recoveryRequest, requestsForRequester) are update calls.
import { Actor, type Agent } from '@dfinity/agent';
import type { Principal } from '@dfinity/principal';
import {
	fromCandid,
	idlFactory,
	opt,
	type AnchorStatus,
	type InviteSpec,
	type OpenRecoveryResult,
	type ReleaseResult,
	type RequestView,
	type ShareSubmission,
	type SlotSpec,
	type VaultService
} from '@tessera/contract/vault';
import { callCanister, fromThrown } from './errors';

export type {
	AuditEvent,
	GuardianRequestView,
	GuardianVaultView,
	OwnerVaultView,
	ReleaseResult,
	RequestView,
	SlotSpec
} from '@tessera/contract/vault';

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
			/** What guardians see as who asks (label rules). */
			ownerName?: string;
		}) =>
			(
				await callCanister(() =>
					actor.create_vault({
						...args,
						delayNs: opt(args.delayNs),
						ownerName: opt(args.ownerName)
					})
				)
			).vaultId,
		/** Sent by the owner (P_O): the vault enters its index (owner_vaults). */
		confirmVault: (vaultId: bigint) => callCanister(() => actor.confirm_vault(vaultId)),
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
			/** One shareCommitment(vaultId, slot, envelope) per share, in the order of `shares`. */
			shareCommitments: Uint8Array[];
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
		/** Sent by a share holder of the sealed vault, for the requester of the recovery link. */
		openRecovery: (args: { vaultId: bigint; requester: Principal }): Promise<OpenRecoveryResult> =>
			callCanister(() => actor.open_recovery(args)),
		approveRecovery: (args: { requestId: bigint; ciphertext: Uint8Array }) =>
			callCanister(() => actor.approve_recovery(args)),
		declineRecovery: (requestId: bigint) => callCanister(() => actor.decline_recovery(requestId)),
		raiseAlarm: (requestId: bigint) => callCanister(() => actor.raise_alarm(requestId)),
		/** Sent by the phrase identity (vault nonce), or by the sponsor for its own (nonce ignored). */
		cancelRecovery: (args: { requestId: bigint; nonce: bigint }) =>
			callCanister(() => actor.cancel_recovery(args)),
		/** Sent by the requester: approvals, commitments and the release key, in one call. */
		releaseRecovery: async (args: {
			requestId: bigint;
			transportKey: Uint8Array;
		}): Promise<ReleaseResult> => {
			const released = await callCanister(() => actor.release_recovery(args));
			return { ...released, approvals: released.approvals.map((a) => ({ ...a })) };
		},
		/** Update call (certified): what a guardian re-encrypts to and a requester acts on. */
		recoveryRequest: async (requestId: bigint): Promise<RequestView> =>
			fromCandid.requestView(await callCanister(() => actor.recovery_request(requestId))),
		/** Update call: the requests naming the caller as requester. */
		requestsForRequester: async (): Promise<RequestView[]> =>
			(await callCanister(() => actor.requests_for_requester())).map(fromCandid.requestView),
		sharesKey: (transportPublicKey: Uint8Array) =>
			callCanister(() => actor.shares_key(transportPublicKey)),
		vetkdPublicKeys: () => callCanister(() => actor.vetkd_public_keys()),
		anchorStatus: async (anchor: bigint): Promise<AnchorStatus> => {
			return fromCandid.anchorStatus(await callCanister(() => actor.anchor_status(anchor)));
		},
		invitation: (args: { vaultId: bigint; secret: Uint8Array }) =>
			callCanister(() => actor.invitation(args)),
		ownerVaults: async () =>
			(await callCanister(() => actor.owner_vaults())).map(fromCandid.ownerVaultView),
		guardianVaults: async () =>
			(await callCanister(() => actor.guardian_vaults())).map(fromCandid.guardianVaultView),
		auditLog: async (vaultId: bigint) =>
			(await callCanister(() => actor.audit_log(vaultId))).map(fromCandid.auditEvent),
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
