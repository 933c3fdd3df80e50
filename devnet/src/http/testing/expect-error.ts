// Test support: assert that a function throws the HTTP layer's typed error of a given kind.
import { expect } from 'vitest';
import { HttpRequestError, type HttpErrorKind } from '../errors';

export function expectHttpError(fn: () => unknown, kind: HttpErrorKind, message?: RegExp): void {
	let thrown: unknown;
	try {
		fn();
	} catch (error) {
		thrown = error;
	}
	expect(thrown).toBeInstanceOf(HttpRequestError);
	expect((thrown as HttpRequestError).kind).toBe(kind);
	if (message) expect((thrown as HttpRequestError).message).toMatch(message);
}
