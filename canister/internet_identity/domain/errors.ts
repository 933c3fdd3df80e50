// Typed errors of the local Internet Identity and the exact texts II traps with
// (dfinity/internet-identity: storage/anchor.rs `impl Display for AnchorError`,
// authz_utils.rs `IdentityUpdateError`, anchor_management.rs, storage.rs `StorageError`).
import type { Principal } from '@dfinity/principal';
import { toHex, type KeyType } from './device';

/** Violations of the device and anchor rules (II's `AnchorError`). */
export type AnchorError =
	| { kind: 'TooManyDevices'; numDevices: number; limit: number }
	| { kind: 'DeviceLimitExceeded'; field: string; length: number; limit: number }
	| { kind: 'CumulativeDataLimitExceeded'; length: number; limit: number }
	| { kind: 'InvalidDeviceProtection'; keyType: KeyType }
	| { kind: 'RecoveryPhraseCredentialIdMismatch' }
	| { kind: 'MutationNotAllowed'; authorizedPrincipal: Principal; actualPrincipal: Principal }
	| { kind: 'MultipleRecoveryPhrases' }
	| { kind: 'CannotModifyDeviceKey' }
	| { kind: 'NotFound'; deviceKey: Uint8Array }
	| { kind: 'DuplicateDevice'; deviceKey: Uint8Array }
	| { kind: 'ReservedMetadataKey'; key: string }
	/** Local guard: an AAGUID of any length but 16 is refused with a typed error. */
	| { kind: 'InvalidAaguid'; length: number };

/** The device operations whose failures II reports with an operation prefix. */
export type DeviceOperation = 'add' | 'modify' | 'replace' | 'remove';

/** Everything a call to the local II can fail with. */
export type IiError =
	| { kind: 'Unauthorized'; principal: Principal }
	| { kind: 'AnchorNotFound'; anchorNumber: bigint; range: readonly [bigint, bigint] }
	| { kind: 'DeviceOperationFailed'; operation: DeviceOperation; error: AnchorError }
	| { kind: 'DeviceToUpdateNotFound' }
	| { kind: 'PublicKeyAlreadyUsed' }
	| { kind: 'AuthnMethodNotFound' }
	| { kind: 'AnchorRangeExhausted'; range: readonly [bigint, bigint] }
	| { kind: 'CallerNotADevice'; principal: Principal };

export type Result<T, E = IiError> = { ok: true; value: T } | { ok: false; error: E };
export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const err = <E>(error: E): Result<never, E> => ({ ok: false, error });

/** Rust's `{:?}` of II's KeyType enum. */
const keyTypeDebug: Record<KeyType, string> = {
	unknown: 'Unknown',
	platform: 'Platform',
	cross_platform: 'CrossPlatform',
	seed_phrase: 'SeedPhrase',
	browser_storage_key: 'BrowserStorageKey'
};

export function anchorErrorMessage(error: AnchorError): string {
	switch (error.kind) {
		case 'TooManyDevices':
			return `Anchor device limit exceeded: num devices ${error.numDevices}, limit ${error.limit}`;
		case 'DeviceLimitExceeded':
			return `${error.field} limit exceeded: length ${error.length}, limit ${error.limit}`;
		case 'CumulativeDataLimitExceeded':
			return `Cumulative size of variable sized fields exceeds limit: length ${error.length}, limit ${error.limit}.`;
		case 'InvalidDeviceProtection':
			return `Only recovery phrases can be locked but key type is ${keyTypeDebug[error.keyType]}`;
		case 'RecoveryPhraseCredentialIdMismatch':
			return 'Devices with key type seed_phrase must not have a credential id.';
		case 'MutationNotAllowed':
			return `Device is locked. Must be authenticated with this device to mutate: authorized principal ${error.authorizedPrincipal.toText()}, actual principal ${error.actualPrincipal.toText()}`;
		case 'MultipleRecoveryPhrases':
			return 'There is already a recovery phrase and only one is allowed.';
		case 'CannotModifyDeviceKey':
			return 'Device key cannot be updated.';
		case 'NotFound':
			return `Device with key ${toHex(error.deviceKey)} not found.`;
		case 'DuplicateDevice':
			return `Device with key ${toHex(error.deviceKey)} already exists on this anchor.`;
		case 'ReservedMetadataKey':
			return `Metadata key '${error.key}' is reserved and cannot be used.`;
		case 'InvalidAaguid':
			return `aaguid must be exactly 16 bytes: length ${error.length}`;
	}
}

const operationPrefix: Record<DeviceOperation, string> = {
	add: 'failed to add device',
	modify: 'failed to modify device',
	replace: 'failed to replace device',
	remove: 'failed to remove device'
};

/** The message II traps with for this error. */
export function iiErrorMessage(error: IiError): string {
	switch (error.kind) {
		case 'Unauthorized':
			return `${error.principal.toText()} could not be authenticated.`;
		case 'AnchorNotFound': {
			const [lo, hi] = error.range;
			const n = error.anchorNumber;
			const reason =
				n < lo || n >= hi
					? `Identity Anchor ${n} is out of range [${lo}, ${hi})`
					: `bad Identity Anchor ${n}`;
			return `failed to read device data of user ${n}: ${reason}`;
		}
		case 'DeviceOperationFailed':
			return `${operationPrefix[error.operation]}: ${anchorErrorMessage(error.error)}`;
		case 'DeviceToUpdateNotFound':
			return 'Could not find device to update, check device key';
		case 'PublicKeyAlreadyUsed':
			return 'passkey with this public key is already used';
		case 'AuthnMethodNotFound':
			return 'AuthnMethodNotFound';
		case 'AnchorRangeExhausted':
			return `Identity Anchor range [${error.range[0]}, ${error.range[1]}) is exhausted`;
		case 'CallerNotADevice':
			return `${error.principal.toText()} could not be authenticated against any of the devices.`;
	}
}
