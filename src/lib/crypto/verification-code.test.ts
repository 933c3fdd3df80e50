import { Principal } from '@dfinity/principal';
import { sha256 } from '@noble/hashes/sha2';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SYMBOL_DRAWINGS } from '$lib/components/code/symbol-drawings';
import {
	readTypedCode,
	symbolFromTyped,
	SYMBOL_WORDS,
	verificationCode
} from './verification-code';
import { PRINCIPAL, VERIFICATION_CODE_VECTORS } from '../../../tests/support/vectors';

describe('verification code', () => {
	for (const { anchor, requester, text } of VERIFICATION_CODE_VECTORS) {
		it(`vector for anchor ${anchor}`, () => {
			expect(verificationCode(anchor, Principal.fromText(requester)).text).toBe(text);
		});
	}

	it('reads 4 symbols of 6 bits from the documented hash (computed independently here)', () => {
		const requester = Principal.fromText(PRINCIPAL);
		const tag = new TextEncoder().encode('tessera/v2/verification-code');
		const digest = sha256(
			Uint8Array.from([...tag, ...[0, 0, 0, 0, 0, 0, 0x27, 0x1a], ...requester.toUint8Array()])
		);
		const bits = [...digest].map((byte) => byte.toString(2).padStart(8, '0')).join('');
		const field = (i: number) => parseInt(bits.slice(i * 6, i * 6 + 6), 2);
		const code = verificationCode(10010n, requester);
		expect(code.symbols.map(({ index }) => index)).toEqual([0, 1, 2, 3].map(field));
		expect(code.words).toEqual([0, 1, 2, 3].map((i) => SYMBOL_WORDS[field(i)]));
		expect(code.text).toBe(code.words.join(' '));
	});

	it('is the same on both sides and changes with the anchor and with the requester key', () => {
		const requester = Principal.fromText(PRINCIPAL);
		expect(verificationCode(9n, requester)).toEqual(
			verificationCode(9n, Principal.fromText(PRINCIPAL))
		);
		expect(verificationCode(9n, requester).text).not.toBe(verificationCode(10n, requester).text);
		const other = Principal.selfAuthenticating(new Uint8Array(44).fill(8));
		expect(verificationCode(9n, requester).text).not.toBe(verificationCode(9n, other).text);
	});

	it('differs for nearly every other requester key (24 bits: a swapped link shows other words)', () => {
		const anchor = 10_000n;
		const mine = verificationCode(anchor, Principal.fromText(PRINCIPAL)).text;
		fc.assert(
			fc.property(fc.uint8Array({ minLength: 44, maxLength: 44 }), (der) => {
				const other = Principal.selfAuthenticating(der);
				fc.pre(other.toText() !== PRINCIPAL);
				return verificationCode(anchor, other).text !== mine;
			}),
			{ numRuns: 500 }
		);
	});

	it('has 64 distinct words, each drawn, none another with an s added or removed', () => {
		expect(SYMBOL_WORDS).toHaveLength(64);
		expect(new Set(SYMBOL_WORDS).size).toBe(64);
		expect(Object.keys(SYMBOL_DRAWINGS).sort()).toEqual([...SYMBOL_WORDS].sort());
		expect(new Set(Object.values(SYMBOL_DRAWINGS)).size).toBe(64);
		for (const word of SYMBOL_WORDS) {
			expect(word).toMatch(/^[a-z]+$/u);
			expect(symbolFromTyped(word)?.word).toBe(word);
			expect(symbolFromTyped(`${word}s`)?.word).toBe(word);
		}
	});

	it('refuses anchors outside u64', () => {
		expect(() => verificationCode(-1n, Principal.fromText(PRINCIPAL))).toThrow(RangeError);
	});
});

describe('typed code', () => {
	const code = verificationCode(10010n, Principal.fromText(PRINCIPAL));

	it('matches the words in any case, with any spaces, commas or dashes', () => {
		const [a, b, c, d] = code.words;
		for (const typed of [
			code.text,
			`  ${a?.toUpperCase()}   ${b}\n${c}, ${d}. `,
			`${a}-${b}-${c}-${d}`,
			`${a}s ${b} ${c} ${d}`
		]) {
			expect(readTypedCode(typed, code)).toMatchObject({ complete: true, matches: true });
		}
	});

	it('does not match in another order, with a word missing, extra or unknown', () => {
		const [a, b, c, d] = code.words;
		const swapped = a === b ? `${c} ${b} ${a} ${d}` : `${b} ${a} ${c} ${d}`;
		if (swapped !== code.text) expect(readTypedCode(swapped, code).matches).toBe(false);
		expect(readTypedCode(`${a} ${b} ${c}`, code)).toMatchObject({
			complete: false,
			matches: false
		});
		expect(readTypedCode(`${code.text} ${a}`, code).matches).toBe(false);
		const unknown = readTypedCode(`${a} ${b} ${c} zebra`, code);
		expect(unknown).toMatchObject({ complete: false, matches: false });
		expect(unknown.typed[3]).toEqual({ text: 'zebra', symbol: undefined });
		expect(readTypedCode('', code)).toMatchObject({ typed: [], matches: false });
	});

	it('matches only the code of the same link', () => {
		const other = verificationCode(10011n, Principal.fromText(PRINCIPAL));
		expect(readTypedCode(other.text, code).matches).toBe(other.text === code.text);
	});
});
