// Vault lifecycle: create, invitations, seal, phrase-signed changes, resign, check-in.
import { sha256 } from '@noble/hashes/sha2';
import type { OperationContext } from './context';
import { fail, invalid } from './errors';
import { LIMITS } from './limits';
import type { Slot, VaultRecord } from './records';
import { activeRequest } from './recovery-state';
import { guardianSet } from './repository';
import {
	bytesEqual,
	checkCheckIn,
	checkSignedOperation,
	type InviteSpec,
	type OperationPayload,
	type ShareSubmission,
	type SignedOperation,
	type SlotSpec
} from './signed-operation';
import * as validate from './validate';

export interface CreateVaultArgs {
	anchor: bigint;
	phraseKey: Uint8Array;
	/** Omitted: LIMITS.defaultDelayNs (72 h). */
	delayNs?: bigint;
	invites: InviteSpec[];
	proof: SignedOperation;
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
	// Proof of possession: the key the vault is bound to signs its own creation.
	const payload: OperationPayload = {
		purpose: 'create_vault',
		anchor,
		owner: caller,
		delayNs,
		invites
	};
	checkSignedOperation(
		args.proof,
		{ vaultId: 0n, nonce: anchorRecord.createNonce, publicKey: phraseKey, payload },
		now,
		ctx.seams
	);
	const vault: VaultRecord = {
		id: repo.nextId('nextVaultId'),
		anchor,
		owner: caller,
		phraseKey,
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
	repo.addOwned(caller, vault.id);
	repo.audit(vault.id, { kind: 'vault-created', at: now, index: 255, ref: 0n });
	return { vaultId: vault.id };
}

export function updateGuardians(
	ctx: OperationContext,
	args: { vaultId: bigint; slots: SlotSpec[]; op: SignedOperation }
): void {
	const before = ctx.repo.requireVault(args.vaultId);
	requireNoActiveRequest(ctx, before);
	const specs = validate.slotSpecs(args.slots, before.slots.length);
	requireDistinctInvites(specs.flatMap((spec) => ('invite' in spec ? [spec.invite] : [])));
	phraseSigned(ctx, before, args.op, { purpose: 'set_guardians', slots: specs });
	const slots = specs.map((spec): Slot => {
		if ('invite' in spec) return invitedSlot(spec.invite, ctx.now);
		return before.slots[spec.keep] ?? invalid('slots', 'keep index out of range');
	});
	requireDistinctInvites(slots);
	const after = { ...before, slots, nonce: before.nonce + 1n };
	save(ctx, before, after, 'guardians-updated');
}

/** The invitation secret travels in the link's fragment; only sha256(secret) is stored. */
export function inviteHash(secret: Uint8Array): Uint8Array {
	return sha256(secret);
}

export function acceptInvite(
	ctx: OperationContext,
	args: { vaultId: bigint; secret: Uint8Array }
): { slot: number } {
	const { caller, now } = ctx;
	validate.requireAuthenticated(caller);
	const secret = validate.secret(args.secret);
	const before = ctx.repo.requireVault(args.vaultId);
	if (caller.compareTo(before.owner) === 'eq') fail({ kind: 'OwnerCannotGuard' });
	if (guardianSet(before).has(caller.toText())) fail({ kind: 'AlreadyGuardian' });
	const hash = inviteHash(secret);
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
		threshold: number;
		commitment: Uint8Array;
		shares: ShareSubmission[];
		op: SignedOperation;
	}
): void {
	const before = ctx.repo.requireVault(args.vaultId);
	requireNoActiveRequest(ctx, before);
	const guardians = before.slots.map((slot) =>
		slot.state === 'accepted' ? slot.guardian : fail({ kind: 'NotAllAccepted' })
	);
	const threshold = validate.threshold(args.threshold, before.slots.length);
	const commitment = validate.fixedBytes('commitment', args.commitment, LIMITS.hashBytes);
	const shares = validate.shares(args.shares, before.slots.length);
	phraseSigned(ctx, before, args.op, {
		purpose: 'seal_shares',
		threshold,
		commitment,
		guardians,
		shares
	});
	const sealed = {
		threshold,
		commitment,
		sealedAt: ctx.now,
		shares: shares.map((share, i) => ({
			guardian: guardians[i] ?? invalid('shares', 'one share per slot'),
			ciphertext: share.ciphertext,
			checkKey: share.checkKey,
			checkInNonce: 0n,
			lastCheckInAt: 0n
		}))
	};
	save(ctx, before, { ...before, seal: sealed, nonce: before.nonce + 1n }, 'sealed');
}

export function setDelay(
	ctx: OperationContext,
	args: { vaultId: bigint; delayNs: bigint; op: SignedOperation }
): void {
	const before = ctx.repo.requireVault(args.vaultId);
	const delayNs = validate.delay(args.delayNs);
	phraseSigned(ctx, before, args.op, { purpose: 'set_policy', delayNs });
	const after = { ...before, delayNs, nonce: before.nonce + 1n };
	save(ctx, before, after, 'delay-changed', 255, delayNs);
}

export function deleteVault(
	ctx: OperationContext,
	args: { vaultId: bigint; op: SignedOperation }
): void {
	const { repo } = ctx;
	const vault = repo.requireVault(args.vaultId);
	phraseSigned(ctx, vault, args.op, { purpose: 'delete_vault' });
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
	if (!guardianSet(before).has(caller.toText())) {
		fail({ kind: 'Unauthorized', reason: 'not a guardian of this vault' });
	}
	requireNoActiveRequest(ctx, before);
	const isCaller = (who: { toText(): string }) => who.toText() === caller.toText();
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
 * Check-in proves a guardian can still decrypt its share without revealing anything. At seal
 * the owner derives, per share, an Ed25519 key pair from the share envelope's plaintext
 * (seed = sha256(tag || envelope), tag defined in src/lib/crypto/protocol.ts) and stores only
 * the public "check key". To check in, the guardian fetches its vetKey, decrypts its envelope,
 * re-derives the key and signs a check-in message (signed-operation.ts) over the canister, the
 * vault, its share index and principal, the share's check-in counter (the canister's fresh
 * challenge) and an expiry at most 10 minutes ahead. The canister learns a signature and a
 * public key, both independent of the share; no replay (counter), no pre-signing beyond 10
 * minutes (expiry cap).
 */
export function checkIn(
	ctx: OperationContext,
	args: { vaultId: bigint; expiresAt: bigint; signature: Uint8Array }
): void {
	const { caller } = ctx;
	validate.requireAuthenticated(caller);
	const expiryNs = validate.u64('expiresAt', args.expiresAt);
	const before = ctx.repo.requireVault(args.vaultId);
	const shares = before.seal?.shares ?? [];
	const shareIndex = shares.findIndex((share) => share.guardian.toText() === caller.toText());
	const share = shares[shareIndex];
	if (!before.seal || share === undefined) {
		fail({ kind: 'Unauthorized', reason: 'no sealed share for this caller' });
	}
	const message = {
		canisterId: ctx.seams.canisterId,
		vaultId: before.id,
		shareIndex,
		guardian: caller,
		nonce: share.checkInNonce,
		expiryNs
	};
	checkCheckIn(message, args.signature, share.checkKey, ctx.now);
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

function phraseSigned(
	ctx: OperationContext,
	vault: VaultRecord,
	op: SignedOperation,
	payload: OperationPayload
): void {
	checkSignedOperation(
		op,
		{ vaultId: vault.id, nonce: vault.nonce, publicKey: vault.phraseKey, payload },
		ctx.now,
		ctx.seams
	);
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
