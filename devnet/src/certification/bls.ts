// BLS12-381 signatures as the IC's subnets make them: "min-sig" (signatures in G1, 48 bytes
// compressed; public keys in G2, 96 bytes), message hashed to G1 with the DST below.
// @dfinity/agent verifies them with @noble/curves.
//
// Signing runs in mcl-wasm (herumi's mcl compiled to WebAssembly, shipped inside the npm package:
// no native code, no install script): ~2 ms a signature here against ~18 ms for @noble/curves'
// bigint arithmetic. Native blst from npm (@chainsafe/blst) only signs in G2 under Ethereum's
// DST, so it cannot make IC signatures.
//
// hash_to_curve(m) = clear_cofactor(map(u0) + map(u1)) (RFC 9380). Clearing the cofactor is a
// group homomorphism, so mcl's map to G1 (SSWU, isogeny, cofactor clearing) of u0 and of u1,
// added, is the same point. u0 and u1 come from noble's hash_to_field (SHA-256 only, cheap).
// Tests compare every step with noble's signShortSignature.
import { hash_to_field } from '@noble/curves/abstract/hash-to-curve';
import { bls12_381 as noble } from '@noble/curves/bls12-381';
import { bytesToNumberBE } from '@noble/curves/abstract/utils';
import { sha256 } from '@noble/hashes/sha2';
import * as mcl from 'mcl-wasm';

export const IC_SIGNATURE_DST = 'BLS_SIG_BLS12381G1_XMD:SHA-256_SSWU_RO_NUL_';

const HASH_TO_FIELD = {
	DST: IC_SIGNATURE_DST,
	p: noble.fields.Fp.ORDER,
	m: 1,
	k: 128,
	expand: 'xmd',
	hash: sha256
} as const;

// mcl's settings are global to the process; nothing else in devnet uses mcl.
await mcl.init(mcl.BLS12_381);
mcl.setETHserialization(true); // ZCash point encoding, as the IC and noble use
mcl.setMapToMode(mcl.IRTF); // RFC 9380 map to curve, not mcl's legacy one

function fieldElement(value: bigint): mcl.Fp {
	const element = new mcl.Fp();
	element.setBigEndianMod(noble.fields.Fp.toBytes(value));
	return element;
}

/**
 * A BLS secret key that signs IC style; the secret stays in memory.
 *
 * @example
 * const signature = new BlsSigningKey(secret).sign(message);
 */
export class BlsSigningKey {
	/** 96-byte compressed G2 public key. */
	readonly publicKey: Uint8Array;
	private readonly scalar: mcl.Fr;

	/** `secret`: 32 big-endian bytes, nonzero and below the group order. */
	constructor(secret: Uint8Array) {
		const value = secret.length === 32 ? bytesToNumberBE(secret) : 0n;
		if (value === 0n || value >= noble.fields.Fr.ORDER) {
			throw new RangeError('a BLS12-381 secret key is 32 bytes, nonzero, below the group order');
		}
		this.publicKey = noble.getPublicKeyForShortSignatures(secret);
		this.scalar = new mcl.Fr();
		this.scalar.setBigEndianMod(secret);
	}

	/**
	 * The 48-byte compressed G1 signature of `message`.
	 *
	 * @example
	 * const ok = bls12_381.verifyShortSignature(key.sign(message), message, key.publicKey);
	 */
	sign(message: Uint8Array): Uint8Array {
		const [u0, u1] = hash_to_field(message, 2, HASH_TO_FIELD).map(([u]) => u as bigint);
		const point = mcl.add(
			fieldElement(u0 as bigint).mapToG1(),
			fieldElement(u1 as bigint).mapToG1()
		);
		return mcl.mul(point, this.scalar).serialize();
	}
}
