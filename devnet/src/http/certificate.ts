// Verification of certificates and hash trees that arrive inside requests (canister signatures),
// as dfinity/ic rs/certification does it (IC interface spec, "Certification" and "Delegation"):
//   certificate   CBOR {tree, signature, delegation?}; BLS signature over
//                 "\x0Dic-state-root" || reconstruct(tree) by the root key or, with a
//                 delegation, by the delegated subnet's key; the tree holds `time`
//   delegation    {subnet_id, certificate}: that certificate has no delegation itself, is signed
//                 by the root key and holds /subnet/<subnet_id>/public_key and the subnet's
//                 canister ranges, in the older leaf /subnet/<subnet_id>/canister_ranges or in
//                 the newer subtree /canister_ranges/<subnet_id>/<first canister id>, or both
//                 (each present layout must contain the canister)
// The certificate's time is not checked, as the replica does not check it for canister
// signatures: the expiry of the delegation that such a signature signs is what limits it.
// Verified BLS signatures are cached (the replica caches them too): an Internet Identity
// session sends the same delegation, hence the same certificate, with every request.
import { compareBytes } from '../bytes';
import { Principal } from '@dfinity/principal';
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, concatBytes, hexToBytes } from '@noble/hashes/utils';
import { verifyBlsSignature } from '../certification/bls';
import { domainSeparator, reconstruct, type HashTree } from '../certification/hash-tree';
import { BLS_DER_PREFIX } from '../certification/subnet-key';
import { decodeCbor, MAX_HASH_TREE_DEPTH } from './cbor';

/** A certificate or tree that cannot be used; `malformed` when it does not even parse. */
export class CertificateFailure extends Error {
	constructor(
		message: string,
		readonly malformed: boolean
	) {
		super(message);
		this.name = 'CertificateFailure';
	}
}

const malformed = (message: string) => new CertificateFailure(message, true);
const invalid = (message: string) => new CertificateFailure(message, false);

function isBytes(value: unknown, length?: number): value is Uint8Array {
	return value instanceof Uint8Array && (length === undefined || value.length === length);
}

/** A decoded CBOR value as a hash tree, checking every node's shape. */
export function asHashTree(value: unknown): HashTree {
	if (!Array.isArray(value)) throw malformed('hash tree node is not an array');
	const [kind, first, second] = value as unknown[];
	const size = value.length;
	if (kind === 0 && size === 1) return [0];
	if (kind === 1 && size === 3) return [1, asHashTree(first), asHashTree(second)];
	if (kind === 2 && size === 3 && isBytes(first)) return [2, first, asHashTree(second)];
	if (kind === 3 && size === 2 && isBytes(first)) return [3, first];
	if (kind === 4 && size === 2 && isBytes(first, 32)) return [4, first];
	throw malformed(`bad hash tree node of kind ${String(kind)}`);
}

/** What a hash tree stands for: leaves, and subtrees by hex label; pruned parts left out. */
export type Labeled = Uint8Array | Map<string, Labeled>;

const PRUNED = Symbol('pruned');

/** Adds the labeled children under forks to `into`; PRUNED when nothing but pruned was there. */
function collectChildren(tree: HashTree, into: [Uint8Array, Labeled][]): typeof PRUNED | void {
	switch (tree[0]) {
		case 0:
			return;
		case 1: {
			const left = collectChildren(tree[1], into);
			const right = collectChildren(tree[2], into);
			return left === PRUNED && right === PRUNED ? PRUNED : undefined;
		}
		case 2: {
			const child = converted(tree[2]);
			// A label over a pruned subtree proves absence: the label is left out.
			if (child !== PRUNED) into.push([tree[1], child]);
			return;
		}
		case 3:
			throw malformed('a leaf next to labeled nodes');
		case 4:
			return PRUNED;
	}
}

function converted(tree: HashTree): Labeled | typeof PRUNED {
	if (tree[0] === 3) return tree[1];
	if (tree[0] === 4) return PRUNED;
	const children: [Uint8Array, Labeled][] = [];
	if (collectChildren(tree, children) === PRUNED) return PRUNED;
	const map = new Map<string, Labeled>();
	children.forEach(([label, child], i) => {
		const previous = children[i - 1];
		if (previous && compareBytes(previous[0], label) >= 0) {
			throw malformed('labels are not strictly increasing');
		}
		map.set(bytesToHex(label), child);
	});
	return map;
}

/**
 * The labeled tree of a well-formed hash tree, as the replica converts one (ic_crypto_tree_hash
 * LabeledTree::try_from): a leaf beside labels, unsorted labels or a pruned root throw.
 */
export function labeledTree(tree: HashTree): Labeled {
	const result = converted(tree);
	if (result === PRUNED) throw malformed('the top-level node is pruned');
	return result;
}

/** The value at `path`: a leaf, a subtree, or undefined when absent. */
export function lookup(tree: Labeled, path: Uint8Array[]): Labeled | undefined {
	let node: Labeled | undefined = tree;
	for (const label of path) {
		if (!(node instanceof Map)) return undefined;
		node = node.get(bytesToHex(label));
	}
	return node;
}

const utf8 = (text: string) => new TextEncoder().encode(text);

interface Certificate {
	tree: HashTree;
	signature: Uint8Array;
	delegation?: { subnetId: Uint8Array; certificate: Uint8Array };
}

function decodeCertificate(bytes: Uint8Array): Certificate {
	let value: unknown;
	try {
		value = decodeCbor(bytes, MAX_HASH_TREE_DEPTH);
	} catch (error) {
		throw malformed(`failed to decode certificate: ${(error as Error).message}`);
	}
	const fields = (value ?? {}) as Record<string, unknown>;
	if (!isBytes(fields['signature'])) throw malformed('failed to decode certificate: no signature');
	const tree = asHashTree(fields['tree']);
	const delegation = fields['delegation'];
	if (delegation === undefined) return { tree, signature: fields['signature'] };
	const { subnet_id: subnetId, certificate } = (delegation ?? {}) as Record<string, unknown>;
	if (!isBytes(subnetId) || !isBytes(certificate)) {
		throw malformed('failed to decode certificate: delegation needs subnet_id and certificate');
	}
	return { tree, signature: fields['signature'], delegation: { subnetId, certificate } };
}

const MAX_CACHED_SIGNATURES = 4096;
const verifiedSignatures = new Set<string>();

function checkSignature(certificate: Certificate, publicKey: Uint8Array): void {
	const message = concatBytes(domainSeparator('ic-state-root'), reconstruct(certificate.tree));
	const cacheKey = bytesToHex(sha256(concatBytes(publicKey, message, certificate.signature)));
	if (verifiedSignatures.has(cacheKey)) return;
	if (!verifyBlsSignature(publicKey, message, certificate.signature)) {
		throw invalid('failed to verify threshold signature');
	}
	if (verifiedSignatures.size >= MAX_CACHED_SIGNATURES) verifiedSignatures.clear();
	verifiedSignatures.add(cacheKey);
}

/** The certificate's labeled tree, which must hold a time. */
function stateOf(certificate: Certificate): Labeled {
	const tree = labeledTree(certificate.tree);
	if (!(lookup(tree, [utf8('time')]) instanceof Uint8Array)) {
		throw malformed('failed to unpack replica state from a labeled tree: missing field `time`');
	}
	return tree;
}

/** Closed ranges of canister ids, CBOR [[first, last], ...] as the state tree holds them. */
function rangesContain(encoded: Labeled | undefined, canisterId: Uint8Array): boolean {
	if (!(encoded instanceof Uint8Array)) throw malformed('canister ranges are not a leaf');
	let ranges: unknown;
	try {
		ranges = decodeCbor(encoded);
	} catch (error) {
		throw malformed(`failed to unpack canister range: ${(error as Error).message}`);
	}
	if (!Array.isArray(ranges)) throw malformed('failed to unpack canister range: not a list');
	return ranges.some((range: unknown) => {
		const [first, last] = Array.isArray(range) ? range : [];
		if (!isBytes(first) || !isBytes(last)) throw malformed('failed to unpack canister range');
		return compareBytes(first, canisterId) <= 0 && compareBytes(canisterId, last) <= 0;
	});
}

/** Verifies a delegation certificate; returns the delegated subnet's 96-byte BLS key. */
function delegatedKey(
	delegation: NonNullable<Certificate['delegation']>,
	rootPublicKey: Uint8Array,
	canisterId: Uint8Array
): Uint8Array {
	const certificate = decodeCertificate(delegation.certificate);
	if (certificate.delegation) {
		throw invalid(
			'expected certificate with a maximum of one delegations but found nested delegations in the certificate'
		);
	}
	checkSignature(certificate, rootPublicKey);
	const state = stateOf(certificate);
	const { subnetId } = delegation;
	const subnetText = () => Principal.fromUint8Array(subnetId).toText();
	const subnet = lookup(state, [utf8('subnet'), subnetId]);
	if (!(subnet instanceof Map)) {
		throw malformed(`cannot find subnet information for subnet ${subnetText()} in the tree`);
	}
	const legacyRanges = subnet.get(bytesToHex(utf8('canister_ranges')));
	const rangeTree = lookup(state, [utf8('canister_ranges')]);
	if (legacyRanges === undefined && rangeTree === undefined) {
		throw malformed("state tree doesn't have canister ranges");
	}
	const outOfRange = () =>
		invalid('canister id does not match the canister id range specified in the certificate');
	if (legacyRanges !== undefined && !rangesContain(legacyRanges, canisterId)) throw outOfRange();
	if (rangeTree !== undefined) {
		const perSubnet = rangeTree instanceof Map ? rangeTree.get(bytesToHex(subnetId)) : undefined;
		if (!(perSubnet instanceof Map)) {
			throw malformed(`cannot find canister ranges for subnet ${subnetText()} in the tree`);
		}
		// The leaf whose first canister id is the greatest one not above the canister.
		const start = [...perSubnet.keys()]
			.map((label) => hexToBytes(label))
			.filter((first) => compareBytes(first, canisterId) <= 0)
			.sort(compareBytes)
			.at(-1);
		if (!start || !rangesContain(perSubnet.get(bytesToHex(start)), canisterId)) {
			throw outOfRange();
		}
	}
	const publicKey = subnet.get(bytesToHex(utf8('public_key')));
	const prefixed =
		publicKey instanceof Uint8Array && publicKey.length === BLS_DER_PREFIX.length + 96;
	if (
		!prefixed ||
		compareBytes(publicKey.subarray(0, BLS_DER_PREFIX.length), BLS_DER_PREFIX) !== 0
	) {
		throw malformed('failed to deserialize public key: not a DER BLS12-381 G2 key');
	}
	return publicKey.subarray(BLS_DER_PREFIX.length);
}

/**
 * Verifies `certificateBytes` under the root key for `canisterId` and returns the canister's
 * certified data; throws CertificateFailure.
 */
export function verifiedCertifiedData(
	certificateBytes: Uint8Array,
	canisterId: Uint8Array,
	rootPublicKey: Uint8Array
): Uint8Array {
	const certificate = decodeCertificate(certificateBytes);
	const key = certificate.delegation
		? delegatedKey(certificate.delegation, rootPublicKey, canisterId)
		: rootPublicKey;
	checkSignature(certificate, key);
	const data = lookup(stateOf(certificate), [utf8('canister'), canisterId, utf8('certified_data')]);
	if (!(data instanceof Uint8Array)) {
		const canister = Principal.fromUint8Array(canisterId).toText();
		throw malformed(`cannot find certified_data for canister ${canister} in the tree`);
	}
	return data;
}
