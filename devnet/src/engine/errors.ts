// What a message execution ends with: a reply or a reject (with the IC's error code), the
// replica's wording for traps, and devnet's own API errors. The codes are in ../codes.ts.
import { ErrorCode, RejectCode, rejectCodeOf } from '../codes';

export { ErrorCode, RejectCode };

export type CallResult =
	| { kind: 'reply'; bytes: Uint8Array }
	| {
			kind: 'reject';
			code: RejectCode;
			message: string;
			errorCode: ErrorCode;
			/** The callee's execution failed (a trap, no such method, no module): see rejectMessageForCaller. */
			executionFailed?: true;
	  };

export function reply(bytes: Uint8Array): CallResult {
	return { kind: 'reply', bytes };
}

/** A reject from the system, whose reject code follows from the error code's first digit. */
export function systemReject(
	errorCode: ErrorCode,
	message: string
): Extract<CallResult, { kind: 'reject' }> {
	return { kind: 'reject', code: rejectCodeOf(errorCode), message, errorCode };
}

/** A reject the canister chose (ic0.msg_reject). */
export function canisterReject(message: string): CallResult {
	return {
		kind: 'reject',
		code: RejectCode.CanisterReject,
		message,
		errorCode: ErrorCode.CanisterRejectedMessage
	};
}

/** A reject for a failed execution of the callee (its message starts "Error from Canister"). */
export function executionFailure(errorCode: ErrorCode, message: string): CallResult {
	return { ...systemReject(errorCode, message), executionFailed: true };
}

/**
 * The reject message a calling canister's reject callback reads. The IC hands the caller a
 * failed execution as its user error's text, error code first (`IC0503: Error from Canister
 * ...`, dfinity/ic `UserError`'s Display), and every other reject as its message; the ingress
 * sender gets the error code in a field of its own instead.
 */
export function rejectMessageForCaller(result: Extract<CallResult, { kind: 'reject' }>): string {
	return result.executionFailed ? `${result.errorCode}: ${result.message}` : result.message;
}

/** Why a message execution stopped without completing: becomes a CanisterError reject. */
export class CanisterTrap extends Error {
	constructor(
		readonly errorCode: ErrorCode,
		message: string
	) {
		super(message);
		this.name = 'CanisterTrap';
	}

	static called(message: string): CanisterTrap {
		return new CanisterTrap(
			ErrorCode.CanisterCalledTrap,
			`Canister called \`ic0.trap\` with message: '${message}'`
		);
	}

	static trapped(message: string): CanisterTrap {
		return new CanisterTrap(ErrorCode.CanisterTrapped, `Canister trapped: ${message}`);
	}

	static contractViolation(message: string): CanisterTrap {
		return new CanisterTrap(
			ErrorCode.CanisterContractViolation,
			`Canister violated contract: ${message}`
		);
	}

	static outOfInstructions(limit: bigint): CanisterTrap {
		return new CanisterTrap(
			ErrorCode.CanisterInstructionLimitExceeded,
			`Canister exceeded the limit of ${limit} instructions for single message execution.`
		);
	}

	toReject(canisterId: string): CallResult {
		return executionFailure(this.errorCode, `Error from Canister ${canisterId}: ${this.message}`);
	}
}

/** Misuse of devnet's own API (not something a canister did). */
export class DevnetError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'DevnetError';
	}
}
