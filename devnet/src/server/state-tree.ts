// The part of the replicated state tree that a read_state request (or a v3 call's answer)
// certifies (IC interface spec, "The system state tree"): time, the subnet's public key,
// canister ranges and node keys, a canister's module hash and controllers, request statuses.
// Only the requested subtrees are included; everything else is absent, not pruned, which the
// agent's lookups treat the same way for the paths it asks for.
import { encodeWithSelfDescribedTag } from '@dfinity/cbor';
import { lebEncode } from '@dfinity/candid';
import { Principal } from '@dfinity/principal';
import { equalBytes } from '../bytes';
import type { LabeledTree } from '../certification/hash-tree';
import type { IngressHistory, RequestStatus } from './request-store';

type Tree = Map<string | Uint8Array, LabeledTree>;

export interface StateFacts {
	subnetId: Uint8Array;
	rootKeyDer: Uint8Array;
	nodeId: Uint8Array;
	nodePublicKeyDer: Uint8Array;
	canisterRanges: readonly (readonly [Principal, Principal])[];
	canister(id: Uint8Array): { moduleHash?: Uint8Array; controllers: Principal[] } | undefined;
	history: IngressHistory;
}

const decoder = new TextDecoder();
const text = (label: Uint8Array | undefined) => (label ? decoder.decode(label) : '');
const leb = (value: number) => new Uint8Array(lebEncode(value));
const utf8 = (value: string) => new TextEncoder().encode(value);

export function requestStatusTree(outcome: RequestStatus): Tree {
	switch (outcome.status) {
		case 'processing':
			return new Map([['status', utf8('processing')]]);
		case 'replied':
			return new Map<string, LabeledTree>([
				['status', utf8('replied')],
				['reply', outcome.reply]
			]);
		case 'rejected':
			return new Map<string, LabeledTree>([
				['status', utf8('rejected')],
				['reject_code', leb(outcome.rejectCode)],
				['reject_message', utf8(outcome.rejectMessage)],
				['error_code', utf8(outcome.errorCode)]
			]);
	}
}

function subnetTree(facts: StateFacts): Tree {
	const ranges = facts.canisterRanges.map(([low, high]) => [
		low.toUint8Array(),
		high.toUint8Array()
	]);
	const node = new Map([[facts.nodeId, new Map([['public_key', facts.nodePublicKeyDer]])]]);
	const subnet = new Map<string, LabeledTree>([
		['public_key', facts.rootKeyDer],
		['canister_ranges', encodeWithSelfDescribedTag(ranges)],
		['node', node]
	]);
	return new Map([[facts.subnetId, subnet]]);
}

function canisterTree(facts: StateFacts, id: Uint8Array): Tree | undefined {
	const canister = facts.canister(id);
	if (!canister) return undefined;
	const fields: Tree = new Map([
		[
			'controllers',
			encodeWithSelfDescribedTag(
				canister.controllers.map((controller) => controller.toUint8Array())
			)
		]
	]);
	if (canister.moduleHash) fields.set('module_hash', canister.moduleHash);
	return fields;
}

/** Sets `label` in `tree`, replacing an entry whose label has the same bytes. */
function setLabel(tree: Tree, label: Uint8Array, value: LabeledTree): void {
	for (const key of tree.keys()) {
		if (typeof key !== 'string' && equalBytes(key, label)) tree.delete(key);
	}
	tree.set(label, value);
}

/** The labeled tree answering `paths` (already checked by checkReadStatePaths); `time` is added on signing. */
export function readStateTree(paths: readonly Uint8Array[][], facts: StateFacts): Tree {
	const root: Tree = new Map();
	const branch = (label: string): Tree => {
		const existing = root.get(label);
		if (existing instanceof Map) return existing;
		const created: Tree = new Map();
		root.set(label, created);
		return created;
	};
	for (const path of paths) {
		const [head, id] = path;
		switch (text(head)) {
			case 'subnet':
				root.set('subnet', subnetTree(facts));
				break;
			case 'canister': {
				const tree = id && canisterTree(facts, id);
				if (id && tree) setLabel(branch('canister'), id, tree);
				break;
			}
			case 'request_status': {
				const record = id && facts.history.get(id);
				if (id && record) setLabel(branch('request_status'), id, requestStatusTree(record.outcome));
				break;
			}
		}
	}
	return root;
}
