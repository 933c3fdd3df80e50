import { describe, expect, test } from 'vitest';
import { HTTP_STATUS, HttpRequestError } from './errors';

describe('HTTP errors', () => {
	test('each HTTP error kind carries its status', () => {
		for (const [kind, status] of Object.entries(HTTP_STATUS)) {
			const error = new HttpRequestError(kind as keyof typeof HTTP_STATUS, 'x');
			expect(error.status).toBe(status);
			expect([400, 403, 404, 405, 413]).toContain(status);
		}
	});
});
