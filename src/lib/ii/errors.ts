// Typed errors of the Internet Identity client. II's legacy API traps with a text message; the
// agent hands it to us as a reject. Classification is by II's own message texts (the local
// stand-in uses the same texts, see canister/internet_identity/domain/errors.ts), so the same
// code reads the real II and devnet.
import {
	AgentError,
	CertifiedRejectErrorCode,
	ErrorKindEnum,
	UncertifiedRejectErrorCode,
	UncertifiedRejectUpdateErrorCode
} from '@dfinity/agent';

export type IiErrorKind =
	/** No anchor with this number. */
	| 'AnchorNotFound'
	/** The signing key is not a device of the anchor. */
	| 'NotADevice'
	/** The device is a protected recovery phrase: only the phrase itself may change it. */
	| 'ProtectedDevice'
	/** The anchor already has the maximum number of devices (10). */
	| 'TooManyDevices'
	/** The anchor has no device with that public key. */
	| 'DeviceNotFound'
	/** That key is already a device of this anchor. */
	| 'DuplicateDevice'
	/** That key is already a device of another anchor. */
	| 'KeyInUse'
	/** II refused the device data (size limits, protection on a non-phrase, second phrase...). */
	| 'InvalidDevice'
	/** Refused on the client before any call: the request itself makes no sense. */
	| 'InvalidRequest'
	/** The call did not reach II or its answer could not be verified. */
	| 'Network'
	/** II refused the call for a reason this client does not know. */
	| 'Rejected';

const plainMessages: Record<IiErrorKind, string> = {
	AnchorNotFound: 'There is no Internet Identity with this number.',
	NotADevice: 'This key is not a device of this Internet Identity.',
	ProtectedDevice:
		'This recovery phrase is locked: only the phrase itself can change or remove it.',
	TooManyDevices: 'This Internet Identity already has the maximum of 10 devices.',
	DeviceNotFound: 'This Internet Identity has no such device.',
	DuplicateDevice: 'This device is already on this Internet Identity.',
	KeyInUse: 'This key is already used by another Internet Identity.',
	InvalidDevice: 'Internet Identity refused the device data.',
	InvalidRequest: 'This request cannot be sent to Internet Identity.',
	Network: 'Internet Identity could not be reached. Check your connection and try again.',
	Rejected: 'Internet Identity refused the request.'
};

export class IiError extends Error {
	override readonly name = 'IiError';
	/**
	 * @param kind what went wrong, for code to branch on
	 * @param detail II's own message or the agent's, for logs and "details" views
	 */
	constructor(
		readonly kind: IiErrorKind,
		readonly detail?: string,
		message: string = plainMessages[kind]
	) {
		super(message);
	}
}

/** II's trap texts (storage/anchor.rs, authz_utils.rs, storage.rs), most specific first. */
const trapPatterns: readonly [RegExp, IiErrorKind][] = [
	[/could not be authenticated/, 'NotADevice'],
	[
		/Identity Anchor \d+ is out of range|bad Identity Anchor|anchor \d+ not found/i,
		'AnchorNotFound'
	],
	[/Device is locked/, 'ProtectedDevice'],
	[/Anchor device limit exceeded/, 'TooManyDevices'],
	[/already exists on this anchor/, 'DuplicateDevice'],
	[/public key is already used/, 'KeyInUse'],
	[/Device with key [0-9a-f]* not found|Could not find device to update/, 'DeviceNotFound'],
	[
		/limit exceeded|exceeds limit|Only recovery phrases can be locked|must not have a credential id|already a recovery phrase|is reserved|cannot be updated|must be exactly 16 bytes/,
		'InvalidDevice'
	]
];

/** The error for a message II trapped (or rejected) with. */
export function iiErrorFromReject(message: string): IiError {
	const match = trapPatterns.find(([pattern]) => pattern.test(message));
	return new IiError(match ? match[1] : 'Rejected', message);
}

function rejectMessageOf(error: AgentError): string | undefined {
	const code = error.code;
	if (
		code instanceof CertifiedRejectErrorCode ||
		code instanceof UncertifiedRejectErrorCode ||
		code instanceof UncertifiedRejectUpdateErrorCode
	) {
		return code.rejectMessage;
	}
	return undefined;
}

/** Turns whatever a call threw into an IiError; IiErrors pass through unchanged. */
export function toIiError(error: unknown): IiError {
	if (error instanceof IiError) return error;
	if (error instanceof AgentError) {
		const reject = error.kind === ErrorKindEnum.Reject ? rejectMessageOf(error) : undefined;
		if (reject !== undefined) return iiErrorFromReject(reject);
		return new IiError('Network', error.message);
	}
	// fetch() failing (offline, DNS, CORS) surfaces as a TypeError
	if (error instanceof TypeError) return new IiError('Network', error.message);
	const detail = error instanceof Error ? error.message : String(error);
	return new IiError('Rejected', detail);
}
