// The guardian's flows: accept an invitation, list the vaults I guard, approve or decline a
// recovery request. Pure flow logic over the GuardianCalls port; secrets (my decrypted share)
// exist only inside approveRequest and are wiped by the crypto layer.
import type { Principal } from '@dfinity/principal';
import { verificationCode, type VerificationCode } from '$lib/crypto/verification-code';
import type { SignIdentity } from '@dfinity/agent';
import { GuardianKeyRequest, type GuardianKey } from '$lib/crypto/vetkeys';
import type { SharesKey } from '$lib/crypto/vetkd-keys';
import { errorMessage, FlowError } from './errors';
import type {
	GuardianRequestView,
	GuardianVaultView,
	GuardianCalls,
	InvitationView,
	Progress,
	RequestView
} from './guardian-calls';
import type { InviteLink } from './invite-link';
import { trustedKeys, type TrustedKeys, type VetKdTrust } from './vetkd-trust';

/** What each canister refusal means when accepting an invitation. */
export const INVITE_ERRORS: Record<string, string> = {
	InviteNotFound:
		'This invitation is not valid: it was not found. The owner may have replaced it — ask them for a new link.',
	InviteExpired: 'This invitation has expired. Ask the owner to send you a new one.',
	InviteUsed:
		'This invitation link was already used: each link works once. If it was not you who accepted it, tell the owner.',
	OwnerCannotGuard:
		'You are signed in as the owner of this vault. A guardian must be someone else: send the link to the person you chose.',
	AlreadyGuardian: 'You already guard this vault.',
	NotFound: 'This vault does not exist (any more). Ask the owner for a new invitation.',
	AnonymousCaller: 'Please sign in first.'
};

export function describeInvitation(
	calls: GuardianCalls,
	link: InviteLink
): Promise<InvitationView> {
	return calls.invitation(link);
}

/** Accepts; resolves to the slot the guardian now holds. */
export function acceptInvitation(calls: GuardianCalls, link: InviteLink): Promise<number> {
	return calls.acceptInvite(link);
}

export function inviteErrorMessage(error: unknown): string {
	return errorMessage(error, INVITE_ERRORS);
}

export interface PendingRequest {
	readonly request: GuardianRequestView;
	/** The code of the request's link (anchor, requester): the guardian types it, never sees it. */
	readonly code: VerificationCode;
	readonly myVote: 'approved' | 'declined' | undefined;
	/** "This isn't me" from P_O: information (it added one waiting period), never a stop. */
	readonly alarmRaised: boolean;
	/** This guardian opened it (from the owner's link). */
	readonly sponsored: boolean;
}

export interface GuardedVaultView {
	readonly vault: GuardianVaultView;
	readonly sealed: boolean;
	/** Its live requests (several guardians may each have opened one). */
	readonly requests: readonly PendingRequest[];
}

function pendingOf(vault: GuardianVaultView, request: GuardianRequestView): PendingRequest {
	return {
		request,
		code: verificationCode(vault.anchor, request.requester),
		myVote: request.myVote,
		alarmRaised: request.alarmRaisedAt !== undefined,
		sponsored: request.sponsored
	};
}

/** The vaults I guard, each with its live requests and their codes. */
export async function loadGuardedVaults(calls: GuardianCalls): Promise<GuardedVaultView[]> {
	const vaults = await calls.guardianVaults();
	return vaults.map((vault) => ({
		vault,
		sealed: vault.sealed && vault.share !== undefined,
		requests: vault.requests.map((request) => pendingOf(vault, request))
	}));
}

/** What each canister refusal means when opening a request from a recovery link. */
export const OPEN_ERRORS: Record<string, string> = {
	AlreadyOpen:
		'You already opened a request for this identity. It is listed under “Vaults I guard”; cancel it there first if this link replaces it.',
	InvalidState: 'This vault is not sealed yet, so there is nothing to recover.',
	Unauthorized: 'You do not hold a share of this vault, so you cannot open a request for it.'
};

/**
 * Opens a request for the link's requester, only once the typed words are the link's code and I
 * hold a share of a sealed vault for the link's anchor.
 */
export async function openFromLink(
	calls: GuardianCalls,
	vault: GuardedVaultView | undefined,
	link: { anchor: bigint; requester: Principal },
	codeMatched: boolean
): Promise<{ requestId: bigint; releasableAt: bigint }> {
	if (!vault || vault.vault.anchor !== link.anchor) {
		throw new FlowError(
			'not-guardian',
			`You do not guard identity ${link.anchor}. Only its guardians can open a recovery for it.`
		);
	}
	if (!vault.sealed) throw new FlowError('no-share', OPEN_ERRORS['InvalidState'] ?? '');
	if (!codeMatched) {
		throw new FlowError('code-mismatch', 'Type the 4 words the owner reads to you first.');
	}
	return calls.openRecovery({ vaultId: vault.vault.vaultId, requester: link.requester });
}

export function openErrorMessage(error: unknown): string {
	return errorMessage(error, OPEN_ERRORS);
}

/** My one vetKey (input = my principal), verified before use. */
async function fetchGuardianKey(
	calls: GuardianCalls,
	sharesKey: SharesKey,
	me: Principal
): Promise<GuardianKey> {
	const keyRequest = new GuardianKeyRequest(sharesKey, me);
	const guardianKey = keyRequest.receive(await calls.sharesKey(keyRequest.transportPublicKey));
	if (!guardianKey.ok) {
		throw new FlowError(
			'vetkey-failed',
			'Your guardian key could not be verified. Nothing was sent: try again later.'
		);
	}
	return guardianKey.value;
}

function requireShare(vault: GuardianVaultView): NonNullable<GuardianVaultView['share']> {
	if (!vault.share) {
		throw new FlowError(
			'no-share',
			'You hold no share of this vault yet: the owner has not sealed it.'
		);
	}
	return vault.share;
}

/** The first two steps of approve and check-in: the trusted keys, then my one vetKey. */
async function openingSteps(
	calls: GuardianCalls,
	trust: VetKdTrust,
	me: Principal,
	steps: readonly [string, string, ...string[]],
	progress: Progress
): Promise<{ keys: TrustedKeys; guardianKey: GuardianKey }> {
	progress(steps[0], 0, steps.length);
	const keys = await trustedKeys(calls, trust);
	progress(steps[1], 1, steps.length);
	return { keys, guardianKey: await fetchGuardianKey(calls, keys.shares, me) };
}

const shareUnreadable = () =>
	new FlowError(
		'share-unreadable',
		'Your share could not be opened with your key. Nothing was sent. Tell the owner: they may need to seal the vault again.'
	);

export const APPROVE_STEPS = [
	'Checking the service’s encryption keys',
	'Getting your guardian key',
	'Re-encrypting your share for this request only',
	'Sending your approval'
] as const;

/**
 * Approve: one vetKey (input = my principal) decrypts my share, which is re-encrypted to the
 * request's release identity (request id || requester) and sent with the approval.
 */
export async function approveRequest(
	calls: GuardianCalls,
	trust: VetKdTrust,
	me: Principal,
	vault: GuardianVaultView,
	/** The request as listed, whose requester the typed code was checked against. */
	listed: Pick<RequestView, 'requestId' | 'requester'>,
	progress: Progress = () => {}
): Promise<void> {
	// The requester I re-encrypt to comes from a certified read, and must be the one whose code
	// the guardian typed: a replica that lied in the listing cannot redirect the share.
	const request = await calls.recoveryRequest(listed.requestId);
	if (request.status !== 'open' && request.status !== 'released') {
		throw new FlowError(
			'not-pending',
			'This request is no longer open: there is nothing to approve.'
		);
	}
	if (
		request.requester.toText() !== listed.requester.toText() ||
		request.vaultId !== vault.vaultId
	) {
		throw new FlowError(
			'code-mismatch',
			'This request is not the one whose code you typed. Nothing was sent: reload the page and check the code again.'
		);
	}
	const share = requireShare(vault);
	const total = APPROVE_STEPS.length;
	const { keys, guardianKey } = await openingSteps(calls, trust, me, APPROVE_STEPS, progress);
	progress(APPROVE_STEPS[2], 2, total);
	const released = guardianKey.reencryptForRelease(share.ciphertext, vault.vaultId, {
		releaseKey: keys.release,
		requestId: request.requestId,
		requester: request.requester
	});
	if (!released.ok) throw shareUnreadable();
	progress(APPROVE_STEPS[3], 3, total);
	await calls.approveRecovery({ requestId: request.requestId, ciphertext: released.value });
	progress('Approved', total, total);
}

export const CHECK_IN_STEPS = [
	'Checking the service’s encryption keys',
	'Getting your guardian key',
	'Opening your share',
	'Checking in'
] as const;

/** The check-in call, as sent by the share's check identity. */
export type ConnectAs = (
	identity: SignIdentity
) => Promise<{ checkIn(args: { vaultId: bigint; nonce: bigint }): Promise<unknown> }>;

/**
 * Check-in: proves I can still open my share, without revealing it. One vetKey opens the share;
 * its check identity (derived from the share) calls check_in.
 */
export async function checkIn(
	calls: GuardianCalls,
	trust: VetKdTrust,
	me: Principal,
	canisterId: Principal,
	vault: GuardianVaultView,
	connectAs: ConnectAs,
	progress: Progress = () => {}
): Promise<void> {
	const share = requireShare(vault);
	const total = CHECK_IN_STEPS.length;
	const { guardianKey } = await openingSteps(calls, trust, me, CHECK_IN_STEPS, progress);
	progress(CHECK_IN_STEPS[2], 2, total);
	const identity = guardianKey.checkIdentity(share.ciphertext, vault.vaultId, canisterId);
	if (!identity.ok) throw shareUnreadable();
	progress(CHECK_IN_STEPS[3], 3, total);
	await (
		await connectAs(identity.value)
	).checkIn({ vaultId: vault.vaultId, nonce: share.checkInNonce });
	progress('Checked in', total, total);
}

export async function declineRequest(
	calls: GuardianCalls,
	request: Pick<RequestView, 'requestId'>
): Promise<void> {
	await calls.declineRecovery(request.requestId);
}
