// The math of the IC's vetKD management methods with one local master secret key per key name
// instead of a threshold-shared one. Compatible with @dfinity/vetkeys (proven by the tests):
//   lp(x)           = u64_be(len x) || x
//   canister offset = H2S(lp(mpk) || lp(canister_id), DST_CANISTER)
//   context offset  = H2S(lp(cpk) || lp(context), DST_CONTEXT)        (skipped for empty context)
//   derived key     = g2 * (msk + o1 [+ o2])
//   vetKey          = dsk * H_G1(dpk || input)                         (augmented BLS signature)
//   EncryptedVetKey = C1 (G1) || C2 (G2) || C3 (G1) with C1 = g1*t, C2 = g2*t, C3 = vetKey + tpk*t
import { bls12_381 as bls } from '@noble/curves/bls12-381';
import { hash_to_field } from '@noble/curves/abstract/hash-to-curve';
import { bytesToNumberBE, numberToBytesBE } from '@noble/curves/abstract/utils';
import { sha256 } from '@noble/hashes/sha2';
import { concatBytes, randomBytes } from '@noble/hashes/utils';

const G1 = bls.G1.ProjectivePoint;
const G2 = bls.G2.ProjectivePoint;
const Fr = bls.fields.Fr;

export const DST_CANISTER = 'ic-vetkd-bls12-381-g2-canister-id';
export const DST_CONTEXT = 'ic-vetkd-bls12-381-g2-context';
export const DST_VETKEY = 'BLS_SIG_BLS12381G1_XMD:SHA-256_SSWU_RO_AUG_';

export const TRANSPORT_PUBLIC_KEY_BYTES = 48;
export const ENCRYPTED_KEY_BYTES = 192;

/** Thrown for a transport public key that is not a valid, non-identity compressed G1 point. */
export class InvalidTransportKeyError extends Error {
	constructor(reason: string) {
		super(`invalid transport public key: ${reason}`);
		this.name = 'InvalidTransportKeyError';
	}
}

function lengthPrefixed(bytes: Uint8Array): Uint8Array {
	const prefix = new Uint8Array(8);
	new DataView(prefix.buffer).setBigUint64(0, BigInt(bytes.length), false);
	return concatBytes(prefix, bytes);
}

export function hashToScalar(message: Uint8Array, dst: string): bigint {
	const [[scalar]] = hash_to_field(message, 1, {
		p: bls.params.r,
		m: 1,
		k: 128,
		expand: 'xmd',
		hash: sha256,
		DST: dst
	}) as bigint[][] as [[bigint]];
	return scalar;
}

/** A uniformly random non-zero scalar (64 bytes reduced mod r: bias below 2^-256). */
export function randomScalar(): bigint {
	for (;;) {
		const scalar = Fr.create(bytesToNumberBE(randomBytes(64)));
		if (scalar !== 0n) return scalar;
	}
}

function canisterOffset(masterPublicKey: Uint8Array, canisterId: Uint8Array): bigint {
	return hashToScalar(
		concatBytes(lengthPrefixed(masterPublicKey), lengthPrefixed(canisterId)),
		DST_CANISTER
	);
}

function contextOffset(canisterPublicKey: Uint8Array, context: Uint8Array): bigint {
	return hashToScalar(
		concatBytes(lengthPrefixed(canisterPublicKey), lengthPrefixed(context)),
		DST_CONTEXT
	);
}

/**
 * Public derivation from a master public key alone: what clients verify against.
 *
 * @example
 * expect(derivePublicKey(master.publicKey, id, context)).toEqual(master.derivedPublicKey(id, context));
 */
export function derivePublicKey(
	masterPublicKey: Uint8Array,
	canisterId: Uint8Array,
	context: Uint8Array
): Uint8Array {
	const canisterKey = G2.fromHex(masterPublicKey)
		.add(G2.BASE.multiply(canisterOffset(masterPublicKey, canisterId)))
		.toRawBytes(true);
	if (context.length === 0) return canisterKey;
	return G2.fromHex(canisterKey)
		.add(G2.BASE.multiply(contextOffset(canisterKey, context)))
		.toRawBytes(true);
}

/** H_G1(dpk || input): the point a vetKey signs. */
export function hashToG1(derivedPublicKey: Uint8Array, input: Uint8Array) {
	return bls.G1.hashToCurve(concatBytes(derivedPublicKey, input), {
		DST: DST_VETKEY
	}) as unknown as InstanceType<typeof G1>;
}

/**
 * One vetKD master key: the secret a real subnet shares among its nodes, held here in one place.
 *
 * @example
 * const master = VetKdMasterKey.random();
 * const publicKey = master.derivedPublicKey(canisterId.toUint8Array(), context);
 */
export class VetKdMasterKey {
	readonly publicKey: Uint8Array; // 96-byte compressed G2

	constructor(private readonly secret: bigint) {
		if (secret <= 0n || secret >= bls.params.r) throw new Error('master secret out of range');
		this.publicKey = G2.BASE.multiply(secret).toRawBytes(true);
	}

	/**
	 * A fresh random master key.
	 *
	 * @example
	 * const master = VetKdMasterKey.random();
	 */
	static random(): VetKdMasterKey {
		return new VetKdMasterKey(randomScalar());
	}

	/**
	 * A reproducible key from 32 or more bytes of seed.
	 *
	 * @example
	 * const master = VetKdMasterKey.fromSeed(new Uint8Array(32).fill(7));
	 */
	static fromSeed(seed: Uint8Array): VetKdMasterKey {
		return new VetKdMasterKey(hashToScalar(seed, 'tessera-devnet-vetkd-master-key'));
	}

	/**
	 * The key whose secret `secretBytes()` returned.
	 *
	 * @example
	 * const same = VetKdMasterKey.fromSecretBytes(master.secretBytes());
	 */
	static fromSecretBytes(bytes: Uint8Array): VetKdMasterKey {
		return new VetKdMasterKey(bytesToNumberBE(bytes));
	}

	/**
	 * The secret's 32-byte big-endian encoding, for persisting devnet state.
	 *
	 * @example
	 * writeFileSync(path, master.secretBytes(), { mode: 0o600 });
	 */
	secretBytes(): Uint8Array {
		return numberToBytesBE(this.secret, 32);
	}

	private derivedSecret(canisterId: Uint8Array, context: Uint8Array): bigint {
		let secret = Fr.add(this.secret, canisterOffset(this.publicKey, canisterId));
		if (context.length > 0) {
			const canisterKey = G2.BASE.multiply(secret).toRawBytes(true);
			secret = Fr.add(secret, contextOffset(canisterKey, context));
		}
		return secret;
	}

	/**
	 * What vetkd_public_key answers: the derived public key for (canister, context).
	 *
	 * @example
	 * const key = master.derivedPublicKey(canisterId.toUint8Array(), utf8('shares'));
	 */
	derivedPublicKey(canisterId: Uint8Array, context: Uint8Array): Uint8Array {
		return G2.BASE.multiply(this.derivedSecret(canisterId, context)).toRawBytes(true);
	}

	/**
	 * The plain vetKey (48-byte compressed G1). Tests only: the IC never reveals it.
	 *
	 * @example
	 * const expected = master.vetKey(canisterId.toUint8Array(), context, input);
	 */
	vetKey(canisterId: Uint8Array, context: Uint8Array, input: Uint8Array): Uint8Array {
		const secret = this.derivedSecret(canisterId, context);
		const derivedKey = G2.BASE.multiply(secret).toRawBytes(true);
		return hashToG1(derivedKey, input).multiply(secret).toRawBytes(true);
	}

	/**
	 * What vetkd_derive_key answers: the vetKey for `input`, encrypted to the transport public
	 * key. Throws InvalidTransportKeyError for a key that is not a point of G1.
	 *
	 * @example
	 * const encrypted = master.deriveEncryptedKey(canisterId, context, input, transport.publicKeyBytes());
	 */
	deriveEncryptedKey(
		canisterId: Uint8Array,
		context: Uint8Array,
		input: Uint8Array,
		transportPublicKey: Uint8Array
	): Uint8Array {
		const transportKey = parseTransportKey(transportPublicKey);
		const secret = this.derivedSecret(canisterId, context);
		const derivedKey = G2.BASE.multiply(secret).toRawBytes(true);
		const vetKey = hashToG1(derivedKey, input).multiply(secret);
		const t = randomScalar();
		return concatBytes(
			G1.BASE.multiply(t).toRawBytes(true),
			G2.BASE.multiply(t).toRawBytes(true),
			vetKey.add(transportKey.multiply(t)).toRawBytes(true)
		);
	}
}

function parseTransportKey(bytes: Uint8Array) {
	if (bytes.length !== TRANSPORT_PUBLIC_KEY_BYTES) {
		throw new InvalidTransportKeyError(
			`expected ${TRANSPORT_PUBLIC_KEY_BYTES} bytes, got ${bytes.length}`
		);
	}
	let point;
	try {
		point = G1.fromHex(bytes);
		point.assertValidity();
	} catch {
		throw new InvalidTransportKeyError('not a point of G1');
	}
	if (point.equals(G1.ZERO)) throw new InvalidTransportKeyError('the identity point');
	return point;
}
