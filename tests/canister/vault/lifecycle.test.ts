// The whole recovery through the real vault wasm on devnet, beside the local II canister,
// with real vetKD: create (phrase key checked against II), accept, seal (vetKeys IBE), open,
// approve (re-encrypted shares), time-lock, release, recover the phrase; then a memory scan.
import { beforeAll, describe, expect, it } from 'vitest';
import { derivePhraseKey } from '../../../src/lib/crypto/ii-key';
import { phraseFromEntropy } from '../../../src/lib/crypto/phrase';
import type { ReleaseKey, SharesKey } from '../../../src/lib/crypto/vetkd-keys';
import { errOf, hex, Net, okOf, stringify } from './harness';
import { DELAY_NS, Vault } from './vault';

const SECOND_MS = 1000;

describe('vault canister: the whole lifecycle through the wasm', () => {
	let net: Net;
	let keys: { shares: SharesKey; release: ReleaseKey };
	let vault: Vault;

	beforeAll(async () => {
		net = await Net.create();
		keys = await net.vetKeys();
		vault = await Vault.create(net, 3);
	});

	it('labels that are not ASCII are stored and shown exactly (the UTF-8 fallback path)', async () => {
		const labels = ['Zoë Müller', '祖母 🌻', 'Guardian 3'];
		const other = await Vault.create(net, 3, labels);
		const views = okOf<{ vaultId: bigint; slots: { label: string }[] }[]>(
			await net.as(other.owner).owner_vaults()
		);
		const view = views.find((v) => v.vaultId === other.vaultId);
		expect(view?.slots.map((slot) => slot.label)).toEqual(labels);
		const invitation = okOf<{ label: string }>(
			await net.as(other.guardian(1)).invitation({
				vaultId: other.vaultId,
				secret: other.secrets[1] as Uint8Array
			})
		);
		expect(invitation.label).toBe('祖母 🌻');
		// The label limit counts UTF-8 bytes: 11 characters of 3 bytes are over 32.
		await expect(Vault.create(net, 2, ['界'.repeat(11), 'B'])).rejects.toThrow('InvalidInput');
	});

	it('creates, accepts, seals, opens, approves; no release a second early; recovers the phrase', async () => {
		await vault.acceptAll();
		await vault.seal(2, keys.shares);
		const status = okOf<{ sealed: boolean }>(await net.as(vault.owner).anchor_status(vault.anchor));
		expect(status.sealed).toBe(true);

		await vault.open();
		const openedAt = net.nowNs;
		await vault.approve(0, keys);
		await vault.approve(2, keys);

		// Check-in: sent by the share's check identity (derived from the decrypted share),
		// counter-bound; the guardian's own principal is not it.
		const checkIdentity = await vault.checkIdentity(1, keys.shares);
		okOf(await vault.checkIn(1, checkIdentity, 0n));
		expect(errOf(await vault.checkIn(1, checkIdentity, 0n))).toBe('StaleNonce');
		expect(errOf(await vault.checkIn(1, vault.guardian(1)))).toBe('Unauthorized');
		expect((await vault.guardianView(1)).share.checkInNonce).toBe(1n);

		const view = okOf<{ releasableAt: bigint; approvals: number; status: string }>(
			await net.as(vault.requester).recovery_request(vault.requestId)
		);
		expect(view.approvals).toBe(2);
		expect(view.releasableAt).toBeGreaterThanOrEqual(openedAt + DELAY_NS);

		// One second before the time-lock ends: refused, and no release key is derived.
		const remainingMs = Number((view.releasableAt - net.nowNs) / 1_000_000n);
		await net.devnet.advanceTime(remainingMs - SECOND_MS);
		expect(net.nowNs).toBeLessThan(view.releasableAt);
		const early = await net
			.as(vault.requester)
			.release_recovery({ requestId: vault.requestId, transportKey: new Uint8Array(48) });
		expect(stringify(early)).toContain('time-lock');
		expect(errOf(early)).toBe('NotReleasable');

		await net.devnet.advanceTime(SECOND_MS);
		expect(net.nowNs).toBeGreaterThanOrEqual(view.releasableAt);
		const entropy = await vault.recover(keys.release);
		expect(hex(entropy)).toBe(hex(vault.entropy));
		const phrase = await derivePhraseKey(entropy);
		expect(hex(phrase.publicKeyDer)).toBe(hex(vault.phrase.publicKeyDer));

		const log = okOf<{ kind: string }[]>(await net.as(vault.owner).audit_log(vault.vaultId));
		expect(log.map((e) => e.kind)).toContain('released');
	});

	it('after the recovery, no plaintext share, entropy or phrase is in heap or stable memory', async () => {
		// What must never reach the canister: the entropy, the phrase text, every share envelope
		// and its share bytes (decrypted here with the guardians' own vetKeys).
		const secrets: [string, Uint8Array][] = [
			['entropy', vault.entropy],
			['phrase', new TextEncoder().encode(phraseFromEntropy(vault.entropy).join(' '))]
		];
		for (let i = 0; i < vault.guardians.length; i++) {
			const { share } = await vault.guardianView(i);
			const key = await vault.guardianKey(i, keys.shares);
			const envelope = key.openEnvelope(share.ciphertext, vault.vaultId);
			if (!envelope.ok) throw new Error('cannot open own envelope');
			secrets.push([`envelope ${i}`, envelope.value]);
			secrets.push([`share ${i}`, envelope.value.subarray(12, 12 + 32)]);
		}
		const { heap, stable } = net.memory();
		expect(heap.length).toBeGreaterThan(1_000_000);
		expect(stable.length).toBeGreaterThan(0);
		// The scan finds what is there: the sealed ciphertext is stored, so it must be found.
		const { share } = await vault.guardianView(0);
		expect(Buffer.from(stable).indexOf(Buffer.from(share.ciphertext))).toBeGreaterThanOrEqual(0);
		for (const [name, secret] of secrets) {
			expect(Buffer.from(heap).indexOf(Buffer.from(secret)), `${name} in heap`).toBe(-1);
			expect(Buffer.from(stable).indexOf(Buffer.from(secret)), `${name} in stable`).toBe(-1);
		}
	});
});
