// Read-only views for each role. Each checks who is asking; nothing here writes.
import type { Principal } from '@dfinity/principal';
import type { OperationContext } from './context';
import { fail } from './errors';
import { constantTimeEqual as bytesEqual, LIMITS } from '@tessera/contract';
import type {
	AnchorStatus,
	GuardianVaultView,
	InvitationView,
	OwnerVaultView,
	RequestView,
	VaultHealth
} from '@tessera/contract/vault';
import { principalKey, samePrincipal } from './principals';
import type { AuditEvent, RequestRecord, VaultRecord } from './records';
import { effectiveStatus, liveRequests } from './recovery-state';
import { guardianSet } from './repository';
import { storedInviteHash } from './vault-ops';
import * as validate from './validate';

/** For the holder of an invitation link: what they are asked to accept (secret hash-compared). */
export function invitation(
	ctx: OperationContext,
	args: { vaultId: bigint; secret: Uint8Array }
): InvitationView {
	validate.requireAuthenticated(ctx.caller);
	const vault = ctx.repo.requireVault(args.vaultId);
	const hash = storedInviteHash(validate.secret(args.secret));
	const slot = vault.slots.findIndex((s) => bytesEqual(s.inviteHash, hash));
	const found = vault.slots[slot];
	if (found === undefined) fail({ kind: 'InviteNotFound' });
	if (found.state === 'accepted') fail({ kind: 'InviteUsed' });
	if (ctx.now >= found.inviteExpiresAt) fail({ kind: 'InviteExpired' });
	return {
		vaultId: vault.id,
		anchor: vault.anchor,
		slot,
		label: found.label,
		expiresAt: found.inviteExpiresAt
	};
}

/**
 * Public, and only what the recovery page (is there a sealed vault to recover from?) and the
 * create page (the create nonce) need: no request ids, no operation counter, no owner.
 */
export function anchorStatus(ctx: OperationContext, args: { anchor: bigint }): AnchorStatus {
	const record = ctx.repo.anchor(validate.u64('anchor', args.anchor));
	const vault = record && record.vaultId !== 0n ? ctx.repo.vault(record.vaultId) : undefined;
	return {
		vaultId: vault?.id,
		sealed: vault?.seal !== undefined,
		createNonce: record?.createNonce ?? 0n
	};
}

/** The caller's confirmed vaults (the owner index holds only those). */
export function ownerVaults(ctx: OperationContext): OwnerVaultView[] {
	validate.requireAuthenticated(ctx.caller);
	return ctx.repo.ownedVaults(ctx.caller).map((id) => {
		const vault = ctx.repo.requireVault(id);
		return {
			vaultId: vault.id,
			anchor: vault.anchor,
			nonce: vault.nonce,
			delayNs: vault.delayNs,
			ownerName: vault.ownerName || undefined,
			slots: vault.slots.map((slot) => ({
				label: slot.label,
				guardian: slot.state === 'accepted' ? slot.guardian : undefined,
				inviteExpiresAt: slot.state === 'invited' ? slot.inviteExpiresAt : undefined
			})),
			shares: (vault.seal?.shares ?? []).map(({ guardian, lastCheckInAt }) => ({
				guardian,
				lastCheckInAt
			})),
			health: health(vault, ctx.now),
			requests: liveRequests(ctx.repo, vault, ctx.now).map((r) => requestView(r, vault, ctx.now))
		};
	});
}

export function guardianVaults(ctx: OperationContext): GuardianVaultView[] {
	validate.requireAuthenticated(ctx.caller);
	const me = ctx.caller;
	return ctx.repo.guardedVaults(me).map((id) => {
		const vault = ctx.repo.requireVault(id);
		const slot = vault.slots.find((s) => s.state === 'accepted' && samePrincipal(s.guardian, me));
		const shares = vault.seal?.shares ?? [];
		const shareIndex = shares.findIndex((share) => samePrincipal(share.guardian, me));
		const share = shares[shareIndex];
		return {
			vaultId: vault.id,
			anchor: vault.anchor,
			ownerName: vault.ownerName || undefined,
			label: slot?.label,
			delayNs: vault.delayNs,
			threshold: vault.seal?.threshold ?? 0,
			sealed: vault.seal !== undefined,
			share: share && {
				shareIndex,
				ciphertext: share.ciphertext,
				checkInNonce: share.checkInNonce
			},
			requests: liveRequests(ctx.repo, vault, ctx.now).map((request) => ({
				...requestView(request, vault, ctx.now),
				myVote: request.approvals.some((a) => a.shareIndex === shareIndex)
					? ('approved' as const)
					: request.declines.some((d) => d.shareIndex === shareIndex)
						? ('declined' as const)
						: undefined,
				sponsored: samePrincipal(request.sponsor, me)
			}))
		};
	});
}

/**
 * One request, for its requester, its sponsor, the vault's guardians and its owner. An update
 * call (certified): guardians read the requester principal they re-encrypt to with it.
 */
export function recoveryRequest(ctx: OperationContext, args: { requestId: bigint }): RequestView {
	validate.requireAuthenticated(ctx.caller);
	const request = ctx.repo.requireRequest(validate.u64('requestId', args.requestId));
	const vault = ctx.repo.requireVault(request.vaultId);
	const party =
		samePrincipal(ctx.caller, request.requester) ||
		samePrincipal(ctx.caller, request.sponsor) ||
		isOwnerOrGuardian(vault, ctx.caller);
	if (!party) fail({ kind: 'Unauthorized', reason: 'not a party to this request' });
	return requestView(request, vault, ctx.now);
}

/** The requests that name the caller as requester (update call: the requester acts on them). */
export function requesterRequests(ctx: OperationContext): RequestView[] {
	validate.requireAuthenticated(ctx.caller);
	return ctx.repo.requesterRequests(ctx.caller).flatMap((request) => {
		const vault = ctx.repo.vault(request.vaultId);
		return vault ? [requestView(request, vault, ctx.now)] : [];
	});
}

/** For the owner and the vault's guardians. */
export function auditLog(ctx: OperationContext, args: { vaultId: bigint }): AuditEvent[] {
	validate.requireAuthenticated(ctx.caller);
	const vault = ctx.repo.requireVault(args.vaultId);
	if (!isOwnerOrGuardian(vault, ctx.caller)) {
		fail({ kind: 'Unauthorized', reason: 'only the owner and guardians see the log' });
	}
	return ctx.repo.auditLog(vault.id);
}

function isOwnerOrGuardian(vault: VaultRecord, who: Principal): boolean {
	return samePrincipal(who, vault.owner) || guardianSet(vault).has(principalKey(who));
}

function requestView(request: RequestRecord, vault: VaultRecord, now: bigint): RequestView {
	return {
		requestId: request.id,
		vaultId: request.vaultId,
		anchor: vault.anchor,
		requester: request.requester,
		sponsor: request.sponsor,
		status: effectiveStatus(request, now),
		openedAt: request.openedAt,
		releasableAt: request.releasableAt,
		expiresAt: request.expiresAt,
		remainingNs: request.releasableAt > now ? request.releasableAt - now : 0n,
		threshold: request.threshold,
		guardianCount: request.guardianCount,
		approvals: request.approvals.length,
		declines: request.declines.length,
		approvedSlots: request.approvals.map((approval) => approval.shareIndex),
		alarmRaisedAt: request.alarmAt === 0n ? undefined : request.alarmAt,
		releasedAt: request.releasedAt === 0n ? undefined : request.releasedAt,
		derivations: request.derivations
	};
}

function health(vault: VaultRecord, now: bigint): VaultHealth {
	const shares = vault.seal?.shares ?? [];
	const threshold = vault.seal?.threshold ?? 0;
	const sealedGuardians = shares.map((share) => principalKey(share.guardian)).join(',');
	const slotGuardians = vault.slots
		.map((slot) => (slot.state === 'accepted' ? principalKey(slot.guardian) : '?'))
		.join(',');
	return {
		sealed: vault.seal !== undefined,
		invitesPending: vault.slots.filter((slot) => slot.state === 'invited').length,
		shareHolders: shares.length,
		threshold,
		belowThreshold: vault.seal !== undefined && shares.length < threshold,
		resealNeeded: sealedGuardians !== slotGuardians,
		staleCheckIns: shares.filter((share) => {
			const since = share.lastCheckInAt === 0n ? (vault.seal?.sealedAt ?? 0n) : share.lastCheckInAt;
			return now - since > LIMITS.checkInStaleNs;
		}).length
	};
}
