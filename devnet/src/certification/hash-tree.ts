// The IC's hash trees (interface spec, "Certification"): empty, fork, labeled, leaf, pruned,
// CBOR-encoded as arrays [0], [1, l, r], [2, label, t], [3, value], [4, hash].
import { sha256 } from '@noble/hashes/sha2';
import { concatBytes, utf8ToBytes } from '@noble/hashes/utils';
import { compareBytes } from '../bytes';

export type HashTree =
	[0] | [1, HashTree, HashTree] | [2, Uint8Array, HashTree] | [3, Uint8Array] | [4, Uint8Array];

/** A labeled tree to build from: leaves are bytes, inner nodes map labels to subtrees. */
export type LabeledTree = Uint8Array | Map<string | Uint8Array, LabeledTree>;

export function domainSeparator(tag: string): Uint8Array {
	const bytes = utf8ToBytes(tag);
	return concatBytes(new Uint8Array([bytes.length]), bytes);
}

/** A well-formed tree: labels sorted, forks balanced. */
export function buildTree(tree: LabeledTree): HashTree {
	if (tree instanceof Uint8Array) return [3, tree];
	const nodes: HashTree[] = [...tree.entries()]
		.map(
			([label, child]) => [typeof label === 'string' ? utf8ToBytes(label) : label, child] as const
		)
		.sort(([a], [b]) => compareBytes(a, b))
		.map(([label, child]) => [2, label, buildTree(child)]);
	const fork = (low: number, high: number): HashTree => {
		if (high === low) return [0];
		if (high - low === 1) return nodes[low] as HashTree;
		const middle = (low + high) >> 1;
		return [1, fork(low, middle), fork(middle, high)];
	};
	return fork(0, nodes.length);
}

export function reconstruct(tree: HashTree): Uint8Array {
	switch (tree[0]) {
		case 0:
			return sha256(domainSeparator('ic-hashtree-empty'));
		case 1:
			return sha256(
				concatBytes(domainSeparator('ic-hashtree-fork'), reconstruct(tree[1]), reconstruct(tree[2]))
			);
		case 2:
			return sha256(
				concatBytes(domainSeparator('ic-hashtree-labeled'), tree[1], reconstruct(tree[2]))
			);
		case 3:
			return sha256(concatBytes(domainSeparator('ic-hashtree-leaf'), tree[1]));
		case 4:
			return tree[1];
	}
}

/** The value at `path`, or undefined when the tree has no such leaf. */
export function lookupPath(tree: HashTree, path: (string | Uint8Array)[]): Uint8Array | undefined {
	if (path.length === 0) return tree[0] === 3 ? tree[1] : undefined;
	const [first, ...rest] = path;
	const label = typeof first === 'string' ? utf8ToBytes(first) : (first as Uint8Array);
	const find = (node: HashTree): HashTree | undefined => {
		if (node[0] === 1) return find(node[1]) ?? find(node[2]);
		if (node[0] === 2 && compareBytes(node[1], label) === 0) return node[2];
		return undefined;
	};
	const child = find(tree);
	return child ? lookupPath(child, rest) : undefined;
}
