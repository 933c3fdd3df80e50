// Typed wrapper of the vault canister: one function per method, Candid opts as `undefined`,
// every `Err` thrown as a CanisterError. The Candid interface, its generated types, the view
// types and the Candid <-> view mapping are the contract's (@tessera/contract/vault). Which
// identity a call is sent by is the agent's: phrase-authorized methods (createVault, sealShares,
// setGuardians, setDelay, deleteVault, cancelRecovery) need an agent whose identity is the
// phrase key.
import { Actor, type Agent } from '@dfinity/agent';
import type { Principal } from '@dfinity/principal';
import {
	fromCandid,
	idlFactory,
	opt,
	type AnchorStatus,
	type InviteSpec,
	type ReleaseResult,
	type ShareSubmission,
	type SlotSpec,
	type VaultService
} from '@tessera/contract/vault';
import { callCanister, fromThrown } from './errors';

export type { AuditEvent, OwnerVaultView, RequestView, SlotSpec } from '@tessera/contract/vault';

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
		release: (requestId: bigint): Promise<ReleaseResult> =>
			callCanister(() => actor.release(requestId)),
		sharesKey: (transportPublicKey: Uint8Array) =>
			callCanister(() => actor.shares_key(transportPublicKey)),
		releaseKey: (requestId: bigint, transportPublicKey: Uint8Array) =>
			callCanister(() => actor.release_key(requestId, transportPublicKey)),
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
		requestStatus: async (requestId: bigint) =>
			fromCandid.requestView(await callCanister(() => actor.request_status(requestId))),
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
