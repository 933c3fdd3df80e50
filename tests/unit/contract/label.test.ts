// One label rule for the form and the canister: the contract's labelProblem, with the canister's
// fast UTF-8 length or the default one, gives the same answer.
import fc from 'fast-check';
import { labelProblem, LIMITS } from '@tessera/contract';
import { describe, expect, it } from 'vitest';
import { utf8Length } from '../../../canister/vault/domain/utf8';

describe('labelProblem', () => {
	it('counts UTF-8 bytes, as the canister stores them', () => {
		expect(labelProblem('Grand-mère Éloïse et Hélène Gaël')).toBe('too-long');
		expect(labelProblem('x'.repeat(LIMITS.maxLabelBytes))).toBeUndefined();
		expect(labelProblem('é'.repeat(LIMITS.maxLabelBytes / 2))).toBeUndefined();
		expect(labelProblem('é'.repeat(LIMITS.maxLabelBytes / 2) + 'x')).toBe('too-long');
	});

	it('refuses empty, control characters and surrounding space', () => {
		expect(labelProblem('   ')).toBe('empty');
		expect(labelProblem('a\u0000b')).toBe('control-character');
		expect(labelProblem('a\u0085b')).toBe('control-character');
		expect(labelProblem('a\u2028b')).toBe('control-character');
		expect(labelProblem(' Alice')).toBe('untrimmed');
		expect(labelProblem('Alice')).toBeUndefined();
	});

	it("gives the same answer with the canister's UTF-8 length", () => {
		fc.assert(
			fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (label) => {
				expect(labelProblem(label, utf8Length)).toBe(labelProblem(label));
			})
		);
	});
});
