// The app's vault canister wrapper (src/lib/canisters) and the owner's services (src/lib/services)
// through real HttpAgents against the vault and local II wasm deployed on devnet (one
// deployment for both: installing the wasm takes minutes on a loaded machine).
import { HttpAgent } from '@dfinity/agent';
import { Ed25519KeyIdentity } from '@dfinity/identity';
import { Principal } from '@dfinity/principal';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createAgent } from '../../src/lib/canisters/agent';
import { CanisterError } from '../../src/lib/canisters/errors';
import { vaultCanister, type VaultCanister } from '../../src/lib/canisters/vault.canister';
import { readConfig, type AppConfig } from '../../src/lib/config';
import { derivePhraseKey } from '../../src/lib/crypto/ii-key';
import { GuardianKeyRequest } from '../../src/lib/crypto/vetkeys';
import {
	NS_PER_HOUR,
	VaultExistsError,
	cancelRecovery,
	createVault,
	deleteVault,
	ownerContext,
	raiseAlarm,
	renewInvite,
	setDelay,
	setGuardians,
	vaultOverviews,
	watchAcceptance
} from '../../src/lib/services/owner';
import { parseInviteFragment, type InviteLink } from '../../src/lib/services/invite-link';
import {
	PhraseMismatchError,
	bindPhrase,
	protectPhrase
} from '../../src/lib/services/owner-phrase';
import { sealVault } from '../../src/lib/services/owner-seal';
import { trustedKeys, vetKdTrustFor } from '../../src/lib/services/vetkd-trust';
import { deployCanisters } from '@tessera/devnet/server';
import buildWasm from '../canister/global-setup';
import { agentFor, startTarget, type Target } from './target';
import { newAnchor, newDevice } from './ii/story';

let target: Target;
let vaultCanisterId: Principal;
let iiId: Principal;

const settings = () => ({ host: target.url, network: 'local' as const });
async function vaultAs(identity?: Ed25519KeyIdentity): Promise<VaultCanister> {
	return vaultCanister(await createAgent(identity, settings()), vaultCanisterId);
}

beforeAll(async () => {
	buildWasm();
	target = await startTarget();
	const agent = await agentFor(target.url, Ed25519KeyIdentity.generate());
	const { ids } = await deployCanisters({ agent, root: '.', ids: {} });
	vaultCanisterId = Principal.fromText(ids.vault?.local ?? '');
	iiId = Principal.fromText(ids.internet_identity?.local ?? '');
}, 600_000);

afterAll(async () => {
	await target?.close();
});

describe('vault wrapper', () => {
	test('queries come back as typed values, opts as undefined', async () => {
		const vault = await vaultAs(Ed25519KeyIdentity.generate());
		expect(await vault.version()).toMatch(/\S/u);
		expect(await vault.anchorStatus(10_000n)).toEqual({
			vaultId: undefined,
			createNonce: 0n,
			vaultNonce: undefined,
			sealed: false,
			activeRequestId: undefined
		});
		expect(await vault.ownerVaults()).toEqual([]);
		expect(await vault.guardianVaults()).toEqual([]);
	});

	test('the vetKD public keys are 96-byte G2 points, one per context', async () => {
		const keys = await (await vaultAs()).vetkdPublicKeys();
		expect(keys.shares).toBeInstanceOf(Uint8Array);
		expect(keys.shares.length).toBe(96);
		expect(keys.release.length).toBe(96);
		expect(keys.shares).not.toEqual(keys.release);
	});

	test('a Candid Err is a CanisterError with its kind, fields and plain message', async () => {
		const anonymous = await vaultAs();
		await expect(anonymous.ownerVaults()).rejects.toMatchObject({
			kind: 'AnonymousCaller',
			message: expect.stringMatching(/not signed in/u)
		});
		const someone = await vaultAs(Ed25519KeyIdentity.generate());
		const missing = await someone.recoveryRequest(987_654n).catch((error: unknown) => error);
		expect(missing).toBeInstanceOf(CanisterError);
		expect(missing).toMatchObject({ kind: 'NotFound', details: { entity: 'request' } });
		await expect(
			someone.invitation({ vaultId: 424_242n, secret: new Uint8Array(32) })
		).rejects.toMatchObject({ kind: 'NotFound', details: { entity: 'vault' } });
		await expect(
			someone.acceptInvite({ vaultId: 424_242n, secret: new Uint8Array(3) })
		).rejects.toMatchObject({ kind: 'InvalidInput', details: { field: 'secret' } });
	});

	test('no replica at the host is Network, for agent creation and for calls', async () => {
		await expect(
			createAgent(undefined, { host: 'http://127.0.0.1:9', network: 'local' })
		).rejects.toMatchObject({ kind: 'Network' });
		// mainnet settings skip fetchRootKey, so the failure comes from the call itself
		const agent = await HttpAgent.create({ host: 'http://127.0.0.1:9', retryTimes: 0 });
		await expect(vaultCanister(agent, vaultCanisterId).anchorStatus(1n)).rejects.toMatchObject({
			kind: 'Network'
		});
	});
});

describe('owner services: protect, create, invite, seal, alarm, cancel, rotate, delete', () => {
	const APP = 'http://localhost:4173';
	const appConfig = (): AppConfig => ({
		...readConfig({ VITE_IC_HOST: target.url }),
		vaultCanisterId: vaultCanisterId,
		internetIdentityCanisterId: iiId
	});

	test('the whole owner story, with the wrong-phrase and wrong-caller cases', async () => {
		const entropy = new Uint8Array(randomBytes(32));
		const phraseKey = await derivePhraseKey(entropy);
		const anchor = await newAnchor(target.url, iiId, newDevice('Owner laptop'), {
			phrase: phraseKey,
			phraseProtected: false
		});
		const owner = Ed25519KeyIdentity.generate();
		const context = await ownerContext(owner, APP, appConfig());

		// bind: a wrong phrase is refused; the right one is unprotected, then protected
		await expect(bindPhrase(context.ii, anchor, new Uint8Array(32).fill(7))).rejects.toBeInstanceOf(
			PhraseMismatchError
		);
		expect((await bindPhrase(context.ii, anchor, entropy)).status).toBe('unprotected');
		expect(await context.ii.anchorPhrase(anchor)).toBe('unprotected');
		await protectPhrase(context.ii, anchor, phraseKey);
		expect((await bindPhrase(context.ii, anchor, entropy)).status).toBe('protected');

		// create: one invitation per guardian; a second vault for the anchor is refused
		const labels = ['Alice', 'Bob', 'Carol'];
		const { vaultId, invitations } = await createVault(context, {
			anchor,
			phraseKey,
			guardians: labels,
			delayHours: 24
		});
		expect(invitations.map((i) => i.label)).toEqual(labels);
		await expect(
			createVault(context, { anchor, phraseKey, guardians: labels, delayHours: 24 })
		).rejects.toBeInstanceOf(VaultExistsError);

		// invite: live acceptance reports each guardian as they accept the link's secret
		const updates: boolean[][] = [];
		const stop = watchAcceptance(
			context,
			vaultId,
			(accepted) => updates.push(accepted),
			() => {}
		);
		const guardians = labels.map(() => Ed25519KeyIdentity.generate());
		for (const [i, invitation] of invitations.entries()) {
			const link = linkOf(invitation.url);
			expect(link.vaultId).toBe(vaultId);
			const asGuardian = await vaultAs(guardians[i]);
			expect(await asGuardian.invitation(link)).toMatchObject({ label: labels[i] });
			await asGuardian.acceptInvite(link);
			const stranger = await vaultAs(Ed25519KeyIdentity.generate());
			await expect(stranger.acceptInvite(link)).rejects.toMatchObject({ kind: 'InviteUsed' });
		}
		await expect.poll(() => updates.at(-1), { timeout: 30_000 }).toEqual([true, true, true]);
		stop();

		// seal: progress through every step, then each guardian can open its own share
		const steps: number[] = [];
		await sealVault(context, { vaultId, threshold: 2, entropy, phraseKey }, (_, done) =>
			steps.push(done)
		);
		expect(steps).toEqual([0, 1, 2, 3]);
		const [view] = await context.vault.ownerVaults();
		expect(view?.health).toMatchObject({ sealed: true, shareHolders: 3, threshold: 2 });
		const trust = vetKdTrustFor({ ...context, canisterId: vaultCanisterId });
		const { shares: sharesKey } = await trustedKeys(context.vault, trust);
		const alice = await vaultAs(guardians[0]);
		const [guarded] = await alice.guardianVaults();
		const request = new GuardianKeyRequest(sharesKey, guardians[0]!.getPrincipal());
		const key = request.receive(await alice.sharesKey(request.transportPublicKey));
		expect(key.ok).toBe(true);
		if (key.ok && guarded?.share) {
			expect(key.value.openEnvelope(guarded.share.ciphertext, vaultId).ok).toBe(true);
		}

		// changes: only the phrase may change the delay; the nonce then moves on
		const other = await derivePhraseKey(new Uint8Array(32).fill(9));
		await expect(setDelay(context, other, vaultId, 48)).rejects.toMatchObject({
			kind: 'Unauthorized'
		});
		await setDelay(context, phraseKey, vaultId, 48);
		const [changed] = await context.vault.ownerVaults();
		expect(changed?.delayNs).toBe(48n * NS_PER_HOUR);
		expect(changed?.nonce).toBe((view?.nonce ?? 0n) + 1n);

		// dashboard: a recovery a guardian opened for a requester, the alarm, and a cancel by the phrase
		const requesterKey = Ed25519KeyIdentity.generate();
		const requester = await vaultAs(requesterKey);
		const { requestId } = await alice.openRecovery({
			vaultId,
			requester: requesterKey.getPrincipal()
		});
		const [withRequest] = await vaultOverviews(context);
		expect(withRequest?.vault.requests.map((live) => live.requestId)).toEqual([requestId]);
		expect(withRequest?.phrase).toBe('protected'); // asked of II without the phrase
		await raiseAlarm(context, requestId);
		expect((await requester.recoveryRequest(requestId)).alarmRaisedAt).toBeDefined();
		await cancelRecovery(context, phraseKey, { vaultId, requestId });
		const [afterCancel] = await vaultOverviews(context);
		expect(afterCancel?.vault.requests).toEqual([]);
		expect(afterCancel?.audit.map((event) => event.kind).slice(0, 3)).toEqual([
			'recovery-cancelled',
			'alarm-raised',
			'recovery-opened'
		]);

		// rotate: replace Carol by Dave, who accepts; then reseal with the new set
		const [dave] = await setGuardians(context, phraseKey, vaultId, {
			keep: [0, 1],
			invite: ['Dave']
		});
		const daveLink = linkOf(dave!.url);
		await (await vaultAs(Ed25519KeyIdentity.generate())).acceptInvite(daveLink);
		const [rotated] = await vaultOverviews(context);
		expect(rotated?.vault.slots.map((slot) => slot.label)).toEqual(['Alice', 'Bob', 'Dave']);
		expect(rotated?.vault.health.resealNeeded).toBe(true);
		await sealVault(context, { vaultId, threshold: 3, entropy, phraseKey }, () => {});
		const [resealed] = await vaultOverviews(context);
		expect(resealed?.vault.health).toMatchObject({
			sealed: true,
			resealNeeded: false,
			threshold: 3,
			shareHolders: 3
		});

		// delete: gone for the owner
		await deleteVault(context, phraseKey, vaultId);
		expect(await vaultOverviews(context)).toEqual([]);
	}, 300_000); // ~40 calls with vetKD and Candid in Azle: minutes on a loaded 2-core machine

	test('"Send a new link": a fresh link in the same slot, the old one refused, only by the phrase', async () => {
		const entropy = new Uint8Array(randomBytes(32));
		const phraseKey = await derivePhraseKey(entropy);
		const anchor = await newAnchor(target.url, iiId, newDevice('Owner phone'), {
			phrase: phraseKey,
			phraseProtected: true
		});
		const context = await ownerContext(Ed25519KeyIdentity.generate(), APP, appConfig());
		const labels = ['Alice', 'Bob', 'Carol'];
		const { vaultId, invitations } = await createVault(context, {
			anchor,
			phraseKey,
			guardians: labels,
			delayHours: 24
		});
		const [aliceLink, bobLink] = invitations.map(({ url }) => linkOf(url));
		await (await vaultAs(Ed25519KeyIdentity.generate())).acceptInvite(aliceLink!);

		const other = await derivePhraseKey(new Uint8Array(32).fill(11));
		await expect(renewInvite(context, other, vaultId, 1)).rejects.toMatchObject({
			kind: 'Unauthorized'
		});
		await expect(renewInvite(context, phraseKey, vaultId, 0)).rejects.toMatchObject({
			kind: 'invite-accepted'
		});
		const renewed = await renewInvite(context, phraseKey, vaultId, 1);
		expect(renewed.label).toBe('Bob');
		const bob = await vaultAs(Ed25519KeyIdentity.generate());
		await expect(bob.acceptInvite(bobLink!)).rejects.toMatchObject({ kind: 'InviteNotFound' });
		expect(await bob.acceptInvite(linkOf(renewed.url))).toBe(1);
		const [view] = await context.vault.ownerVaults();
		expect(view?.slots.map(({ label, guardian }) => [label, guardian !== undefined])).toEqual([
			['Alice', true],
			['Bob', true],
			['Carol', false]
		]);
	}, 300_000);
});

function linkOf(url: string): InviteLink {
	const link = parseInviteFragment(new URL(url).hash);
	if (!link.ok) throw new Error(`invitation link: ${link.error.kind} ${link.error.field}`);
	return link.value;
}
