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
import { activeRequest, effectiveStatus } from './recovery-state';
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

/** Public: what a requester or a recovering owner (holding only the phrase) needs to start. */
export function anchorStatus(ctx: OperationContext, args: { anchor: bigint }): AnchorStatus {
	const record = ctx.repo.anchor(validate.u64('anchor', args.anchor));
	const vault = record && record.vaultId !== 0n ? ctx.repo.vault(record.vaultId) : undefined;
	return {
		vaultId: vault?.id,
		createNonce: record?.createNonce ?? 0n,
		vaultNonce: vault?.nonce,
		sealed: vault?.seal !== undefined,
		activeRequestId: vault && activeRequest(ctx.repo, vault, ctx.now)?.id
	};
}

export function ownerVaults(ctx: OperationContext): OwnerVaultView[] {
	validate.requireAuthenticated(ctx.caller);
	return ctx.repo.ownedVaults(ctx.caller).map((id) => {
		const vault = ctx.repo.requireVault(id);
		const active = activeRequest(ctx.repo, vault, ctx.now);
		return {
			vaultId: vault.id,
			anchor: vault.anchor,
			nonce: vault.nonce,
			delayNs: vault.delayNs,
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
			activeRequest: active && requestView(active, vault, ctx.now)
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
		const active = activeRequest(ctx.repo, vault, ctx.now);
		return {
			vaultId: vault.id,
			anchor: vault.anchor,
			label: slot?.label,
			delayNs: vault.delayNs,
			threshold: vault.seal?.threshold ?? 0,
			share: share && {
				shareIndex,
				ciphertext: share.ciphertext,
				checkInNonce: share.checkInNonce
			},
			pendingRequest: active && {
				...requestView(active, vault, ctx.now),
				myVote: active.approvals.some((a) => a.shareIndex === shareIndex)
					? 'approved'
					: active.declines.some((d) => d.shareIndex === shareIndex)
						? 'declined'
						: undefined
			}
		};
	});
}

/** For the requester, the owner and the vault's guardians. */
export function requestStatus(ctx: OperationContext, args: { requestId: bigint }): RequestView {
	validate.requireAuthenticated(ctx.caller);
	const request = ctx.repo.requireRequest(args.requestId);
	const vault = ctx.repo.requireVault(request.vaultId);
	if (!samePrincipal(ctx.caller, request.requester) && !isOwnerOrGuardian(vault, ctx.caller)) {
		fail({ kind: 'Unauthorized', reason: 'not a party to this request' });
	}
	return requestView(request, vault, ctx.now);
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
		status: effectiveStatus(request, now),
		openedAt: request.openedAt,
		releasableAt: request.releasableAt,
		expiresAt: request.expiresAt,
		remainingNs: request.releasableAt > now ? request.releasableAt - now : 0n,
		threshold: request.threshold,
		guardianCount: request.guardianCount,
		approvals: request.approvals.length,
		declines: request.declines.length,
		alarmRaisedAt: request.alarmAt === 0n ? undefined : request.alarmAt
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
