// Reject codes (HTTPS interface spec) and the IC's error codes, with the replica's wording.

export const RejectCode = {
	SysFatal: 1,
	SysTransient: 2,
	DestinationInvalid: 3,
	CanisterReject: 4,
	CanisterError: 5,
	SysUnknown: 6
} as const;
export type RejectCode = (typeof RejectCode)[keyof typeof RejectCode];

/** The IC's ErrorCode values used by devnet (rendered as "IC0" + code). */
export const ErrorCode = {
	CanisterNotFound: 301,
	CanisterRejectedMessage: 406,
	UnknownManagementMessage: 407,
	InvalidManagementPayload: 408,
	CanisterTrapped: 502,
	CanisterCalledTrap: 503,
	CanisterContractViolation: 504,
	CanisterInvalidWasm: 505,
	CanisterDidNotReply: 506,
	CanisterStopped: 508,
	CanisterStopping: 509,
	CanisterNotStopped: 510,
	CanisterStoppingCancelled: 511,
	CanisterInvalidController: 512,
	CanisterNonEmpty: 514,
	CanisterInstructionLimitExceeded: 522,
	InsufficientCyclesInCall: 520,
	CanisterMethodNotFound: 536,
	CanisterWasmModuleNotFound: 537
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export type CallResult =
	| { kind: 'reply'; bytes: Uint8Array }
	| { kind: 'reject'; code: RejectCode; message: string; errorCode?: string };

export function reply(bytes: Uint8Array): CallResult {
	return { kind: 'reply', bytes };
}

/** A reject from the system, whose reject code follows from the error code's first digit. */
export function systemReject(errorCode: ErrorCode, message: string): CallResult {
	return {
		kind: 'reject',
		code: Math.floor(errorCode / 100) as RejectCode,
		message,
		errorCode: `IC0${errorCode}`
	};
}

/** A reject the canister chose (ic0.msg_reject). */
export function canisterReject(message: string): CallResult {
	return {
		kind: 'reject',
		code: RejectCode.CanisterReject,
		message,
		errorCode: `IC0${ErrorCode.CanisterRejectedMessage}`
	};
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
		return systemReject(this.errorCode, `Error from Canister ${canisterId}: ${this.message}`);
	}
}

/** Misuse of devnet's own API (not something a canister did). */
export class DevnetError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'DevnetError';
	}
}
