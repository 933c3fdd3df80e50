// Canister signatures (IC interface spec, "Canister signatures"; II's signature map): a signature
// of `message` under `seed` is an empty leaf at /sig/SHA-256(seed)/SHA-256(message) of a hash
// tree whose root hash is the canister's certified data. A signer hands out the system's data
// certificate with a witness of that path: CBOR (tag 55799) {certificate, tree}.
// Entries live one minute, as II's do: long enough to fetch with get_delegation; the delegation
// the client keeps is what lasts. Expired entries are pruned, at most 50 per prepare, as II.
import { encodeWithSelfDescribedTag } from '@dfinity/cbor';
import { sha256 } from '@noble/hashes/sha2';
import { concatBytes, utf8ToBytes } from '@noble/hashes/utils';
import { toHex } from './device';

/** The IC's hash tree: empty, fork, labeled, leaf, pruned (CBOR arrays [0] ... [4, hash]). */
export type HashTree =
	[0] | [1, HashTree, HashTree] | [2, Uint8Array, HashTree] | [3, Uint8Array] | [4, Uint8Array];

/** How long a signature stays in the tree (II: DEFAULT_SIGNATURE_EXPIRATION_PERIOD_NS). */
export const SIGNATURE_LIFETIME_NS = 60n * 1_000_000_000n;
/** At most this many expired signatures are removed per added one (II's signature map). */
export const MAX_PRUNED_PER_CALL = 50;

const SIG_LABEL = utf8ToBytes('sig');

function domainSeparator(tag: string): Uint8Array {
	const bytes = utf8ToBytes(tag);
	return concatBytes(Uint8Array.of(bytes.length), bytes);
}

export function treeHash(tree: HashTree): Uint8Array {
	switch (tree[0]) {
		case 0:
			return sha256(domainSeparator('ic-hashtree-empty'));
		case 1:
			return sha256(
				concatBytes(domainSeparator('ic-hashtree-fork'), treeHash(tree[1]), treeHash(tree[2]))
			);
		case 2:
			return sha256(
				concatBytes(domainSeparator('ic-hashtree-labeled'), tree[1], treeHash(tree[2]))
			);
		case 3:
			return sha256(concatBytes(domainSeparator('ic-hashtree-leaf'), tree[1]));
		case 4:
			return tree[1];
	}
}

/** A balanced fork over labeled children, given sorted by label (a well-formed tree). */
function forkOf(children: HashTree[]): HashTree {
	const fork = (low: number, high: number): HashTree => {
		if (high === low) return [0];
		if (high - low === 1) return children[low] as HashTree;
		const middle = (low + high) >> 1;
		return [1, fork(low, middle), fork(middle, high)];
	};
	return fork(0, children.length);
}

interface Entry {
	seedHash: Uint8Array;
	messageHash: Uint8Array;
	expiresAt: bigint;
}

/** The signatures a canister currently certifies, and the trees over them. */
export class SignatureTree {
	/** hex(SHA-256(seed)) -> hex(SHA-256(message)) -> entry; hex order is byte order. */
	private readonly bySeed = new Map<string, Map<string, Entry>>();

	/** Adds a signature of `message` under `seed`, valid in the tree until now + one minute. */
	add(seed: Uint8Array, message: Uint8Array, now: bigint): void {
		this.prune(now);
		const seedHash = sha256(seed);
		const messageHash = sha256(message);
		const key = toHex(seedHash);
		const messages = this.bySeed.get(key) ?? new Map<string, Entry>();
		messages.set(toHex(messageHash), {
			seedHash,
			messageHash,
			expiresAt: now + SIGNATURE_LIFETIME_NS
		});
		this.bySeed.set(key, messages);
	}

	/** Removes up to MAX_PRUNED_PER_CALL expired signatures. */
	prune(now: bigint): number {
		let pruned = 0;
		for (const [seedKey, messages] of this.bySeed) {
			for (const [messageKey, entry] of messages) {
				if (pruned >= MAX_PRUNED_PER_CALL) return pruned;
				if (entry.expiresAt < now) {
					messages.delete(messageKey);
					pruned++;
				}
			}
			if (messages.size === 0) this.bySeed.delete(seedKey);
		}
		return pruned;
	}

	has(seed: Uint8Array, message: Uint8Array): boolean {
		return this.bySeed.get(toHex(sha256(seed)))?.has(toHex(sha256(message))) ?? false;
	}

	get size(): number {
		let count = 0;
		for (const messages of this.bySeed.values()) count += messages.size;
		return count;
	}

	/** The canister's certified data: the root hash of the tree /sig/... over every entry. */
	rootHash(): Uint8Array {
		return treeHash(this.tree());
	}

	/**
	 * The tree with everything except /sig/SHA-256(seed)/SHA-256(message) pruned, or undefined
	 * when that signature is not (or no longer) in the tree.
	 */
	witness(seed: Uint8Array, message: Uint8Array): HashTree | undefined {
		if (!this.has(seed, message)) return undefined;
		return this.tree({ seedKey: toHex(sha256(seed)), messageKey: toHex(sha256(message)) });
	}

	/** The full tree, or with `keep` the witness of one path (off-path subtrees pruned). */
	private tree(keep?: { seedKey: string; messageKey: string }): HashTree {
		const prune = (tree: HashTree, onPath: boolean): HashTree =>
			keep && !onPath ? [4, treeHash(tree)] : tree;
		const seeds = [...this.bySeed.keys()].sort().map((seedKey): HashTree => {
			const messages = this.bySeed.get(seedKey) as Map<string, Entry>;
			const onSeedPath = seedKey === keep?.seedKey;
			const leaves = [...messages.keys()].sort().map((messageKey): HashTree => {
				const entry = messages.get(messageKey) as Entry;
				const labeled: HashTree = [2, entry.messageHash, [3, new Uint8Array()]];
				return onSeedPath ? prune(labeled, messageKey === keep?.messageKey) : labeled;
			});
			const seedHash = [...messages.values()][0]?.seedHash as Uint8Array;
			return prune([2, seedHash, forkOf(leaves)], onSeedPath);
		});
		return [2, SIG_LABEL, forkOf(seeds)];
	}
}

/** A canister signature: tag 55799, then {certificate, tree}. */
export function canisterSignature(certificate: Uint8Array, tree: HashTree): Uint8Array {
	return encodeWithSelfDescribedTag({ certificate, tree });
}
