// The vault canister's Candid interface: the single source of truth for the Azle class
// (canister/vault/src/index.ts, which generates vault.did from it) and for clients (@dfinity/agent
// actors use `idlFactory`). Azle 0.33 re-exports @dfinity/candid's IDL, so these types work in
// both. Record fields are camelCase, as the views'.
import { IDL, type GenericIdlFuncArgs } from '@dfinity/candid';

const Blob = IDL.Vec(IDL.Nat8);

/** Every typed error (domain errors 1:1, plus the adapter's failed outgoing calls). */
export const VaultError = IDL.Variant({
	AnonymousCaller: IDL.Null,
	Unauthorized: IDL.Record({ reason: IDL.Text }),
	NotFound: IDL.Record({ entity: IDL.Text }),
	InvalidInput: IDL.Record({ field: IDL.Text, reason: IDL.Text }),
	InvalidState: IDL.Record({ reason: IDL.Text }),
	LimitReached: IDL.Record({ limit: IDL.Text }),
	/** A key-authorized call's nonce is not the current counter (replayed, raced, or stale). */
	StaleNonce: IDL.Record({ expected: IDL.Nat64 }),
	AnchorHasVault: IDL.Null,
	PhraseKeyNotOnAnchor: IDL.Null,
	InviteNotFound: IDL.Null,
	InviteExpired: IDL.Null,
	InviteUsed: IDL.Null,
	AlreadyGuardian: IDL.Null,
	OwnerCannotGuard: IDL.Null,
	NotAllAccepted: IDL.Null,
	RecoveryActive: IDL.Record({ requestId: IDL.Nat64 }),
	CooldownActive: IDL.Record({ until: IDL.Nat64 }),
	RateLimited: IDL.Record({ until: IDL.Nat64 }),
	AlreadyVoted: IDL.Null,
	RequestClosed: IDL.Record({ status: IDL.Text }),
	NotReleasable: IDL.Record({ reason: IDL.Text, releasableAt: IDL.Nat64 }),
	/** get_anchor_credentials on Internet Identity failed: nothing changed, try again. */
	IdentityProviderUnavailable: IDL.Record({ message: IDL.Text }),
	/** The management canister refused a vetKD call: nothing changed. */
	VetKdFailed: IDL.Record({ message: IDL.Text })
});

const result = (ok: IDL.Type) => IDL.Variant({ Ok: ok, Err: VaultError });
/** Shared by every method that returns nothing: one type object, one cached reply table. */
const UnitResult = result(IDL.Null);
const BlobResult = result(Blob);

export const InviteSpec = IDL.Record({ label: IDL.Text, inviteHash: Blob });
export const SlotSpec = IDL.Variant({ keep: IDL.Nat32, invite: InviteSpec });
/** `checkPrincipal`: the self-authenticating principal of the share's check key (client-side). */
export const ShareSubmission = IDL.Record({ ciphertext: Blob, checkPrincipal: IDL.Principal });

// Key-authorized calls (create_vault, set_guardians, seal_shares, set_delay, delete_vault,
// cancel_recovery: sent by the phrase identity; check_in: by the share's check identity) carry
// `nonce`, the counter they must match (anchor_status / owner_vaults / guardian_vaults show it).
/** Sent by the phrase identity of `phraseKey` (raw 32-byte Ed25519); `nonce` = createNonce. */
export const CreateVaultArgs = IDL.Record({
	anchor: IDL.Nat64,
	phraseKey: Blob,
	owner: IDL.Principal,
	delayNs: IDL.Opt(IDL.Nat64),
	invites: IDL.Vec(InviteSpec),
	nonce: IDL.Nat64
});
export const SetGuardiansArgs = IDL.Record({
	vaultId: IDL.Nat64,
	nonce: IDL.Nat64,
	slots: IDL.Vec(SlotSpec)
});
export const AcceptInviteArgs = IDL.Record({ vaultId: IDL.Nat64, secret: Blob });
export const SealSharesArgs = IDL.Record({
	vaultId: IDL.Nat64,
	nonce: IDL.Nat64,
	threshold: IDL.Nat32,
	commitment: Blob,
	shares: IDL.Vec(ShareSubmission)
});
export const SetDelayArgs = IDL.Record({
	vaultId: IDL.Nat64,
	nonce: IDL.Nat64,
	delayNs: IDL.Nat64
});
export const DeleteVaultArgs = IDL.Record({ vaultId: IDL.Nat64, nonce: IDL.Nat64 });
/** Sent by the share's check identity; `nonce` = the share's checkInNonce. */
export const CheckInArgs = IDL.Record({ vaultId: IDL.Nat64, nonce: IDL.Nat64 });
export const ApproveArgs = IDL.Record({ requestId: IDL.Nat64, ciphertext: Blob });
export const CancelRecoveryArgs = IDL.Record({ requestId: IDL.Nat64, nonce: IDL.Nat64 });

export const RequestView = IDL.Record({
	requestId: IDL.Nat64,
	vaultId: IDL.Nat64,
	anchor: IDL.Nat64,
	requester: IDL.Principal,
	status: IDL.Text,
	openedAt: IDL.Nat64,
	releasableAt: IDL.Nat64,
	expiresAt: IDL.Nat64,
	remainingNs: IDL.Nat64,
	threshold: IDL.Nat32,
	guardianCount: IDL.Nat32,
	approvals: IDL.Nat32,
	declines: IDL.Nat32,
	alarmRaisedAt: IDL.Opt(IDL.Nat64)
});
export const VaultHealth = IDL.Record({
	sealed: IDL.Bool,
	invitesPending: IDL.Nat32,
	shareHolders: IDL.Nat32,
	threshold: IDL.Nat32,
	belowThreshold: IDL.Bool,
	resealNeeded: IDL.Bool,
	staleCheckIns: IDL.Nat32
});
export const OwnerVaultView = IDL.Record({
	vaultId: IDL.Nat64,
	anchor: IDL.Nat64,
	nonce: IDL.Nat64,
	delayNs: IDL.Nat64,
	slots: IDL.Vec(
		IDL.Record({
			label: IDL.Text,
			guardian: IDL.Opt(IDL.Principal),
			inviteExpiresAt: IDL.Opt(IDL.Nat64)
		})
	),
	shares: IDL.Vec(IDL.Record({ guardian: IDL.Principal, lastCheckInAt: IDL.Nat64 })),
	health: VaultHealth,
	activeRequest: IDL.Opt(RequestView)
});
export const GuardianVaultView = IDL.Record({
	vaultId: IDL.Nat64,
	anchor: IDL.Nat64,
	label: IDL.Opt(IDL.Text),
	delayNs: IDL.Nat64,
	threshold: IDL.Nat32,
	share: IDL.Opt(IDL.Record({ shareIndex: IDL.Nat32, ciphertext: Blob, checkInNonce: IDL.Nat64 })),
	pendingRequest: IDL.Opt(RequestView),
	/** Own vote on the pending request: "approved", "declined", or none. */
	myVote: IDL.Opt(IDL.Text)
});
export const AnchorStatus = IDL.Record({
	vaultId: IDL.Opt(IDL.Nat64),
	createNonce: IDL.Nat64,
	vaultNonce: IDL.Opt(IDL.Nat64),
	sealed: IDL.Bool,
	activeRequestId: IDL.Opt(IDL.Nat64)
});
export const InvitationView = IDL.Record({
	vaultId: IDL.Nat64,
	anchor: IDL.Nat64,
	slot: IDL.Nat32,
	label: IDL.Text,
	expiresAt: IDL.Nat64
});
export const AuditEvent = IDL.Record({
	kind: IDL.Text,
	at: IDL.Nat64,
	index: IDL.Nat8,
	ref: IDL.Nat64
});
export const OpenRecoveryResult = IDL.Record({ requestId: IDL.Nat64, releasableAt: IDL.Nat64 });
export const ReleaseResult = IDL.Record({
	shares: IDL.Vec(IDL.Record({ shareIndex: IDL.Nat32, ciphertext: Blob })),
	/** The seal's entropy commitment: the requester checks the combined shares against it. */
	commitment: Blob
});
export const VetKdPublicKeys = IDL.Record({ shares: Blob, release: Blob });

export const InitArgs = IDL.Record({
	/** vetKD master key: "dfx_test_key" (local), "test_key_1" or "key_1" (mainnet). */
	vetKdKeyName: IDL.Text,
	internetIdentity: IDL.Principal
});

type Method = { args: GenericIdlFuncArgs; result: IDL.Type; query?: true };

/** Every method: argument types, result type, query or update. */
export const METHODS = {
	create_vault: { args: [CreateVaultArgs], result: result(IDL.Record({ vaultId: IDL.Nat64 })) },
	set_guardians: { args: [SetGuardiansArgs], result: UnitResult },
	accept_invite: { args: [AcceptInviteArgs], result: result(IDL.Record({ slot: IDL.Nat32 })) },
	seal_shares: { args: [SealSharesArgs], result: UnitResult },
	set_delay: { args: [SetDelayArgs], result: UnitResult },
	delete_vault: { args: [DeleteVaultArgs], result: UnitResult },
	resign: { args: [IDL.Nat64], result: UnitResult },
	check_in: { args: [CheckInArgs], result: UnitResult },
	open_recovery: { args: [IDL.Nat64], result: result(OpenRecoveryResult) },
	approve_recovery: { args: [ApproveArgs], result: UnitResult },
	decline_recovery: { args: [IDL.Nat64], result: UnitResult },
	raise_alarm: { args: [IDL.Nat64], result: UnitResult },
	cancel_recovery: { args: [CancelRecoveryArgs], result: UnitResult },
	release: { args: [IDL.Nat64], result: result(ReleaseResult) },
	/** The caller's own guardian vetKey, encrypted to the transport key. */
	shares_key: { args: [Blob], result: BlobResult },
	/** The release vetKey for (request id, requester), encrypted to the transport key. */
	release_key: { args: [IDL.Nat64, Blob], result: BlobResult },
	vetkd_public_keys: { args: [], result: result(VetKdPublicKeys) },
	anchor_status: { args: [IDL.Nat64], result: result(AnchorStatus), query: true },
	invitation: { args: [AcceptInviteArgs], result: result(InvitationView), query: true },
	owner_vaults: { args: [], result: result(IDL.Vec(OwnerVaultView)), query: true },
	guardian_vaults: { args: [], result: result(IDL.Vec(GuardianVaultView)), query: true },
	request_status: { args: [IDL.Nat64], result: result(RequestView), query: true },
	audit_log: { args: [IDL.Nat64], result: result(IDL.Vec(AuditEvent)), query: true },
	version: { args: [], result: IDL.Text, query: true }
} satisfies Record<string, Method>;

export const idlFactory: IDL.InterfaceFactory = () =>
	IDL.Service(
		Object.fromEntries(
			Object.entries(METHODS).map(([name, method]: [string, Method]) => [
				name,
				IDL.Func(method.args, [method.result], method.query ? ['query'] : [])
			])
		)
	);

export const initArgs = [InitArgs];
