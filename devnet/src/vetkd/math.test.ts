import { Principal } from '@dfinity/principal';
import {
	DerivedPublicKey,
	EncryptedVetKey,
	IbeCiphertext,
	IbeIdentity,
	IbeSeed,
	MasterPublicKey,
	MasterPublicKeyId,
	TransportSecretKey,
	augmentedHashToG1,
	hashToScalar as vetkeysHashToScalar
} from '@dfinity/vetkeys';
import { bls12_381 as bls } from '@noble/curves/bls12-381';
import { bytesToNumberBE } from '@noble/curves/abstract/utils';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils';
import { describe, expect, it } from 'vitest';
import {
	DST_CANISTER,
	InvalidTransportKeyError,
	VetKdMasterKey,
	derivePublicKey,
	hashToG1,
	hashToScalar
} from './math';

const text = (s: string) => new TextEncoder().encode(s);
const canisterId = Principal.fromText('bkyz2-fmaaa-aaaaa-qaaaq-cai').toUint8Array();
const context = text('tessera/v1/shares');
const guardian = Principal.selfAuthenticating(new Uint8Array(44).fill(7)).toUint8Array();

/** C3 - C1 * tsk, after checking the ciphertext and the key: an independent decryption. */
function decryptIndependently(
	encrypted: Uint8Array,
	transportSecret: bigint,
	derivedKey: Uint8Array,
	input: Uint8Array
): Uint8Array {
	const c1 = bls.G1.ProjectivePoint.fromHex(encrypted.subarray(0, 48));
	const c2 = bls.G2.ProjectivePoint.fromHex(encrypted.subarray(48, 144));
	const c3 = bls.G1.ProjectivePoint.fromHex(encrypted.subarray(144));
	const Fp12 = bls.fields.Fp12;
	const g2 = bls.G2.ProjectivePoint.BASE;
	expect(Fp12.eql(bls.pairing(c1, g2), bls.pairing(bls.G1.ProjectivePoint.BASE, c2))).toBe(true);
	const key = c3.subtract(c1.multiply(transportSecret));
	const dpk = bls.G2.ProjectivePoint.fromHex(derivedKey);
	expect(Fp12.eql(bls.pairing(key, g2), bls.pairing(hashToG1(derivedKey, input), dpk))).toBe(true);
	return key.toRawBytes(true);
}

describe('vetKD math against upstream vectors (dfinity/vetkeys unit tests)', () => {
	const vectorCanister = hexToBytes('0000000000c0a0d00101');
	const vectorContext = text('context-string');

	it('derives mainnet key_1 canister and context keys', () => {
		const key1 = MasterPublicKey.productionKey(MasterPublicKeyId.KEY_1).publicKeyBytes();
		expect(bytesToHex(derivePublicKey(key1, vectorCanister, new Uint8Array()))).toBe(
			'a4df5fb733dc53ba0b3f8dab3f7538b2f345052072f69a5749d630d9c2b2b1c4b00af09fa1d993e1ce533996961575ad027e058e2a279ab05271c115ef27d750b6b233f12bc9f1973b203e338d43b6a7617be58d5c7195dfb809d756413bc006'
		);
		expect(bytesToHex(derivePublicKey(key1, vectorCanister, vectorContext))).toBe(
			'aa45fccb82432315e39fedb1b1f150d2e895fb1f7399cc593b826ac151b519f0966b92aef49a89efe60570ef325f0f7e1974ac3519d2e127a52c013e246aedbff2158bdd0bb9f26c763c88c0b8ec796f401d057eab276d0a34384a8a97b1937f'
		);
	});

	it('derives a test_key_1 context key', () => {
		const testKey1 = MasterPublicKey.productionKey(MasterPublicKeyId.TEST_KEY_1).publicKeyBytes();
		expect(bytesToHex(derivePublicKey(testKey1, vectorCanister, vectorContext))).toBe(
			'958a2700438db39cf848f99c80d4d1c0f42b5e6783c35abffe5acda4fdb09548a025fdf85aad8980fcf6e20c1082596310c2612a3f3034c56445ddfc32a0c3cd34a7d0fea8df06a2996c54e21e3f8361a6e633d706ff58e979858fe436c7edf3'
		);
	});

	it('hashes to a scalar as the hash-to-field vector says', () => {
		const dst = 'QUUX-V01-CS02-with-BLS12381SCALAR_XMD:SHA-256_SSWU_RO_';
		expect(hashToScalar(text('abc'), dst).toString(16)).toBe(
			'47e7a8839695a3df27f202cf71e295a8554b47cef75c1e316b1865317720e188'
		);
	});

	it('decrypts the upstream encrypted vetKey to the upstream vetKey', () => {
		const transportSecret = bytesToNumberBE(
			hexToBytes('167b736e44a1c134bd46ca834220c75c186768612568ac264a01554c46633e76')
		);
		const derivedKey = hexToBytes(
			'972c4c6cc184b56121a1d27ef1ca3a2334d1a51be93573bd18e168f78f8fe15ce44fb029ffe8e9c3ee6bea2660f4f35e0774a35a80d6236c050fd8f831475b5e145116d3e83d26c533545f64b08464e4bcc755f990a381efa89804212d4eef5f'
		);
		const encrypted = hexToBytes(
			'b1a13757eaae15a3c8884fc1a3453f8a29b88984418e65f1bd21042ce1d6809b2f8a49f7326c1327f2a3921e8ff1d6c3adde2a801f1f88de98ccb40c62e366a279e7aec5875a0ce2f2a9f3e109d9cb193f0197eadb2c5f5568ee4d6a87e115910662e01e604087246be8b081fc6b8a06b4b0100ed1935d8c8d18d9f70d61718c5dba23a641487e72b3b25884eeede8feb3c71599bfbcebe60d29408795c85b4bdf19588c034d898e7fc513be8dbd04cac702a1672f5625f5833d063b05df7503'
		);
		expect(
			bytesToHex(decryptIndependently(encrypted, transportSecret, derivedKey, text('message')))
		).toBe(
			'987db5406ce297e729c8564a106dc896943b00216a095fe9c5d32a16a330c02eb80e6f468ede83cde5462b5145b58f65'
		);
	});
});

describe('VetKdMasterKey interoperates with @dfinity/vetkeys', () => {
	const master = VetKdMasterKey.fromSeed(text('a fixed seed for reproducible tests'));
	const derived = master.derivedPublicKey(canisterId, context);
	const dpk = DerivedPublicKey.deserialize(derived);

	it('agrees with the library on primitives and public derivation', () => {
		expect(hashToScalar(text('x'), DST_CANISTER)).toBe(
			vetkeysHashToScalar(text('x'), DST_CANISTER)
		);
		const fromLibrary = MasterPublicKey.deserialize(master.publicKey)
			.deriveCanisterKey(canisterId)
			.deriveSubKey(context);
		expect(bytesToHex(derived)).toBe(bytesToHex(fromLibrary.publicKeyBytes()));
		expect(bytesToHex(derivePublicKey(master.publicKey, canisterId, context))).toBe(
			bytesToHex(derived)
		);
		expect(bytesToHex(augmentedHashToG1(dpk, guardian).toRawBytes(true))).toBe(
			bytesToHex(hashToG1(derived, guardian).toRawBytes(true))
		);
	});

	it('derives an encrypted vetKey that decryptAndVerify accepts, and IBE round-trips', () => {
		const transport = TransportSecretKey.random();
		const encrypted = master.deriveEncryptedKey(
			canisterId,
			context,
			guardian,
			transport.publicKeyBytes()
		);
		expect(encrypted).toHaveLength(192);
		const vetKey = EncryptedVetKey.deserialize(encrypted).decryptAndVerify(
			transport,
			dpk,
			guardian
		);
		expect(bytesToHex(vetKey.signatureBytes())).toBe(
			bytesToHex(master.vetKey(canisterId, context, guardian))
		);

		const plaintext = crypto.getRandomValues(new Uint8Array(33));
		const ciphertext = IbeCiphertext.encrypt(
			dpk,
			IbeIdentity.fromBytes(guardian),
			plaintext,
			IbeSeed.random()
		).serialize();
		expect(IbeCiphertext.deserialize(ciphertext).decrypt(vetKey)).toEqual(plaintext);
	});

	it('fails verification for the wrong input, context or transport key', () => {
		const transport = TransportSecretKey.random();
		const encrypted = master.deriveEncryptedKey(
			canisterId,
			context,
			guardian,
			transport.publicKeyBytes()
		);
		const decrypt = (tsk: TransportSecretKey, key: DerivedPublicKey, input: Uint8Array) =>
			EncryptedVetKey.deserialize(encrypted).decryptAndVerify(tsk, key, input);
		expect(() => decrypt(transport, dpk, text('someone else'))).toThrow();
		const otherContext = DerivedPublicKey.deserialize(
			master.derivedPublicKey(canisterId, text('tessera/v1/release'))
		);
		expect(() => decrypt(transport, otherContext, guardian)).toThrow();
		expect(() => decrypt(TransportSecretKey.random(), dpk, guardian)).toThrow();
	});

	it('rejects malformed transport keys with a typed error', () => {
		const derive = (tpk: Uint8Array) =>
			master.deriveEncryptedKey(canisterId, context, guardian, tpk);
		expect(() => derive(new Uint8Array(47))).toThrow(InvalidTransportKeyError);
		expect(() => derive(new Uint8Array(48).fill(0xff))).toThrow(InvalidTransportKeyError);
		const identity = bls.G1.ProjectivePoint.ZERO.toRawBytes(true);
		expect(() => derive(identity)).toThrow(InvalidTransportKeyError);
	});

	it('persists as 32 secret bytes and restores the same key', () => {
		const restored = VetKdMasterKey.fromSecretBytes(master.secretBytes());
		expect(bytesToHex(restored.publicKey)).toBe(bytesToHex(master.publicKey));
		expect(VetKdMasterKey.random().publicKey).not.toEqual(master.publicKey);
	});
});
