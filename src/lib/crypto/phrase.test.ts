import { hexToBytes } from '@noble/hashes/utils';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PHRASE_WORDS, parseRecoveryPhrase, phraseFromEntropy } from './phrase';
import { editDistance, suggestWords } from './wordlist';

// BIP39 reference vectors (trezor/python-mnemonic vectors.json), 256-bit entropy.
const BIP39_VECTORS = [
	['00'.repeat(32), `${'abandon '.repeat(23)}art`],
	[
		'7f'.repeat(32),
		'legal winner thank year wave sausage worth useful legal winner thank year wave sausage worth useful legal winner thank year wave sausage worth title'
	],
	[
		'80'.repeat(32),
		'letter advice cage absurd amount doctor acoustic avoid letter advice cage absurd amount doctor acoustic avoid letter advice cage absurd amount doctor acoustic bless'
	],
	['ff'.repeat(32), `${'zoo '.repeat(23)}vote`]
] as const;

const ZERO_PHRASE = BIP39_VECTORS[0][1];

describe('entropy <-> phrase', () => {
	for (const [entropy, phrase] of BIP39_VECTORS) {
		it(`vector ${entropy.slice(0, 4)}…`, () => {
			expect(phraseFromEntropy(hexToBytes(entropy)).join(' ')).toBe(phrase);
			const parsed = parseRecoveryPhrase(phrase);
			expect(parsed.ok && parsed.value.entropy).toEqual(hexToBytes(entropy));
		});
	}

	it('round-trips any 32 bytes', () => {
		fc.assert(
			fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), (entropy) => {
				const parsed = parseRecoveryPhrase(phraseFromEntropy(entropy).join(' '));
				expect(parsed.ok && parsed.value.entropy).toEqual(entropy);
			}),
			{ numRuns: 50 }
		);
	});

	it('refuses entropy that is not 32 bytes', () => {
		expect(() => phraseFromEntropy(new Uint8Array(16))).toThrow(RangeError);
	});
});

describe('parsing a phrase as people type it', () => {
	it("accepts II's display format with the anchor number", () => {
		const parsed = parseRecoveryPhrase(`10042 ${ZERO_PHRASE}`);
		expect(parsed.ok).toBe(true);
		if (!parsed.ok) return;
		expect(parsed.value.anchor).toBe(10042n);
		expect(parsed.value.words).toHaveLength(PHRASE_WORDS);
		expect(parsed.value.entropy).toEqual(new Uint8Array(32));
	});

	it('tolerates case, extra spaces, tabs, line breaks and commas', () => {
		const messy = `  10042\n\n${ZERO_PHRASE.toUpperCase().replaceAll(' ', ' \t ').replace('ART', 'Art,')}\r\n`;
		const parsed = parseRecoveryPhrase(messy);
		expect(parsed.ok && parsed.value.entropy).toEqual(new Uint8Array(32));
		expect(parsed.ok && parsed.value.anchor).toBe(10042n);
	});

	it('has no anchor when none is given', () => {
		const parsed = parseRecoveryPhrase(ZERO_PHRASE);
		expect(parsed.ok && 'anchor' in parsed.value).toBe(false);
	});

	it('reports empty input', () => {
		expect(parseRecoveryPhrase(' \n ')).toEqual({ ok: false, error: [{ kind: 'empty' }] });
	});

	it('reports the wrong number of words', () => {
		const words = ZERO_PHRASE.split(' ');
		expect(parseRecoveryPhrase(words.slice(1).join(' '))).toEqual({
			ok: false,
			error: [{ kind: 'word-count', expected: 24, actual: 23 }]
		});
		expect(parseRecoveryPhrase(`1 ${ZERO_PHRASE} zoo`)).toEqual({
			ok: false,
			error: [{ kind: 'word-count', expected: 24, actual: 25 }]
		});
	});

	it('reports each unknown word with its position and suggestions', () => {
		const words = ZERO_PHRASE.split(' ');
		words[2] = 'abandn';
		words[23] = 'arrt';
		const parsed = parseRecoveryPhrase(`123 ${words.join(' ')}`);
		expect(parsed.ok).toBe(false);
		if (parsed.ok) return;
		expect(parsed.error).toEqual([
			{ kind: 'unknown-word', position: 3, word: 'abandn', suggestions: expect.any(Array) },
			{ kind: 'unknown-word', position: 24, word: 'arrt', suggestions: expect.any(Array) }
		]);
		expect(parsed.error[0]?.kind === 'unknown-word' && parsed.error[0].suggestions[0]).toBe(
			'abandon'
		);
		expect(parsed.error[1]?.kind === 'unknown-word' && parsed.error[1].suggestions).toContain(
			'art'
		);
	});

	it('reports unknown words and a wrong count together', () => {
		const parsed = parseRecoveryPhrase('abandon zebraa');
		expect(!parsed.ok && parsed.error.map((problem) => problem.kind)).toEqual([
			'word-count',
			'unknown-word'
		]);
	});

	it('reports a checksum mismatch for valid words in a wrong order', () => {
		const words = BIP39_VECTORS[1][1].split(' ');
		[words[0], words[1]] = [words[1] ?? '', words[0] ?? ''];
		expect(parseRecoveryPhrase(words.join(' '))).toEqual({
			ok: false,
			error: [{ kind: 'checksum-mismatch' }]
		});
	});

	it('never throws on arbitrary input', () => {
		fc.assert(
			fc.property(fc.string({ maxLength: 300 }), (input) => {
				const parsed = parseRecoveryPhrase(input);
				expect(typeof parsed.ok).toBe('boolean');
			})
		);
	});
});

describe('suggestions for mistyped words', () => {
	it('prefers the word with the same first four letters', () => {
		expect(suggestWords('abanon')[0]).toBe('abandon');
		expect(suggestWords('zooo')[0]).toBe('zoo');
	});

	it('finds swapped letters and missing letters', () => {
		expect(suggestWords('wrold')).toContain('world');
		expect(suggestWords('tigr')).toContain('tiger');
	});

	it('offers nothing for unrelated input and at most four words otherwise', () => {
		expect(suggestWords('xqzjwv')).toEqual([]);
		expect(suggestWords('ab').length).toBeLessThanOrEqual(4);
	});

	it('computes edit distances with transpositions and a cap', () => {
		expect(editDistance('abc', 'abc', 2)).toBe(0);
		expect(editDistance('abc', 'acb', 2)).toBe(1);
		expect(editDistance('abc', 'abcd', 2)).toBe(1);
		expect(editDistance('abc', 'xyz', 2)).toBe(3);
		expect(editDistance('a', 'abcdef', 2)).toBe(3);
	});
});
