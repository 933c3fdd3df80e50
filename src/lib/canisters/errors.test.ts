import {
	AgentError,
	ErrorKindEnum,
	HttpErrorCode,
	ProtocolError,
	RejectError,
	TransportError,
	UnexpectedErrorCode
} from '@dfinity/agent';
import { describe, expect, test } from 'vitest';
import { VaultError } from '@tessera/contract/vault/idl';
import {
	CanisterError,
	VAULT_ERROR_KINDS,
	callCanister,
	describeError,
	fromCandidError,
	fromThrown,
	unwrap
} from './errors';

describe('vault error kinds', () => {
	test('are exactly the variants of the Candid VaultError', () => {
		const variants = VaultError._fields.map(([name]) => name).sort();
		expect([...VAULT_ERROR_KINDS].sort()).toEqual(variants);
	});

	test('each has its own plain message, none empty', () => {
		const messages = VAULT_ERROR_KINDS.map((kind) => describeError(kind));
		for (const message of messages) expect(message.length).toBeGreaterThan(20);
		expect(new Set(messages).size).toBe(messages.length);
	});
});

describe('fromCandidError', () => {
	test('a field-less variant', () => {
		const error = fromCandidError({ InviteUsed: null });
		expect(error).toBeInstanceOf(CanisterError);
		expect(error.kind).toBe('InviteUsed');
		expect(error.details).toEqual({});
		expect(error.message).toMatch(/already been accepted/u);
	});

	test('a variant with fields keeps them and uses them in the message', () => {
		const error = fromCandidError({ InvalidInput: { field: 'label', reason: 'too long' } });
		expect(error.kind).toBe('InvalidInput');
		expect(error.details).toEqual({ field: 'label', reason: 'too long' });
		expect(error.message).toContain('label: too long');
	});

	test('NotReleasable says which condition is missing', () => {
		const approvals = fromCandidError({
			NotReleasable: { reason: 'approvals', releasableAt: 0n }
		});
		expect(approvals.message).toMatch(/not enough guardians/iu);
		const time = fromCandidError({
			NotReleasable: { reason: 'time-lock', releasableAt: 1_700_000_000_000_000_000n }
		});
		expect(time.message).toMatch(/waiting period/iu);
		expect(time.details.releasableAt).toBe(1_700_000_000_000_000_000n);
	});

	test('an unknown or empty variant is Rejected (the app is older than the canister)', () => {
		expect(fromCandidError({ SomethingNew: null }).kind).toBe('Rejected');
		expect(fromCandidError({}).kind).toBe('Rejected');
	});
});

describe('fromThrown', () => {
	test('a failed fetch is Network, keeping the cause', () => {
		const error = fromThrown(new TypeError('Failed to fetch'));
		expect(error.kind).toBe('Network');
		expect(error.details.cause).toBe('Failed to fetch');
		expect(error.message).toMatch(/could not reach/u);
	});

	test('an agent transport error is Network, an IC reject is Rejected', () => {
		const code = new UnexpectedErrorCode('boom');
		expect(fromThrown(TransportError.fromCode(code)).kind).toBe('Network');
		expect(fromThrown(RejectError.fromCode(code)).kind).toBe('Rejected');
		expect(fromThrown(new AgentError(code, ErrorKindEnum.Trust)).kind).toBe('Network');
	});

	test('the IC refusing an expired delegation (HTTP 400) is SessionExpired: sign in again', () => {
		const body =
			'Invalid delegation expiry: Specified sender delegation has expired: Provided expiry: 1, Local replica time: 2';
		const thrown = ProtocolError.fromCode(new HttpErrorCode(400, 'Bad Request', [], body));
		const error = fromThrown(thrown);
		expect(error.kind).toBe('SessionExpired');
		expect(error.message).toMatch(/^Your sign-in has expired .*sign in again\.$/u);
		const otherRefusal = new HttpErrorCode(400, 'Bad Request', [], 'Invalid signature');
		expect(fromThrown(ProtocolError.fromCode(otherRefusal)).kind).toBe('Network');
	});

	test('a CanisterError passes through unchanged; a non-Error is described', () => {
		const original = fromCandidError({ InviteExpired: null });
		expect(fromThrown(original)).toBe(original);
		expect(fromThrown('offline').details.cause).toBe('offline');
	});
});

describe('unwrap and callCanister', () => {
	test('Ok gives the value, Err throws the typed error', async () => {
		expect(unwrap({ Ok: 7 })).toBe(7);
		expect(() => unwrap({ Err: { AnonymousCaller: null } })).toThrow(CanisterError);
		await expect(callCanister(async () => ({ Ok: 'yes' }))).resolves.toBe('yes');
		await expect(
			callCanister(async () => ({ Err: { AlreadyOpen: { requestId: 3n } } }))
		).rejects.toMatchObject({ kind: 'AlreadyOpen', details: { requestId: 3n } });
	});

	test('a call that throws becomes Network', async () => {
		await expect(
			callCanister(async () => {
				throw new TypeError('NetworkError when attempting to fetch resource.');
			})
		).rejects.toMatchObject({ kind: 'Network' });
	});
});
