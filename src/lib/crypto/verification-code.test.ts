import { Principal } from '@dfinity/principal';
import { sha256 } from '@noble/hashes/sha2';
import { wordlist } from '@scure/bip39/wordlists/english.js';
import { describe, expect, it } from 'vitest';
import { VERIFICATION_EMOJI } from '@tessera/contract';
import { verificationCode } from './verification-code';
import { PRINCIPAL, VERIFICATION_CODE_VECTORS } from '../../../tests/support/vectors';

describe('verification code', () => {
	for (const { requestId, requester, text } of VERIFICATION_CODE_VECTORS) {
		it(`vector for request ${requestId}`, () => {
			expect(verificationCode(requestId, Principal.fromText(requester)).text).toBe(text);
		});
	}

	it('reads words and emoji from the documented bits (computed independently here)', () => {
		const requester = Principal.fromText(PRINCIPAL);
		const tag = new TextEncoder().encode('tessera/v1/verification-code');
		const digest = sha256(
			Uint8Array.from([
				...[0, 0, 0, 0, 0, 0, 0, tag.length],
				...tag,
				...[0, 0, 0, 0, 0, 0, 0, 9],
				...[0, 0, 0, 0, 0, 0, 0, requester.toUint8Array().length],
				...requester.toUint8Array()
			])
		);
		const bits = [...digest].map((byte) => byte.toString(2).padStart(8, '0')).join('');
		const field = (from: number, width: number) => parseInt(bits.slice(from, from + width), 2);
		const code = verificationCode(9n, requester);
		expect(code.words).toEqual([0, 1, 2].map((i) => wordlist[field(i * 11, 11)]));
		expect(code.emoji.map(({ symbol }) => symbol)).toEqual(
			[0, 1, 2].map((i) => VERIFICATION_EMOJI[field(33 + i * 6, 6)]?.[0])
		);
	});

	it('is the same on every screen and differs per request and per requester', () => {
		const requester = Principal.fromText(PRINCIPAL);
		expect(verificationCode(9n, requester)).toEqual(
			verificationCode(9n, Principal.fromText(PRINCIPAL))
		);
		expect(verificationCode(9n, requester).text).not.toBe(verificationCode(10n, requester).text);
		const other = Principal.selfAuthenticating(new Uint8Array(44).fill(8));
		expect(verificationCode(9n, requester).text).not.toBe(verificationCode(9n, other).text);
	});

	it('uses 64 distinct named emoji', () => {
		expect(VERIFICATION_EMOJI).toHaveLength(64);
		expect(new Set(VERIFICATION_EMOJI.map(([emoji]) => emoji)).size).toBe(64);
		expect(new Set(VERIFICATION_EMOJI.map(([, name]) => name)).size).toBe(64);
	});

	it('refuses request ids outside u64', () => {
		expect(() => verificationCode(-1n, Principal.fromText(PRINCIPAL))).toThrow(RangeError);
	});
});
