// Replayed, expired, re-targeted or tampered signed operations are refused and change nothing.
import { describe, expect, it } from 'vitest';
import { LIMITS, NS_PER_HOUR, type SignedOperation } from '../../../canister/guardian/domain/index';
import { newKeyPair } from './provisional-crypto';
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
		const op = w.sign({ purpose: 'set-delay', delayNs: DELAY });
		ok(setDelay(w, op));
		expect(w.vaultNonce()).toBe(nonce + 1n);
		unchanged(w, () =>
			expect(err(setDelay(w, op))).toEqual({ kind: 'StaleNonce', expected: nonce + 1n })
		);
		// A failed call does not consume the nonce.
		err(setDelay(w, w.sign({ purpose: 'set-delay', delayNs: 1n }), 1n), 'InvalidInput');
		expect(w.vaultNonce()).toBe(nonce + 1n);
	});

	it('a future nonce is refused too', () => {
		const w = World.sealed();
		const op = w.sign({ purpose: 'set-delay', delayNs: DELAY }, { nonce: w.vaultNonce() + 1n });
		unchanged(w, () => err(setDelay(w, op), 'StaleNonce'));
	});

	it('expired at or before now; expiry beyond the 10-minute cap', () => {
		const w = World.sealed();
		for (const expiresAt of [w.now, w.now - 1n, 0n]) {
			const op = w.sign({ purpose: 'set-delay', delayNs: DELAY }, { expiresAt });
			unchanged(w, () => err(setDelay(w, op), 'Expired'));
		}
		const far = w.now + LIMITS.maxSignatureValidityNs + 1n;
		const tooFar = w.sign({ purpose: 'set-delay', delayNs: DELAY }, { expiresAt: far });
		unchanged(w, () =>
			expect(err(setDelay(w, tooFar))).toEqual({ kind: 'ExpiryTooFar', maxExpiresAt: far - 1n })
		);
		const atCap = w.sign(
			{ purpose: 'set-delay', delayNs: DELAY },
			{ expiresAt: w.now + LIMITS.maxSignatureValidityNs }
		);
		ok(setDelay(w, atCap));
	});

	it('an operation signed now is refused once its expiry passes', () => {
		const w = World.sealed();
		const op = w.sign({ purpose: 'set-delay', delayNs: DELAY });
		w.advance(5n * 60n * 10n ** 9n);
		unchanged(w, () => err(setDelay(w, op), 'Expired'));
	});

	it('wrong purpose, wrong vault, wrong key, other arguments, tampered fields', () => {
		const w = World.sealed();
		const other = World.sealed(3, 2, 20_000n, w);
		const cases: [string, SignedOperation, string][] = [
			[
				'purpose',
				w.sign({ purpose: 'set-delay', delayNs: DELAY }, { purpose: 'delete-vault' }),
				'WrongPurpose'
			],
			[
				'vault',
				w.sign({ purpose: 'set-delay', delayNs: DELAY }, { vaultId: other.vaultId }),
				'WrongVault'
			],
			[
				'key',
				w.sign({ purpose: 'set-delay', delayNs: DELAY }, { key: other.phrase }),
				'WrongSigningKey'
			],
			[
				'random key',
				w.sign({ purpose: 'set-delay', delayNs: DELAY }, { key: newKeyPair() }),
				'WrongSigningKey'
			],
			['arguments', w.sign({ purpose: 'set-delay', delayNs: DELAY + 1n }), 'PayloadMismatch']
		];
		const good = w.sign({ purpose: 'set-delay', delayNs: DELAY });
		const flipped = good.signature.slice();
		flipped[0] = (flipped[0] as number) ^ 1;
		cases.push(['signature bit', { ...good, signature: flipped }, 'BadSignature']);
		cases.push(['expiry field', { ...good, expiresAt: good.expiresAt - 1n }, 'BadSignature']);
		const otherHash = w.sign({ purpose: 'set-delay', delayNs: DELAY + 1n }).payloadHash;
		cases.push(['hash field', { ...good, payloadHash: otherHash }, 'PayloadMismatch']);
		for (const [name, op, kind] of cases) {
			unchanged(w, () => expect(err(setDelay(w, op)).kind, name).toBe(kind));
		}
		// An operation for one vault cannot be used on another, even by its own signer.
		const otherOp = other.sign({ purpose: 'set-delay', delayNs: DELAY });
		unchanged(w, () => err(setDelay(w, otherOp), 'WrongVault'));
		ok(setDelay(w, good));
	});

	it('a cancel signed for one request cannot cancel another', () => {
		const w = World.sealed().open();
		const first = w.requestId;
		w.cancel().advance(LIMITS.cooldownNs).open();
		// Signed with the current nonce, but for the earlier request id.
		const forFirst = w.sign({ purpose: 'cancel-recovery', requestId: first });
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
		const op = w.sign({ purpose: 'delete-vault' });
		ok(w.domain.deleteVault(w.owner, w.now, { vaultId: w.vaultId, op }));
		unchanged(w, () => err(w.domain.createVault(w.owner, w.now, args), 'StaleNonce'));
	});

	it('malformed signature fields are typed input errors', () => {
		const w = World.sealed();
		const good = w.sign({ purpose: 'set-delay', delayNs: DELAY });
		const bad: Partial<SignedOperation>[] = [
			{ signature: good.signature.slice(0, 63) },
			{ publicKey: good.publicKey.slice(0, 31) },
			{ payloadHash: new Uint8Array(33) },
			{ purpose: 'grant-everything' as SignedOperation['purpose'] },
			{ nonce: -1n },
			{ expiresAt: 1n << 64n },
			{ vaultId: -5n }
		];
		for (const patch of bad) {
			unchanged(w, () => err(setDelay(w, { ...good, ...patch }), 'InvalidInput'));
		}
	});
});
