// End-to-end seal -> approve -> release with real vetKD math: the devnet's VetKdMasterKey plays
// the management canister (same math as the IC, one local master secret instead of a shared one).
import { Principal } from '@dfinity/principal';
import { IbeCiphertext, IbeIdentity, IbeSeed } from '@dfinity/vetkeys';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { VetKdMasterKey } from '@tessera/devnet/testing';
import { derivePhraseKey } from './ii-key';
import {
	SHARE_CIPHERTEXT_BYTES,
	VETKD_CONTEXT_RELEASE,
	VETKD_CONTEXT_SHARES,
	releaseIdentity
} from '@tessera/contract';
import { encodeEnvelope } from './envelope';
import {
	masterPublicKeyFor,
	verifyReleaseKey,
	verifySharesKey,
	type ReleaseKey,
	type SharesKey
} from './vetkd-keys';
import {
	GuardianKeyRequest,
	ReleaseKeyRequest,
	sealShares,
	type GuardianKey,
	type Seal
} from './vetkeys';

// Pairing-heavy tests: generous timeouts for slow CI machines.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

const master = VetKdMasterKey.fromSeed(new Uint8Array(32).fill(42));
const canisterId = Principal.fromText('bkyz2-fmaaa-aaaaa-qaaaq-cai');
const canister = canisterId.toUint8Array();
const principal = (fill: number) => Principal.selfAuthenticating(new Uint8Array(44).fill(fill));
const guardians = [principal(1), principal(2), principal(3)];
const requester = principal(9);
const vaultId = 77n;
const requestId = 5n;
const entropy = Uint8Array.from({ length: 32 }, (_, i) => i * 7);

let sharesKey: SharesKey;
let releaseKey: ReleaseKey;
let seal: Seal;

/** The management canister's vetkd_derive_key, answered with the devnet math. */
function deriveForGuardian(request: GuardianKeyRequest) {
	return master.deriveEncryptedKey(
		canister,
		VETKD_CONTEXT_SHARES,
		request.input,
		request.transportPublicKey
	);
}

function deriveForRequester(request: ReleaseKeyRequest) {
	return master.deriveEncryptedKey(
		canister,
		VETKD_CONTEXT_RELEASE,
		request.input,
		request.transportPublicKey
	);
}

const guardianKeys = new Map<string, GuardianKey>();

/** One vetKey per guardian, derived once and reused (pairings are slow in pure JS). */
function guardianKey(guardian: Principal): GuardianKey {
	const cached = guardianKeys.get(guardian.toText());
	if (cached) return cached;
	const request = new GuardianKeyRequest(sharesKey, guardian);
	const key = request.receive(deriveForGuardian(request));
	if (!key.ok) throw new Error(key.error.kind);
	guardianKeys.set(guardian.toText(), key.value);
	return key.value;
}

const target = () => ({ releaseKey, requestId, requester });

beforeAll(async () => {
	const local = masterPublicKeyFor('dfx_test_key', master.publicKey);
	if (!local.ok) throw new Error(local.error.kind);
	const shares = verifySharesKey(
		master.derivedPublicKey(canister, VETKD_CONTEXT_SHARES),
		local.value,
		canisterId
	);
	const release = verifyReleaseKey(
		master.derivedPublicKey(canister, VETKD_CONTEXT_RELEASE),
		local.value,
		canisterId
	);
	if (!shares.ok || !release.ok) throw new Error('derived keys did not verify');
	sharesKey = shares.value;
	releaseKey = release.value;
	const sealed = await sealShares(
		entropy,
		{ canisterId, vaultId, threshold: 2, guardians },
		sharesKey
	);
	if (!sealed.ok) throw new Error(sealed.error.kind);
	seal = sealed.value;
});

describe('recovery end to end (seal, approve, release)', () => {
	it('seals one ciphertext per guardian, in slot order', () => {
		expect(seal.shares.map(({ guardian, index }) => [guardian.toText(), index])).toEqual(
			guardians.map((guardian, i) => [guardian.toText(), i + 1])
		);
		for (const { ciphertext } of seal.shares)
			expect(ciphertext).toHaveLength(SHARE_CIPHERTEXT_BYTES);
		expect(IbeCiphertext.ciphertextSize(49)).toBe(SHARE_CIPHERTEXT_BYTES);
	});

	it('gives the entropy back with one vetKey per guardian and one for the requester', async () => {
		const approvals = [0, 2].map((i) =>
			guardianKey(guardians[i]!).reencryptForRelease(seal.shares[i]!.ciphertext, vaultId, target())
		);
		const released = approvals.map((approval) => {
			if (!approval.ok) throw new Error(approval.error.kind);
			return approval.value;
		});
		const request = new ReleaseKeyRequest(releaseKey, requestId, requester);
		expect(request.input).toEqual(releaseIdentity(requestId, requester));
		const key = request.receive(deriveForRequester(request));
		if (!key.ok) throw new Error(key.error.kind);
		const recovered = await key.value.recover(released, { vaultId, commitment: seal.commitment });
		expect(recovered).toEqual({ ok: true, value: entropy });
		const phraseKey = await derivePhraseKey(recovered.ok ? recovered.value : new Uint8Array());
		expect(phraseKey.principal.toText()).toBe((await derivePhraseKey(entropy)).principal.toText());
	});

	it('each share carries its check principal; only its guardian re-derives the identity', () => {
		const keys = seal.shares.map((share) => share.checkPrincipal.toText());
		expect(new Set(keys).size).toBe(guardians.length);
		for (const [i, share] of seal.shares.entries()) {
			const identity = guardianKey(guardians[i]!).checkIdentity(
				share.ciphertext,
				vaultId,
				canisterId
			);
			if (!identity.ok) throw new Error(identity.error.kind);
			expect(identity.value.getPrincipal().toText()).toBe(keys[i]);
		}
		// Another guardian's vetKey cannot open the share, so it cannot derive the identity.
		const foreign = guardianKey(guardians[0]!).checkIdentity(
			seal.shares[1]!.ciphertext,
			vaultId,
			canisterId
		);
		expect(foreign).toEqual({ ok: false, error: { kind: 'undecryptable' } });
	});

	it('lets a guardian open its own envelope (for a paper copy)', () => {
		const opened = guardianKey(guardians[1]!).openEnvelope(seal.shares[1]!.ciphertext, vaultId);
		expect(opened.ok && opened.value).toHaveLength(49);
	});
});

describe('vetKey requests', () => {
	it('are single use: a second answer is refused', () => {
		const request = new GuardianKeyRequest(sharesKey, guardians[0]!);
		const answer = deriveForGuardian(request);
		expect(request.receive(answer).ok).toBe(true);
		expect(request.receive(answer)).toEqual({ ok: false, error: { kind: 'already-used' } });
	});

	it('use a fresh transport key each time', () => {
		const a = new GuardianKeyRequest(sharesKey, guardians[0]!);
		const b = new GuardianKeyRequest(sharesKey, guardians[0]!);
		expect(a.transportPublicKey).not.toEqual(b.transportPublicKey);
	});

	it('refuse a malformed encrypted key', () => {
		for (const bytes of [new Uint8Array(191), new Uint8Array(192).fill(0xff)]) {
			const request = new GuardianKeyRequest(sharesKey, guardians[0]!);
			expect(request.receive(bytes)).toEqual({
				ok: false,
				error: { kind: 'malformed-encrypted-key' }
			});
		}
	});

	it('refuse a key for another input, context or transport key', () => {
		const request = () => new GuardianKeyRequest(sharesKey, guardians[0]!);
		const invalid = { ok: false, error: { kind: 'invalid-vetkey' } };
		const r1 = request();
		const otherInput = master.deriveEncryptedKey(
			canister,
			VETKD_CONTEXT_SHARES,
			guardians[1]!.toUint8Array(),
			r1.transportPublicKey
		);
		expect(r1.receive(otherInput)).toEqual(invalid);
		const r2 = request();
		const otherContext = master.deriveEncryptedKey(
			canister,
			VETKD_CONTEXT_RELEASE,
			r2.input,
			r2.transportPublicKey
		);
		expect(r2.receive(otherContext)).toEqual(invalid);
		const r3 = request();
		expect(r3.receive(deriveForGuardian(request()))).toEqual(invalid);
	});
});

describe('guardian approval errors', () => {
	it("cannot decrypt another guardian's share", () => {
		const key = guardianKey(guardians[0]!);
		expect(key.reencryptForRelease(seal.shares[1]!.ciphertext, vaultId, target())).toEqual({
			ok: false,
			error: { kind: 'undecryptable' }
		});
	});

	it('refuses a malformed ciphertext', () => {
		const key = guardianKey(guardians[0]!);
		for (const bytes of [
			new Uint8Array(10),
			seal.shares[0]!.ciphertext.map((b, i) => (i < 8 ? 0 : b))
		]) {
			expect(key.reencryptForRelease(bytes, vaultId, target())).toEqual({
				ok: false,
				error: { kind: 'malformed-ciphertext' }
			});
		}
	});

	it('refuses a share of another vault (foreign)', () => {
		const key = guardianKey(guardians[0]!);
		expect(key.reencryptForRelease(seal.shares[0]!.ciphertext, vaultId + 1n, target())).toEqual({
			ok: false,
			error: { kind: 'foreign', vaultId }
		});
	});

	it('refuses a ciphertext whose plaintext is not an envelope', () => {
		const key = guardianKey(guardians[0]!);
		const identity = guardians[0]!.toUint8Array();
		const encrypt = (message: Uint8Array) =>
			IbeCiphertext.encrypt(
				sharesKey.key,
				IbeIdentity.fromBytes(identity),
				message,
				IbeSeed.random()
			).serialize();
		expect(key.reencryptForRelease(encrypt(new Uint8Array(49)), vaultId, target())).toEqual({
			ok: false,
			error: { kind: 'bad-envelope', error: { kind: 'unknown-version', version: 0 } }
		});
		const envelope = encodeEnvelope({
			vaultId,
			index: 1,
			threshold: 2,
			total: 3,
			share: new Uint8Array(33)
		});
		expect(key.reencryptForRelease(encrypt(envelope), vaultId, target()).ok).toBe(true);
	});
});

describe('requester errors', () => {
	async function recover(released: Uint8Array[], id = requestId) {
		const request = new ReleaseKeyRequest(releaseKey, id, requester);
		const key = request.receive(deriveForRequester(request));
		if (!key.ok) throw new Error(key.error.kind);
		return key.value.recover(released, { vaultId, commitment: seal.commitment });
	}

	function approve(i: number, id = requestId, who = requester) {
		const result = guardianKey(guardians[i]!).reencryptForRelease(
			seal.shares[i]!.ciphertext,
			vaultId,
			{
				releaseKey,
				requestId: id,
				requester: who
			}
		);
		if (!result.ok) throw new Error(result.error.kind);
		return result.value;
	}

	it('cannot open a share released to another request or requester', async () => {
		expect(await recover([approve(0), approve(1, requestId + 1n)])).toEqual({
			ok: false,
			error: { at: 1, kind: 'undecryptable' }
		});
		expect(await recover([approve(0, requestId, principal(8)), approve(1)])).toEqual({
			ok: false,
			error: { at: 0, kind: 'undecryptable' }
		});
	});

	it('refuses a shares-context ciphertext (never re-encrypted)', async () => {
		expect(await recover([approve(0), seal.shares[1]!.ciphertext])).toEqual({
			ok: false,
			error: { at: 1, kind: 'undecryptable' }
		});
	});

	it('reports too few and duplicate shares', async () => {
		expect(await recover([approve(0)])).toEqual({
			ok: false,
			error: { kind: 'too-few', have: 1, need: 2 }
		});
		const share = approve(2);
		expect(await recover([share, share])).toEqual({
			ok: false,
			error: { kind: 'duplicate', at: 1, index: 3 }
		});
	});
});

describe('seal errors', () => {
	it('refuses duplicate guardians, too many guardians and a bad threshold', async () => {
		expect(
			await sealShares(
				entropy,
				{ canisterId, vaultId, threshold: 2, guardians: [guardians[0]!, guardians[0]!] },
				sharesKey
			)
		).toEqual({
			ok: false,
			error: { kind: 'duplicate-guardian', index: 2 }
		});
		const eleven = Array.from({ length: 11 }, (_, i) => principal(100 + i));
		expect(
			await sealShares(entropy, { canisterId, vaultId, threshold: 2, guardians: eleven }, sharesKey)
		).toEqual({
			ok: false,
			error: { kind: 'bad-parameters' }
		});
		expect(
			await sealShares(entropy, { canisterId, vaultId, threshold: 4, guardians }, sharesKey)
		).toEqual({
			ok: false,
			error: { kind: 'bad-parameters' }
		});
		expect(
			await sealShares(
				new Uint8Array(31),
				{ canisterId, vaultId, threshold: 2, guardians },
				sharesKey
			)
		).toEqual({
			ok: false,
			error: { kind: 'bad-entropy' }
		});
	});
});

describe('paper shares at seal and recovery', () => {
	it('hands out the envelopes of the chosen slots only, equal to what the guardian opens', async () => {
		const sealed = await sealShares(
			entropy,
			{ canisterId, vaultId, threshold: 2, guardians },
			sharesKey,
			[3, 1]
		);
		if (!sealed.ok) throw new Error(sealed.error.kind);
		expect(sealed.value.paper.map(({ index }) => index)).toEqual([1, 3]);
		for (const { index, envelope } of sealed.value.paper) {
			const opened = guardianKey(guardians[index - 1]!).openEnvelope(
				sealed.value.shares[index - 1]!.ciphertext,
				vaultId
			);
			expect(opened.ok && opened.value).toEqual(envelope);
		}
		expect(seal.paper).toEqual([]); // none asked for, none handed out
	});

	it('refuses paper slots outside 1..n, repeated or not whole', async () => {
		for (const slots of [[0], [4], [2, 2], [1.5]]) {
			const sealed = await sealShares(
				entropy,
				{ canisterId, vaultId, threshold: 2, guardians },
				sharesKey,
				slots
			);
			expect(sealed).toEqual({ ok: false, error: { kind: 'bad-paper-slot', index: slots.at(-1) } });
		}
	});

	it('the requester combines one released share with a paper share of another slot', async () => {
		const sealed = await sealShares(
			entropy,
			{ canisterId, vaultId, threshold: 2, guardians },
			sharesKey,
			[2]
		);
		if (!sealed.ok) throw new Error(sealed.error.kind);
		const approval = guardianKey(guardians[0]!).reencryptForRelease(
			sealed.value.shares[0]!.ciphertext,
			vaultId,
			target()
		);
		if (!approval.ok) throw new Error(approval.error.kind);
		const request = new ReleaseKeyRequest(releaseKey, requestId, requester);
		const key = request.receive(deriveForRequester(request));
		if (!key.ok) throw new Error(key.error.kind);
		const expected = { vaultId, commitment: sealed.value.commitment };
		const paper = sealed.value.paper.map(({ envelope }) => envelope);
		expect(await key.value.recover([approval.value], expected, paper)).toEqual({
			ok: true,
			value: entropy
		});
		// a paper share of another vault is refused before combining
		const foreign = encodeEnvelope({
			vaultId: vaultId + 1n,
			index: 2,
			threshold: 2,
			total: 3,
			share: new Uint8Array(33)
		});
		expect(await key.value.recover([approval.value], expected, [foreign])).toEqual({
			ok: false,
			error: {
				kind: 'paper',
				error: { kind: 'other-vault', at: 0, vaultId: vaultId + 1n, expected: vaultId }
			}
		});
	});
});
