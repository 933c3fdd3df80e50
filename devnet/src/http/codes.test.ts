import { describe, expect, test } from 'vitest';
import { ErrorCode, reject, RejectCode, rejectCodeOf } from './codes';
import { HTTP_STATUS, HttpRequestError } from './errors';

describe('reject and error codes', () => {
	test('every error code belongs to the reject code of its first digit', () => {
		const codes = Object.values(ErrorCode);
		expect(new Set(codes).size).toBe(codes.length);
		for (const code of codes) {
			expect(code).toMatch(/^IC0[1-5]\d\d$/);
			expect(Object.values(RejectCode)).toContain(rejectCodeOf(code));
		}
		expect(rejectCodeOf(ErrorCode.CanisterNotFound)).toBe(RejectCode.DESTINATION_INVALID);
		expect(rejectCodeOf(ErrorCode.CanisterRejectedMessage)).toBe(RejectCode.CANISTER_REJECT);
		expect(rejectCodeOf(ErrorCode.CanisterCalledTrap)).toBe(RejectCode.CANISTER_ERROR);
		expect(rejectCodeOf(ErrorCode.CertifiedStateUnavailable)).toBe(RejectCode.SYS_TRANSIENT);
	});

	test('reject() builds the triple the HTTP layer reports', () => {
		expect(reject(ErrorCode.CanisterMethodNotFound, 'no method')).toEqual({
			rejectCode: 5,
			rejectMessage: 'no method',
			errorCode: 'IC0536'
		});
	});

	test('each HTTP error kind carries its status', () => {
		for (const [kind, status] of Object.entries(HTTP_STATUS)) {
			const error = new HttpRequestError(kind as keyof typeof HTTP_STATUS, 'x');
			expect(error.status).toBe(status);
			expect([400, 403, 404, 405, 413]).toContain(status);
		}
	});
});
