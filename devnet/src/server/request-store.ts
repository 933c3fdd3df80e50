// The ingress history: what the IC remembers about each update call by request id, so that
// read_state can report its status, a resubmitted request is not executed twice, and only its
// sender can read it. Entries are forgotten once their ingress expiry has passed (the IC keeps
// them until then; after that a request id may not be reused anyway). Saved with devnet's state
// by ingress-file.ts.
import { bytesToHex, hexToBytes } from '@noble/hashes/utils';
import type { KnownRequest } from '../http/index';
import type { CallResult } from '../engine/errors';

export type RequestStatus =
	| { status: 'processing' }
	| { status: 'replied'; reply: Uint8Array }
	| { status: 'rejected'; rejectCode: number; rejectMessage: string; errorCode: string };

export interface IngressRecord extends KnownRequest {
	expiryNs: bigint;
	outcome: RequestStatus;
	/** Resolves when the call completes (duplicates wait on it instead of running again). */
	completed: Promise<void>;
}

export function statusOf(result: CallResult): RequestStatus {
	if (result.kind === 'reply') return { status: 'replied', reply: result.bytes };
	return {
		status: 'rejected',
		rejectCode: result.code,
		rejectMessage: result.message,
		errorCode: result.errorCode
	};
}

const PRUNE_INTERVAL_NS = 1_000_000_000n;

export class IngressHistory {
	private readonly records = new Map<string, IngressRecord>();
	private prunedAtNs: bigint | undefined;

	get(requestId: Uint8Array): IngressRecord | undefined {
		return this.records.get(bytesToHex(requestId));
	}

	add(requestId: Uint8Array, record: IngressRecord): void {
		this.records.set(bytesToHex(requestId), record);
	}

	/**
	 * Forgets requests whose ingress expiry is before `nowNs`. Runs on every request, so it walks
	 * the history at most once per second of devnet time (an entry may outlive its expiry by as
	 * much; the expiry check refuses a resubmission anyway).
	 */
	prune(nowNs: bigint): void {
		if (this.prunedAtNs !== undefined && nowNs - this.prunedAtNs < PRUNE_INTERVAL_NS) return;
		this.prunedAtNs = nowNs;
		for (const [key, record] of this.records) {
			if (record.expiryNs < nowNs && record.outcome.status !== 'processing') {
				this.records.delete(key);
			}
		}
	}

	/** Every remembered request: request id and record. */
	*entries(): Generator<[Uint8Array, IngressRecord]> {
		for (const [key, record] of this.records) yield [hexToBytes(key), record];
	}

	get size(): number {
		return this.records.size;
	}
}
