// Replayed, expired, re-targeted or tampered signed operations are refused and change nothing.
import { describe, expect, it } from 'vitest';
import { Principal } from '@dfinity/principal';
import { ed25519 } from '@noble/curves/ed25519';
import { hexToBytes } from '@noble/hashes/utils';
import {
	checkSignedOperation,
	LIMITS,
	NS_PER_HOUR,
	payloadHash,
	type SignedOperation
} from '../../../canister/guardian/domain/index';
import { signOperation } from '../../../src/lib/crypto/operation';
import { OPERATION_VECTOR } from '../../../src/lib/crypto/vectors';
import { newKeyPair, TEST_CANISTER_ID } from './signing';
import { err, newPrincipal, ok, World } from './world';

const DELAY = 48n * NS_PER_HOUR;

function setDelay(w: World, op: SignedOperation, delayNs = DELAY) {
	return w.domain.setDelay(w.owner, w.now, { vaultId: w.vaultId, delayNs, op });
}

function unchanged(w: World, run: () => unknown): void {
	const before = w.digest();
	run();
	expect(w.digest()).toBe(before);
}

describe('signed operations', () => {
	it('a replayed operation fails with StaleNonce; the counter moves only on success', () => {
		const w = World.sealed();
		const nonce = w.vaultNonce();
		const op = w.sign({ purpose: 'set_policy', delayNs: DELAY });
		ok(setDelay(w, op));
		expect(w.vaultNonce()).toBe(nonce + 1n);
		unchanged(w, () =>
			expect(err(setDelay(w, op))).toEqual({ kind: 'StaleNonce', expected: nonce + 1n })
		);
		// A failed call does not consume the nonce.
		err(setDelay(w, w.sign({ purpose: 'set_policy', delayNs: 1n }), 1n), 'InvalidInput');
		expect(w.vaultNonce()).toBe(nonce + 1n);
	});

	it('a future nonce is refused too', () => {
		const w = World.sealed();
		const op = w.sign({ purpose: 'set_policy', delayNs: DELAY }, { nonce: w.vaultNonce() + 1n });
		unchanged(w, () => err(setDelay(w, op), 'StaleNonce'));
	});

	it('expired before now (valid up to its expiry ns, as protocol.ts); beyond the 10-minute cap', () => {
		const w = World.sealed();
		for (const expiresAt of [w.now - 1n, 0n]) {
			const op = w.sign({ purpose: 'set_policy', delayNs: DELAY }, { expiresAt });
			unchanged(w, () => err(setDelay(w, op), 'Expired'));
		}
		const far = w.now + LIMITS.maxSignatureValidityNs + 1n;
		const tooFar = w.sign({ purpose: 'set_policy', delayNs: DELAY }, { expiresAt: far });
		unchanged(w, () =>
			expect(err(setDelay(w, tooFar))).toEqual({ kind: 'ExpiryTooFar', maxExpiresAt: far - 1n })
		);
		const atCap = w.sign(
			{ purpose: 'set_policy', delayNs: DELAY },
			{ expiresAt: w.now + LIMITS.maxSignatureValidityNs }
		);
		ok(setDelay(w, atCap));
		const atNow = w.sign({ purpose: 'set_policy', delayNs: DELAY }, { expiresAt: w.now });
		ok(setDelay(w, atNow));
	});

	it('an operation signed now is refused once its expiry passes', () => {
		const w = World.sealed();
		const op = w.sign({ purpose: 'set_policy', delayNs: DELAY });
		w.advance(5n * 60n * 10n ** 9n + 1n);
		unchanged(w, () => err(setDelay(w, op), 'Expired'));
	});

	it('wrong purpose, wrong vault, wrong key, other arguments, tampered fields', () => {
		const w = World.sealed();
		const other = World.sealed(3, 2, 20_000n, w);
		const cases: [string, SignedOperation, string][] = [
			[
				'purpose',
				w.sign({ purpose: 'set_policy', delayNs: DELAY }, { purpose: 'delete_vault' }),
				'WrongPurpose'
			],
			[
				'vault',
				w.sign({ purpose: 'set_policy', delayNs: DELAY }, { vaultId: other.vaultId }),
				'WrongVault'
			],
			[
				'key',
				w.sign({ purpose: 'set_policy', delayNs: DELAY }, { key: other.phrase }),
				'BadSignature'
			],
			[
				'random key',
				w.sign({ purpose: 'set_policy', delayNs: DELAY }, { key: newKeyPair() }),
				'BadSignature'
			],
			[
				'canister',
				w.sign({ purpose: 'set_policy', delayNs: DELAY }, { canisterId: newPrincipal() }),
				'WrongCanister'
			],
			['arguments', w.sign({ purpose: 'set_policy', delayNs: DELAY + 1n }), 'PayloadMismatch']
		];
		const good = w.sign({ purpose: 'set_policy', delayNs: DELAY });
		const flipped = good.signature.slice();
		flipped[0] = (flipped[0] as number) ^ 1;
		cases.push(['signature bit', { ...good, signature: flipped }, 'BadSignature']);
		// Message layout: 28-byte domain prefix, version, lp(purpose 10), lp(canister 10), then
		// vault id, nonce, expiry (u64 each) and the payload hash.
		const expiryAt = 28 + 1 + 8 + 10 + 8 + 10 + 8 + 8;
		cases.push([
			'expiry field',
			{ ...good, message: patched(good.message, expiryAt + 7) },
			'BadSignature'
		]);
		const otherHash = w.sign({ purpose: 'set_policy', delayNs: DELAY + 1n }).message.slice(-32);
		const rehashed = good.message.slice();
		rehashed.set(otherHash, rehashed.length - 32);
		cases.push(['hash field', { ...good, message: rehashed }, 'PayloadMismatch']);
		for (const [name, op, kind] of cases) {
			unchanged(w, () => expect(err(setDelay(w, op)).kind, name).toBe(kind));
		}
		// An operation for one vault cannot be used on another, even by its own signer.
		const otherOp = other.sign({ purpose: 'set_policy', delayNs: DELAY });
		unchanged(w, () => err(setDelay(w, otherOp), 'WrongVault'));
		ok(setDelay(w, good));
	});

	it('a cancel signed for one request cannot cancel another', () => {
		const w = World.sealed().open();
		const first = w.requestId;
		w.cancel().advance(LIMITS.cooldownNs).open();
		// Signed with the current nonce, but for the earlier request id.
		const forFirst = w.sign({ purpose: 'cancel_recovery', requestId: first });
		unchanged(w, () =>
			err(
				w.domain.cancelRecovery(w.owner, w.now, { requestId: w.requestId, op: forFirst }),
				'PayloadMismatch'
			)
		);
	});

	it('create-vault: proof of possession by the phrase key, not replayable after delete', () => {
		const w = new World(3);
		const args = w.createArgs();
		// Someone else submitting the owner's proof does not become owner: the payload binds it.
		unchanged(w, () => err(w.domain.createVault(newPrincipal(), w.now, args), 'PayloadMismatch'));
		w.vaultId = ok(w.domain.createVault(w.owner, w.now, args)).vaultId;
		unchanged(w, () => err(w.domain.createVault(w.owner, w.now, args), 'AnchorHasVault'));
		const op = w.sign({ purpose: 'delete_vault' });
		ok(w.domain.deleteVault(w.owner, w.now, { vaultId: w.vaultId, op }));
		unchanged(w, () => err(w.domain.createVault(w.owner, w.now, args), 'StaleNonce'));
	});

	it('malformed messages and signatures are typed input errors', () => {
		const w = World.sealed();
		const good = w.sign({ purpose: 'set_policy', delayNs: DELAY });
		const unknownPurpose = good.message.slice();
		unknownPurpose[28 + 1 + 8] = 0x78; // 'set_policy' -> 'xet_policy'
		const bad: SignedOperation[] = [
			{ ...good, signature: good.signature.slice(0, 63) },
			{ ...good, message: good.message.slice(0, -1) },
			{ ...good, message: new Uint8Array([...good.message, 0]) },
			{ ...good, message: new Uint8Array(300) },
			{ ...good, message: patched(good.message, 0) },
			{ ...good, message: unknownPurpose }
		];
		for (const op of bad) {
			unchanged(w, () => err(setDelay(w, op), 'InvalidInput'));
		}
	});

	it('test signing equals the client signOperation and the shared vector', async () => {
		const key = newKeyPair();
		const w = World.sealed();
		const fields = {
			purpose: 'set_policy' as const,
			canisterId: TEST_CANISTER_ID,
			vaultId: w.vaultId,
			nonce: w.vaultNonce(),
			expiryNs: w.now + NS_PER_HOUR / 60n,
			payloadHash: payloadHash({ purpose: 'set_policy', delayNs: DELAY })
		};
		const client = await signOperation(
			{ sign: async (m) => ed25519.sign(m, key.secretKey) },
			fields
		);
		const ours = w.sign(
			{ purpose: 'set_policy', delayNs: DELAY },
			{ key, expiresAt: fields.expiryNs }
		);
		expect(ours.message).toEqual(client.message);
		expect(ours.signature).toEqual(client.signature);
		// The domain's verification accepts the shared protocol vector's signed message.
		const v = OPERATION_VECTOR;
		const vault = { vaultId: v.vaultId, nonce: v.nonce, publicKey: hexToBytes(v.publicKey) };
		const op = { message: hexToBytes(v.message), signature: hexToBytes(v.signature) };
		const payload = {
			purpose: 'seal_shares' as const,
			threshold: 2,
			commitment: new Uint8Array(32),
			guardians: [],
			shares: []
		};
		const seams = { canisterId: Principal.fromText(v.canisterId) };
		const now = v.expiryNs - 1n;
		// The vector's payload is not a seal payload: purpose, canister, vault and nonce all match,
		// so verification gets as far as the payload hash.
		expect(() => checkSignedOperation(op, { ...vault, payload }, now, seams)).toThrow(
			expect.objectContaining({ error: { kind: 'PayloadMismatch' } })
		);
	});
});

function patched(bytes: Uint8Array, at: number): Uint8Array {
	const out = bytes.slice();
	out[at] = (out[at] as number) ^ 1;
	return out;
}
