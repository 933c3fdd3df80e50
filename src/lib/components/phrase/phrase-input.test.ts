import { describe, expect, it } from 'vitest';
import { completions, describeProblem, splitPasted } from './phrase-input';

describe('completions', () => {
	it('lists words starting with the typed prefix, at most six', () => {
		expect(completions('aba')).toEqual(['abandon']);
		expect(completions('ab')).toHaveLength(6);
		expect(completions('ab').every((w) => w.startsWith('ab'))).toBe(true);
	});

	it('offers nothing for an empty or already complete word', () => {
		expect(completions('')).toEqual([]);
		expect(completions('zoo')).toEqual([]);
	});

	it('falls back to typo suggestions when no word starts with it', () => {
		expect(completions('abondon')).toContain('abandon');
	});
});

describe('splitPasted', () => {
	it('sets aside the leading anchor number as II displays it', () => {
		expect(splitPasted('10042  abandon\nability, able')).toEqual({
			anchor: 10042n,
			words: ['abandon', 'ability', 'able']
		});
		expect(splitPasted('Abandon ability')).toEqual({ words: ['abandon', 'ability'] });
	});
});

describe('describeProblem', () => {
	it('says which word is wrong and what it might be', () => {
		expect(
			describeProblem({
				kind: 'unknown-word',
				position: 3,
				word: 'abandn',
				suggestions: ['abandon', 'absent']
			})
		).toBe('Word 3, “abandn”, is not a recovery phrase word. Did you mean abandon or absent?');
		expect(
			describeProblem({ kind: 'unknown-word', position: 1, word: 'qqqq', suggestions: [] })
		).toMatch(/Check it on your paper/u);
	});

	it('counts missing or extra words', () => {
		expect(describeProblem({ kind: 'word-count', expected: 24, actual: 12 })).toBe(
			'12 of the 24 words are missing.'
		);
		expect(describeProblem({ kind: 'word-count', expected: 24, actual: 25 })).toMatch(/25 words/u);
		expect(describeProblem({ kind: 'checksum-mismatch' })).toMatch(/swapped/u);
		expect(describeProblem({ kind: 'empty' })).toMatch(/24 words/u);
	});
});

describe('describeProblem for paper shares', () => {
	it('names paper share words and the 37-word length', () => {
		expect(
			describeProblem(
				{ kind: 'unknown-word', position: 5, word: 'abandn', suggestions: ['abandon'] },
				'paper'
			)
		).toBe('Word 5, “abandn”, is not a paper share word. Did you mean abandon?');
		expect(describeProblem({ kind: 'word-count', expected: 37, actual: 40 }, 'paper')).toBe(
			'That is 40 words; a paper share has 37.'
		);
		expect(describeProblem({ kind: 'word-count', expected: 37, actual: 30 }, 'paper')).toBe(
			'7 of the 37 words are missing.'
		);
		expect(describeProblem({ kind: 'bad-checksum' }, 'paper')).toMatch(
			/not a paper share: one word is probably wrong or two are swapped/u
		);
		expect(
			describeProblem(
				{ kind: 'bad-envelope', error: { kind: 'unknown-version', version: 2 } },
				'paper'
			)
		).toMatch(/Tessera recovery kit/u);
	});
});
