import {
	CertifiedRejectErrorCode,
	HttpFetchErrorCode,
	RejectError,
	ReplicaRejectCode,
	TransportError,
	TrustError,
	CertificateVerificationErrorCode,
	UncertifiedRejectErrorCode
} from '@dfinity/agent';
import { Principal } from '@dfinity/principal';
import { describe, expect, test } from 'vitest';
import {
	iiErrorMessage,
	type AnchorError,
	type IiError as LocalIiError
} from '../../../canister/internet_identity/domain/errors';
import {
	IiError,
	iiErrorFromReject,
	toIiError,
	type IiErrorKind
} from '../../../src/lib/ii/errors';

const alice = Principal.selfAuthenticating(new Uint8Array(44).fill(1));
const bob = Principal.selfAuthenticating(new Uint8Array(44).fill(2));
const key = new Uint8Array([1, 2, 3]);
const range = [10_000n, 1_010_000n] as const;

const deviceError = (error: AnchorError, operation: 'add' | 'remove' = 'add'): LocalIiError => ({
	kind: 'DeviceOperationFailed',
	operation,
	error
});

// Every error of the local II, rendered with II's exact texts by the canister's own code.
const cases: [LocalIiError, IiErrorKind][] = [
	[{ kind: 'Unauthorized', principal: alice }, 'NotADevice'],
	[{ kind: 'CallerNotADevice', principal: alice }, 'NotADevice'],
	[{ kind: 'AnchorNotFound', anchorNumber: 5n, range }, 'AnchorNotFound'],
	[{ kind: 'AnchorNotFound', anchorNumber: 10_001n, range }, 'AnchorNotFound'],
	[
		deviceError(
			{ kind: 'MutationNotAllowed', authorizedPrincipal: alice, actualPrincipal: bob },
			'remove'
		),
		'ProtectedDevice'
	],
	[deviceError({ kind: 'TooManyDevices', numDevices: 11, limit: 10 }), 'TooManyDevices'],
	[deviceError({ kind: 'DuplicateDevice', deviceKey: key }), 'DuplicateDevice'],
	[{ kind: 'PublicKeyAlreadyUsed' }, 'KeyInUse'],
	[deviceError({ kind: 'NotFound', deviceKey: key }, 'remove'), 'DeviceNotFound'],
	[{ kind: 'DeviceToUpdateNotFound' }, 'DeviceNotFound'],
	[
		deviceError({ kind: 'DeviceLimitExceeded', field: 'alias', length: 65, limit: 64 }),
		'InvalidDevice'
	],
	[
		deviceError({ kind: 'CumulativeDataLimitExceeded', length: 2501, limit: 2500 }),
		'InvalidDevice'
	],
	[deviceError({ kind: 'InvalidDeviceProtection', keyType: 'platform' }), 'InvalidDevice'],
	[deviceError({ kind: 'RecoveryPhraseCredentialIdMismatch' }), 'InvalidDevice'],
	[deviceError({ kind: 'MultipleRecoveryPhrases' }), 'InvalidDevice'],
	[deviceError({ kind: 'CannotModifyDeviceKey' }), 'InvalidDevice'],
	[deviceError({ kind: 'ReservedMetadataKey', key: 'alias' }), 'InvalidDevice']
];

describe("II's trap messages", () => {
	test.each(cases)('%o is %s', (local, kind) => {
		const message = iiErrorMessage(local);
		// as the replica wraps a trap in its reject message
		const error = iiErrorFromReject(
			`Error from Canister x: Canister called \`ic0.trap\` with message: ${message}`
		);
		expect(error.kind).toBe(kind);
		expect(error.detail).toContain(message);
		expect(error.message).not.toContain(message); // the plain message, not II's
	});

	test('an unknown message is Rejected, keeping the text as detail', () => {
		const error = iiErrorFromReject('Canister rdmx6 is stopped');
		expect(error).toMatchObject({ kind: 'Rejected', detail: 'Canister rdmx6 is stopped' });
	});
});

describe('toIiError', () => {
	const requestId = new Uint8Array(32) as never;
	const trap = iiErrorMessage({ kind: 'Unauthorized', principal: alice });

	test('certified and uncertified rejects are classified by their message', () => {
		const certified = RejectError.fromCode(
			new CertifiedRejectErrorCode(requestId, ReplicaRejectCode.CanisterError, trap, 'IC0503')
		);
		const query = RejectError.fromCode(
			new UncertifiedRejectErrorCode(requestId, ReplicaRejectCode.CanisterError, trap, 'IC0503', [])
		);
		expect(toIiError(certified).kind).toBe('NotADevice');
		expect(toIiError(query).kind).toBe('NotADevice');
	});

	test('transport and trust failures are Network errors', () => {
		const transport = TransportError.fromCode(
			new HttpFetchErrorCode(new TypeError('fetch failed'))
		);
		const trust = TrustError.fromCode(new CertificateVerificationErrorCode('bad signature'));
		expect(toIiError(transport).kind).toBe('Network');
		expect(toIiError(trust).kind).toBe('Network');
		expect(toIiError(new TypeError('fetch failed')).kind).toBe('Network');
	});

	test('an IiError passes through; anything else is Rejected with its text', () => {
		const original = new IiError('TooManyDevices');
		expect(toIiError(original)).toBe(original);
		expect(toIiError(new Error('odd'))).toMatchObject({ kind: 'Rejected', detail: 'odd' });
		expect(toIiError('odd')).toMatchObject({ kind: 'Rejected', detail: 'odd' });
	});

	test('every kind has a plain-language message', () => {
		const kinds: IiErrorKind[] = [
			'AnchorNotFound',
			'NotADevice',
			'ProtectedDevice',
			'TooManyDevices',
			'DeviceNotFound',
			'DuplicateDevice',
			'KeyInUse',
			'InvalidDevice',
			'InvalidRequest',
			'Network',
			'Rejected'
		];
		for (const kind of kinds) {
			const error = new IiError(kind);
			expect(error.message.length).toBeGreaterThan(20);
			expect(error.name).toBe('IiError');
			expect(error).toBeInstanceOf(Error);
		}
	});
});
