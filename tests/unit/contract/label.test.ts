// One label rule for the form and the canister: the contract's labelProblem, with the canister's
// fast UTF-8 length or the default one, gives the same answer.
import fc from 'fast-check';
import { labelProblem, LIMITS, normalizeLabel } from '@tessera/contract';
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

describe('labelProblem: invisible and look-alike text', () => {
	it.each([
		['a right-to-left override (U+202E)', 'Alice\u202eeciffo'],
		['a left-to-right isolate (U+2066)', '\u2066Bob'],
		['a pop directional isolate (U+2069)', 'Bob\u2069'],
		['a right-to-left mark (U+200F)', 'Ann\u200f'],
		['a zero-width space (U+200B)', 'Al\u200bice'],
		['a zero-width joiner (U+200D)', 'Al\u200dice'],
		['a zero-width non-joiner (U+200C)', 'Al\u200cice'],
		['a byte-order mark (U+FEFF)', '\ufeffAlice'],
		['a soft hyphen (U+00AD)', 'Al\u00adice'],
		['a word joiner (U+2060)', 'Al\u2060ice']
	])('refuses %s', (_, label) => {
		expect(labelProblem(label)).toBe('format-character');
	});

	it('refuses text that is not NFC, and accepts its NFC form', () => {
		const decomposed = 'Chloe\u0301'; // "Chloé" with a combining acute accent
		expect(labelProblem(decomposed)).toBe('not-normalized');
		expect(normalizeLabel(decomposed)).toBe('Chlo\u00e9');
		expect(labelProblem(normalizeLabel(decomposed))).toBeUndefined();
	});

	it('accepts emoji sequences without joiners and scripts that need no format characters', () => {
		expect(labelProblem('Oma 👵')).toBeUndefined();
		expect(labelProblem('ليلى')).toBeUndefined();
		expect(labelProblem('真理子')).toBeUndefined();
	});

	it('every normalized label without Cf or controls is accepted when short enough', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }), (raw) => {
				const label = normalizeLabel(raw).trim();
				const problem = labelProblem(label);
				if (problem === undefined) {
					expect(/\p{Cf}/u.test(label)).toBe(false);
					expect(label.normalize('NFC')).toBe(label);
				}
			})
		);
	});
});
