// The mcl-wasm signer against @noble/curves (tested upstream against RFC 9380's vectors and the
// implementation @dfinity/agent verifies certificates with).
import { bls12_381 as noble } from '@noble/curves/bls12-381';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BlsSigningKey, IC_SIGNATURE_DST, verifyBlsSignature } from './bls';

const ORDER = noble.fields.Fr.ORDER;
const secretOf = (value: bigint) => hexToBytes(value.toString(16).padStart(64, '0'));

describe('BlsSigningKey', () => {
	it('signs exactly as noble signShortSignature, for any message and key', () => {
		fc.assert(
			fc.property(
				fc.uint8Array({ maxLength: 300 }),
				fc.bigInt({ min: 1n, max: ORDER - 1n }),
				(message, scalar) => {
					const secret = secretOf(scalar);
					const key = new BlsSigningKey(secret);
					const signature = key.sign(message);
					expect(bytesToHex(signature)).toBe(
						bytesToHex(noble.signShortSignature(message, secret) as Uint8Array)
					);
					expect(key.publicKey).toEqual(noble.getPublicKeyForShortSignatures(secret));
				}
			),
			{ numRuns: 12 } // noble takes ~20 ms a signature and ~50 ms a G2 key
		);
	});

	it('hashes to G1 with the IC DST (with secret 1 the signature is the hash)', () => {
		const one = new BlsSigningKey(secretOf(1n));
		for (const text of ['', 'abc', 'ic-state-root'.repeat(20)]) {
			const message = new TextEncoder().encode(text);
			const hash = noble.G1.hashToCurve(message, { DST: IC_SIGNATURE_DST });
			const point = noble.G1.ProjectivePoint.fromAffine(hash.toAffine());
			expect(bytesToHex(one.sign(message))).toBe(bytesToHex(point.toRawBytes(true)));
		}
	});

	it('makes signatures that verify under its key only, for its message only', () => {
		const key = new BlsSigningKey(noble.utils.randomPrivateKey());
		const other = new BlsSigningKey(noble.utils.randomPrivateKey());
		const message = new TextEncoder().encode('certificate');
		const signature = key.sign(message);
		expect(signature).toHaveLength(48);
		expect(noble.verifyShortSignature(signature, message, key.publicKey)).toBe(true);
		expect(noble.verifyShortSignature(signature, message, other.publicKey)).toBe(false);
		const altered = new TextEncoder().encode('certificatf');
		expect(noble.verifyShortSignature(signature, altered, key.publicKey)).toBe(false);
	});

	it('refuses secrets that are not keys: zero, the group order and above, wrong lengths', () => {
		expect(() => new BlsSigningKey(secretOf(0n))).toThrow();
		expect(() => new BlsSigningKey(secretOf(ORDER))).toThrow();
		expect(() => new BlsSigningKey(secretOf(ORDER + 5n))).toThrow();
		expect(() => new BlsSigningKey(new Uint8Array(31).fill(1))).toThrow();
		expect(() => new BlsSigningKey(new Uint8Array(33).fill(1))).toThrow();
	});
});

describe('verifyBlsSignature', () => {
	const secret = noble.utils.randomPrivateKey();
	const key = new BlsSigningKey(secret);
	const message = new TextEncoder().encode('\x0Dic-state-root and a root hash');
	const signature = key.sign(message);

	it('accepts what noble accepts: the signature of the message under the key', () => {
		expect(noble.verifyShortSignature(signature, message, key.publicKey)).toBe(true);
		expect(verifyBlsSignature(key.publicKey, message, signature)).toBe(true);
		const nobleSignature = noble.signShortSignature(message, secret) as Uint8Array;
		expect(verifyBlsSignature(key.publicKey, message, nobleSignature)).toBe(true);
	});

	it('refuses another message, another key, altered or malformed bytes', () => {
		const other = new BlsSigningKey(noble.utils.randomPrivateKey());
		expect(verifyBlsSignature(key.publicKey, message.subarray(1), signature)).toBe(false);
		expect(verifyBlsSignature(other.publicKey, message, signature)).toBe(false);
		expect(verifyBlsSignature(key.publicKey, message, other.sign(message))).toBe(false);
		const flipped = Uint8Array.from(signature);
		flipped[47] = (flipped[47] as number) ^ 1;
		expect(verifyBlsSignature(key.publicKey, message, flipped)).toBe(false);
		expect(verifyBlsSignature(key.publicKey, message, signature.subarray(0, 47))).toBe(false);
		expect(verifyBlsSignature(key.publicKey.subarray(1), message, signature)).toBe(false);
		expect(verifyBlsSignature(key.publicKey, message, new Uint8Array(48))).toBe(false);
		const infinity = noble.G1.ProjectivePoint.ZERO.toRawBytes(true);
		expect(verifyBlsSignature(key.publicKey, message, infinity)).toBe(false);
	});
});
