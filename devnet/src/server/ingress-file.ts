// The ingress history on disk (a file saved with devnet's state), so read_state keeps answering
// for request ids and a resubmitted request is still not executed twice after a restart.
// Completed requests only (a request still processing never reaches a checkpoint: updates run
// under the server's lock, and so do checkpoints); expired ones are left out on save and load.
import { bytesToHex, hexToBytes } from '@noble/hashes/utils';
import type { IngressHistory, IngressRecord, RequestStatus } from './request-store';

export const INGRESS_HISTORY_FILE = 'ingress-history.json';
const FORMAT = 1;

/** The saved ingress history is not in devnet's format (hand-edited or from another version). */
export class IngressFileError extends Error {
	override readonly name = 'IngressFileError';

	constructor(problem: string) {
		super(`${problem} (delete the file to start without request statuses)`);
	}
}

interface SavedRequest {
	requestId: string;
	sender: string;
	canisterId: string;
	effectiveCanisterId: string;
	expiryNs: string;
	outcome:
		| { status: 'replied'; reply: string }
		| {
				status: 'rejected';
				rejectCode: number;
				rejectMessage: string;
				errorCode: string;
		  };
}

/** JSON text of the completed, unexpired requests of `history` at `nowNs`. */
export function encodeIngressHistory(history: IngressHistory, nowNs: bigint): string {
	const requests: SavedRequest[] = [];
	for (const [requestId, record] of history.entries()) {
		const { outcome } = record;
		if (outcome.status === 'processing' || record.expiryNs < nowNs) continue;
		requests.push({
			requestId: bytesToHex(requestId),
			sender: bytesToHex(record.sender),
			canisterId: bytesToHex(record.canisterId),
			effectiveCanisterId: bytesToHex(record.effectiveCanisterId),
			expiryNs: String(record.expiryNs),
			outcome:
				outcome.status === 'replied'
					? { status: 'replied', reply: bytesToHex(outcome.reply) }
					: { ...outcome }
		});
	}
	return JSON.stringify({ format: FORMAT, requests });
}

/** Adds the saved requests not expired at `nowNs` to `history`; throws IngressFileError. */
export function restoreIngressHistory(text: string, history: IngressHistory, nowNs: bigint): void {
	let saved: unknown;
	try {
		saved = JSON.parse(text);
	} catch (error) {
		throw new IngressFileError(`${INGRESS_HISTORY_FILE} is not JSON: ${String(error)}`);
	}
	if (!isObject(saved) || saved.format !== FORMAT || !Array.isArray(saved.requests)) {
		throw new IngressFileError(`${INGRESS_HISTORY_FILE} is not format ${FORMAT}`);
	}
	const requests = (saved.requests as unknown[]).map((entry, index) => {
		const parsed = parseRequest(entry);
		if (!parsed) {
			throw new IngressFileError(`${INGRESS_HISTORY_FILE}: request ${index} is malformed`);
		}
		return parsed;
	});
	// all or nothing: nothing is added unless the whole file is well-formed
	for (const { requestId, record } of requests) {
		if (record.expiryNs >= nowNs) history.add(requestId, record);
	}
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const HEX = /^(?:[0-9a-f]{2})*$/;
const hex = (value: unknown): Uint8Array | undefined =>
	typeof value === 'string' && HEX.test(value) ? hexToBytes(value) : undefined;
const nanos = (value: unknown): bigint | undefined =>
	typeof value === 'string' && /^\d{1,20}$/.test(value) ? BigInt(value) : undefined;

function parseOutcome(value: unknown): RequestStatus | undefined {
	if (!isObject(value)) return undefined;
	if (value.status === 'replied') {
		const reply = hex(value.reply);
		return reply && { status: 'replied', reply };
	}
	const { rejectCode, rejectMessage, errorCode } = value;
	if (
		value.status === 'rejected' &&
		typeof rejectCode === 'number' &&
		Number.isInteger(rejectCode) &&
		rejectCode >= 1 &&
		rejectCode <= 6 &&
		typeof rejectMessage === 'string' &&
		typeof errorCode === 'string'
	) {
		return { status: 'rejected', rejectCode, rejectMessage, errorCode };
	}
	return undefined;
}

function parseRequest(
	value: unknown
): { requestId: Uint8Array; record: IngressRecord } | undefined {
	if (!isObject(value)) return undefined;
	const requestId = hex(value.requestId);
	const sender = hex(value.sender);
	const canisterId = hex(value.canisterId);
	const effectiveCanisterId = hex(value.effectiveCanisterId);
	const expiryNs = nanos(value.expiryNs);
	const outcome = parseOutcome(value.outcome);
	if (
		requestId?.length !== 32 ||
		!sender ||
		!canisterId ||
		!effectiveCanisterId ||
		expiryNs === undefined ||
		!outcome
	) {
		return undefined;
	}
	const record: IngressRecord = {
		sender,
		canisterId,
		effectiveCanisterId,
		expiryNs,
		outcome,
		completed: Promise.resolve()
	};
	return { requestId, record };
}
