// The IC HTTP interface on a Devnet: an accepted request (devnet/src/http) in, an HTTP answer
// out. All engine access goes through one lock, so messages run one at a time as in a round.
import { Principal } from '@dfinity/principal';
import { sha256 } from '@noble/hashes/sha2';
import { concatBytes, utf8ToBytes } from '@noble/hashes/utils';
import type { Devnet } from '../devnet';
import type { CallResult } from '../engine/errors';
import {
	acceptRequest,
	checkReadStatePaths,
	encodeCbor,
	encodeQueryResponse,
	NodeKey,
	signedQueryResponse,
	statusBody,
	type AcceptedRequest,
	type QueryOutcome,
	type ReadStateView
} from '../http/index';
import { counterOfCanisterId } from '../management/canister-ids';
import type { ServerClock } from './clock';
import { IngressHistory, statusOf, type IngressRecord } from './request-store';
import { readStateTree, requestStatusTree, type StateFacts } from './state-tree';
import { equalBytes } from '../bytes';

export const DEVNET_IMPL_VERSION = 'tessera-devnet-0.1.0';

export interface HttpAnswer {
	status: number;
	contentType?: string;
	body: Uint8Array | string;
	/** Time spent executing canister code for this answer (ms), for the Server-Timing header. */
	executionMs?: number;
}

const CBOR = 'application/cbor';

interface IngressCall {
	canisterId: Principal;
	method: string;
	arg: Uint8Array;
	sender: Principal;
}

/** The node key is derived from the subnet key's secret, so it survives restarts with it. */
export function nodeKeyFor(devnet: Devnet): NodeKey {
	const seed = concatBytes(utf8ToBytes('tessera-devnet-node-key'), devnet.subnetKey.secretBytes());
	return NodeKey.fromSecretBytes(sha256(seed));
}

/** Runs tasks one at a time, in order. */
export class Lock {
	private tail: Promise<unknown> = Promise.resolve();

	run<T>(task: () => T | Promise<T>): Promise<T> {
		const result = this.tail.then(task);
		this.tail = result.catch(() => undefined);
		return result;
	}
}

function queryOutcome(result: CallResult): QueryOutcome {
	if (result.kind === 'reply') return { status: 'replied', arg: result.bytes };
	return {
		status: 'rejected',
		rejectCode: result.code,
		rejectMessage: result.message,
		errorCode: result.errorCode
	};
}

/** The body of a call the ingress filter refused (dfinity/ic rs/http_endpoints/public, call). */
function nonReplicatedRejection(
	result: Extract<CallResult, { kind: 'reject' }>,
	version: 'v2' | 'v3'
): Record<string, string | number> {
	const rejection = {
		reject_code: result.code,
		reject_message: result.message,
		error_code: result.errorCode
	};
	return version === 'v3' ? { status: 'non_replicated_rejection', ...rejection } : rejection;
}

export class DevnetHttpHandler {
	readonly nodeKey: NodeKey;
	readonly history = new IngressHistory();
	readonly lock = new Lock();
	private readonly facts: StateFacts;

	constructor(
		readonly devnet: Devnet,
		readonly clock: ServerClock,
		private readonly onCommitted: () => void = () => {}
	) {
		this.nodeKey = nodeKeyFor(devnet);
		this.facts = {
			subnetId: devnet.subnetId.toUint8Array(),
			rootKeyDer: devnet.rootKey,
			nodeId: this.nodeKey.nodeId,
			nodePublicKeyDer: this.nodeKey.publicKeyDer,
			canisterRanges: devnet.canisterRanges,
			canister: (id) => {
				const canister = devnet.engine.canister(Principal.fromUint8Array(id));
				if (!canister) return undefined;
				const info = devnet.canisterInfo(Principal.fromUint8Array(id));
				return { moduleHash: info.moduleHash, controllers: info.controllers };
			},
			history: this.history
		};
	}

	/** Moves devnet's clock up to the server clock and runs what became due (timers). */
	async syncClock(): Promise<void> {
		const target = this.clock.targetNs();
		if (target > this.devnet.engine.timeNanos) this.devnet.engine.timeNanos = target;
		const lastExecution = this.devnet.executions.at(-1);
		await this.devnet.engine.run();
		if (this.devnet.executions.at(-1) !== lastExecution) this.onCommitted(); // timers ran
		this.history.prune(this.devnet.engine.timeNanos);
	}

	async handle(method: string, url: string, body: Uint8Array): Promise<HttpAnswer> {
		return this.lock.run(async () => {
			await this.syncClock();
			const accepted = acceptRequest(
				{ method, url, body },
				{
					nowNs: this.devnet.engine.timeNanos,
					subnetId: this.facts.subnetId,
					rootPublicKey: this.devnet.subnetKey.publicKey,
					isHosted: (id) =>
						id.length === 0 || counterOfCanisterId(Principal.fromUint8Array(id)) !== undefined
				}
			);
			return this.answer(accepted);
		});
	}

	private async answer(accepted: AcceptedRequest): Promise<HttpAnswer> {
		switch (accepted.endpoint) {
			case 'status':
				return {
					status: 200,
					contentType: CBOR,
					body: statusBody(this.devnet.subnetKey.publicKey, DEVNET_IMPL_VERSION)
				};
			case 'cors_preflight':
				return { status: 204, body: '' };
			case 'query':
				return this.query(accepted);
			case 'call':
				return this.call(accepted);
			case 'read_state':
				return this.readState(accepted);
		}
	}

	private query(accepted: Extract<AcceptedRequest, { endpoint: 'query' }>): HttpAnswer {
		const { content, auth } = accepted;
		const started = performance.now();
		const response = this.devnet.executeQuery({
			canisterId: Principal.fromUint8Array(content.canisterId),
			method: content.methodName,
			arg: content.arg,
			sender: Principal.fromUint8Array(auth.sender)
		});
		const executionMs = performance.now() - started;
		const timestamp = this.devnet.engine.timeNanos;
		const signed = signedQueryResponse(
			queryOutcome(response.result),
			auth.requestId,
			timestamp,
			this.nodeKey
		);
		return { status: 200, contentType: CBOR, body: encodeQueryResponse(signed), executionMs };
	}

	private async call(
		accepted: Extract<AcceptedRequest, { endpoint: 'call' }>
	): Promise<HttpAnswer> {
		const { content, auth } = accepted;
		let record = this.history.get(auth.requestId);
		const started = performance.now();
		let executed = false;
		if (!record) {
			const call: IngressCall = {
				canisterId: Principal.fromUint8Array(content.canisterId),
				method: content.methodName,
				arg: content.arg,
				sender: Principal.fromUint8Array(auth.sender)
			};
			// canister_inspect_message (and a missing canister) refuse the request before it enters
			// the ingress history, as the replica's ingress filter does: a 200 whose CBOR body is the
			// rejection (with status non_replicated_rejection on v3), which the agent raises as a
			// typed reject without retrying.
			const inspected = this.devnet.inspectMessage(call).result;
			if (inspected.kind === 'reject') {
				return {
					status: 200,
					contentType: CBOR,
					body: encodeCbor(nonReplicatedRejection(inspected, accepted.version))
				};
			}
			record = await this.execute(accepted, call);
			executed = true;
		}
		await record.completed;
		const executionMs = executed ? performance.now() - started : 0;
		if (accepted.version === 'v2') return { status: 202, body: '', executionMs };
		const tree = new Map([
			['request_status', new Map([[auth.requestId, requestStatusTree(record.outcome)]])]
		]);
		const certificate = this.devnet.subnetKey.certifyLabeled(tree, this.devnet.engine.timeNanos);
		return {
			status: 200,
			contentType: CBOR,
			body: encodeCbor({ status: 'replied', certificate }),
			executionMs
		};
	}

	private async execute(
		accepted: Extract<AcceptedRequest, { endpoint: 'call' }>,
		call: IngressCall
	): Promise<IngressRecord> {
		let complete = () => {};
		const record: IngressRecord = {
			sender: accepted.auth.sender,
			canisterId: accepted.content.canisterId,
			effectiveCanisterId: accepted.effectiveCanisterId,
			expiryNs: accepted.content.ingressExpiry,
			outcome: { status: 'processing' },
			completed: new Promise<void>((resolve) => (complete = resolve))
		};
		this.history.add(accepted.auth.requestId, record);
		try {
			// inspect_message already ran; management canister calls go through the engine too
			const response = await this.devnet.engine.update(
				call.canisterId,
				call.method,
				call.arg,
				call.sender
			);
			record.outcome = statusOf(response.result);
		} catch (error) {
			record.outcome = {
				status: 'rejected',
				rejectCode: 5,
				rejectMessage: `devnet failed to execute the call: ${String(error)}`,
				errorCode: 'IC0502'
			};
		} finally {
			complete();
			this.onCommitted();
		}
		return record;
	}

	private readState(accepted: Extract<AcceptedRequest, { endpoint: 'read_state' }>): HttpAnswer {
		const view: ReadStateView = {
			knownRequest: (requestId) => this.history.get(requestId),
			mayReadMetadata: (canisterId, name, sender) =>
				name.startsWith('public ') ||
				(this.facts
					.canister(canisterId)
					?.controllers.some((controller) => equalBytes(controller.toUint8Array(), sender)) ??
					false)
		};
		checkReadStatePaths(accepted.content.paths, accepted, accepted.auth, view);
		const tree = readStateTree(accepted.content.paths, this.facts);
		const certificate = this.devnet.subnetKey.certifyLabeled(tree, this.devnet.engine.timeNanos);
		return { status: 200, contentType: CBOR, body: encodeCbor({ certificate }) };
	}
}
