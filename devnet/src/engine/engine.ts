// Executes messages as the IC does: a queue of messages, call contexts answered exactly once,
// reply/reject/cleanup callbacks, traps rolled back, queries never persisted, due timers fired.
import { Principal } from '@dfinity/principal';
import { Canister } from './canister';
import {
	CanisterTrap,
	DevnetError,
	ErrorCode,
	executionFailure,
	rejectMessageForCaller,
	systemReject,
	type CallResult
} from './errors';
import {
	Execution,
	type CallContext,
	type ExecutionInput,
	type OutgoingCall,
	type Response
} from './execution';

export type { Response } from './execution';
import { INSTRUCTION_LIMITS } from './limits';
import { concatBytes } from '@noble/hashes/utils';
import { equalBytes } from '../bytes';
import type { WasmInstance } from './wasm-instance';
import { executeMessage, type ExecutedMessage } from './execute';
import { noMethod, unavailable } from './availability';
import { CompositeQuery } from './composite-query';
import type { SubnetKey } from '../certification/subnet-key';

export const MANAGEMENT_CANISTER_ID = Principal.managementCanister();

type Respond = (response: Response) => void;

/** The management canister as the engine sees it (implemented in ../management). */
export interface ManagementCanister {
	handle(call: { caller: Uint8Array; method: string; arg: Uint8Array; cycles: bigint }): Promise<{
		result: CallResult;
		refund: bigint;
	}>;
}

export interface ExecutionRecord {
	canisterId: string;
	kind: Execution['kind'];
	method: string;
	instructions: bigint;
	trap?: string;
}

export interface EngineOptions {
	subnetKey: SubnetKey;
	timeNanos: bigint;
	onDebugPrint?: (canisterId: string, message: string) => void;
	onExecution?: (record: ExecutionRecord) => void;
}

const MAX_MESSAGES_PER_RUN = 100_000;

export class Engine {
	readonly canisters = new Map<string, Canister>();
	management?: ManagementCanister;
	timeNanos: bigint;
	readonly subnetKey: SubnetKey;
	private readonly queue: (() => void | Promise<void>)[] = [];
	private readonly inFlight = new Set<Promise<void>>();
	private readonly certificates = new Map<
		string,
		{ time: bigint; data: Uint8Array; bytes: Uint8Array }
	>();
	private readonly options: EngineOptions;

	constructor(options: EngineOptions) {
		this.options = options;
		this.subnetKey = options.subnetKey;
		this.timeNanos = options.timeNanos;
	}

	canister(id: Principal | string): Canister | undefined {
		return this.canisters.get(typeof id === 'string' ? id : id.toText());
	}

	debugPrint(canister: Canister, message: string): void {
		this.options.onDebugPrint?.(canister.idText, message);
	}

	// ---- ingress --------------------------------------------------------------------------

	/** An ingress query: executed and rolled back, with a data certificate available. */
	query(canisterId: Principal, method: string, arg: Uint8Array, sender: Principal): Response {
		const canister = this.canister(canisterId);
		const refusal = unavailable(canisterId, canister);
		if (refusal || !canister)
			return { result: refusal as CallResult, refund: 0n, instructions: 0n };
		if (canister.instance?.hasExport(`canister_composite_query ${method}`)) {
			return new CompositeQuery(this).run(canister, method, arg, sender, () =>
				this.dataCertificate(canister)
			);
		}
		const exportName = `canister_query ${method}`;
		if (!canister.instance?.hasExport(exportName)) {
			return noMethod(canister, 'query', method);
		}
		const context: CallContext = this.newContext(sender.toUint8Array(), 0n, () => {});
		const execution = this.execute(
			canister,
			{
				kind: 'query',
				arg,
				caller: sender.toUint8Array(),
				methodName: method,
				time: this.timeNanos,
				instructionLimit: INSTRUCTION_LIMITS.query,
				context,
				dataCertificate: () => this.dataCertificate(canister)
			},
			(instance) => instance.callExport(exportName)
		);
		const result =
			execution.trap?.toReject(canister.idText) ??
			execution.response ??
			systemReject(
				ErrorCode.CanisterDidNotReply,
				`Canister ${canister.idText} did not reply to the call`
			);
		return { result, refund: 0n, instructions: context.instructions };
	}

	/** canister_inspect_message for an ingress update; management calls skip it. */
	inspectMessage(
		canisterId: Principal,
		method: string,
		arg: Uint8Array,
		sender: Principal
	): Response {
		const accepted: Response = {
			result: { kind: 'reply', bytes: new Uint8Array() },
			refund: 0n,
			instructions: 0n
		};
		if (canisterId.toText() === MANAGEMENT_CANISTER_ID.toText()) return accepted;
		const canister = this.canister(canisterId);
		const refusal = unavailable(canisterId, canister);
		if (refusal || !canister)
			return { result: refusal as CallResult, refund: 0n, instructions: 0n };
		if (!canister.instance?.hasExport('canister_inspect_message')) return accepted;
		const context = this.newContext(sender.toUint8Array(), 0n, () => {});
		const execution = this.execute(
			canister,
			{
				kind: 'inspect',
				arg,
				caller: sender.toUint8Array(),
				methodName: method,
				time: this.timeNanos,
				instructionLimit: INSTRUCTION_LIMITS.inspect,
				context
			},
			(instance) => instance.callExport('canister_inspect_message')
		);
		if (!execution.trap && execution.acceptedMessage)
			return { ...accepted, instructions: context.instructions };
		// A trap refuses the message with the trap's own error (IC0503 for ic0.trap); returning
		// without ic0.accept_message refuses it with IC0406.
		return {
			result:
				execution.trap?.toReject(canister.idText) ??
				systemReject(
					ErrorCode.CanisterRejectedMessage,
					`Canister ${canister.idText} rejected the message`
				),
			refund: 0n,
			instructions: context.instructions
		};
	}

	/** An ingress update (no inspect_message: the caller runs that first); resolves with its response. */
	async update(
		canisterId: Principal,
		method: string,
		arg: Uint8Array,
		sender: Principal
	): Promise<Response> {
		let response: Response | undefined;
		this.queue.push(() =>
			this.deliver(
				canisterId.toUint8Array(),
				method,
				arg,
				sender.toUint8Array(),
				0n,
				(r) => (response = r)
			)
		);
		await this.run(() => response !== undefined);
		if (!response) throw new DevnetError(`the call to ${method} did not complete`);
		return response;
	}

	/** Runs queued messages and due timers until nothing is left (or `done`). */
	async run(done?: () => boolean): Promise<void> {
		for (let steps = 0; steps < MAX_MESSAGES_PER_RUN; steps++) {
			if (done?.()) return;
			const task = this.queue.shift();
			if (task) {
				await task();
				continue;
			}
			if (this.scheduleDueTimers()) continue;
			if (this.inFlight.size === 0) return;
			await Promise.race(this.inFlight);
		}
	}

	/** Management calls answer later (install compiles, stop waits): the queue keeps moving. */
	private track(work: Promise<void>): void {
		const tracked = work.finally(() => this.inFlight.delete(tracked));
		this.inFlight.add(tracked);
	}

	/** A canister's data certificate, signed once per certified data and time. */
	private dataCertificate(canister: Canister): Uint8Array {
		const data = canister.committed().certifiedData;
		const cached = this.certificates.get(canister.idText);
		if (cached && cached.time === this.timeNanos && equalBytes(cached.data, data))
			return cached.bytes;
		const bytes = this.subnetKey.dataCertificate(canister.id, data, this.timeNanos);
		this.certificates.set(canister.idText, { time: this.timeNanos, data, bytes });
		return bytes;
	}

	// ---- messages between canisters -----------------------------------------------------

	private async deliver(
		callee: Uint8Array,
		method: string,
		arg: Uint8Array,
		caller: Uint8Array,
		cycles: bigint,
		respond: Respond
	): Promise<void> {
		const calleeId = Principal.fromUint8Array(callee);
		if (calleeId.toText() === MANAGEMENT_CANISTER_ID.toText()) {
			if (!this.management) throw new DevnetError('no management canister');
			const management = this.management;
			this.track(
				management.handle({ caller, method, arg, cycles }).then(({ result, refund }) => {
					respond({ result, refund, instructions: 0n });
				})
			);
			return;
		}
		const canister = this.canister(calleeId);
		const refusal = unavailable(calleeId, canister);
		if (refusal || !canister) {
			respond({ result: refusal as CallResult, refund: cycles, instructions: 0n });
			return;
		}
		const update = `canister_update ${method}`;
		const query = `canister_query ${method}`;
		const exportName = canister.instance?.hasExport(update) ? update : query;
		if (canister.instance?.hasExport(`canister_composite_query ${method}`)) {
			const refused = executionFailure(
				ErrorCode.CompositeQueryCalledInReplicatedMode,
				'Composite query cannot be called in replicated mode'
			);
			respond({ result: refused, refund: cycles, instructions: 0n });
			return;
		}
		if (!canister.instance?.hasExport(exportName)) {
			respond({ ...noMethod(canister, 'update', method), refund: cycles });
			return;
		}
		const context = this.newContext(caller, cycles, respond);
		this.open(canister, context);
		const execution = this.execute(
			canister,
			{
				kind: exportName === update ? 'update' : 'replicated_query',
				arg,
				caller,
				methodName: method,
				time: this.timeNanos,
				instructionLimit: INSTRUCTION_LIMITS.update,
				context
			},
			(instance) => instance.callExport(exportName)
		);
		this.finish(canister, execution);
	}

	private runCallback(canister: Canister, call: OutgoingCall, response: Response): void {
		const context = call.context;
		context.outstandingCalls -= 1;
		canister.adjustCommitted((state) => (state.cycles += response.refund));
		// A deleted, uninstalled or since upgraded canister cannot run the callback: drop the response.
		const current = this.canister(Principal.fromUint8Array(canister.id)) === canister;
		if (!current || canister.instance !== call.caller) {
			this.settle(canister, context);
			return;
		}
		const { result } = response;
		const input: ExecutionInput = {
			kind: result.kind,
			arg: result.kind === 'reply' ? result.bytes : new Uint8Array(),
			caller: context.caller,
			methodName: call.method,
			time: this.timeNanos,
			instructionLimit: INSTRUCTION_LIMITS.update,
			context,
			rejectCode: result.kind === 'reject' ? result.code : 0,
			rejectMessage: result.kind === 'reject' ? rejectMessageForCaller(result) : undefined,
			refundedCycles: response.refund
		};
		const [fn, env] = result.kind === 'reply' ? call.reply : call.reject;
		const execution = this.execute(canister, input, (instance) => instance.callTableEntry(fn, env));
		if (!execution.trap) {
			this.finish(canister, execution);
			return;
		}
		if (call.cleanup) {
			const [cleanupFn, cleanupEnv] = call.cleanup;
			this.execute(canister, { ...input, kind: 'cleanup' }, (instance) =>
				instance.callTableEntry(cleanupFn, cleanupEnv)
			);
		}
		if (context.outstandingCalls === 0)
			this.respond(context, execution.trap.toReject(canister.idText));
		this.settle(canister, context);
	}

	/** After a message: deliver its response and send its calls (both only if it committed). */
	private finish(canister: Canister, execution: Execution & { trap?: CanisterTrap }): void {
		const context = execution.context;
		if (!context) return;
		if (execution.trap) {
			this.respond(context, execution.trap.toReject(canister.idText));
			this.settle(canister, context);
			return;
		}
		if (execution.response) this.respond(context, execution.response);
		for (const call of execution.outgoingCalls) {
			context.outstandingCalls += 1;
			this.queue.push(() =>
				this.deliver(
					call.callee,
					call.method,
					concatBytes(...call.arg),
					canister.id,
					call.cycles,
					(response) => this.queue.push(() => this.runCallback(canister, call, response))
				)
			);
		}
		this.settle(canister, context);
	}

	/**
	 * Once a call context has no calls pending: answers it if nobody did ("did not reply"), and
	 * closes it; a stopping canister stops when its last context closes.
	 */
	private settle(canister: Canister, context: CallContext): void {
		if (context.outstandingCalls > 0 || context.closed) return;
		if (context.respond && !context.responded) {
			this.respond(
				context,
				systemReject(
					ErrorCode.CanisterDidNotReply,
					`Canister ${canister.idText} did not reply to the call`
				)
			);
		}
		context.closed = true;
		canister.openCallContexts -= 1;
		if (canister.openCallContexts === 0 && canister.status === 'stopping')
			canister.finishStopping();
	}

	private open(canister: Canister, context: CallContext): void {
		context.closed = false;
		canister.openCallContexts += 1;
	}

	private respond(context: CallContext, result: CallResult): void {
		if (context.responded || !context.respond) return;
		context.responded = true;
		const refund = context.cyclesAvailable;
		context.cyclesAvailable = 0n;
		const respond = context.respond;
		this.queue.push(() => respond({ result, refund, instructions: context.instructions }));
	}

	private newContext(caller: Uint8Array, cycles: bigint, respond?: Respond): CallContext {
		return {
			caller,
			respond,
			responded: false,
			outstandingCalls: 0,
			cyclesAvailable: cycles,
			instructions: 0n
		};
	}

	// ---- timers ---------------------------------------------------------------------------

	private scheduleDueTimers(): boolean {
		let scheduled = false;
		for (const canister of this.canisters.values()) {
			const deadline = canister.state.timerDeadline;
			if (deadline === 0n || deadline > this.timeNanos || canister.status !== 'running') continue;
			if (!canister.instance?.hasExport('canister_global_timer')) continue;
			canister.adjustCommitted((state) => (state.timerDeadline = 0n));
			scheduled = true;
			this.queue.push(() => {
				const context = this.newContext(MANAGEMENT_CANISTER_ID.toUint8Array(), 0n);
				this.open(canister, context);
				const execution = this.execute(
					canister,
					{
						kind: 'timer',
						arg: new Uint8Array(),
						caller: MANAGEMENT_CANISTER_ID.toUint8Array(),
						methodName: 'canister_global_timer',
						time: this.timeNanos,
						instructionLimit: INSTRUCTION_LIMITS.update,
						context
					},
					(instance) => instance.callExport('canister_global_timer')
				);
				this.finish(canister, execution);
			});
		}
		return scheduled;
	}

	// ---- execution --------------------------------------------------------------------------

	/** Runs one entry point (see executeMessage) and records its instruction count. */
	execute(
		canister: Canister,
		input: ExecutionInput,
		entry: (instance: WasmInstance) => void
	): ExecutedMessage {
		const executed = executeMessage(canister, input, entry);
		this.options.onExecution?.({
			canisterId: canister.idText,
			kind: input.kind,
			method: input.methodName,
			instructions: executed.instructions,
			trap: executed.trap?.message
		});
		return executed;
	}
}
