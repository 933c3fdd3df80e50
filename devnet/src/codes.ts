// Reject codes (IC interface spec, "Reject codes") and the DFINITY implementation's error codes
// (dfinity/ic rs/types/error_types: the first digit of an error code is its reject code): the
// one table the engine, the management canister and the HTTP server use.

export const RejectCode = {
	SysFatal: 1,
	SysTransient: 2,
	DestinationInvalid: 3,
	CanisterReject: 4,
	CanisterError: 5,
	SysUnknown: 6
} as const;
export type RejectCode = (typeof RejectCode)[keyof typeof RejectCode];

/** Error codes as the IC spells them on the wire (`IC0503`). */
export const ErrorCode = {
	SubnetOversubscribed: 'IC0101',
	MaxNumberOfCanistersReached: 'IC0102',
	CanisterQueueFull: 'IC0201',
	IngressMessageTimeout: 'IC0202',
	CanisterQueueNotEmpty: 'IC0203',
	IngressHistoryFull: 'IC0204',
	CanisterIdAlreadyExists: 'IC0205',
	StopCanisterRequestTimeout: 'IC0206',
	CanisterOutOfCycles: 'IC0207',
	CertifiedStateUnavailable: 'IC0208',
	CanisterInstallCodeRateLimited: 'IC0209',
	CanisterHeapDeltaRateLimited: 'IC0210',
	CanisterNotFound: 'IC0301',
	CanisterSnapshotNotFound: 'IC0305',
	InsufficientMemoryAllocation: 'IC0402',
	InsufficientCyclesForCreateCanister: 'IC0403',
	SubnetNotFound: 'IC0404',
	CanisterNotHostedBySubnet: 'IC0405',
	CanisterRejectedMessage: 'IC0406',
	UnknownManagementMessage: 'IC0407',
	InvalidManagementPayload: 'IC0408',
	CanisterTrapped: 'IC0502',
	CanisterCalledTrap: 'IC0503',
	CanisterContractViolation: 'IC0504',
	CanisterInvalidWasm: 'IC0505',
	CanisterDidNotReply: 'IC0506',
	CanisterOutOfMemory: 'IC0507',
	CanisterStopped: 'IC0508',
	CanisterStopping: 'IC0509',
	CanisterNotStopped: 'IC0510',
	CanisterStoppingCancelled: 'IC0511',
	CanisterInvalidController: 'IC0512',
	CanisterFunctionNotFound: 'IC0513',
	CanisterNonEmpty: 'IC0514',
	QueryCallGraphLoopDetected: 'IC0517',
	InsufficientCyclesInCall: 'IC0520',
	CanisterWasmEngineError: 'IC0521',
	CanisterInstructionLimitExceeded: 'IC0522',
	CanisterMemoryAccessLimitExceeded: 'IC0524',
	QueryCallGraphTooDeep: 'IC0525',
	QueryCallGraphTotalInstructionLimitExceeded: 'IC0526',
	CompositeQueryCalledInReplicatedMode: 'IC0527',
	QueryTimeLimitExceeded: 'IC0528',
	QueryCallGraphInternal: 'IC0529',
	InsufficientCyclesInComputeAllocation: 'IC0530',
	InsufficientCyclesInMemoryAllocation: 'IC0531',
	InsufficientCyclesInMemoryGrow: 'IC0532',
	ReservedCyclesLimitExceededInMemoryAllocation: 'IC0533',
	ReservedCyclesLimitExceededInMemoryGrow: 'IC0534',
	InsufficientCyclesInMessageMemoryGrow: 'IC0535',
	CanisterMethodNotFound: 'IC0536',
	CanisterWasmModuleNotFound: 'IC0537',
	CanisterAlreadyInstalled: 'IC0538',
	CanisterWasmMemoryLimitExceeded: 'IC0539'
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** The reject code an error code belongs to: its first digit after "IC0". */
export function rejectCodeOf(code: ErrorCode): RejectCode {
	return Number(code.charAt(3)) as RejectCode;
}

/** A reject as the engine produces it and the HTTP layer reports it. */
export interface Reject {
	rejectCode: RejectCode;
	rejectMessage: string;
	errorCode: ErrorCode;
}

export function reject(errorCode: ErrorCode, rejectMessage: string): Reject {
	return { rejectCode: rejectCodeOf(errorCode), rejectMessage, errorCode };
}
