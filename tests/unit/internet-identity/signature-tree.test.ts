// The local II's signature tree (canister/internet_identity/domain/signature-tree.ts): witnesses
// commit to the certified root hash and hold exactly the signed path; entries leave after a
// minute, at most 50 per call, as in II's signature map. End to end (devnet verifying these
// signatures) is tests/agent/ii-delegations.test.ts.
import { sha256 } from '@noble/hashes/sha2';
import { utf8ToBytes } from '@noble/hashes/utils';
import { describe, expect, it } from 'vitest';
import {
	MAX_PRUNED_PER_CALL,
	SIGNATURE_LIFETIME_NS,
	SignatureTree,
	treeHash,
	type HashTree
} from '../../../canister/internet_identity/domain/signature-tree';
import {
	delegationExpiration,
	delegationSeed,
	MAX_DELEGATION_TTL_NS,
	seedOrigin
} from '../../../canister/internet_identity/domain/delegation';

const bytes = (text: string) => utf8ToBytes(text);
const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

/** The subtree at `label` (searching forks), as a verifier looks it up. */
function child(tree: HashTree, label: Uint8Array): HashTree | undefined {
	if (tree[0] === 1) return child(tree[1], label) ?? child(tree[2], label);
	if (tree[0] === 2 && same(tree[1], label)) return tree[2];
	return undefined;
}

function lookup(tree: HashTree, path: Uint8Array[]): HashTree | undefined {
	let node: HashTree | undefined = tree;
	for (const label of path) node = node && child(node, label);
	return node;
}

const pathOf = (seed: Uint8Array, message: Uint8Array) => [
	bytes('sig'),
	sha256(seed),
	sha256(message)
];

describe('SignatureTree', () => {
	it('a witness has the root hash of the whole tree and the empty leaf at its path only', () => {
		const tree = new SignatureTree();
		tree.add(bytes('seed a'), bytes('m1'), 0n);
		tree.add(bytes('seed a'), bytes('m2'), 0n);
		tree.add(bytes('seed b'), bytes('m1'), 0n);
		const witness = tree.witness(bytes('seed a'), bytes('m2'));
		expect(witness).toBeDefined();
		expect(same(treeHash(witness as HashTree), tree.rootHash())).toBe(true);
		expect(lookup(witness as HashTree, pathOf(bytes('seed a'), bytes('m2')))).toEqual([
			3,
			new Uint8Array()
		]);
		expect(lookup(witness as HashTree, pathOf(bytes('seed a'), bytes('m1')))).toBeUndefined();
		expect(lookup(witness as HashTree, pathOf(bytes('seed b'), bytes('m1')))).toBeUndefined();
		expect(tree.witness(bytes('seed b'), bytes('m2'))).toBeUndefined();
	});

	it('the root hash changes with every entry', () => {
		const tree = new SignatureTree();
		const empty = tree.rootHash();
		tree.add(bytes('s'), bytes('m'), 0n);
		expect(same(tree.rootHash(), empty)).toBe(false);
	});

	it('entries expire after a minute and are pruned on the next add, at most 50 at a time', () => {
		const tree = new SignatureTree();
		for (let i = 0; i < 60; i++) tree.add(bytes(`seed ${i}`), bytes('m'), 0n);
		expect(tree.size).toBe(60);
		tree.add(bytes('late'), bytes('m'), SIGNATURE_LIFETIME_NS); // none expired yet
		expect(tree.size).toBe(61);
		tree.add(bytes('later'), bytes('m'), SIGNATURE_LIFETIME_NS + 1n);
		expect(tree.size).toBe(62 - MAX_PRUNED_PER_CALL);
		expect(tree.has(bytes('late'), bytes('m'))).toBe(true);
	});
});

describe('seeds and expirations', () => {
	it('icp0.io origins are read as ic0.app; others are kept as they are', () => {
		expect(seedOrigin('https://qoctq-giaaa-aaaaa-aaaea-cai.icp0.io')).toBe(
			'https://qoctq-giaaa-aaaaa-aaaea-cai.ic0.app'
		);
		expect(seedOrigin('https://x.raw.icp0.io')).toBe('https://x.raw.icp0.io');
		expect(seedOrigin('http://localhost:5173')).toBe('http://localhost:5173');
	});

	it('the seed is SHA-256(|salt| salt |number| number |origin| origin), number in decimal', () => {
		const salt = new Uint8Array(32).fill(7);
		const expected = sha256(
			new Uint8Array([32, ...salt, 5, ...bytes('10000'), 19, ...bytes('https://app.example')])
		);
		expect(same(delegationSeed(salt, 10_000n, 'https://app.example'), expected)).toBe(true);
	});

	it('expiration: the TTL, 30 minutes without one, 30 days at most', () => {
		expect(delegationExpiration(100n, 5n)).toBe(105n);
		expect(delegationExpiration(0n, undefined)).toBe(30n * 60n * 1_000_000_000n);
		expect(delegationExpiration(0n, MAX_DELEGATION_TTL_NS * 2n)).toBe(MAX_DELEGATION_TTL_NS);
	});
});
