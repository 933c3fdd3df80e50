// Vault lifecycle: create, invitations, seal, phrase-identity changes, resign, check-in.
import type { Principal } from '@dfinity/principal';
import type { OperationContext } from './context';
import { fail, invalid } from './errors';
import { constantTimeEqual as bytesEqual, inviteHash, LIMITS } from '@tessera/contract';
import type { Slot, VaultRecord } from './records';
import { isLive, liveRequests, vaultRequests } from './recovery-state';
import { ed25519Principal, principalKey, samePrincipal } from './principals';
import { sha256 } from './sha2';
import { guardianSet } from './repository';
import type { InviteSpec, ShareSubmission, SlotSpec } from '@tessera/contract/vault';
import { requireNonce, requirePhraseIdentity } from './phrase-auth';
import * as validate from './validate';

export interface CreateVaultArgs {
	anchor: bigint;
	/** Raw 32-byte Ed25519 phrase key; the caller must be its self-authenticating principal. */
	phraseKey: Uint8Array;
	/** The owner's own principal (e.g. its II principal): sees the vault, raises alarms. */
	owner: Principal;
	/** Omitted: LIMITS.defaultDelayNs (72 h). */
	delayNs?: bigint;
	invites: InviteSpec[];
	/** The anchor's create nonce (anchor_status.createNonce). */
	nonce: bigint;
	/** How guardians see who asks (label rules); omitted: none. */
	ownerName?: string;
	/**
	 * Recovery-phrase public keys II reports for the anchor (raw 32-byte Ed25519), fetched by the
	 * adapter with get_anchor_credentials. Without this check anyone could squat an anchor with a
	 * key of their own.
	 */
	anchorPhraseKeys: Uint8Array[];
}

/**
 * Everything create_vault checks that does not need II: the adapter runs it BEFORE its call to
 * II, so an unauthorized or malformed call costs no outgoing call.
 */
export function checkCreateVault(
	ctx: OperationContext,
	args: Omit<CreateVaultArgs, 'anchorPhraseKeys'>
) {
	const { caller, repo } = ctx;
	validate.requireAuthenticated(caller);
	const anchor = validate.u64('anchor', args.anchor);
	const phraseKey = validate.fixedBytes('phraseKey', args.phraseKey, LIMITS.ed25519PublicKeyBytes);
	const phrasePrincipal = ed25519Principal(phraseKey);
	if (!samePrincipal(caller, phrasePrincipal)) {
		fail({ kind: 'Unauthorized', reason: 'create_vault is sent by the phrase identity' });
	}
	const owner = validate.owner(args.owner, phrasePrincipal);
	const delayNs = validate.delay(args.delayNs ?? LIMITS.defaultDelayNs);
	validate.slotCount(args.invites.length);
	const invites = args.invites.map((spec) => validate.invite(spec));
	requireDistinctInvites(invites);
	const ownerName = args.ownerName === undefined ? '' : validate.label(args.ownerName, 'ownerName');
	const anchorRecord = repo.anchor(anchor) ?? { vaultId: 0n, createNonce: 0n };
	if (anchorRecord.vaultId !== 0n) fail({ kind: 'AnchorHasVault' });
	requireNonce(args.nonce, anchorRecord.createNonce);
	return { anchor, phraseKey, phrasePrincipal, owner, delayNs, invites, ownerName, anchorRecord };
}

/**
 * The vault is bound to the phrase key and names its owner, but enters the owner's index only
 * when the owner confirms it from P_O (confirm_vault): anyone can name anyone as owner.
 */
export function createVault(ctx: OperationContext, args: CreateVaultArgs): { vaultId: bigint } {
	const { now, repo } = ctx;
	const { anchor, phraseKey, phrasePrincipal, owner, delayNs, invites, ownerName, anchorRecord } =
		checkCreateVault(ctx, args);
	if (args.anchorPhraseKeys.length > LIMITS.maxAnchorDevices) {
		invalid('anchorPhraseKeys', 'more keys than an anchor has devices');
	}
	if (!args.anchorPhraseKeys.some((key) => bytesEqual(key, phraseKey))) {
		fail({ kind: 'PhraseKeyNotOnAnchor' });
	}
	const vault: VaultRecord = {
		id: repo.nextId('nextVaultId'),
		anchor,
		owner,
		phrasePrincipal,
		createdAt: now,
		nonce: 0n,
		delayNs,
		slots: invites.map((spec) => invitedSlot(spec, now)),
		seal: undefined,
		ownerName,
		confirmed: false,
		requestIds: []
	};
	repo.putVault(vault);
	repo.putAnchor(anchor, { vaultId: vault.id, createNonce: anchorRecord.createNonce + 1n });
	repo.audit(vault.id, { kind: 'vault-created', at: now, index: 255, ref: 0n });
	return { vaultId: vault.id };
}

/** The owner (P_O) puts the vault into its index; idempotent. Only confirmed vaults count. */
export function confirmVault(ctx: OperationContext, args: { vaultId: bigint }): void {
	const { caller, repo } = ctx;
	validate.requireAuthenticated(caller);
	const vault = repo.requireVault(validate.u64('vaultId', args.vaultId));
	if (!samePrincipal(caller, vault.owner)) {
		fail({ kind: 'Unauthorized', reason: 'only the owner named at create confirms' });
	}
	if (vault.confirmed) return;
	repo.addOwned(vault.owner, vault.id);
	repo.putVault({ ...vault, confirmed: true });
}

export function updateGuardians(
	ctx: OperationContext,
	args: { vaultId: bigint; nonce: bigint; slots: SlotSpec[] }
): void {
	const before = ctx.repo.requireVault(args.vaultId);
	requirePhraseIdentity(ctx.caller, before, args.nonce);
	const specs = validate.slotSpecs(args.slots, before.slots.length);
	requireDistinctInvites(specs.flatMap((spec) => ('invite' in spec ? [spec.invite] : [])));
	const slots = specs.map((spec): Slot => {
		if ('invite' in spec) return invitedSlot(spec.invite, ctx.now);
		return before.slots[spec.keep] ?? invalid('slots', 'keep index out of range');
	});
	requireDistinctInvites(slots);
	const after = { ...before, slots, nonce: before.nonce + 1n };
	save(ctx, before, after, 'guardians-updated');
}

/** The invitation secret travels in the link's fragment; only sha256(secret) is stored. */
export { inviteHash };
/** inviteHash with the canister's SHA-256 (domain/sha2.ts, equal to @noble/hashes). */
export const storedInviteHash = (secret: Uint8Array): Uint8Array => sha256(secret);

export function acceptInvite(
	ctx: OperationContext,
	args: { vaultId: bigint; secret: Uint8Array }
): { slot: number } {
	const { caller, now } = ctx;
	validate.requireAuthenticated(caller);
	const secret = validate.secret(args.secret);
	const before = ctx.repo.requireVault(args.vaultId);
	if (samePrincipal(caller, before.owner)) fail({ kind: 'OwnerCannotGuard' });
	if (guardianSet(before).has(principalKey(caller))) fail({ kind: 'AlreadyGuardian' });
	const hash = storedInviteHash(secret);
	const index = before.slots.findIndex((slot) => bytesEqual(slot.inviteHash, hash));
	const slot = before.slots[index];
	if (slot === undefined) fail({ kind: 'InviteNotFound' });
	if (slot.state === 'accepted') fail({ kind: 'InviteUsed' });
	if (now >= slot.inviteExpiresAt) fail({ kind: 'InviteExpired' });
	const slots = before.slots.map((existing, i): Slot =>
		i === index
			? {
					state: 'accepted',
					label: slot.label,
					inviteHash: hash,
					guardian: caller,
					acceptedAt: now
				}
			: existing
	);
	save(ctx, before, { ...before, slots }, 'invite-accepted', index);
	return { slot: index };
}

export function seal(
	ctx: OperationContext,
	args: {
		vaultId: bigint;
		nonce: bigint;
		threshold: number;
		commitment: Uint8Array;
		shares: ShareSubmission[];
		shareCommitments: Uint8Array[];
	}
): void {
	const before = ctx.repo.requireVault(args.vaultId);
	requirePhraseIdentity(ctx.caller, before, args.nonce);
	const guardians = before.slots.map((slot) =>
		slot.state === 'accepted' ? slot.guardian : fail({ kind: 'NotAllAccepted' })
	);
	const threshold = validate.threshold(args.threshold, before.slots.length);
	const commitment = validate.fixedBytes('commitment', args.commitment, LIMITS.hashBytes);
	const shares = validate.shares(args.shares, before.slots.length);
	const shareCommitments = validate.shareCommitments(args.shareCommitments, shares.length);
	const sealed = {
		threshold,
		commitment,
		sealedAt: ctx.now,
		shares: shares.map((share, i) => ({
			guardian: guardians[i] ?? invalid('shares', 'one share per slot'),
			ciphertext: share.ciphertext,
			checkPrincipal: share.checkPrincipal,
			checkInNonce: 0n,
			lastCheckInAt: 0n,
			commitment: shareCommitments[i] ?? invalid('shareCommitments', 'one per share')
		}))
	};
	// Approvals were made from the old shares: a new seal ends every request (only the phrase
	// holder can reseal, and it could cancel them anyway). Removing them keeps a vault's requests
	// bounded by the share holders of its current seal.
	removeRequests(ctx, before);
	const after = { ...before, seal: sealed, nonce: before.nonce + 1n, requestIds: [] };
	save(ctx, before, after, 'sealed');
}

export function setDelay(
	ctx: OperationContext,
	args: { vaultId: bigint; nonce: bigint; delayNs: bigint }
): void {
	const before = ctx.repo.requireVault(args.vaultId);
	requirePhraseIdentity(ctx.caller, before, args.nonce);
	const delayNs = validate.delay(args.delayNs);
	const after = { ...before, delayNs, nonce: before.nonce + 1n };
	save(ctx, before, after, 'delay-changed', 255, delayNs);
}

export function deleteVault(ctx: OperationContext, args: { vaultId: bigint; nonce: bigint }): void {
	const { repo } = ctx;
	const vault = repo.requireVault(args.vaultId);
	requirePhraseIdentity(ctx.caller, vault, args.nonce);
	for (const request of vaultRequests(repo, vault)) repo.removeRequest(request);
	repo.syncGuardians(vault, undefined);
	repo.removeOwned(vault.owner, vault.id);
	const anchor = repo.anchor(vault.anchor) ?? fail({ kind: 'NotFound', entity: 'anchor' });
	repo.putAnchor(vault.anchor, { ...anchor, vaultId: 0n });
	repo.removeVault(vault.id);
}

export function resign(ctx: OperationContext, args: { vaultId: bigint }): void {
	const { caller } = ctx;
	validate.requireAuthenticated(caller);
	const before = ctx.repo.requireVault(args.vaultId);
	if (!guardianSet(before).has(principalKey(caller))) {
		fail({ kind: 'Unauthorized', reason: 'not a guardian of this vault' });
	}
	requireNoLiveRequest(ctx, before);
	const isCaller = (who: Principal) => samePrincipal(who, caller);
	const slotIndex = before.slots.findIndex((s) => s.state === 'accepted' && isCaller(s.guardian));
	const slots = before.slots.filter((_, i) => i !== slotIndex);
	const sealed = before.seal && {
		...before.seal,
		shares: before.seal.shares.filter((share) => !isCaller(share.guardian))
	};
	const index = slotIndex < 0 ? 255 : slotIndex;
	save(ctx, before, { ...before, slots, seal: sealed }, 'guardian-resigned', index);
}

/**
 * Check-in proves a guardian can still decrypt its share without revealing anything. At seal the
 * owner derives, per share, an Ed25519 check identity from the share envelope's plaintext
 * (src/lib/crypto/check-key.ts) and sends only its public key; the canister keeps its principal.
 * To check in, the guardian decrypts its envelope, re-derives the identity and sends this call
 * as it: the IC verifies the request signature, the canister finds the share whose check
 * principal is the caller and checks the share's counter (no replay).
 */
export function checkIn(ctx: OperationContext, args: { vaultId: bigint; nonce: bigint }): void {
	const { caller } = ctx;
	const before = ctx.repo.requireVault(args.vaultId);
	const shares = before.seal?.shares ?? [];
	const shareIndex = shares.findIndex((share) => samePrincipal(share.checkPrincipal, caller));
	const share = shares[shareIndex];
	if (!before.seal || share === undefined) {
		fail({ kind: 'Unauthorized', reason: "not a share's check identity" });
	}
	requireNonce(args.nonce, share.checkInNonce);
	const next = share.lastCheckInAt + LIMITS.checkInIntervalNs;
	if (share.lastCheckInAt !== 0n && ctx.now < next) fail({ kind: 'RateLimited', until: next });
	const updated = { ...share, checkInNonce: share.checkInNonce + 1n, lastCheckInAt: ctx.now };
	const sealed = { ...before.seal, shares: shares.map((s, i) => (i === shareIndex ? updated : s)) };
	save(ctx, before, { ...before, seal: sealed }, 'checked-in', shareIndex);
}

function invitedSlot(spec: InviteSpec, now: bigint): Slot {
	return {
		state: 'invited',
		label: spec.label,
		inviteHash: spec.inviteHash,
		inviteExpiresAt: now + LIMITS.inviteValidityNs
	};
}

function requireDistinctInvites(invites: { inviteHash: Uint8Array }[]): void {
	const seen = new Set(invites.map((spec) => spec.inviteHash.join(',')));
	if (seen.size !== invites.length) invalid('invites', 'invite hashes must be distinct');
}

/** Resign would renumber the seal's shares under live approvals: it waits for them. */
function requireNoLiveRequest(ctx: OperationContext, vault: VaultRecord): void {
	const live = liveRequests(ctx.repo, vault, ctx.now);
	if (live.length > 0) fail({ kind: 'InvalidState', reason: 'a recovery request is live' });
}

function removeRequests(ctx: OperationContext, vault: VaultRecord): void {
	for (const request of vaultRequests(ctx.repo, vault)) {
		if (isLive(request, ctx.now)) {
			const event = {
				kind: 'recovery-cancelled',
				at: ctx.now,
				index: 255,
				ref: request.id
			} as const;
			ctx.repo.audit(vault.id, event);
		}
		ctx.repo.removeRequest(request);
	}
}

function save(
	ctx: OperationContext,
	before: VaultRecord,
	after: VaultRecord,
	kind: Parameters<OperationContext['repo']['audit']>[1]['kind'],
	index = 255,
	ref = 0n
): void {
	ctx.repo.putVault(after);
	ctx.repo.syncGuardians(before, after);
	ctx.repo.audit(after.id, { kind, at: ctx.now, index, ref });
}
