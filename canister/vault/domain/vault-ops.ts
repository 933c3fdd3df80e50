// Vault lifecycle: create, invitations, seal, phrase-identity changes, resign, check-in.
import type { Principal } from '@dfinity/principal';
import type { OperationContext } from './context';
import { fail, invalid } from './errors';
import { constantTimeEqual as bytesEqual, inviteHash, LIMITS } from '@tessera/contract';
import type { Slot, VaultRecord } from './records';
import { activeRequest } from './recovery-state';
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
	/**
	 * Recovery-phrase public keys II reports for the anchor (raw 32-byte Ed25519), fetched by the
	 * adapter with get_anchor_credentials. Without this check anyone could squat an anchor with a
	 * key of their own.
	 */
	anchorPhraseKeys: Uint8Array[];
}

export function createVault(ctx: OperationContext, args: CreateVaultArgs): { vaultId: bigint } {
	const { caller, now, repo } = ctx;
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
	const invites = args.invites.map(validate.invite);
	requireDistinctInvites(invites);
	const anchorRecord = repo.anchor(anchor) ?? { vaultId: 0n, createNonce: 0n };
	if (anchorRecord.vaultId !== 0n) fail({ kind: 'AnchorHasVault' });
	if (args.anchorPhraseKeys.length > LIMITS.maxAnchorDevices) {
		invalid('anchorPhraseKeys', 'more keys than an anchor has devices');
	}
	if (!args.anchorPhraseKeys.some((key) => bytesEqual(key, phraseKey))) {
		fail({ kind: 'PhraseKeyNotOnAnchor' });
	}
	requireNonce(args.nonce, anchorRecord.createNonce);
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
		lastRequestId: 0n,
		cooldownUntil: 0n,
		openWindowStart: 0n,
		opensInWindow: 0
	};
	repo.putVault(vault);
	repo.putAnchor(anchor, { vaultId: vault.id, createNonce: anchorRecord.createNonce + 1n });
	repo.addOwned(owner, vault.id);
	repo.audit(vault.id, { kind: 'vault-created', at: now, index: 255, ref: 0n });
	return { vaultId: vault.id };
}

export function updateGuardians(
	ctx: OperationContext,
	args: { vaultId: bigint; nonce: bigint; slots: SlotSpec[] }
): void {
	const before = ctx.repo.requireVault(args.vaultId);
	requirePhraseIdentity(ctx.caller, before, args.nonce);
	requireNoActiveRequest(ctx, before);
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
	}
): void {
	const before = ctx.repo.requireVault(args.vaultId);
	requirePhraseIdentity(ctx.caller, before, args.nonce);
	requireNoActiveRequest(ctx, before);
	const guardians = before.slots.map((slot) =>
		slot.state === 'accepted' ? slot.guardian : fail({ kind: 'NotAllAccepted' })
	);
	const threshold = validate.threshold(args.threshold, before.slots.length);
	const commitment = validate.fixedBytes('commitment', args.commitment, LIMITS.hashBytes);
	const shares = validate.shares(args.shares, before.slots.length);
	const sealed = {
		threshold,
		commitment,
		sealedAt: ctx.now,
		shares: shares.map((share, i) => ({
			guardian: guardians[i] ?? invalid('shares', 'one share per slot'),
			ciphertext: share.ciphertext,
			checkPrincipal: share.checkPrincipal,
			checkInNonce: 0n,
			lastCheckInAt: 0n
		}))
	};
	save(ctx, before, { ...before, seal: sealed, nonce: before.nonce + 1n }, 'sealed');
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
	if (vault.lastRequestId !== 0n) repo.removeRequest(vault.lastRequestId);
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
	requireNoActiveRequest(ctx, before);
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

function requireNoActiveRequest(ctx: OperationContext, vault: VaultRecord): void {
	const active = activeRequest(ctx.repo, vault, ctx.now);
	if (active) fail({ kind: 'RecoveryActive', requestId: active.id });
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
