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
	/** The sponsoring guardian already has a live (open or released) request for this vault. */
	AlreadyOpen: IDL.Record({ requestId: IDL.Nat64 }),
	/** A per-principal or per-share allowance is used up until `until`. */
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
	nonce: IDL.Nat64,
	/** How guardians see who asks (label rules apply); none = the anchor number only. */
	ownerName: IDL.Opt(IDL.Text)
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
	/** The entropy commitment (DOMAIN.commitment). */
	commitment: Blob,
	shares: IDL.Vec(ShareSubmission),
	/** One 32-byte shareCommitment(vaultId, slot, envelope) per share, in the order of `shares`. */
	shareCommitments: IDL.Vec(Blob)
});
export const SetDelayArgs = IDL.Record({
	vaultId: IDL.Nat64,
	nonce: IDL.Nat64,
	delayNs: IDL.Nat64
});
export const DeleteVaultArgs = IDL.Record({ vaultId: IDL.Nat64, nonce: IDL.Nat64 });
/** Sent by the share's check identity; `nonce` = the share's checkInNonce. */
export const CheckInArgs = IDL.Record({ vaultId: IDL.Nat64, nonce: IDL.Nat64 });
/** Sent by a share holder of the sealed vault, on behalf of `requester` (P_R). */
export const OpenRecoveryArgs = IDL.Record({ vaultId: IDL.Nat64, requester: IDL.Principal });
export const ApproveArgs = IDL.Record({ requestId: IDL.Nat64, ciphertext: Blob });
/** The phrase identity with the vault's nonce; or the request's sponsor (nonce ignored). */
export const CancelRecoveryArgs = IDL.Record({ requestId: IDL.Nat64, nonce: IDL.Nat64 });
/** Sent by the requester; `transportKey` is a 48-byte vetKD transport public key. */
export const ReleaseRecoveryArgs = IDL.Record({ requestId: IDL.Nat64, transportKey: Blob });

export const RequestView = IDL.Record({
	requestId: IDL.Nat64,
	vaultId: IDL.Nat64,
	anchor: IDL.Nat64,
	/** With the anchor, what the verification code is derived from. */
	requester: IDL.Principal,
	/** The guardian that opened the request. */
	sponsor: IDL.Principal,
	/** open | released | failed | cancelled | expired */
	status: IDL.Text,
	openedAt: IDL.Nat64,
	releasableAt: IDL.Nat64,
	/** End of the release window: no release, approval or derivation from then on. */
	expiresAt: IDL.Nat64,
	/** Time-lock countdown: 0 once the delay has passed. */
	remainingNs: IDL.Nat64,
	threshold: IDL.Nat32,
	guardianCount: IDL.Nat32,
	approvals: IDL.Nat32,
	declines: IDL.Nat32,
	/** Slots (share indexes) that approved. */
	approvedSlots: IDL.Vec(IDL.Nat32),
	alarmRaisedAt: IDL.Opt(IDL.Nat64),
	releasedAt: IDL.Opt(IDL.Nat64),
	/** Release vetKeys derived so far (at most RELEASE_DERIVATIONS_PER_REQUEST). */
	derivations: IDL.Nat32
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
	ownerName: IDL.Opt(IDL.Text),
	slots: IDL.Vec(
		IDL.Record({
			label: IDL.Text,
			guardian: IDL.Opt(IDL.Principal),
			inviteExpiresAt: IDL.Opt(IDL.Nat64)
		})
	),
	shares: IDL.Vec(IDL.Record({ guardian: IDL.Principal, lastCheckInAt: IDL.Nat64 })),
	health: VaultHealth,
	/** Live requests (open, or released and inside their release window). */
	requests: IDL.Vec(RequestView)
});
export const GuardianRequestView = IDL.Record({
	request: RequestView,
	/** Own vote: "approved", "declined", or none. */
	myVote: IDL.Opt(IDL.Text),
	/** This guardian opened the request. */
	sponsored: IDL.Bool
});
export const GuardianVaultView = IDL.Record({
	vaultId: IDL.Nat64,
	anchor: IDL.Nat64,
	/** The owner's name as the owner gave it at create_vault. */
	ownerName: IDL.Opt(IDL.Text),
	label: IDL.Opt(IDL.Text),
	delayNs: IDL.Nat64,
	threshold: IDL.Nat32,
	sealed: IDL.Bool,
	share: IDL.Opt(IDL.Record({ shareIndex: IDL.Nat32, ciphertext: Blob, checkInNonce: IDL.Nat64 })),
	/** Live requests of this vault. */
	requests: IDL.Vec(GuardianRequestView)
});
/** What anyone may learn about an anchor: only what the recovery and create pages need. */
export const AnchorStatus = IDL.Record({
	vaultId: IDL.Opt(IDL.Nat64),
	sealed: IDL.Bool,
	/** Nonce the next create_vault for this anchor must carry. */
	createNonce: IDL.Nat64
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
export const OpenRecoveryResult = IDL.Record({
	requestId: IDL.Nat64,
	releasableAt: IDL.Nat64,
	expiresAt: IDL.Nat64
});
export const ReleaseResult = IDL.Record({
	/** Every approval's ciphertext (share re-encrypted to the release identity), by slot. */
	approvals: IDL.Vec(IDL.Record({ slot: IDL.Nat32, ciphertext: Blob })),
	/** The seal's per-share commitments, indexed by slot. */
	shareCommitments: IDL.Vec(Blob),
	/** The seal's entropy commitment: the requester checks the combined shares against it. */
	entropyCommitment: Blob,
	/** The release vetKey for releaseIdentity(request id, requester), encrypted to transportKey. */
	releaseKey: Blob
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
	/** The owner (P_O) puts a vault that names it into its owner index. */
	confirm_vault: { args: [IDL.Nat64], result: UnitResult },
	open_recovery: { args: [OpenRecoveryArgs], result: result(OpenRecoveryResult) },
	approve_recovery: { args: [ApproveArgs], result: UnitResult },
	decline_recovery: { args: [IDL.Nat64], result: UnitResult },
	raise_alarm: { args: [IDL.Nat64], result: UnitResult },
	cancel_recovery: { args: [CancelRecoveryArgs], result: UnitResult },
	/** Everything the requester needs, in one call, repeatable inside the release window. */
	release_recovery: { args: [ReleaseRecoveryArgs], result: result(ReleaseResult) },
	/** Certified (update) read of one request: its guardians, its requester, its owner. */
	recovery_request: { args: [IDL.Nat64], result: result(RequestView) },
	/** Certified (update) read of the caller's requests as requester. */
	requests_for_requester: { args: [], result: result(IDL.Vec(RequestView)) },
	/** The caller's own guardian vetKey, encrypted to the transport key. */
	shares_key: { args: [Blob], result: BlobResult },
	vetkd_public_keys: { args: [], result: result(VetKdPublicKeys) },
	anchor_status: { args: [IDL.Nat64], result: result(AnchorStatus), query: true },
	invitation: { args: [AcceptInviteArgs], result: result(InvitationView), query: true },
	owner_vaults: { args: [], result: result(IDL.Vec(OwnerVaultView)), query: true },
	guardian_vaults: { args: [], result: result(IDL.Vec(GuardianVaultView)), query: true },
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
