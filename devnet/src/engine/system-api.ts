// The ic0 System API as the IC interface specification defines it, for one canister: each
// function checks it is called from a context the spec allows, and traps on bad arguments.
import { Principal } from '@dfinity/principal';
import type { Canister } from './canister';
import { CanisterTrap, canisterReject } from './errors';
import {
	ALL,
	ARG_DATA,
	BURN,
	CALL,
	CALL_CYCLES,
	CYCLES_IN,
	DATA_CERTIFICATE,
	MODE_NAMES,
	MUTATE,
	NON_REPLICATED,
	REJECT_CODE,
	REJECT_MESSAGE,
	RESPOND,
	TIMER_SET
} from './contexts';
import type { Execution, ExecutionKind } from './execution';
import type { Ic0Imports } from './wasm-instance';
import { concatBytes } from '@noble/hashes/utils';

const MAX_REPLY_BYTES = 2 * 1024 * 1024;
const CALL_BASE_FEE = 260_000n;
const CALL_FEE_PER_BYTE = 1_000n;
const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

export interface SystemApiEnvironment {
	debugPrint(canister: Canister, message: string): void;
}

export function createSystemApi(canister: Canister, env: SystemApiEnvironment): Ic0Imports {
	const instance = () => {
		if (!canister.instance) throw CanisterTrap.trapped('no wasm module');
		return canister.instance;
	};
	const current = (name: string, allowed: readonly ExecutionKind[] = ALL): Execution => {
		const execution = canister.execution;
		if (!execution)
			throw CanisterTrap.contractViolation(`"ic0_${name}" called outside of a message execution`);
		if (!allowed.includes(execution.kind)) {
			throw CanisterTrap.contractViolation(
				`"ic0_${name}" cannot be executed in ${MODE_NAMES[execution.kind]} mode`
			);
		}
		return execution;
	};
	const read = (name: string, src: number, size: number): Uint8Array => {
		const heap = instance().bytes();
		if (src < 0 || size < 0 || src + size > heap.length) {
			throw CanisterTrap.contractViolation(`ic0_${name}: source out of bounds of the wasm memory`);
		}
		instance().charge(size);
		return heap.slice(src, src + size);
	};
	const copyOut = (
		name: string,
		data: Uint8Array,
		dst: number,
		offset: number,
		size: number
	): void => {
		if (offset < 0 || size < 0 || offset + size > data.length) {
			throw CanisterTrap.contractViolation(
				`ic0_${name}: offset + size exceeds the data (${data.length} bytes)`
			);
		}
		const heap = instance().bytes();
		if (dst < 0 || dst + size > heap.length) {
			throw CanisterTrap.contractViolation(
				`ic0_${name}: destination out of bounds of the wasm memory`
			);
		}
		instance().charge(size);
		heap.set(data.subarray(offset, offset + size), dst);
	};
	const write128 = (name: string, dst: number, value: bigint): void => {
		const bytes = new Uint8Array(16);
		const view = new DataView(bytes.buffer);
		view.setBigUint64(0, value & 0xffff_ffff_ffff_ffffn, true);
		view.setBigUint64(8, value >> 64n, true);
		copyOut(name, bytes, dst, 0, 16);
	};
	const u128 = (high: bigint, low: bigint): bigint =>
		(BigInt.asUintN(64, high) << 64n) | BigInt.asUintN(64, low);
	const respond = (name: string): Execution => {
		const execution = current(name, RESPOND);
		if (!execution.canRespond()) {
			throw CanisterTrap.contractViolation(
				`ic0_${name}: the call has already been responded to or needs no response`
			);
		}
		return execution;
	};
	const pending = (name: string) => {
		const call = current(name, CALL).pendingCall;
		if (!call)
			throw CanisterTrap.contractViolation(
				`ic0_${name}: no call is being built (call ic0_call_new first)`
			);
		return call;
	};
	const size = (data: Uint8Array) => data.length;

	return {
		msg_arg_data_size: () => size(current('msg_arg_data_size', ARG_DATA).arg),
		msg_arg_data_copy: (dst: number, offset: number, n: number) =>
			copyOut('msg_arg_data_copy', current('msg_arg_data_copy', ARG_DATA).arg, dst, offset, n),
		msg_caller_size: () => size(current('msg_caller_size').caller),
		msg_caller_copy: (dst: number, offset: number, n: number) =>
			copyOut('msg_caller_copy', current('msg_caller_copy').caller, dst, offset, n),
		msg_reject_code: () => current('msg_reject_code', REJECT_CODE).rejectCode,
		msg_reject_msg_size: () =>
			encoder.encode(current('msg_reject_msg_size', REJECT_MESSAGE).rejectMessage ?? '').length,
		msg_reject_msg_copy: (dst: number, offset: number, n: number) =>
			copyOut(
				'msg_reject_msg_copy',
				encoder.encode(current('msg_reject_msg_copy', REJECT_MESSAGE).rejectMessage ?? ''),
				dst,
				offset,
				n
			),
		msg_method_name_size: () =>
			encoder.encode(current('msg_method_name_size', ['inspect']).methodName).length,
		msg_method_name_copy: (dst: number, offset: number, n: number) =>
			copyOut(
				'msg_method_name_copy',
				encoder.encode(current('msg_method_name_copy', ['inspect']).methodName),
				dst,
				offset,
				n
			),
		accept_message: () => {
			const execution = current('accept_message', ['inspect']);
			if (execution.acceptedMessage)
				throw CanisterTrap.contractViolation('ic0_accept_message called twice');
			execution.acceptedMessage = true;
		},

		msg_reply_data_append: (src: number, n: number) => {
			const execution = respond('msg_reply_data_append');
			const total = execution.replyParts.reduce((sum, part) => sum + part.length, 0) + n;
			if (total > MAX_REPLY_BYTES) {
				throw CanisterTrap.contractViolation(
					`ic0_msg_reply_data_append: the reply exceeds ${MAX_REPLY_BYTES} bytes`
				);
			}
			execution.replyParts.push(read('msg_reply_data_append', src, n));
		},
		msg_reply: () => {
			const execution = respond('msg_reply');
			execution.response = { kind: 'reply', bytes: concatBytes(...execution.replyParts) };
		},
		msg_reject: (src: number, n: number) => {
			const execution = respond('msg_reject');
			let message: string;
			try {
				message = decoder.decode(read('msg_reject', src, n));
			} catch {
				throw CanisterTrap.contractViolation('ic0_msg_reject: the message is not valid UTF-8');
			}
			execution.response = canisterReject(message);
		},

		msg_cycles_available128: (dst: number) => {
			const execution = current('msg_cycles_available128', CYCLES_IN);
			write128('msg_cycles_available128', dst, execution.context?.cyclesAvailable ?? 0n);
		},
		msg_cycles_refunded128: (dst: number) =>
			write128(
				'msg_cycles_refunded128',
				dst,
				current('msg_cycles_refunded128', ['reply', 'reject']).refundedCycles
			),
		msg_cycles_accept128: (high: bigint, low: bigint, dst: number) => {
			const execution = current('msg_cycles_accept128', CYCLES_IN);
			const available = execution.context?.cyclesAvailable ?? 0n;
			const wanted = u128(high, low);
			const accepted = wanted < available ? wanted : available;
			if (execution.context) execution.context.cyclesAvailable -= accepted;
			execution.cyclesAccepted += accepted;
			canister.state.cycles += accepted;
			write128('msg_cycles_accept128', dst, accepted);
		},
		cycles_burn128: (high: bigint, low: bigint, dst: number) => {
			current('cycles_burn128', BURN);
			const wanted = u128(high, low);
			const burned = wanted < canister.state.cycles ? wanted : canister.state.cycles;
			canister.state.cycles -= burned;
			write128('cycles_burn128', dst, burned);
		},
		canister_cycle_balance128: (dst: number) => {
			current('canister_cycle_balance128');
			write128('canister_cycle_balance128', dst, canister.state.cycles);
		},
		canister_liquid_cycle_balance128: (dst: number) => {
			current('canister_liquid_cycle_balance128');
			write128('canister_liquid_cycle_balance128', dst, canister.state.cycles);
		},
		cost_call: (methodNameSize: bigint, payloadSize: bigint, dst: number) => {
			current('cost_call');
			const bytes = BigInt.asUintN(64, methodNameSize) + BigInt.asUintN(64, payloadSize);
			write128('cost_call', dst, CALL_BASE_FEE + CALL_FEE_PER_BYTE * bytes);
		},

		canister_self_size: () => {
			current('canister_self_size');
			return canister.id.length;
		},
		canister_self_copy: (dst: number, offset: number, n: number) => {
			current('canister_self_copy');
			copyOut('canister_self_copy', canister.id, dst, offset, n);
		},
		canister_version: () => {
			current('canister_version');
			return canister.state.version;
		},
		is_controller: (src: number, n: number) => {
			current('is_controller');
			if (n > 29) throw CanisterTrap.contractViolation('ic0_is_controller: not a valid principal');
			const principal = read('is_controller', src, n);
			return canister.isController(Principal.fromUint8Array(principal).toUint8Array()) ? 1 : 0;
		},
		in_replicated_execution: () => {
			return NON_REPLICATED.includes(current('in_replicated_execution').kind) ? 0 : 1;
		},

		call_new: (
			calleeSrc: number,
			calleeSize: number,
			nameSrc: number,
			nameSize: number,
			replyFn: number,
			replyEnv: number,
			rejectFn: number,
			rejectEnv: number
		) => {
			const execution = current('call_new', CALL);
			if (!execution.context) throw CanisterTrap.contractViolation('ic0_call_new: no call context');
			let method: string;
			try {
				method = decoder.decode(read('call_new', nameSrc, nameSize));
			} catch {
				throw CanisterTrap.contractViolation('ic0_call_new: the method name is not valid UTF-8');
			}
			execution.pendingCall = {
				callee: read('call_new', calleeSrc, calleeSize),
				method,
				arg: [],
				cycles: 0n,
				reply: [replyFn, replyEnv],
				reject: [rejectFn, rejectEnv],
				context: execution.context,
				caller: instance()
			};
		},
		call_on_cleanup: (fn: number, env: number) => {
			const call = pending('call_on_cleanup');
			if (call.cleanup)
				throw CanisterTrap.contractViolation('ic0_call_on_cleanup: cleanup already set');
			call.cleanup = [fn, env];
		},
		call_data_append: (src: number, n: number) => {
			pending('call_data_append').arg.push(read('call_data_append', src, n));
		},
		call_cycles_add128: (high: bigint, low: bigint) => {
			current('call_cycles_add128', CALL_CYCLES);
			const call = pending('call_cycles_add128');
			const amount = u128(high, low);
			if (amount > canister.state.cycles) {
				throw CanisterTrap.contractViolation(
					`ic0_call_cycles_add128: cannot add ${amount} cycles, the balance is ${canister.state.cycles}`
				);
			}
			canister.state.cycles -= amount;
			call.cycles += amount;
		},
		call_with_best_effort_response: (timeoutSeconds: number) => {
			pending('call_with_best_effort_response');
			if (timeoutSeconds < 0) throw CanisterTrap.contractViolation('negative timeout');
		},
		call_perform: () => {
			const execution = current('call_perform', CALL);
			const call = pending('call_perform');
			execution.outgoingCalls.push(call);
			execution.pendingCall = undefined;
			return 0;
		},

		stable64_size: () => {
			current('stable64_size');
			return canister.stable.pageCount;
		},
		stable64_grow: (pages: bigint) => {
			current('stable64_grow');
			return canister.stable.grow(BigInt.asUintN(64, pages));
		},
		stable64_read: (dst: bigint, offset: bigint, n: bigint) => {
			current('stable64_read');
			if (!canister.stable.inBounds(BigInt.asUintN(64, offset), BigInt.asUintN(64, n))) {
				throw CanisterTrap.trapped('stable memory out of bounds');
			}
			const heap = instance().bytes();
			const start = Number(BigInt.asUintN(64, dst));
			const length = Number(n);
			if (start + length > heap.length) throw CanisterTrap.trapped('heap out of bounds');
			instance().charge(length);
			canister.stable.read(Number(offset), heap.subarray(start, start + length));
		},
		stable64_write: (offset: bigint, src: bigint, n: bigint) => {
			current('stable64_write');
			if (!canister.stable.inBounds(BigInt.asUintN(64, offset), BigInt.asUintN(64, n))) {
				throw CanisterTrap.trapped('stable memory out of bounds');
			}
			canister.stable.write(Number(offset), read('stable64_write', Number(src), Number(n)));
		},

		certified_data_set: (src: number, n: number) => {
			current('certified_data_set', MUTATE);
			if (n > 32)
				throw CanisterTrap.contractViolation('ic0_certified_data_set: more than 32 bytes');
			canister.state.certifiedData = read('certified_data_set', src, n);
		},
		data_certificate_present: () =>
			current('data_certificate_present').hasDataCertificate ? 1 : 0,
		data_certificate_size: () =>
			certificate(current('data_certificate_size', DATA_CERTIFICATE)).length,
		data_certificate_copy: (dst: number, offset: number, n: number) =>
			copyOut(
				'data_certificate_copy',
				certificate(current('data_certificate_copy', DATA_CERTIFICATE)),
				dst,
				offset,
				n
			),

		time: () => current('time').time,
		global_timer_set: (timestamp: bigint) => {
			current('global_timer_set', TIMER_SET);
			const previous = canister.state.timerDeadline;
			canister.state.timerDeadline = BigInt.asUintN(64, timestamp);
			return previous;
		},
		performance_counter: (counterType: number) => {
			const execution = current('performance_counter');
			if (counterType !== 0 && counterType !== 1) {
				throw CanisterTrap.contractViolation(
					`ic0_performance_counter: unknown counter type ${counterType}`
				);
			}
			const used = execution.instructionLimit - instance().remainingBudget();
			const earlier = counterType === 1 ? (execution.context?.instructions ?? 0n) : 0n;
			return earlier + used;
		},
		debug_print: (src: number, n: number) => {
			current('debug_print');
			env.debugPrint(canister, new TextDecoder().decode(read('debug_print', src, n)));
		},
		trap: (src: number, n: number) => {
			current('trap');
			throw CanisterTrap.called(new TextDecoder().decode(read('trap', src, n)));
		}
	} as unknown as Ic0Imports;
}

function certificate(execution: Execution): Uint8Array {
	if (!execution.dataCertificate) {
		throw CanisterTrap.contractViolation('no data certificate is present');
	}
	return execution.dataCertificate;
}
