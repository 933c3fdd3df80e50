// Test support: canister signatures as Internet Identity makes them (IC interface spec,
// "Canister signatures"). A canister puts an empty leaf at /sig/SHA-256(seed)/SHA-256(message)
// of a tree, sets its certified data to the tree's root hash, and hands out the system's
// certificate of that certified data with the tree: CBOR {certificate, tree}. Who certifies is
// up to the test: devnet's SubnetKey directly (unit tests), or a real canister's data
// certificate (agent tests).
import { compareBytes } from '../../bytes';
import {
	SignIdentity,
	wrapDER,
	type DerEncodedPublicKey,
	type PublicKey,
	type Signature
} from '@dfinity/agent';
import { encodeWithSelfDescribedTag } from '@dfinity/cbor';
import type { Principal } from '@dfinity/principal';
import { sha256 } from '@noble/hashes/sha2';
import { concatBytes, hexToBytes, utf8ToBytes } from '@noble/hashes/utils';
import {
	buildTree,
	reconstruct,
	type HashTree,
	type LabeledTree
} from '../../certification/hash-tree';

/** DER SEQUENCE { OID 1.3.6.1.4.1.56387.1.2 }, the canister signature algorithm. */
const CANISTER_SIGNATURE_OID = hexToBytes('300c060a2b0601040183b8430102');

/** The DER public key of `canisterId`'s signatures with `seed`. */
export function canisterSignatureKey(canisterId: Principal, seed: Uint8Array): Uint8Array {
	const id = canisterId.toUint8Array();
	return new Uint8Array(
		wrapDER(concatBytes(Uint8Array.of(id.length), id, seed), CANISTER_SIGNATURE_OID)
	);
}

export interface SignedEntry {
	seed: Uint8Array;
	message: Uint8Array;
	/** The leaf: empty for a signature (anything else is a malformed signature tree). */
	leaf?: Uint8Array;
}

/** The tree /sig/SHA-256(seed)/SHA-256(message) -> "" of some entries. */
export function signatureTree(entries: SignedEntry[]): HashTree {
	const bySeed = new Map<string, Map<string | Uint8Array, LabeledTree>>();
	const seeds = new Map<string, Uint8Array>();
	for (const { seed, message, leaf } of entries) {
		const seedHash = sha256(seed);
		const key = Buffer.from(seedHash).toString('hex');
		seeds.set(key, seedHash);
		const messages = bySeed.get(key) ?? new Map<string | Uint8Array, LabeledTree>();
		messages.set(sha256(message), leaf ?? new Uint8Array());
		bySeed.set(key, messages);
	}
	const sig = new Map<string | Uint8Array, LabeledTree>(
		[...bySeed].map(([key, messages]) => [seeds.get(key) as Uint8Array, messages])
	);
	return buildTree(new Map([['sig', sig]]));
}

/** `tree` with everything off `path` pruned (a witness, as canisters hand them out). */
export function witness(tree: HashTree, path: Uint8Array[]): HashTree {
	const [first, ...rest] = path;
	if (first === undefined) return tree;
	switch (tree[0]) {
		case 1:
			return [1, witness(tree[1], path), witness(tree[2], path)];
		case 2:
			return compareBytes(tree[1], first) === 0
				? [2, tree[1], witness(tree[2], rest)]
				: [4, reconstruct(tree)];
		default:
			return tree;
	}
}

/** The path of an entry in a signature tree. */
export const signaturePath = (seed: Uint8Array, message: Uint8Array): Uint8Array[] => [
	utf8ToBytes('sig'),
	sha256(seed),
	sha256(message)
];

/** A canister signature: tag 55799, then {certificate, tree}. */
export function canisterSignature(certificate: Uint8Array, tree: HashTree): Uint8Array {
	return encodeWithSelfDescribedTag({ certificate, tree });
}

/** Makes the certificate of a canister whose certified data is `certifiedData`. */
export type Certifier = (certifiedData: Uint8Array) => Uint8Array | Promise<Uint8Array>;

/**
 * An identity whose signatures are canister signatures: each `sign` certifies a fresh tree with
 * the one message and returns {certificate, tree}, as Internet Identity's get_delegation does.
 */
export class CanisterSignatureIdentity extends SignIdentity {
	readonly publicKeyDer: Uint8Array;

	constructor(
		readonly canisterId: Principal,
		readonly seed: Uint8Array,
		private readonly certify: Certifier
	) {
		super();
		this.publicKeyDer = canisterSignatureKey(canisterId, seed);
	}

	getPublicKey(): PublicKey {
		return { toDer: () => this.publicKeyDer as DerEncodedPublicKey };
	}

	async sign(blob: Uint8Array): Promise<Signature> {
		const tree = signatureTree([{ seed: this.seed, message: blob }]);
		const certificate = await this.certify(reconstruct(tree));
		return canisterSignature(certificate, tree) as Signature;
	}
}
