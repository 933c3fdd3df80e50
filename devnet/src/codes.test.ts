import { describe, expect, test } from 'vitest';
import { ErrorCode, reject, RejectCode, rejectCodeOf } from './codes';

describe('reject and error codes', () => {
	test('every error code belongs to the reject code of its first digit', () => {
		const codes = Object.values(ErrorCode);
		expect(new Set(codes).size).toBe(codes.length);
		for (const code of codes) {
			expect(code).toMatch(/^IC0[1-5]\d\d$/);
			expect(Object.values(RejectCode)).toContain(rejectCodeOf(code));
		}
		expect(rejectCodeOf(ErrorCode.CanisterNotFound)).toBe(RejectCode.DestinationInvalid);
		expect(rejectCodeOf(ErrorCode.CanisterRejectedMessage)).toBe(RejectCode.CanisterReject);
		expect(rejectCodeOf(ErrorCode.CanisterCalledTrap)).toBe(RejectCode.CanisterError);
		expect(rejectCodeOf(ErrorCode.CertifiedStateUnavailable)).toBe(RejectCode.SysTransient);
	});

	test('reject() builds the triple the HTTP layer reports', () => {
		expect(reject(ErrorCode.CanisterMethodNotFound, 'no method')).toEqual({
			rejectCode: 5,
			rejectMessage: 'no method',
			errorCode: 'IC0536'
		});
	});
});
