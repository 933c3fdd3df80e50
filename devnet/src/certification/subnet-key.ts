// The subnet's threshold BLS key, held in one place: it signs certificates
// (CBOR {tree, signature}) as @dfinity/agent verifies them against the root key.
import { encodeWithSelfDescribedTag } from '@dfinity/cbor';
import { lebEncode } from '@dfinity/candid';
import { bls12_381 as bls } from '@noble/curves/bls12-381';
import { concatBytes, hexToBytes } from '@noble/hashes/utils';
import { BlsSigningKey } from './bls';
import {
	buildTree,
	domainSeparator,
	reconstruct,
	type HashTree,
	type LabeledTree
} from './hash-tree';

/** DER prefix of a BLS12-381 G2 public key, as /api/v2/status returns the root key. */
export const BLS_DER_PREFIX = hexToBytes(
	'308182301d060d2b0601040182dc7c0503010201060c2b0601040182dc7c05030201036100'
);

/**
 * The subnet's BLS key: signs certificates as the IC's threshold key does.
 *
 * @example
 * const certificate = new SubnetKey().certifyLabeled(new Map([['canister', canisters]]), timeNanos);
 */
export class SubnetKey {
	readonly publicKey: Uint8Array; // 96-byte compressed G2
	readonly derPublicKey: Uint8Array;
	private readonly signingKey: BlsSigningKey;

	constructor(private readonly secret: Uint8Array = bls.utils.randomPrivateKey()) {
		this.signingKey = new BlsSigningKey(secret);
		this.publicKey = this.signingKey.publicKey;
		this.derPublicKey = concatBytes(BLS_DER_PREFIX, this.publicKey);
	}

	/**
	 * The 32-byte secret, for persisting devnet state.
	 *
	 * @example
	 * const same = new SubnetKey(key.secretBytes());
	 */
	secretBytes(): Uint8Array {
		return this.secret.slice();
	}

	/**
	 * Signs `tree`: the CBOR certificate bytes an agent verifies against `derPublicKey`.
	 *
	 * @example
	 * const certificate = key.certify(buildTree(new Map([['time', leb]])));
	 */
	certify(tree: HashTree): Uint8Array {
		const message = concatBytes(domainSeparator('ic-state-root'), reconstruct(tree));
		return encodeWithSelfDescribedTag({ tree, signature: this.signingKey.sign(message) });
	}

	/**
	 * Certifies a labeled tree with a `time` leaf added (nanoseconds, LEB128).
	 *
	 * @example
	 * const certificate = key.certifyLabeled(new Map([['subnet', subnets]]), devnet.timeNanos);
	 */
	certifyLabeled(root: Map<string | Uint8Array, LabeledTree>, timeNanos: bigint): Uint8Array {
		const withTime = new Map(root);
		withTime.set('time', new Uint8Array(lebEncode(timeNanos)));
		return this.certify(buildTree(withTime));
	}

	/**
	 * The data certificate a canister sees in a query: its certified data and the time.
	 *
	 * @example
	 * const certificate = key.dataCertificate(canisterId.toUint8Array(), certifiedData, timeNanos);
	 */
	dataCertificate(
		canisterId: Uint8Array,
		certifiedData: Uint8Array,
		timeNanos: bigint
	): Uint8Array {
		const canister = new Map<string | Uint8Array, LabeledTree>([
			[canisterId, new Map([['certified_data', certifiedData]])]
		]);
		return this.certifyLabeled(new Map([['canister', canister]]), timeNanos);
	}
}
