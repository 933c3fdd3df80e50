// The short code a requester and each guardian compare before a guardian approves.
import type { Principal } from '@dfinity/principal';
import { sha256 } from '@noble/hashes/sha2';
import { bitGroups } from './bits';
import { concat, lengthPrefixed, u64be, utf8 } from '@tessera/contract';
import {
	DOMAIN,
	VERIFICATION_CODE_EMOJI,
	VERIFICATION_CODE_WORDS,
	VERIFICATION_EMOJI
} from '@tessera/contract';
import { BITS_PER_WORD, WORDLIST } from './wordlist';

export interface VerificationCode {
	readonly words: readonly string[];
	readonly emoji: readonly { readonly symbol: string; readonly name: string }[];
	/** One line for display: "word word word 🐶 🦊 🍎". */
	readonly text: string;
}

/**
 * sha256(lp("tessera/v1/verification-code") || u64_be request id || lp(requester principal)):
 * the first 33 bits pick 3 BIP39 words, the next 18 bits 3 emoji (51 bits in all).
 * The requester principal is self-authenticating, i.e. a hash of the requester's public key.
 */
export function verificationCode(requestId: bigint, requester: Principal): VerificationCode {
	const digest = sha256(
		concat(
			lengthPrefixed(utf8(DOMAIN.verificationCode)),
			u64be(requestId),
			lengthPrefixed(requester.toUint8Array())
		)
	);
	const wordBits = VERIFICATION_CODE_WORDS * BITS_PER_WORD;
	const groups = bitGroups(digest, 1, wordBits + VERIFICATION_CODE_EMOJI * 6);
	const number = (from: number, width: number) =>
		groups.slice(from, from + width).reduce((value, bit) => value * 2 + bit, 0);
	const words = Array.from(
		{ length: VERIFICATION_CODE_WORDS },
		(_, i) => WORDLIST[number(i * BITS_PER_WORD, BITS_PER_WORD)] ?? ''
	);
	const emoji = Array.from({ length: VERIFICATION_CODE_EMOJI }, (_, i) => {
		const [symbol = '', name = ''] = VERIFICATION_EMOJI[number(wordBits + i * 6, 6)] ?? [];
		return { symbol, name };
	});
	return { words, emoji, text: [...words, ...emoji.map(({ symbol }) => symbol)].join(' ') };
}
