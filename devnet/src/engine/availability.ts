// Why a canister cannot take a message right now, in the replica's words.
import type { Principal } from '@dfinity/principal';
import type { Canister } from './canister';
import { ErrorCode, executionFailure, systemReject, type CallResult } from './errors';
import type { Response } from './execution';

/** Rejects a message to a missing, stopped or empty canister; undefined if it can run. */
export function unavailable(id: Principal, canister: Canister | undefined): CallResult | undefined {
	if (!canister)
		return systemReject(ErrorCode.CanisterNotFound, `Canister ${id.toText()} not found`);
	if (canister.status === 'stopped') {
		return systemReject(ErrorCode.CanisterStopped, `Canister ${canister.idText} is stopped`);
	}
	if (canister.status === 'stopping') {
		return systemReject(ErrorCode.CanisterStopping, `Canister ${canister.idText} is stopping`);
	}
	if (!canister.instance) {
		return executionFailure(
			ErrorCode.CanisterWasmModuleNotFound,
			`Error from Canister ${canister.idText}: Attempted to execute a message, but the canister contains no Wasm module.`
		);
	}
	return undefined;
}

/** Rejects a call to a method the module does not export. */
export function noMethod(canister: Canister, kind: 'query' | 'update', method: string): Response {
	return {
		result: executionFailure(
			ErrorCode.CanisterMethodNotFound,
			`Error from Canister ${canister.idText}: Canister has no ${kind} method '${method}'.`
		),
		refund: 0n,
		instructions: 0n
	};
}
