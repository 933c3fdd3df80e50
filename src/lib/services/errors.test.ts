import { describe, expect, it } from 'vitest';
import { CanisterError } from '$lib/canisters/errors';
import { errorKind, errorMessage, FlowError } from './errors';

describe('errorMessage', () => {
	it('prefers the words given for a kind, else the typed error’s own', () => {
		const closed = new CanisterError('RequestClosed', 'The request is closed.');
		expect(errorMessage(closed, { RequestClosed: 'Too late: closed.' })).toBe('Too late: closed.');
		expect(errorMessage(closed)).toBe('The request is closed.');
		expect(errorMessage(new FlowError('vetkey-failed', 'Try again.'))).toBe('Try again.');
		expect(errorKind(closed)).toBe('RequestClosed');
	});

	it('never shows an untyped error’s internals', () => {
		for (const odd of [new TypeError('x is undefined'), undefined, 'boom', 42]) {
			expect(errorMessage(odd)).toBe(
				'Something unexpected went wrong. Reload the page and try again.'
			);
		}
		expect(errorKind(new Error('x'))).toBeUndefined();
	});

	it('owner errors are typed too, so their words reach the owner', async () => {
		const { SealError } = await import('./owner-seal');
		const { VaultExistsError } = await import('./owner');
		const { PhraseMismatchError } = await import('./owner-phrase');
		expect(errorMessage(new SealError('Wait for your guardians.'))).toBe(
			'Wait for your guardians.'
		);
		expect(errorMessage(new VaultExistsError(3n))).toMatch(/already has a Tessera vault/u);
		expect(errorMessage(new PhraseMismatchError(true))).toMatch(/not the recovery phrase/u);
	});
});
