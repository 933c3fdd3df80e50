// BLS12-381 signatures as the IC's subnets make them: "min-sig" (signatures in G1, 48 bytes
// compressed; public keys in G2, 96 bytes), message hashed to G1 with the DST below.
// @dfinity/agent verifies them with @noble/curves.
//
// Signing runs in mcl-wasm (herumi's mcl compiled to WebAssembly, shipped inside the npm package:
// no native code, no install script): ~2 ms a signature here against ~18 ms for @noble/curves'
// bigint arithmetic. Native blst from npm (@chainsafe/blst) only signs in G2 under Ethereum's
// DST, so it cannot make IC signatures. Verification (certificates inside canister signatures)
// runs in mcl too: two Miller loops and one final exponentiation, ~10-20 ms here against ~70 ms
// for noble's verifyShortSignature.
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
// Deserializing a point checks that it lies in the prime-order subgroup (signatures and public
// keys from requests are untrusted).
mcl.verifyOrderG1(true);
mcl.verifyOrderG2(true);

function fieldElement(value: bigint): mcl.Fp {
	const element = new mcl.Fp();
	element.setBigEndianMod(noble.fields.Fp.toBytes(value));
	return element;
}

function hashToG1(message: Uint8Array): mcl.G1 {
	const [u0, u1] = hash_to_field(message, 2, HASH_TO_FIELD).map(([u]) => u as bigint);
	return mcl.add(fieldElement(u0 as bigint).mapToG1(), fieldElement(u1 as bigint).mapToG1());
}

const NEGATED_G2_GENERATOR = (() => {
	const generator = new mcl.G2();
	generator.deserialize(noble.G2.ProjectivePoint.BASE.toRawBytes(true));
	return new mcl.PrecomputedG2(mcl.neg(generator));
})();

function deserialized<P extends mcl.G1 | mcl.G2>(point: P, bytes: Uint8Array): P | undefined {
	try {
		point.deserialize(bytes);
		return point.isZero() ? undefined : point;
	} catch {
		return undefined; // not a point, or not in the subgroup
	}
}

// Public keys are few (the root key, a delegated subnet's key): their Miller-loop lines are
// precomputed once, which saves about a third of a verification.
const MAX_PRECOMPUTED_KEYS = 16;
const precomputedKeys = new Map<string, mcl.PrecomputedG2>();

function precomputedKey(publicKey: Uint8Array): mcl.PrecomputedG2 | undefined {
	const id = Buffer.from(publicKey).toString('hex');
	const known = precomputedKeys.get(id);
	if (known) return known;
	const key = deserialized(new mcl.G2(), publicKey);
	if (!key) return undefined;
	if (precomputedKeys.size >= MAX_PRECOMPUTED_KEYS) {
		for (const stale of precomputedKeys.values()) stale.destroy();
		precomputedKeys.clear();
	}
	const precomputed = new mcl.PrecomputedG2(key);
	precomputedKeys.set(id, precomputed);
	return precomputed;
}

/**
 * Verifies an IC BLS signature (48-byte G1) of `message` under a 96-byte G2 public key:
 * e(signature, -g2) * e(H(message), publicKey) == 1, as one final exponentiation.
 */
export function verifyBlsSignature(
	publicKey: Uint8Array,
	message: Uint8Array,
	signature: Uint8Array
): boolean {
	if (publicKey.length !== 96 || signature.length !== 48) return false;
	const key = precomputedKey(publicKey);
	const point = deserialized(new mcl.G1(), signature);
	if (!key || !point) return false;
	const lines = mcl.precomputedMillerLoop2(point, NEGATED_G2_GENERATOR, hashToG1(message), key);
	return mcl.finalExp(lines).isOne();
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
		return mcl.mul(hashToG1(message), this.scalar).serialize();
	}
}
