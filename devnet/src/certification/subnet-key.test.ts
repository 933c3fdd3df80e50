// Hash trees and certificates as @dfinity/agent 3.4 reads and verifies them.
import { Certificate, lookupResultToBuffer, reconstruct as agentReconstruct } from '@dfinity/agent';
import { lebDecode, PipeArrayBuffer } from '@dfinity/candid';
import { Principal } from '@dfinity/principal';
import { describe, expect, it } from 'vitest';
import { buildTree, lookupPath, reconstruct, type HashTree, type LabeledTree } from './hash-tree';
import { SubnetKey } from './subnet-key';

const bytes = (s: string) => new TextEncoder().encode(s);
const canisterId = Principal.fromText('bkyz2-fmaaa-aaaaa-qaaaq-cai');

describe('hash trees', () => {
	const labeled = new Map<string | Uint8Array, LabeledTree>([
		['b', bytes('two')],
		['a', new Map([['x', bytes('one')]])],
		['c', bytes('three')]
	]);

	it('reconstructs the same root hash as @dfinity/agent', async () => {
		const tree = buildTree(labeled);
		expect(reconstruct(tree)).toEqual(await agentReconstruct(tree as never));
	});

	it('finds leaves by path and nothing else', () => {
		const tree = buildTree(labeled);
		expect(lookupPath(tree, ['a', 'x'])).toEqual(bytes('one'));
		expect(lookupPath(tree, ['c'])).toEqual(bytes('three'));
		expect(lookupPath(tree, ['a'])).toBeUndefined();
		expect(lookupPath(tree, ['d'])).toBeUndefined();
	});

	it('keeps the root hash when a subtree is pruned', () => {
		const tree = buildTree(labeled) as [1, HashTree, HashTree];
		const pruned: HashTree = [1, [4, reconstruct(tree[1])], tree[2]];
		expect(reconstruct(pruned)).toEqual(reconstruct(tree));
	});
});

describe('SubnetKey certificates', () => {
	it('signs data certificates that @dfinity/agent verifies, with the time', async () => {
		const key = new SubnetKey();
		const now = BigInt(Date.now()) * 1_000_000n;
		const encoded = key.dataCertificate(canisterId.toUint8Array(), bytes('data'), now);
		const certificate = await Certificate.create({
			certificate: encoded,
			rootKey: key.derPublicKey,
			canisterId
		});
		const path = ['canister', canisterId.toUint8Array(), 'certified_data'];
		expect(lookupResultToBuffer(certificate.lookup_path(path))).toEqual(bytes('data'));
		const time = lookupResultToBuffer(certificate.lookup_path(['time'])) as Uint8Array;
		expect(lebDecode(new PipeArrayBuffer(time))).toBe(now);
	});

	it('is refused by the agent when stale, or checked against another key', async () => {
		const key = new SubnetKey();
		const stale = key.dataCertificate(canisterId.toUint8Array(), bytes('data'), 1_000_000n);
		await expect(
			Certificate.create({ certificate: stale, rootKey: key.derPublicKey, canisterId })
		).rejects.toThrow();
		const fresh = key.dataCertificate(
			canisterId.toUint8Array(),
			bytes('data'),
			BigInt(Date.now()) * 1_000_000n
		);
		await expect(
			Certificate.create({ certificate: fresh, rootKey: new SubnetKey().derPublicKey, canisterId })
		).rejects.toThrow();
	});

	it('restores the same key from its secret', () => {
		const key = new SubnetKey();
		expect(new SubnetKey(key.secretBytes()).derPublicKey).toEqual(key.derPublicKey);
		expect(key.derPublicKey).toHaveLength(133);
	});
});
