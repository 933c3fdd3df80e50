// install_code's three modes. Each runs as one transaction: if canister_init, pre_upgrade or
// post_upgrade traps, the canister is left exactly as it was.
import type { Canister } from './canister';
import type { Engine } from './engine';
import { CanisterTrap, ErrorCode, systemReject, type CallResult } from './errors';
import { INSTRUCTION_LIMITS } from './limits';
import { StableMemory } from './stable-memory';
import { createSystemApi } from './system-api';
import { WasmInstance } from './wasm-instance';
import { compileCanisterModule, type CompiledModule } from '../wasm/module-cache';

export type InstallMode = 'install' | 'reinstall' | 'upgrade';

export interface InstallRequest {
	mode: InstallMode;
	wasm: Uint8Array;
	arg: Uint8Array;
	caller: Uint8Array;
	/** Upgrade option: skip canister_pre_upgrade. */
	skipPreUpgrade?: boolean;
}

/** Installs code; returns a reject describing the failure, or undefined on success. */
export async function installCode(
	engine: Engine,
	canister: Canister,
	request: InstallRequest
): Promise<CallResult | undefined> {
	let compiled: CompiledModule;
	try {
		compiled = await compileCanisterModule(request.wasm);
	} catch (error) {
		return systemReject(
			ErrorCode.CanisterInvalidWasm,
			`Error from Canister ${canister.idText}: Canister's Wasm module is not valid: ${String(error)}`
		);
	}
	if (request.mode === 'install' && canister.instance) {
		return systemReject(
			ErrorCode.CanisterNonEmpty,
			`Canister ${canister.idText} cannot be installed because the canister is not empty. Try installing with mode='reinstall' instead.`
		);
	}
	if (request.mode === 'upgrade' && !canister.instance) {
		return systemReject(
			ErrorCode.CanisterWasmModuleNotFound,
			`Error from Canister ${canister.idText}: Attempted to upgrade a canister that contains no Wasm module.`
		);
	}

	const before = {
		instance: canister.instance,
		wasm: canister.wasm,
		stable: canister.stable.snapshot(),
		state: { ...canister.committed() },
		// pre_upgrade commits to the old heap: keep a copy to return to if post_upgrade traps
		heap: request.mode === 'upgrade' ? canister.instance?.committedImage() : undefined
	};
	if (before.heap) before.heap = { ...before.heap, memory: before.heap.memory.slice() };
	const restoreBefore = () => {
		canister.instance = before.instance;
		canister.wasm = before.wasm;
		canister.stable = before.stable;
		canister.adjustCommitted((state) => Object.assign(state, before.state));
		if (before.heap) canister.instance?.restore(before.heap);
		else canister.instance?.rollback();
	};
	const run = (
		kind: 'init' | 'pre_upgrade',
		exportName: string,
		arg: Uint8Array
	): CanisterTrap | undefined => {
		if (!canister.instance?.hasExport(exportName)) return undefined;
		return engine.execute(
			canister,
			{
				kind,
				arg,
				caller: request.caller,
				methodName: exportName,
				time: engine.timeNanos,
				instructionLimit: INSTRUCTION_LIMITS.install
			},
			(instance) => instance.callExport(exportName)
		).trap;
	};

	if (request.mode === 'upgrade' && !request.skipPreUpgrade) {
		const trap = run('pre_upgrade', 'canister_pre_upgrade', new Uint8Array());
		if (trap) {
			restoreBefore();
			return trap.toReject(canister.idText);
		}
	}
	if (request.mode !== 'upgrade') canister.stable = new StableMemory();
	try {
		canister.instance = WasmInstance.create(compiled, createSystemApi(canister, engine));
	} catch (error) {
		restoreBefore();
		if (error instanceof CanisterTrap) return error.toReject(canister.idText);
		throw error;
	}
	canister.wasm = request.wasm;
	canister.adjustCommitted((state) => {
		state.timerDeadline = 0n;
		state.version += 1n;
		if (request.mode !== 'upgrade') state.certifiedData = new Uint8Array();
	});
	const trap =
		request.mode === 'upgrade'
			? run('init', 'canister_post_upgrade', request.arg)
			: run('init', 'canister_init', request.arg);
	if (trap) {
		restoreBefore();
		return trap.toReject(canister.idText);
	}
	return undefined;
}
