// A composite query and the query calls it makes, evaluated as the IC's query handler does
// (interface spec "Composite queries"; dfinity/ic rs/execution_environment/src/query_handler):
// every call runs on the callee's committed state, a caller's changes live on for its own
// callbacks only, and the whole call graph is discarded once the first caller has its answer.
import { Principal } from '@dfinity/principal';
import { concatBytes } from '@noble/hashes/utils';
import { noMethod, unavailable } from './availability';
import type { Canister, CanisterFrame } from './canister';
import { ErrorCode, systemReject, type CallResult } from './errors';
import type { ExecutedMessage } from './execute';
import type {
	CallContext,
	ExecutionInput,
	ExecutionKind,
	OutgoingCall,
	Response
} from './execution';
import { INSTRUCTION_LIMITS } from './limits';
import type { WasmInstance } from './wasm-instance';

export interface CompositeQueryHost {
	canister(id: Principal): Canister | undefined;
	execute(
		canister: Canister,
		input: ExecutionInput,
		entry: (instance: WasmInstance) => void
	): ExecutedMessage;
	readonly timeNanos: bigint;
}

const MANAGEMENT = Principal.managementCanister().toText();

/** The export a query call to `method` runs: the composite query, else the plain query. */
export function queryExport(
	canister: Canister,
	method: string
): { name: string; kind: ExecutionKind } | undefined {
	const composite = `canister_composite_query ${method}`;
	if (canister.instance?.hasExport(composite)) return { name: composite, kind: 'composite_query' };
	const query = `canister_query ${method}`;
	if (canister.instance?.hasExport(query)) return { name: query, kind: 'query' };
	return undefined;
}

function didNotRespond(canister: Canister): CallResult {
	return systemReject(
		ErrorCode.CanisterDidNotReply,
		`Canister ${canister.idText} did not produce a response`
	);
}

export class CompositeQuery {
	private readonly queue: (() => void)[] = [];
	/** Whose uncommitted state each touched canister holds now (undefined: its committed state). */
	private readonly holder = new Map<Canister, CallContext | undefined>();
	private readonly frames = new Map<CallContext, CanisterFrame>();
	private instructions = 0n;

	constructor(private readonly host: CompositeQueryHost) {}

	/** Runs an ingress composite query to its answer, then discards every canister's changes. */
	run(
		canister: Canister,
		method: string,
		arg: Uint8Array,
		sender: Principal,
		dataCertificate: () => Uint8Array
	): Response {
		let result: CallResult | undefined;
		const root = this.newContext(sender.toUint8Array(), (answer) => (result = answer));
		try {
			this.start(canister, `canister_composite_query ${method}`, 'composite_query', {
				arg,
				methodName: method,
				context: root,
				dataCertificate
			});
			while (result === undefined) {
				const task = this.queue.shift();
				if (!task) break;
				task();
			}
		} finally {
			for (const touched of this.holder.keys()) touched.rollback();
		}
		return {
			result: result ?? didNotRespond(canister),
			refund: 0n,
			instructions: this.instructions
		};
	}

	/** Runs a query or composite query method for a call context and handles its outcome. */
	private start(
		canister: Canister,
		exportName: string,
		kind: ExecutionKind,
		input: Pick<ExecutionInput, 'arg' | 'methodName' | 'context' | 'dataCertificate'>
	): void {
		const context = input.context as CallContext;
		this.activate(canister, context);
		const execution = this.host.execute(
			canister,
			{
				...input,
				kind,
				caller: context.caller,
				time: this.host.timeNanos,
				instructionLimit: INSTRUCTION_LIMITS.query
			},
			(instance) => instance.callExport(exportName)
		);
		this.instructions += execution.instructions;
		this.finish(canister, context, execution);
	}

	private finish(canister: Canister, context: CallContext, execution: ExecutedMessage): void {
		if (execution.trap) {
			this.respond(context, execution.trap.toReject(canister.idText));
			return;
		}
		if (execution.response) {
			this.respond(context, execution.response);
			return;
		}
		for (const call of execution.outgoingCalls) {
			context.outstandingCalls += 1;
			this.queue.push(() => this.call(canister, call));
		}
		if (context.outstandingCalls === 0) this.respond(context, didNotRespond(canister));
	}

	/** A query call made by `caller`: the callee runs on its committed state. */
	private call(caller: Canister, call: OutgoingCall): void {
		const answer = (result: CallResult) =>
			this.queue.push(() => this.callback(caller, call, result));
		const calleeId = Principal.fromUint8Array(call.callee);
		if (calleeId.toText() === MANAGEMENT) {
			answer(
				systemReject(
					ErrorCode.CanisterContractViolation,
					'devnet does not implement management canister calls from composite queries'
				)
			);
			return;
		}
		const callee = this.host.canister(calleeId);
		const refusal = unavailable(calleeId, callee);
		if (refusal || !callee) {
			answer(refusal as CallResult);
			return;
		}
		const entry = queryExport(callee, call.method);
		if (!entry) {
			answer(noMethod(callee, 'query', call.method).result);
			return;
		}
		const context = this.newContext(caller.id, answer);
		this.start(callee, entry.name, entry.kind, {
			arg: concatBytes(...call.arg),
			methodName: call.method,
			context
		});
	}

	/** The reply or reject callback of `call`, on the caller's state as its call left it. */
	private callback(canister: Canister, call: OutgoingCall, result: CallResult): void {
		const context = call.context;
		context.outstandingCalls -= 1;
		if (context.responded) return; // answered already: the IC drops the rest
		this.activate(canister, context);
		const input: ExecutionInput = {
			kind: result.kind === 'reply' ? 'composite_reply' : 'composite_reject',
			arg: result.kind === 'reply' ? result.bytes : new Uint8Array(),
			caller: context.caller,
			methodName: call.method,
			time: this.host.timeNanos,
			instructionLimit: INSTRUCTION_LIMITS.query,
			context,
			rejectCode: result.kind === 'reject' ? result.code : 0,
			rejectMessage: result.kind === 'reject' ? result.message : undefined
		};
		const [fn, env] = result.kind === 'reply' ? call.reply : call.reject;
		const execution = this.host.execute(canister, input, (instance) =>
			instance.callTableEntry(fn, env)
		);
		this.instructions += execution.instructions;
		if (execution.trap && call.cleanup) {
			const [cleanupFn, cleanupEnv] = call.cleanup;
			const cleanup = this.host.execute(
				canister,
				{ ...input, kind: 'composite_cleanup' },
				(instance) => instance.callTableEntry(cleanupFn, cleanupEnv)
			);
			this.instructions += cleanup.instructions;
		}
		this.finish(canister, context, execution);
	}

	/** Puts `context`'s state on the canister, setting aside the state another context left there. */
	private activate(canister: Canister, context: CallContext): void {
		const holder = this.holder.get(canister);
		if (this.holder.has(canister) && holder === context) return;
		if (holder) this.frames.set(holder, canister.liveFrame());
		const frame = this.frames.get(context);
		if (frame) canister.loadFrame(frame);
		else canister.rollback();
		this.holder.set(canister, context);
	}

	private respond(context: CallContext, result: CallResult): void {
		if (context.responded) return;
		context.responded = true;
		context.respond?.({ result, refund: 0n, instructions: context.instructions });
	}

	private newContext(caller: Uint8Array, answer: (result: CallResult) => void): CallContext {
		return {
			caller,
			respond: (response) => answer(response.result),
			responded: false,
			outstandingCalls: 0,
			cyclesAvailable: 0n,
			instructions: 0n
		};
	}
}
