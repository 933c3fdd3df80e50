// The state of one message execution and of the call contexts it belongs to.
import type { CallResult } from './errors';
import type { WasmInstance } from './wasm-instance';

/**
 * Where a System API function is called from (the spec's I, G, U, RQ, NRQ, CQ, Ry, Rt, CRy, CRt,
 * C, CC, F, T).
 */
export type ExecutionKind =
	| 'init' // canister_init and canister_post_upgrade (I)
	| 'pre_upgrade' // G
	| 'update' // U
	| 'replicated_query' // RQ: a query method run by an inter-canister call
	| 'query' // NRQ: an ingress query
	| 'composite_query' // CQ: a composite query, ingress or called from one
	| 'reply' // Ry
	| 'reject' // Rt
	| 'cleanup' // C
	| 'composite_reply' // CRy: a reply callback of a call a composite query made
	| 'composite_reject' // CRt
	| 'composite_cleanup' // CC
	| 'inspect' // F
	| 'timer'; // T

export type Callback = readonly [fn: number, env: number];

export interface OutgoingCall {
	callee: Uint8Array;
	method: string;
	arg: Uint8Array[];
	cycles: bigint;
	reply: Callback;
	reject: Callback;
	cleanup?: Callback;
	context: CallContext;
	/** The module instance whose table holds the callbacks; a new module cannot run them. */
	caller: WasmInstance;
}

export interface Response {
	result: CallResult;
	/** Cycles returned to the caller (attached but not accepted). */
	refund: bigint;
	/** Instructions executed for the call so far (its call context's messages). */
	instructions: bigint;
}

/** A call being served by a canister: answered once, kept open while its calls are pending. */
export interface CallContext {
	readonly caller: Uint8Array;
	/** Delivers the response; undefined for system tasks (timers), which nobody waits for. */
	readonly respond?: (response: Response) => void;
	responded: boolean;
	outstandingCalls: number;
	cyclesAvailable: bigint;
	instructions: bigint;
	/** Set once the context is answered and has no calls pending (counted per canister). */
	closed?: boolean;
}

export interface ExecutionInput {
	kind: ExecutionKind;
	arg: Uint8Array;
	caller: Uint8Array;
	methodName: string;
	time: bigint;
	instructionLimit: bigint;
	context?: CallContext;
	rejectCode?: number;
	rejectMessage?: string;
	refundedCycles?: bigint;
	/** Made on first use: signing costs milliseconds and few queries ask. */
	dataCertificate?: () => Uint8Array;
}

export class Execution {
	readonly kind: ExecutionKind;
	readonly arg: Uint8Array;
	readonly caller: Uint8Array;
	readonly methodName: string;
	readonly time: bigint;
	readonly instructionLimit: bigint;
	readonly context?: CallContext;
	readonly rejectCode: number;
	readonly rejectMessage?: string;
	readonly refundedCycles: bigint;
	private readonly makeDataCertificate?: () => Uint8Array;
	private certificate?: Uint8Array;
	replyParts: Uint8Array[] = [];
	response?: CallResult;
	pendingCall?: OutgoingCall;
	readonly outgoingCalls: OutgoingCall[] = [];
	acceptedMessage = false;
	cyclesAccepted = 0n;

	constructor(input: ExecutionInput) {
		this.kind = input.kind;
		this.arg = input.arg;
		this.caller = input.caller;
		this.methodName = input.methodName;
		this.time = input.time;
		this.instructionLimit = input.instructionLimit;
		this.context = input.context;
		this.rejectCode = input.rejectCode ?? 0;
		this.rejectMessage = input.rejectMessage;
		this.refundedCycles = input.refundedCycles ?? 0n;
		this.makeDataCertificate = input.dataCertificate;
	}

	get hasDataCertificate(): boolean {
		return this.makeDataCertificate !== undefined;
	}

	get dataCertificate(): Uint8Array | undefined {
		if (!this.certificate && this.makeDataCertificate)
			this.certificate = this.makeDataCertificate();
		return this.certificate;
	}

	/** Whether this execution may still answer its call. */
	canRespond(): boolean {
		return (
			this.context !== undefined &&
			this.context.respond !== undefined &&
			!this.context.responded &&
			this.response === undefined
		);
	}
}
