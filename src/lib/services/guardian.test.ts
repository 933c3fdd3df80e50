// The guardian's flows against the real guardian domain and real vetKD math (see
// tests/support/guardian-test-world.ts: only the network transport is left out).
import type { SignIdentity } from '@dfinity/agent';
import { Principal } from '@dfinity/principal';
import { randomBytes } from '@noble/hashes/utils';
import { describe, expect, it, vi } from 'vitest';
import { LIMITS } from '@tessera/contract';
import { newPrincipal, World } from '../../../tests/unit/vault/world';
import { verificationCode } from '$lib/crypto/verification-code';
import { FlowError } from './errors';
import {
	acceptInvitation,
	APPROVE_STEPS,
	CHECK_IN_STEPS,
	checkIn,
	type ConnectAs,
	approveRequest,
	declineRequest,
	describeInvitation,
	inviteErrorMessage,
	loadGuardedVaults
} from './guardian';
import type { GuardianVaultView, GuardianCalls } from './guardian-calls';
import {
	checkInCalls,
	guardianCalls,
	sealedWorld,
	TEST_CANISTER_ID,
	trust
} from '../../../tests/support/guardian-test-world';
import type { CanisterError } from '$lib/canisters/errors';

vi.setConfig({ testTimeout: 30_000 });

const entropy = Uint8Array.from({ length: 32 }, (_, i) => 255 - i);

async function kindOf(promise: Promise<unknown>): Promise<string | undefined> {
	try {
		await promise;
	} catch (error) {
		return (error as { kind?: string }).kind;
	}
	return undefined;
}

async function pendingVault(calls: GuardianCalls): Promise<GuardianVaultView> {
	const [view] = await loadGuardedVaults(calls);
	if (!view) throw new Error('no vault');
	return view.vault;
}

describe('accepting an invitation', () => {
	it('shows what the invitation is, then binds the guardian to the slot once', async () => {
		const w = new World(3).create();
		const guardian = newPrincipal();
		const link = { vaultId: w.vaultId, secret: w.secrets[1] as Uint8Array };
		const calls = guardianCalls(w, guardian);
		const info = await describeInvitation(calls, link);
		expect(info).toMatchObject({
			vaultId: w.vaultId,
			anchor: w.anchor,
			label: 'Guardian 2',
			slot: 1
		});
		expect(info.expiresAt).toBe(w.now + LIMITS.inviteValidityNs);
		expect(await acceptInvitation(calls, link)).toBe(1);
		const [view] = await loadGuardedVaults(calls);
		expect(view).toMatchObject({ sealed: false, requests: [] });
		expect(view?.vault).toMatchObject({ anchor: w.anchor, label: 'Guardian 2' });

		const again = await kindOf(acceptInvitation(guardianCalls(w, newPrincipal()), link));
		expect(again).toBe('InviteUsed');
	});

	it.each([
		[
			'an unknown secret',
			'InviteNotFound',
			(_: World) => ({ caller: newPrincipal(), secret: randomBytes(32) })
		],
		[
			'the owner',
			'OwnerCannotGuard',
			(w: World) => ({ caller: w.owner, secret: w.secrets[0] as Uint8Array })
		],
		[
			'an expired link',
			'InviteExpired',
			(w: World) => {
				w.advance(LIMITS.inviteValidityNs + 1n);
				return { caller: newPrincipal(), secret: w.secrets[0] as Uint8Array };
			}
		]
	])('%s is refused with %s and a plain message', async (_, kind, setup) => {
		const w = new World(3).create();
		const { caller, secret } = setup(w);
		const link = { vaultId: w.vaultId, secret };
		const error = await describeInvitation(guardianCalls(w, caller), link).catch((e: unknown) => e);
		const accepted = await acceptInvitation(guardianCalls(w, caller), link).catch(
			(e: unknown) => e
		);
		expect((accepted as CanisterError).kind).toBe(kind);
		if (kind !== 'OwnerCannotGuard') expect((error as CanisterError).kind).toBe(kind);
		expect(inviteErrorMessage(accepted)).toMatch(/owner|guardian/iu);
		expect(inviteErrorMessage(accepted)).not.toContain(kind);
	});

	it('anything that is not a typed error gets a generic message, never internals', () => {
		expect(inviteErrorMessage(new TypeError('x is undefined'))).toMatch(/unexpected/iu);
		expect(inviteErrorMessage('boom')).toMatch(/unexpected/iu);
	});
});

/** The vault's first live request as this guardian lists it. */
function firstRequest(vault: GuardianVaultView) {
	const request = vault.requests[0];
	if (!request) throw new Error('no request');
	return request;
}

describe('approving and declining a recovery', () => {
	it('each guardian gets the request’s code (to type) and the alarm; approving records the vote and may be replaced', async () => {
		const world = await sealedWorld(entropy);
		const { w } = world;
		w.open();
		const calls = guardianCalls(w, w.guardian(0));
		const [view] = await loadGuardedVaults(calls);
		expect(view?.sealed).toBe(true);
		expect(view?.requests[0]?.code).toEqual(
			verificationCode(view?.vault.anchor ?? 0n, w.requester)
		);
		expect(view?.requests[0]).toMatchObject({
			myVote: undefined,
			alarmRaised: false,
			sponsored: true
		});

		const steps: [string, number, number][] = [];
		const listed = firstRequest(view!.vault);
		await approveRequest(calls, trust, w.guardian(0), view!.vault, listed, (...step) =>
			steps.push(step)
		);
		expect(steps.map(([step]) => step)).toEqual([...APPROVE_STEPS, 'Approved']);
		expect(steps.map(([, done, total]) => [done, total])).toEqual(
			[0, 1, 2, 3, 4].map((d) => [d, 4])
		);
		const [after] = await loadGuardedVaults(calls);
		expect(after?.requests[0]?.myVote).toBe('approved');
		expect(after?.requests[0]?.request.approvals).toBe(1);
		// v2: a guardian may replace its own approval (one bad share is repaired this way); it
		// still counts once.
		await approveRequest(calls, trust, w.guardian(0), after!.vault, listed);
		const [again] = await loadGuardedVaults(calls);
		expect(again?.requests[0]?.request.approvals).toBe(1);

		ok(w.domain.raiseAlarm(w.owner, w.now, { requestId: w.requestId }));
		const [alarmed] = await loadGuardedVaults(guardianCalls(w, w.guardian(1)));
		expect(alarmed?.requests[0]?.alarmRaised).toBe(true);
		expect(alarmed?.requests[0]?.sponsored).toBe(false);
		// the alarm never stops an approval
		const second = guardianCalls(w, w.guardian(1));
		await approveRequest(
			second,
			trust,
			w.guardian(1),
			alarmed!.vault,
			firstRequest(alarmed!.vault)
		);
		const [approved] = await loadGuardedVaults(second);
		expect(approved?.requests[0]?.request.approvals).toBe(2);
	});

	it('re-encrypts only to the requester of a certified read, the one whose code was typed', async () => {
		const { w } = await sealedWorld(entropy);
		w.open();
		const calls = guardianCalls(w, w.guardian(0));
		const vault = await pendingVault(calls);
		const approve = vi.spyOn(calls, 'approveRecovery');
		const swapped = { ...firstRequest(vault), requester: newPrincipal() };
		const error = await approveRequest(calls, trust, w.guardian(0), vault, swapped).catch(
			(e: unknown) => e
		);
		expect((error as FlowError).kind).toBe('code-mismatch');
		expect(approve).not.toHaveBeenCalled();
	});

	it('declines count, and enough of them fail the request', async () => {
		const { w } = await sealedWorld(entropy, 3, 2);
		w.open();
		const third = guardianCalls(w, w.guardian(2));
		const stale = await pendingVault(third);
		for (const i of [0, 1]) {
			const calls = guardianCalls(w, w.guardian(i));
			await declineRequest(calls, firstRequest(await pendingVault(calls)));
		}
		const status = ok(w.domain.recoveryRequest(w.requester, w.now, { requestId: w.requestId }));
		expect(status).toMatchObject({ status: 'failed', declines: 2 });
		expect((await loadGuardedVaults(third))[0]?.requests).toEqual([]);
		// A screen that still shows the request: the certified read says it is closed.
		const error = await approveRequest(
			third,
			trust,
			w.guardian(2),
			stale,
			firstRequest(stale)
		).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(FlowError);
		expect((error as FlowError).kind).toBe('not-pending');
	});

	it('refuses before any key is fetched when there is no request or no share', async () => {
		const w = new World(2).create().acceptAll();
		const calls = guardianCalls(w, w.guardian(0));
		const spy = vi.spyOn(calls, 'sharesKey');
		const vault = await pendingVault(calls);
		const missing = { requestId: 1n, requester: newPrincipal() };
		expect(await kindOf(approveRequest(calls, trust, w.guardian(0), vault, missing))).toBe(
			'NotFound'
		);
		const { w: sealed } = await sealedWorld(entropy);
		sealed.open();
		const guardian = guardianCalls(sealed, sealed.guardian(0));
		const sharesKey = vi.spyOn(guardian, 'sharesKey');
		const listed = await pendingVault(guardian);
		const unsealed: GuardianVaultView = { ...listed, share: undefined };
		expect(
			await kindOf(
				approveRequest(guardian, trust, sealed.guardian(0), unsealed, firstRequest(listed))
			)
		).toBe('no-share');
		expect(spy).not.toHaveBeenCalled();
		expect(sharesKey).not.toHaveBeenCalled();
	});

	it('never encrypts to keys the canister made up, and never sends a share it could not open', async () => {
		const { w } = await sealedWorld(entropy);
		w.open();
		const honest = guardianCalls(w, w.guardian(0));
		const vault = await pendingVault(honest);
		const approve = vi.fn(honest.approveRecovery);

		const lyingKeys = {
			...honest,
			approveRecovery: approve,
			vetkdPublicKeys: async () => ({
				...(await honest.vetkdPublicKeys()),
				release: (await honest.vetkdPublicKeys()).shares
			})
		};
		expect(
			await kindOf(approveRequest(lyingKeys, trust, w.guardian(0), vault, firstRequest(vault)))
		).toBe('untrusted-key');

		const badVetKey = {
			...honest,
			approveRecovery: approve,
			sharesKey: async () => randomBytes(192)
		};
		expect(
			await kindOf(approveRequest(badVetKey, trust, w.guardian(0), vault, firstRequest(vault)))
		).toBe('vetkey-failed');

		// Another guardian's share: my key cannot open it.
		const other = await pendingVault(guardianCalls(w, w.guardian(1)));
		const foreign: GuardianVaultView = { ...vault, share: other.share };
		const withMyKey = { ...honest, approveRecovery: approve };
		expect(
			await kindOf(approveRequest(withMyKey, trust, w.guardian(0), foreign, firstRequest(vault)))
		).toBe('share-unreadable');
		expect(approve).not.toHaveBeenCalled();
	});
});

describe('checking in', () => {
	it('proves the share still opens: the check identity calls check_in, the counter moves', async () => {
		const { w } = await sealedWorld(entropy);
		const calls = guardianCalls(w, w.guardian(1));
		const vault = await pendingVault(calls);
		const steps: string[] = [];
		const connectAs = async (identity: SignIdentity) => checkInCalls(w, identity);
		await checkIn(calls, trust, w.guardian(1), TEST_CANISTER_ID, vault, connectAs, (step) =>
			steps.push(step)
		);
		expect(steps).toEqual([...CHECK_IN_STEPS, 'Checked in']);
		const after = await pendingVault(calls);
		expect(after.share?.checkInNonce).toBe(1n);
		expect((await calls.auditLog(w.vaultId)).at(-1)?.kind).toBe('checked-in');
		// The same (stale) view again: the counter was used.
		expect(
			await kindOf(checkIn(calls, trust, w.guardian(1), TEST_CANISTER_ID, vault, connectAs))
		).toBe('StaleNonce');
	});

	it('is refused when sent by anyone but the share’s check identity, or without a share', async () => {
		const { w } = await sealedWorld(entropy);
		const calls = guardianCalls(w, w.guardian(0));
		const vault = await pendingVault(calls);
		const asGuardian: ConnectAs = async () => ({
			checkIn: async (args) => unwrap(w, w.guardian(0), args)
		});
		expect(
			await kindOf(checkIn(calls, trust, w.guardian(0), TEST_CANISTER_ID, vault, asGuardian))
		).toBe('Unauthorized');
		// Bound to the canister: another canister id derives another check identity.
		const elsewhere = Principal.fromText('aaaaa-aa');
		const connectAs = async (identity: SignIdentity) => checkInCalls(w, identity);
		expect(await kindOf(checkIn(calls, trust, w.guardian(0), elsewhere, vault, connectAs))).toBe(
			'Unauthorized'
		);
		const unsealed = { ...vault, share: undefined };
		expect(
			await kindOf(checkIn(calls, trust, w.guardian(0), TEST_CANISTER_ID, unsealed, connectAs))
		).toBe('no-share');
	});
});

describe('history', () => {
	it('a guardian reads the vault’s audit log', async () => {
		const { w } = await sealedWorld(entropy);
		w.open();
		const log = await guardianCalls(w, w.guardian(0)).auditLog(w.vaultId);
		expect(log.map(({ kind }) => kind)).toEqual([
			'vault-created',
			'invite-accepted',
			'invite-accepted',
			'invite-accepted',
			'sealed',
			'recovery-opened'
		]);
	});
});

/** check_in sent by `caller` straight to the domain (a wrong caller, for negative tests). */
async function unwrap(w: World, caller: Principal, args: { vaultId: bigint; nonce: bigint }) {
	const result = w.domain.checkIn(caller, w.now, args);
	if (!result.ok) throw Object.assign(new Error(result.error.kind), { kind: result.error.kind });
	return result.value;
}

function ok<T>(result: { ok: true; value: T } | { ok: false }): T {
	if (!result.ok) throw new Error('expected ok');
	return result.value;
}
