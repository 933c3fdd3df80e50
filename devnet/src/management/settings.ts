// Canister settings: defaults as a local replica sets them, updates from Candid, and the
// canister_status record.
import { Principal } from '@dfinity/principal';
import { Rejection } from './rejection';
import type { Canister, CanisterSettings } from '../engine/canister';
import { ErrorCode, systemReject } from '../engine/errors';

const MAX_CONTROLLERS = 10;

export type SettingsArg = {
	controllers: [] | [Principal[]];
	compute_allocation: [] | [bigint];
	memory_allocation: [] | [bigint];
	freezing_threshold: [] | [bigint];
	reserved_cycles_limit: [] | [bigint];
	log_visibility:
		[] | [{ controllers: null } | { public: null } | { allowed_viewers: Principal[] }];
	wasm_memory_limit: [] | [bigint];
	wasm_memory_threshold: [] | [bigint];
};

export function defaultSettings(controllers: Principal[]): CanisterSettings {
	return {
		controllers: controllers.map((controller) => controller.toText()),
		computeAllocation: 0n,
		memoryAllocation: 0n,
		freezingThreshold: 2_592_000n,
		reservedCyclesLimit: 5_000_000_000_000n,
		wasmMemoryLimit: 3_221_225_472n,
		wasmMemoryThreshold: 0n,
		logVisibility: 'controllers'
	};
}

export function applySettings(canister: Canister, settings: SettingsArg): void {
	const controllers = settings.controllers[0];
	if (controllers) {
		if (controllers.length > MAX_CONTROLLERS) {
			throw new Rejection(
				systemReject(
					ErrorCode.InvalidManagementPayload,
					`Invalid settings: at most ${MAX_CONTROLLERS} controllers are allowed`
				)
			);
		}
		canister.settings.controllers = controllers.map((controller) => controller.toText());
	}
	const s = canister.settings;
	s.computeAllocation = settings.compute_allocation[0] ?? s.computeAllocation;
	s.memoryAllocation = settings.memory_allocation[0] ?? s.memoryAllocation;
	s.freezingThreshold = settings.freezing_threshold[0] ?? s.freezingThreshold;
	s.reservedCyclesLimit = settings.reserved_cycles_limit[0] ?? s.reservedCyclesLimit;
	s.wasmMemoryLimit = settings.wasm_memory_limit[0] ?? s.wasmMemoryLimit;
	s.wasmMemoryThreshold = settings.wasm_memory_threshold[0] ?? s.wasmMemoryThreshold;
	const visibility = settings.log_visibility[0];
	if (visibility) s.logVisibility = 'public' in visibility ? 'public' : 'controllers';
}

export function canisterStatus(canister: Canister) {
	const s = canister.settings;
	const memorySize =
		BigInt(canister.instance?.bytes().length ?? 0) + canister.stable.pageCount * 65536n;
	return {
		status: { [canister.status]: null },
		settings: {
			controllers: s.controllers.map((controller) => Principal.fromText(controller)),
			compute_allocation: s.computeAllocation,
			memory_allocation: s.memoryAllocation,
			freezing_threshold: s.freezingThreshold,
			reserved_cycles_limit: s.reservedCyclesLimit,
			log_visibility: { [s.logVisibility]: null },
			wasm_memory_limit: s.wasmMemoryLimit,
			wasm_memory_threshold: s.wasmMemoryThreshold
		},
		module_hash: canister.moduleHash ? [canister.moduleHash] : [],
		memory_size: memorySize,
		cycles: canister.committed().cycles,
		reserved_cycles: 0n,
		idle_cycles_burned_per_day: 0n,
		query_stats: {
			num_calls_total: 0n,
			num_instructions_total: 0n,
			request_payload_bytes_total: 0n,
			response_payload_bytes_total: 0n
		}
	};
}
