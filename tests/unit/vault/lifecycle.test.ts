import { randomBytes } from '@noble/hashes/utils';
import { describe, expect, it } from 'vitest';
import { LIMITS, NS_PER_HOUR, releaseIdentity } from '../../../canister/vault/domain/index';
import { err, newPrincipal, ok, World } from './world';

describe('guardian domain: the whole lifecycle', () => {
	it('create, invite, accept, seal, open, approve, time-lock, release', () => {
		const w = new World(5).create();
		const owner = ok(w.domain.ownerVaults(w.owner, w.now, undefined));
		expect(owner).toHaveLength(1);
		expect(owner[0]?.health).toMatchObject({ sealed: false, invitesPending: 5 });
		expect(owner[0]?.delayNs).toBe(LIMITS.defaultDelayNs);

		w.acceptAll().seal(3);
		const sealed = ok(w.domain.ownerVaults(w.owner, w.now, undefined))[0];
		expect(sealed?.health).toMatchObject({
			sealed: true,
			invitesPending: 0,
			shareHolders: 5,
			threshold: 3,
			belowThreshold: false,
			resealNeeded: false
		});
		const guardianView = ok(w.domain.guardianVaults(w.guardian(0), w.now, undefined));
		expect(guardianView[0]).toMatchObject({
			vaultId: w.vaultId,
			label: 'Guardian 1',
			threshold: 3
		});
		expect(guardianView[0]?.share?.ciphertext).toHaveLength(186);
		expect(ok(w.domain.authorizeSharesKey(w.guardian(0), w.now, undefined)).input).toEqual(
			w.guardian(0).toUint8Array()
		);

		w.open();
		const pending = ok(w.domain.guardianVaults(w.guardian(1), w.now, undefined))[0]?.requests[0];
		expect(pending).toMatchObject({
			requestId: w.requestId,
			status: 'open',
			myVote: undefined,
			sponsored: false
		});
		expect(pending?.requester.toText()).toBe(w.requester.toText());
		w.approve(0).approve(1).decline(2).approve(3);

		const early = err(w.release(), 'NotReleasable');
		expect(early).toMatchObject({ reason: 'time-lock' });
		const status = ok(w.domain.recoveryRequest(w.requester, w.now, { requestId: w.requestId }));
		expect(status).toMatchObject({ approvals: 3, declines: 1, remainingNs: LIMITS.defaultDelayNs });

		w.advance(LIMITS.defaultDelayNs);
		const released = ok(w.release());
		expect(released.approvals.map((a) => a.slot)).toEqual([0, 1, 3]);
		expect(released.input).toEqual(releaseIdentity(w.requestId, w.requester));
		expect(released.entropyCommitment).toEqual(w.commitment);
		// A second release (e.g. after a network failure) returns the same shares and key input.
		const again = ok(w.release());
		expect(again.approvals).toEqual(released.approvals);
		expect(again.input).toEqual(released.input);

		const log = ok(w.domain.auditLog(w.owner, w.now, { vaultId: w.vaultId })).map((e) => e.kind);
		expect(log).toEqual([
			'vault-created',
			...Array(5).fill('invite-accepted'),
			'sealed',
			'recovery-opened',
			'approved',
			'approved',
			'declined',
			'approved',
			'released'
		]);
	});

	it('an invitee sees what it is asked to accept, until it is used or expires', () => {
		const w = new World(3).create();
		const invitee = newPrincipal();
		const args = { vaultId: w.vaultId, secret: w.secrets[1] as Uint8Array };
		expect(ok(w.domain.invitation(invitee, w.now, args))).toEqual({
			vaultId: w.vaultId,
			anchor: w.anchor,
			slot: 1,
			label: 'Guardian 2',
			expiresAt: w.now + LIMITS.inviteValidityNs
		});
		err(w.domain.invitation(invitee, w.now + LIMITS.inviteValidityNs, args), 'InviteExpired');
		err(
			w.domain.invitation(invitee, w.now, { ...args, secret: randomBytes(32) }),
			'InviteNotFound'
		);
		ok(w.domain.acceptInvite(invitee, w.now, args));
		err(w.domain.invitation(newPrincipal(), w.now, args), 'InviteUsed');
	});

	it('release identity is u64_be(request id) || requester bytes', () => {
		const who = newPrincipal();
		const input = releaseIdentity(0x0102030405060708n, who);
		expect(Array.from(input.slice(0, 8))).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
		expect(input.slice(8)).toEqual(who.toUint8Array());
	});

	it('declines that make m unreachable fail the request; its sponsor may open again at once', () => {
		const w = World.sealed(3, 2).open();
		w.decline(0);
		expect(ok(w.domain.recoveryRequest(w.owner, w.now, { requestId: w.requestId })).status).toBe(
			'open'
		);
		w.decline(1);
		expect(ok(w.domain.recoveryRequest(w.owner, w.now, { requestId: w.requestId })).status).toBe(
			'failed'
		);
		err(
			w.domain.approveRecovery(w.guardian(2), w.now, {
				requestId: w.requestId,
				ciphertext: randomBytes(186)
			}),
			'RequestClosed'
		);
		// v2: no cooldown after a failure; the sponsor's slot is free again.
		const reopened = w.openAs(0);
		expect(reopened).not.toBe(w.requestId);
	});

	it('the owner alarm is visible to guardians and cancels nothing; the phrase cancels', () => {
		const w = World.sealed().open();
		ok(w.domain.raiseAlarm(w.owner, w.now, { requestId: w.requestId }));
		const view = ok(w.domain.guardianVaults(w.guardian(0), w.now, undefined))[0]?.requests[0];
		expect(view?.alarmRaisedAt).toBe(w.now);
		expect(view?.status).toBe('open');
		w.cancel();
		expect(ok(w.domain.recoveryRequest(w.owner, w.now, { requestId: w.requestId })).status).toBe(
			'cancelled'
		);
		// v2: no cooldown after a cancel either.
		expect(w.openAs(0)).not.toBe(w.requestId);
	});

	it('one live request per sponsor, any number of sponsors; a lapsed request frees its sponsor', () => {
		const w = World.sealed().open();
		// v2 replaces "one active request per vault" by one per sponsoring guardian.
		const again = err(
			w.domain.openRecovery(w.guardian(0), w.now, {
				vaultId: w.vaultId,
				requester: newPrincipal()
			})
		);
		expect(again).toEqual({ kind: 'AlreadyOpen', requestId: w.requestId });
		const second = w.openAs(1, newPrincipal());
		expect(second).not.toBe(w.requestId);
		// Strangers open nothing (v2 replaces the per-vault and per-requester open rate limits).
		err(
			w.domain.openRecovery(newPrincipal(), w.now, {
				vaultId: w.vaultId,
				requester: newPrincipal()
			}),
			'Unauthorized'
		);
		w.advance(LIMITS.defaultDelayNs + LIMITS.releaseWindowNs);
		expect(ok(w.domain.recoveryRequest(w.owner, w.now, { requestId: w.requestId })).status).toBe(
			'expired'
		);
		// v2 replaces the cooldown after a lapse: the sponsor opens again at once.
		expect(w.openAs(0, newPrincipal())).not.toBe(w.requestId);
	});

	it('guardian rotation keeps the old seal working until the new seal', () => {
		const w = World.sealed(3, 2);
		const newSecret = randomBytes(32);
		ok(
			w.domain.updateGuardians(w.phraseIdentity, w.now, {
				vaultId: w.vaultId,
				nonce: w.vaultNonce(),
				slots: [{ keep: 0 }, { keep: 1 }, { invite: { label: 'New', inviteHash: sha(newSecret) } }]
			})
		);
		const health = ok(w.domain.ownerVaults(w.owner, w.now, undefined))[0]?.health;
		expect(health).toMatchObject({ sealed: true, resealNeeded: true, shareHolders: 3 });
		// The dropped guardian still holds a share of the current seal, so it still sees the vault.
		expect(ok(w.domain.guardianVaults(w.guardian(2), w.now, undefined))).toHaveLength(1);
		const newcomer = newPrincipal();
		ok(w.domain.acceptInvite(newcomer, w.now, { vaultId: w.vaultId, secret: newSecret }));
		w.guardians[2] = newcomer;
		w.seal(2);
		expect(ok(w.domain.ownerVaults(w.owner, w.now, undefined))[0]?.health.resealNeeded).toBe(false);
		expect(ok(w.domain.guardianVaults(newcomer, w.now, undefined))).toHaveLength(1);
	});

	it('delay change, resign and delete', () => {
		const w = World.sealed(3, 2);
		const delayNs = 48n * NS_PER_HOUR;
		ok(w.setDelay(delayNs));
		expect(ok(w.domain.ownerVaults(w.owner, w.now, undefined))[0]?.delayNs).toBe(delayNs);

		const leaving = w.guardian(2);
		ok(w.domain.resign(leaving, w.now, { vaultId: w.vaultId }));
		expect(ok(w.domain.guardianVaults(leaving, w.now, undefined))).toEqual([]);
		err(w.domain.authorizeSharesKey(leaving, w.now, undefined), 'Unauthorized');
		const health = ok(w.domain.ownerVaults(w.owner, w.now, undefined))[0]?.health;
		expect(health).toMatchObject({ shareHolders: 2, threshold: 2, belowThreshold: false });

		w.open();
		const nonce = w.vaultNonce();
		ok(w.domain.deleteVault(w.phraseIdentity, w.now, { vaultId: w.vaultId, nonce }));
		expect(ok(w.domain.ownerVaults(w.owner, w.now, undefined))).toEqual([]);
		expect(ok(w.domain.guardianVaults(w.guardian(0), w.now, undefined))).toEqual([]);
		err(w.domain.recoveryRequest(w.requester, w.now, { requestId: w.requestId }), 'NotFound');
		// The anchor is free again, with a fresh create nonce so the old call cannot be replayed.
		expect(ok(w.domain.anchorStatus(w.owner, w.now, { anchor: w.anchor }))).toMatchObject({
			vaultId: undefined,
			createNonce: 1n
		});
		const recreated = ok(
			w.domain.createVault(w.phraseIdentity, w.now, w.createArgs({ nonce: 1n }))
		);
		expect(recreated.vaultId).toBeGreaterThan(w.vaultId);
	});

	it('the audit log is bounded', () => {
		const w = World.sealed(3, 2);
		for (let i = 0; i < LIMITS.maxAuditEvents + 5; i++) {
			const delayNs = LIMITS.minDelayNs + BigInt(i);
			ok(w.setDelay(delayNs));
		}
		const log = ok(w.domain.auditLog(w.guardian(0), w.now, { vaultId: w.vaultId }));
		expect(log).toHaveLength(LIMITS.maxAuditEvents);
		expect(log.at(-1)).toMatchObject({ kind: 'delay-changed', ref: LIMITS.minDelayNs + 36n });
	});
});

import { sha256 } from '@noble/hashes/sha2';
function sha(bytes: Uint8Array): Uint8Array {
	return sha256(bytes);
}
