// The canister's UTF-8 helpers (domain/utf8.ts) against TextEncoder / TextDecoder: the ASCII
// fast path and the fallback give the same bytes and texts, and `fatal` refuses what a fatal
// TextDecoder refuses.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utf8Decode, utf8Encode, utf8Length } from '../../../canister/vault/domain/utf8';

const texts = fc.oneof(
	fc.string({ unit: 'binary-ascii', maxLength: 80 }),
	fc.string({ unit: 'grapheme', maxLength: 40 }),
	fc.string({ unit: 'binary', maxLength: 40 }) // lone surrogates included
);

function fatalDecode(bytes: Uint8Array): string | 'refused' {
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return 'refused';
	}
}

function ours(bytes: Uint8Array): string | 'refused' {
	try {
		return utf8Decode(bytes, true);
	} catch {
		return 'refused';
	}
}

describe('canister UTF-8', () => {
	it('encodes and measures like TextEncoder', () => {
		fc.assert(
			fc.property(texts, (text) => {
				const expected = new TextEncoder().encode(text);
				expect(utf8Encode(text)).toEqual(expected);
				expect(utf8Length(text)).toBe(expected.length);
			}),
			{ numRuns: 500 }
		);
	});

	it('decodes like TextDecoder, fatal or not, for any bytes', () => {
		const bytes = fc.oneof(
			fc.uint8Array({ maxLength: 60 }),
			fc.uint8Array({ maxLength: 60, max: 0x7f }),
			texts.map((text) => new TextEncoder().encode(text))
		);
		fc.assert(
			fc.property(bytes, (input) => {
				expect(utf8Decode(input)).toBe(new TextDecoder().decode(input));
				expect(ours(input)).toBe(fatalDecode(input));
			}),
			{ numRuns: 500 }
		);
	});

	it('long inputs skip the fast path and still agree', () => {
		const long = 'a'.repeat(5000) + 'é';
		expect(utf8Encode(long)).toEqual(new TextEncoder().encode(long));
		expect(utf8Decode(utf8Encode(long))).toBe(long);
		expect(utf8Decode(new Uint8Array(5000).fill(0x41))).toBe('A'.repeat(5000));
		expect(() => utf8Decode(Uint8Array.of(0xff), true)).toThrow();
	});
});
