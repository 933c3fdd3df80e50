import { Ed25519KeyIdentity } from '@dfinity/identity';
import { Principal } from '@dfinity/principal';
import { ed25519 } from '@noble/curves/ed25519';
import { hmac } from '@noble/hashes/hmac';
import { pbkdf2 } from '@noble/hashes/pbkdf2';
import { sha224, sha512 } from '@noble/hashes/sha2';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils';
import { mnemonicToSeedWebcrypto } from '@scure/bip39';
import { describe, expect, it } from 'vitest';
import { II_DERIVATION_PATH, derivePhraseKey, slip10Ed25519 } from './ii-key';
import { phraseFromEntropy } from './phrase';

// SLIP-0010 published test vectors for ed25519 (satoshilabs/slips slip-0010.md).
const SLIP10_VECTORS = [
	{
		seed: '000102030405060708090a0b0c0d0e0f',
		chains: [
			[
				[],
				'90046a93de5380a72b5e45010748567d5ea02bbf6522f979e05c0d8d8ca9fffb',
				'2b4be7f19ee27bbf30c667b642d5f4aa69fd169872f8fc3059c08ebae2eb19e7',
				'a4b2856bfec510abab89753fac1ac0e1112364e7d250545963f135f2a33188ed'
			],
			[
				[0],
				'8b59aa11380b624e81507a27fedda59fea6d0b779a778918a2fd3590e16e9c69',
				'68e0fe46dfb67e368c75379acec591dad19df3cde26e63b93a8e704f1dade7a3',
				'8c8a13df77a28f3445213a0f432fde644acaa215fc72dcdf300d5efaa85d350c'
			],
			[
				[0, 1],
				'a320425f77d1b5c2505a6b1b27382b37368ee640e3557c315416801243552f14',
				'b1d0bad404bf35da785a64ca1ac54b2617211d2777696fbffaf208f746ae84f2',
				'1932a5270f335bed617d5b935c80aedb1a35bd9fc1e31acafd5372c30f5c1187'
			],
			[
				[0, 1, 2],
				'2e69929e00b5ab250f49c3fb1c12f252de4fed2c1db88387094a0f8c4c9ccd6c',
				'92a5b23c0b8a99e37d07df3fb9966917f5d06e02ddbd909c7e184371463e9fc9',
				'ae98736566d30ed0e9d2f4486a64bc95740d89c7db33f52121f8ea8f76ff0fc1'
			],
			[
				[0, 1, 2, 2],
				'8f6d87f93d750e0efccda017d662a1b31a266e4a6f5993b15f5c1f07f74dd5cc',
				'30d1dc7e5fc04c31219ab25a27ae00b50f6fd66622f6e9c913253d6511d1e662',
				'8abae2d66361c879b900d204ad2cc4984fa2aa344dd7ddc46007329ac76c429c'
			],
			[
				[0, 1, 2, 2, 1000000000],
				'68789923a0cac2cd5a29172a475fe9e0fb14cd6adb5ad98a3fa70333e7afa230',
				'8f94d394a8e8fd6b1bc2f3f49f5c47e385281d5c17e65324b0f62483e37e8793',
				'3c24da049451555d51a7014a37337aa4e12d41e485abccfa46b47dfb2af54b7a'
			]
		]
	},
	{
		seed: 'fffcf9f6f3f0edeae7e4e1dedbd8d5d2cfccc9c6c3c0bdbab7b4b1aeaba8a5a29f9c999693908d8a8784817e7b7875726f6c696663605d5a5754514e4b484542',
		chains: [
			[
				[],
				'ef70a74db9c3a5af931b5fe73ed8e1a53464133654fd55e7a66f8570b8e33c3b',
				'171cb88b1b3c1db25add599712e36245d75bc65a1a5c9e18d76f9f2b1eab4012'
			],
			[
				[0],
				'0b78a3226f915c082bf118f83618a618ab6dec793752624cbeb622acb562862d',
				'1559eb2bbec5790b0c65d8693e4d0875b1747f4970ae8b650486ed7470845635'
			],
			[
				[0, 2147483647],
				'138f0b2551bcafeca6ff2aa88ba8ed0ed8de070841f0c4ef0165df8181eaad7f',
				'ea4f5bfe8694d8bb74b7b59404632fd5968b774ed545e810de9c32a4fb4192f4'
			],
			[
				[0, 2147483647, 1],
				'73bd9fff1cfbde33a1b846c27085f711c0fe2d66fd32e139d3ebc28e5a4a6b90',
				'3757c7577170179c7868353ada796c839135b3d30554bbb74a4b1e4a5a58505c'
			],
			[
				[0, 2147483647, 1, 2147483646],
				'0902fe8a29f9140480a00ef244bd183e8a13288e4412d8389d140aac1794825a',
				'5837736c89570de861ebc173b1086da4f505d4adb387c6a1b1342d5e4ac9ec72'
			],
			[
				[0, 2147483647, 1, 2147483646, 2],
				'5d70af781f3a37b829f0d060924d5e960bdc02e85423494afc0b1a41bbe196d4',
				'551d333177df541ad876a60ea71f00447931c0a9da16f227c11ea080d7391b8d'
			]
		]
	}
] as const;

describe('SLIP-0010 Ed25519 against the published vectors', () => {
	for (const { seed, chains } of SLIP10_VECTORS) {
		for (const [path, chainCode, privateKey, publicKey] of chains) {
			it(`seed ${seed.slice(0, 8)}… path m/${path.map((i) => `${i}'`).join('/')}`, () => {
				const node = slip10Ed25519(hexToBytes(seed), path);
				expect(bytesToHex(node.chainCode)).toBe(chainCode);
				expect(bytesToHex(node.privateKey)).toBe(privateKey);
				if (publicKey) expect(bytesToHex(ed25519.getPublicKey(node.privateKey))).toBe(publicKey);
			});
		}
	}

	it('rejects indices outside the hardened range', () => {
		expect(() => slip10Ed25519(new Uint8Array(16), [-1])).toThrow(RangeError);
		expect(() => slip10Ed25519(new Uint8Array(16), [0x80000000])).toThrow(RangeError);
		expect(() => slip10Ed25519(new Uint8Array(16), [1.5])).toThrow(RangeError);
	});
});

/**
 * A second, independent path from phrase to principal, written only with @noble primitives:
 * PBKDF2-HMAC-SHA512(words, "mnemonic", 2048) -> SLIP-0010 -> Ed25519 -> DER -> sha224 || 0x02.
 */
function independentPrincipal(words: string): { der: string; principal: string } {
	const seed = pbkdf2(sha512, words.normalize('NFKD'), 'mnemonic', { c: 2048, dkLen: 64 });
	let digest = hmac(sha512, new TextEncoder().encode('ed25519 seed'), seed);
	for (const index of [44, 223, 0, 0, 0]) {
		const data = new Uint8Array(37);
		data.set(digest.subarray(0, 32), 1);
		new DataView(data.buffer).setUint32(33, (index | 0x80000000) >>> 0);
		digest = hmac(sha512, digest.subarray(32), data);
	}
	const der = Uint8Array.from([
		...hexToBytes('302a300506032b6570032100'),
		...ed25519.getPublicKey(digest.subarray(0, 32))
	]);
	const principal = Principal.fromUint8Array(Uint8Array.from([...sha224(der), 0x02]));
	return { der: bytesToHex(der), principal: principal.toText() };
}

// Phrase -> key vectors; each one is also checked against independentPrincipal above.
const PHRASE_VECTORS = [
	{
		entropy: '00'.repeat(32),
		der: '302a300506032b65700321006bdc6dec43e41c28d3e31049cd9e583c41ad8d67c96444b584cb553873eec6d9',
		principal: '5nrsv-gw4hr-5wxr4-pws3a-cdgs2-kih6n-5liig-ylgxg-inbpv-3spsz-uae'
	},
	{
		entropy: '000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f',
		der: '302a300506032b6570032100dae8bd75a9dbd7cbd5dffabdcdfba231c90c3299f2c90e9eb073f1b5050395ff',
		principal: 'iboe7-27jcu-fwv5l-c2f7q-lctlv-2srwp-vyeb3-ot5cv-445zn-pd4e4-aqe'
	}
];

describe('II recovery phrase key', () => {
	it("uses II's derivation path m/44'/223'/0'/0'/0'", () => {
		expect(II_DERIVATION_PATH).toEqual([44, 223, 0, 0, 0]);
	});

	for (const vector of PHRASE_VECTORS) {
		it(`derives the vector key for entropy ${vector.entropy.slice(0, 8)}…`, async () => {
			const entropy = hexToBytes(vector.entropy);
			const independent = independentPrincipal(phraseFromEntropy(entropy).join(' '));
			expect(independent).toEqual({ der: vector.der, principal: vector.principal });
			const key = await derivePhraseKey(entropy);
			expect(bytesToHex(key.publicKeyDer)).toBe(vector.der);
			expect(key.principal.toText()).toBe(vector.principal);
			expect(key.identity.getPrincipal().toText()).toBe(vector.principal);
		});
	}

	it('matches the independent path for random phrases', async () => {
		for (let i = 0; i < 3; i++) {
			const entropy = crypto.getRandomValues(new Uint8Array(32));
			const key = await derivePhraseKey(entropy);
			const independent = independentPrincipal(phraseFromEntropy(entropy).join(' '));
			expect(bytesToHex(key.publicKeyDer)).toBe(independent.der);
			expect(key.principal.toText()).toBe(independent.principal);
		}
	});

	it('uses the BIP39 seed function II uses (Trezor vector, passphrase "TREZOR")', async () => {
		const words = phraseFromEntropy(new Uint8Array(32)).join(' ');
		expect(bytesToHex(await mnemonicToSeedWebcrypto(words, 'TREZOR'))).toBe(
			'bda85446c68413707090a52022edd26a1c9462295029f2e60cd7c4f2bbd3097170af7a4d73245cafa9c3cca8d561a7c3de6f5d4a10be8ed2a5e608d68f92fcc8'
		);
	});

	it('signs like the identity II would build from the same seed', async () => {
		const entropy = hexToBytes(PHRASE_VECTORS[1]?.entropy ?? '');
		const key = await derivePhraseKey(entropy);
		const message = new TextEncoder().encode('tessera');
		const signature = await key.identity.sign(message);
		expect(ed25519.verify(signature, message, key.publicKeyDer.slice(12))).toBe(true);
		const roundTrip = Ed25519KeyIdentity.fromSecretKey(key.identity.getKeyPair().secretKey);
		expect(roundTrip.getPrincipal().toText()).toBe(key.principal.toText());
	});

	it("agrees with another project's key on II's path (12 words, icp-py-core's test vector)", async () => {
		// eliezhao/icp-py-core tests/test_identity.py: an independent implementation of II's path.
		const words = 'fence dragon soft spoon embrace bronze regular hawk more remind detect slam';
		const seed = await mnemonicToSeedWebcrypto(words);
		expect(bytesToHex(slip10Ed25519(seed, II_DERIVATION_PATH).privateKey)).toBe(
			'8cb300e3b7d3d5181bda96437a6a5e6d8cdfc0eba02497e7bb6a3e320f5736c9'
		);
	});

	it('rejects entropy of the wrong length', async () => {
		await expect(derivePhraseKey(new Uint8Array(16))).rejects.toThrow(RangeError);
	});
});
