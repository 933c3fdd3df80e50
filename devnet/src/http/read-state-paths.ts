// Which read_state paths a sender may request (IC interface spec "Request: Read state" and
// may_read_path_for_canister / may_read_path_for_subnet; status codes as the replica's
// verify_paths): unknown paths 404, another sender's or another canister's request status 403,
// malformed request ids 400. State lookups come from the engine through `ReadStateView`.
import { Principal } from '@dfinity/principal';
import { bytesToHex } from '@noble/hashes/utils';
import { targetsAllow, type AuthenticatedRequest } from './auth';
import { HttpRequestError } from './errors';
import { equalBytes } from '../bytes';

export interface KnownRequest {
	sender: Uint8Array;
	canisterId: Uint8Array;
	effectiveCanisterId: Uint8Array;
}

export interface ReadStateView {
	/** The call a request id names, if the state still knows it. */
	knownRequest(requestId: Uint8Array): KnownRequest | undefined;
	/** Whether `sender` may read custom section `name` of `canisterId` (private: controllers). */
	mayReadMetadata(canisterId: Uint8Array, name: string, sender: Uint8Array): boolean;
}

export type ReadStateScope =
	| { scope: 'canister'; effectiveCanisterId: Uint8Array }
	| { scope: 'subnet'; subnetId: Uint8Array };

const REQUEST_STATUS_FIELDS = ['status', 'reply', 'reject_code', 'reject_message', 'error_code'];
const SUBNET_FIELDS = ['public_key', 'canister_ranges', 'node'];
const BOUNDARY_NODE_FIELDS = ['domain', 'ipv4_address', 'ipv6_address'];

const decoder = new TextDecoder();
const label = (bytes: Uint8Array | undefined) => (bytes ? decoder.decode(bytes) : '');

function notFound(): never {
	throw new HttpRequestError('path_not_found', 'Invalid path requested.');
}

function forbidden(message: string): never {
	throw new HttpRequestError('path_forbidden', message);
}

function checkCanisterPath(
	path: Uint8Array[],
	where: ReadStateScope,
	view: ReadStateView,
	sender: Uint8Array
) {
	const [, canisterId, field, name] = path;
	if (where.scope !== 'canister' || !canisterId) return notFound();
	const fieldName = label(field);
	const simple = path.length === 3 && (fieldName === 'controllers' || fieldName === 'module_hash');
	const metadata = path.length === 4 && fieldName === 'metadata';
	if (!simple && !metadata) return notFound();
	if (!equalBytes(canisterId, where.effectiveCanisterId)) {
		throw new HttpRequestError(
			'malformed_request',
			`Effective principal id in URL ${Principal.fromUint8Array(where.effectiveCanisterId).toText()} ` +
				`does not match requested principal id ${bytesToHex(canisterId)}.`
		);
	}
	if (metadata && name) {
		let text: string;
		try {
			text = new TextDecoder('utf-8', { fatal: true }).decode(name);
		} catch {
			throw new HttpRequestError('malformed_request', 'Could not parse the custom section name.');
		}
		if (!view.mayReadMetadata(canisterId, text, sender)) {
			forbidden(`Custom section ${text.slice(0, 100)} can only be requested by the controllers.`);
		}
	}
}

function checkRequestStatusPath(
	path: Uint8Array[],
	where: ReadStateScope,
	view: ReadStateView,
	auth: AuthenticatedRequest
): Uint8Array {
	const [, requestId, field] = path;
	if (where.scope !== 'canister' || !requestId) return notFound();
	if (path.length > 3 || (path.length === 3 && !REQUEST_STATUS_FIELDS.includes(label(field)))) {
		return notFound();
	}
	if (requestId.length !== 32) {
		throw new HttpRequestError(
			'malformed_request',
			'Invalid request id in paths: it must have 32 bytes.'
		);
	}
	const known = view.knownRequest(requestId);
	if (known) {
		if (!equalBytes(known.sender, auth.sender)) {
			forbidden('The user tries to access Request ID not signed by the caller.');
		}
		if (!targetsAllow(auth.targets, known.canisterId)) {
			forbidden(
				'The user tries to access request IDs for canisters not belonging to sender delegation targets.'
			);
		}
		if (!equalBytes(known.effectiveCanisterId, where.effectiveCanisterId)) {
			forbidden('The request was sent to a different effective canister id.');
		}
	}
	return requestId;
}

function checkSubnetPath(path: Uint8Array[], where: ReadStateScope): void {
	const [, subnetId, field, nodeId, nodeField] = path;
	if (path.length <= 2) return;
	const fieldName = label(field);
	if (path.length === 3 && SUBNET_FIELDS.includes(fieldName)) return;
	if (path.length === 3 && fieldName === 'metrics') {
		if (where.scope === 'subnet' && subnetId && equalBytes(subnetId, where.subnetId)) return;
		return notFound();
	}
	if (fieldName === 'node' && nodeId && path.length === 4) return;
	if (fieldName === 'node' && path.length === 5 && label(nodeField) === 'public_key') return;
	notFound();
}

/** Checks every requested path; throws HttpRequestError for the first that may not be read. */
export function checkReadStatePaths(
	paths: readonly Uint8Array[][],
	where: ReadStateScope,
	auth: AuthenticatedRequest,
	view: ReadStateView
): void {
	let requestStatusId: Uint8Array | undefined;
	for (const path of paths) {
		const head = label(path[0]);
		if (head === 'time' && path.length === 1) continue;
		if (head === 'subnet') {
			checkSubnetPath(path, where);
			continue;
		}
		if (head === 'api_boundary_nodes' && where.scope === 'canister') {
			if (
				path.length <= 2 ||
				(path.length === 3 && BOUNDARY_NODE_FIELDS.includes(label(path[2])))
			) {
				continue;
			}
			return notFound();
		}
		if (head === 'canister') {
			checkCanisterPath(path, where, view, auth.sender);
			continue;
		}
		if (head === 'request_status') {
			const id = checkRequestStatusPath(path, where, view, auth);
			if (requestStatusId && !equalBytes(requestStatusId, id)) {
				throw new HttpRequestError(
					'malformed_request',
					'More than one non-unique request ID exists in request_status paths.'
				);
			}
			requestStatusId = id;
			continue;
		}
		notFound();
	}
}
