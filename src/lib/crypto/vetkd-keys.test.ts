import { Principal } from '@dfinity/principal';
import { MasterPublicKey, MasterPublicKeyId } from '@dfinity/vetkeys';
import { describe, expect, it } from 'vitest';
import { VetKdMasterKey, derivePublicKey } from '@tessera/devnet/testing';
import { VETKD_CONTEXT_RELEASE, VETKD_CONTEXT_SHARES } from '@tessera/contract';
import { masterPublicKeyFor, verifyReleaseKey, verifySharesKey } from './vetkd-keys';

// The devnet's vetKD math (independent of @dfinity/vetkeys) plays the IC's vetkd_public_key.
const master = VetKdMasterKey.fromSeed(new Uint8Array(32).fill(42));
const canisterId = Principal.fromText('bkyz2-fmaaa-aaaaa-qaaaq-cai');
const canister = canisterId.toUint8Array();

describe('derived public key verification', () => {
	it('accepts the local key it is given', () => {
		const local = masterPublicKeyFor('dfx_test_key', master.publicKey);
		if (!local.ok) throw new Error(local.error.kind);
		const shares = verifySharesKey(
			master.derivedPublicKey(canister, VETKD_CONTEXT_SHARES),
			local.value,
			canisterId
		);
		expect(shares.ok && shares.value.context).toBe('shares');
		const release = verifyReleaseKey(
			master.derivedPublicKey(canister, VETKD_CONTEXT_RELEASE),
			local.value,
			canisterId
		);
		expect(release.ok && release.value.context).toBe('release');
	});

	it('accepts mainnet keys derived independently (devnet math) from the built-in master key', () => {
		for (const keyName of [MasterPublicKeyId.KEY_1, MasterPublicKeyId.TEST_KEY_1]) {
			const mainnet = masterPublicKeyFor(keyName);
			if (!mainnet.ok) throw new Error(mainnet.error.kind);
			const masterBytes = MasterPublicKey.productionKey(keyName).publicKeyBytes();
			expect(mainnet.value.publicKeyBytes()).toEqual(masterBytes);
			const reported = derivePublicKey(masterBytes, canister, VETKD_CONTEXT_SHARES);
			expect(verifySharesKey(reported, mainnet.value, canisterId).ok).toBe(true);
		}
	});

	it('refuses keys of another canister, another context or another master', () => {
		const local = MasterPublicKey.deserialize(master.publicKey);
		const other = Principal.fromText('aaaaa-aa').toUint8Array();
		const mismatch = { ok: false, error: { kind: 'key-mismatch' } };
		expect(
			verifySharesKey(master.derivedPublicKey(other, VETKD_CONTEXT_SHARES), local, canisterId)
		).toEqual(mismatch);
		expect(
			verifySharesKey(master.derivedPublicKey(canister, VETKD_CONTEXT_RELEASE), local, canisterId)
		).toEqual(mismatch);
		expect(
			verifyReleaseKey(master.derivedPublicKey(canister, VETKD_CONTEXT_SHARES), local, canisterId)
		).toEqual(mismatch);
		const production = MasterPublicKey.productionKey();
		expect(
			verifySharesKey(
				master.derivedPublicKey(canister, VETKD_CONTEXT_SHARES),
				production,
				canisterId
			)
		).toEqual(mismatch);
		expect(verifySharesKey(new Uint8Array(96), local, canisterId)).toEqual(mismatch);
		expect(verifySharesKey(new Uint8Array(3), local, canisterId)).toEqual(mismatch);
	});

	it('needs a supplied master key for names other than mainnet ones', () => {
		expect(masterPublicKeyFor('dfx_test_key')).toEqual({
			ok: false,
			error: { kind: 'unknown-key-name', keyName: 'dfx_test_key' }
		});
		expect(masterPublicKeyFor('dfx_test_key', new Uint8Array(96).fill(1))).toEqual({
			ok: false,
			error: { kind: 'malformed-key' }
		});
	});
});
