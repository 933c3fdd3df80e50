import { bytesToHex } from '@noble/hashes/utils';
import { describe, expect, it } from 'vitest';
import { VETKD_CONTEXT_RELEASE, VETKD_CONTEXT_SHARES } from '@tessera/contract';
import { master, TEST_CANISTER_ID } from '../../../tests/support/guardian-test-world';
import { trustedKeys, vetKdTrustFor } from './vetkd-trust';

const canister = TEST_CANISTER_ID.toUint8Array();
const honest = {
	vetkdPublicKeys: async () => ({
		shares: master.derivedPublicKey(canister, VETKD_CONTEXT_SHARES),
		release: master.derivedPublicKey(canister, VETKD_CONTEXT_RELEASE)
	})
};
const swapped = {
	vetkdPublicKeys: async () => {
		const { shares, release } = await honest.vetkdPublicKeys();
		return { shares: release, release: shares };
	}
};

describe('which vetKD keys to trust', () => {
	it('mainnet: the named master key; a devnet key is refused there', async () => {
		const trust = vetKdTrustFor({
			network: 'ic',
			vetKdKeyName: 'key_1',
			canisterId: TEST_CANISTER_ID
		});
		expect('master' in trust).toBe(true);
		await expect(trustedKeys(honest, trust)).rejects.toMatchObject({ kind: 'untrusted-key' });
		expect(() =>
			vetKdTrustFor({ network: 'ic', vetKdKeyName: 'dfx_test_key', canisterId: TEST_CANISTER_ID })
		).toThrow(expect.objectContaining({ kind: 'untrusted-key' }));
	});

	it('local with the devnet master key given: verified, and swapped keys are caught', async () => {
		const trust = vetKdTrustFor({
			network: 'local',
			vetKdKeyName: 'dfx_test_key',
			canisterId: TEST_CANISTER_ID,
			localMasterKeyHex: bytesToHex(master.publicKey)
		});
		const keys = await trustedKeys(honest, trust);
		expect(keys.shares.context).toBe('shares');
		await expect(trustedKeys(swapped, trust)).rejects.toMatchObject({ kind: 'untrusted-key' });
	});

	it('local without a master key: the replica’s keys, but only well-formed ones', async () => {
		const trust = vetKdTrustFor({
			network: 'local',
			vetKdKeyName: 'dfx_test_key',
			canisterId: TEST_CANISTER_ID
		});
		expect(trust).toEqual({ localReplica: true });
		const keys = await trustedKeys(honest, trust);
		expect(keys.release.key.publicKeyBytes()).toEqual((await honest.vetkdPublicKeys()).release);
		const garbage = {
			vetkdPublicKeys: async () => ({ shares: new Uint8Array(5), release: new Uint8Array(5) })
		};
		await expect(trustedKeys(garbage, trust)).rejects.toMatchObject({ kind: 'untrusted-key' });
	});
});
