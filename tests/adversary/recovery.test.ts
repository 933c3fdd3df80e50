// The attacks of issue #14 (items 1-5 and 7), each acted out by the attacker through
// @dfinity/agent against devnet and the vault canister's wasm, with real vetKD and the local II:
// the attacker fails and the owner still recovers, or the cost stays within its bound.
import { Principal } from '@dfinity/principal';
import { randomBytes } from '@noble/hashes/utils';
import { beforeAll, describe, expect, it } from 'vitest';
import { LIMITS, RELEASE_DERIVATIONS_PER_REQUEST, SHARES_KEY_PER_DAY } from '@tessera/contract';
import { GuardianKeyRequest } from '../../src/lib/crypto/vetkeys';
import type { ReleaseKey, SharesKey } from '../../src/lib/crypto/vetkd-keys';
import { newPhrase } from '../canister/vault/harness';
import { counted, DELAY_NS, errOf, identity, Net, okOf, Vault } from './support';

const NS_PER_MS = 1_000_000n;
const ms = (ns: bigint) => Number(ns / NS_PER_MS);

describe('attack suite: protocol v2', () => {
	let net: Net;
	let keys: { shares: SharesKey; release: ReleaseKey };

	beforeAll(async () => {
		net = await Net.create();
		keys = await net.vetKeys();
	});

	async function sealedVault(n = 3, m = 2): Promise<Vault> {
		const vault = await Vault.create(net, n);
		await vault.acceptAll();
		await vault.seal(m, keys.shares);
		return vault;
	}

	it('1. a thief with P_O raises the alarm: the genuine request still gets approved and releases', async () => {
		const vault = await sealedVault();
		await vault.open();
		// The thief, signed in as the owner, presses "This isn't me" (twice, to be sure).
		okOf(await net.as(vault.owner).raise_alarm(vault.requestId));
		okOf(await net.as(vault.owner).raise_alarm(vault.requestId));
		// Guardians can still approve: the alarm is information.
		await vault.approve(1, keys);
		await vault.approve(2, keys);
		const request = okOf<{ releasableAt: bigint; openedAt: bigint; alarmRaisedAt: [] | [bigint] }>(
			await net.as(vault.guardian(1)).recovery_request(vault.requestId)
		);
		expect(request.alarmRaisedAt.length).toBe(1);
		// Extended once by the delay, not more.
		expect(request.releasableAt - request.openedAt).toBe(2n * DELAY_NS);
		await net.devnet.advanceTime(ms(2n * DELAY_NS));
		expect(await vault.recover(keys.release)).toEqual(vault.entropy);
	});

	it('2. a stranger with fresh principals opens nothing; the owner opens through a guardian', async () => {
		const vault = await sealedVault();
		for (let i = 0; i < 20; i++) {
			const stranger = identity().getPrincipal();
			const attempt = await net
				.as(stranger)
				.open_recovery({ vaultId: vault.vaultId, requester: stranger });
			expect(errOf(attempt)).toBe('Unauthorized');
		}
		// anonymous: refused by canister_inspect_message before the method runs
		await expect(net.as(Principal.anonymous()).requests_for_requester()).rejects.toMatchObject({
			errorCode: 'IC0406'
		});
		const views = okOf<{ vaultId: bigint; requests: unknown[] }[]>(
			await net.as(vault.guardian(0)).guardian_vaults()
		);
		expect(views.find((v) => v.vaultId === vault.vaultId)?.requests).toEqual([]);
		// The owner's request, opened by guardian 1 from the owner's link, goes through.
		await vault.open(vault.requester, 1);
		await vault.approve(0, keys);
		await vault.approve(2, keys);
		await net.devnet.advanceTime(ms(DELAY_NS));
		expect(await vault.recover(keys.release)).toEqual(vault.entropy);
	});

	it('3. a request opened between two releases does not touch the released one', async () => {
		const vault = await sealedVault();
		await vault.open();
		const genuine = vault.requestId;
		await vault.approve(0, keys);
		await vault.approve(1, keys);
		await net.devnet.advanceTime(ms(DELAY_NS));
		const first = await vault.release(keys.release, genuine);
		expect(first.ok).toBe(true);
		// The race: another guardian (or one the attacker fooled) opens a request in between.
		const attacker = identity();
		okOf(
			await net
				.as(vault.guardian(2))
				.open_recovery({ vaultId: vault.vaultId, requester: attacker.getPrincipal() })
		);
		const again = await vault.release(keys.release, genuine);
		if (!first.ok || !again.ok) throw new Error('release refused');
		expect(again.released.approvals).toEqual(first.released.approvals);
		expect(await vault.recover(keys.release, genuine)).toEqual(vault.entropy);
	});

	for (const bad of [1, 2]) {
		it(`4. ${bad} malicious guardian(s) of 5 (m = 3) submit garbage; the owner still gets m good shares`, async () => {
			const vault = await sealedVault(5, 3);
			await vault.open();
			for (let i = 0; i < bad; i++) {
				const garbage = randomBytes(185);
				okOf(
					await net
						.as(vault.guardian(i))
						.approve_recovery({ requestId: vault.requestId, ciphertext: garbage })
				);
			}
			for (let i = bad; i < 5; i++) await vault.approve(i, keys);
			await net.devnet.advanceTime(ms(DELAY_NS));
			const release = await vault.release(keys.release);
			if (!release.ok) throw new Error(`release refused: ${release.error}`);
			// The canister hands out every share's commitment (by slot) for the requester's check.
			expect(release.released.shareCommitments).toEqual(vault.shareCommitments);
			expect(release.released.approvals.map((a) => a.slot)).toEqual([0, 1, 2, 3, 4]);
			expect(await vault.recover(keys.release)).toEqual(vault.entropy);
		});
	}

	it('4. a guardian replaces its bad approval after release; one more guardian repairs a bad share', async () => {
		const vault = await sealedVault(3, 2);
		await vault.open();
		okOf(
			await net
				.as(vault.guardian(0))
				.approve_recovery({ requestId: vault.requestId, ciphertext: randomBytes(185) })
		);
		await vault.approve(1, keys);
		await net.devnet.advanceTime(ms(DELAY_NS));
		// Released with one bad share: 2 approvals, only 1 good.
		const first = await vault.release(keys.release);
		expect(first.ok && first.released.approvals.length).toBe(2);
		// After release, guardian 2 adds its share and guardian 0 replaces its own.
		await vault.approve(2, keys);
		await vault.approve(0, keys);
		expect(await vault.recover(keys.release)).toEqual(vault.entropy);
	});

	it('5. vetKD derivations are bounded: shares_key K a day, release 3 a request, no unsealed seat', async () => {
		const vault = await sealedVault();
		const guardian = vault.guardian(0);
		const transport = new GuardianKeyRequest(keys.shares, guardian.getPrincipal())
			.transportPublicKey;
		let derived = 0;
		for (let i = 0; i < SHARES_KEY_PER_DAY + 5; i++) {
			const call = await counted(net, () => net.as(guardian).shares_key(transport));
			derived += call.outgoing;
			if (i >= SHARES_KEY_PER_DAY) expect(errOf(call.result)).toBe('RateLimited');
		}
		expect(derived).toBe(SHARES_KEY_PER_DAY);

		// A seat in a vault the attacker made and never sealed: no derivation.
		const own = await Vault.create(net, 2);
		await own.acceptAll();
		const seat = own.guardian(0);
		const seatKey = new GuardianKeyRequest(keys.shares, seat.getPrincipal()).transportPublicKey;
		const refused = await counted(net, () => net.as(seat).shares_key(seatKey));
		expect(errOf(refused.result)).toBe('Unauthorized');
		expect(refused.outgoing).toBe(0);

		// Release keys: 3 per request, then LimitReached with no derivation.
		await vault.open();
		await vault.approve(1, keys);
		await vault.approve(2, keys);
		await net.devnet.advanceTime(ms(DELAY_NS));
		let releases = 0;
		for (let i = 0; i < RELEASE_DERIVATIONS_PER_REQUEST + 2; i++) {
			const call = await counted(net, () => vault.release(keys.release));
			releases += call.outgoing;
			expect(call.result.ok).toBe(i < RELEASE_DERIVATIONS_PER_REQUEST);
			if (!call.result.ok) expect(call.result.error).toBe('LimitReached');
		}
		expect(releases).toBe(RELEASE_DERIVATIONS_PER_REQUEST);
	});

	it('7. flooding a victim owner index: unconfirmed vaults are not listed and do not count', async () => {
		const victim = identity();
		for (let i = 0; i < LIMITS.maxVaultsPerOwner + 1; i++) {
			const { phrase } = await newPhrase();
			const anchor = await net.anchorFor(phrase);
			const status = okOf<{ createNonce: bigint }>(
				await net.as(phrase.identity).anchor_status(anchor)
			);
			okOf(
				await net.as(phrase.identity).create_vault({
					anchor,
					phraseKey: phrase.publicKeyDer.slice(12),
					owner: victim.getPrincipal(),
					delayNs: [DELAY_NS],
					invites: [
						{ label: 'Pay me 1 BTC', inviteHash: randomBytes(32) },
						{ label: 'B', inviteHash: randomBytes(32) }
					],
					nonce: status.createNonce,
					ownerName: ['Your bank']
				})
			);
		}
		expect(okOf(await net.as(victim).owner_vaults())).toEqual([]);
		// The victim's own vault still enters its index.
		const own = await Vault.create(net, 2);
		const mine = okOf<{ vaultId: bigint }[]>(await net.as(own.owner).owner_vaults());
		expect(mine.map((v) => v.vaultId)).toEqual([own.vaultId]);
	});

	it('7. create_vault checks the caller before it calls II', async () => {
		const { phrase } = await newPhrase();
		const anchor = await net.anchorFor(phrase);
		const stranger = identity();
		const call = await counted(net, () =>
			net.as(stranger).create_vault({
				anchor,
				phraseKey: phrase.publicKeyDer.slice(12),
				owner: stranger.getPrincipal(),
				delayNs: [],
				invites: [
					{ label: 'A', inviteHash: randomBytes(32) },
					{ label: 'B', inviteHash: randomBytes(32) }
				],
				nonce: 0n,
				ownerName: []
			})
		);
		expect(errOf(call.result)).toBe('Unauthorized');
		expect(call.outgoing).toBe(0);
		expect(call.iiExecutions).toBe(0);
	});

	it('7. anchor_status tells a stranger only whether a sealed vault exists (and the create nonce)', async () => {
		const vault = await sealedVault();
		await vault.open();
		const status = okOf<Record<string, unknown>>(
			await net.as(Principal.anonymous()).anchor_status(vault.anchor)
		);
		expect(Object.keys(status).sort()).toEqual(['createNonce', 'sealed', 'vaultId']);
		expect(status).toMatchObject({ sealed: true, vaultId: [vault.vaultId], createNonce: 1n });
		// Not a party: the request itself is not readable.
		const stranger = identity();
		expect(errOf(await net.as(stranger).recovery_request(vault.requestId))).toBe('Unauthorized');
	});
});
