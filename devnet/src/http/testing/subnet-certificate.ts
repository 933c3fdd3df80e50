// Test support only: a minimal BLS-signed certificate for read_state ["subnet"], so tests can
// drive @dfinity/agent's own query-signature verification (it reads node keys and canister
// ranges from such a certificate). The real certificates and hash trees belong to
// devnet/src/certification; this stub does not replace them.
//   reconstruct: sha256(domain_sep(kind) || ...) per node; message: domain_sep("ic-state-root")
//   || root hash; signature: BLS12-381 short signature (G1) under a G2 root key.
import * as cbor from '@dfinity/cbor';
import { bls12_381 as bls } from '@noble/curves/bls12-381';
import { sha256 } from '@noble/hashes/sha2';
import { concatBytes, utf8ToBytes } from '@noble/hashes/utils';
import { selfAuthenticatingPrincipal } from '../auth';
import { unsignedLeb128 } from '../hash';
import { rootKeyDer, type NodeKey } from '../responses';
import { BlsSigningKey } from '../../certification/bls';

type HashTree = [0] | [1, HashTree, HashTree] | [2, Uint8Array, HashTree] | [3, Uint8Array];
type Labeled = Uint8Array | [Uint8Array, Labeled][];

const domain = (s: string) => concatBytes(Uint8Array.of(s.length), utf8ToBytes(s));

function compare(a: Uint8Array, b: Uint8Array): number {
	for (let i = 0; i < Math.min(a.length, b.length); i++) {
		if (a[i] !== b[i]) return (a[i] as number) - (b[i] as number);
	}
	return a.length - b.length;
}

function build(node: Labeled): HashTree {
	if (node instanceof Uint8Array) return [3, node];
	const children = [...node]
		.sort(([a], [b]) => compare(a, b))
		.map(([label, child]): HashTree => [2, label, build(child)]);
	const fork = (from: number, to: number): HashTree => {
		if (to - from === 0) return [0];
		if (to - from === 1) return children[from] as HashTree;
		const middle = (from + to) >> 1;
		return [1, fork(from, middle), fork(middle, to)];
	};
	return fork(0, children.length);
}

function reconstruct(tree: HashTree): Uint8Array {
	switch (tree[0]) {
		case 0:
			return sha256(domain('ic-hashtree-empty'));
		case 1:
			return sha256(
				concatBytes(domain('ic-hashtree-fork'), reconstruct(tree[1]), reconstruct(tree[2]))
			);
		case 2:
			return sha256(concatBytes(domain('ic-hashtree-labeled'), tree[1], reconstruct(tree[2])));
		case 3:
			return sha256(concatBytes(domain('ic-hashtree-leaf'), tree[1]));
	}
}

export class TestSubnet {
	private readonly rootKey = new BlsSigningKey(bls.utils.randomPrivateKey());
	readonly rootPublicKey = this.rootKey.publicKey;
	readonly rootKeyDer = rootKeyDer(this.rootPublicKey);
	/** Without a subnet delegation, the agent takes the root subnet id: sha224(root key) || 2. */
	readonly subnetId = selfAuthenticatingPrincipal(this.rootKeyDer);

	/** CBOR body of a read_state answer certifying /subnet and /time. */
	subnetReadState(node: NodeKey, ranges: [Uint8Array, Uint8Array][], timeNs: bigint): Uint8Array {
		const text = utf8ToBytes;
		const subnet: Labeled = [
			[text('canister_ranges'), cbor.encode(ranges)],
			[text('public_key'), this.rootKeyDer],
			[text('node'), [[node.nodeId, [[text('public_key'), node.publicKeyDer]]]]]
		];
		const tree = build([
			[text('subnet'), [[this.subnetId, subnet]]],
			[text('time'), unsignedLeb128(timeNs)]
		]);
		const message = concatBytes(domain('ic-state-root'), reconstruct(tree));
		const signature = this.rootKey.sign(message);
		const certificate = cbor.encodeWithSelfDescribedTag({ tree, signature } as cbor.CborValue);
		return cbor.encodeWithSelfDescribedTag({ certificate });
	}
}
