// The verification code of a recovery link: 4 symbols (a word and a picture each) that the owner
// reads from the requester's screen and the guardian types into theirs. Both sides compute it
// from the link itself, so a swapped link (another requester key) gives other words.
import type { Principal } from '@dfinity/principal';
import { sha256 } from '@noble/hashes/sha2';
import {
	concat,
	u64be,
	utf8,
	VERIFICATION_CODE_DOMAIN,
	VERIFICATION_CODE_SYMBOLS
} from '@tessera/contract';
import { bitGroups } from './bits';

/** Bits of the hash per symbol: 64 symbols (the hash is never stored or sent anywhere). */
export const BITS_PER_SYMBOL = 6;

/**
 * 64 symbol words, index = 6 bits of the hash. Short, concrete, spelled one way and distinct when
 * read over the phone; each has a drawing (components/code/symbol-drawings.ts).
 */
export const SYMBOL_WORDS = [
	'circle',
	'square',
	'triangle',
	'diamond',
	'hexagon',
	'star',
	'heart',
	'cross',
	'ring',
	'spiral',
	'wave',
	'arrow',
	'sun',
	'moon',
	'cloud',
	'drop',
	'bolt',
	'snowflake',
	'mountain',
	'leaf',
	'tree',
	'flower',
	'mushroom',
	'cactus',
	'apple',
	'cherry',
	'lemon',
	'grapes',
	'carrot',
	'egg',
	'cheese',
	'pizza',
	'fish',
	'bird',
	'snail',
	'bone',
	'feather',
	'shell',
	'house',
	'key',
	'lock',
	'bell',
	'anchor',
	'flag',
	'crown',
	'cup',
	'umbrella',
	'eye',
	'clock',
	'bulb',
	'book',
	'letter',
	'pencil',
	'hammer',
	'glasses',
	'hat',
	'globe',
	'kite',
	'balloon',
	'rocket',
	'boat',
	'wheel',
	'candle',
	'magnet'
] as const;

export type SymbolWord = (typeof SYMBOL_WORDS)[number];

export interface CodeSymbol {
	/** 0..63: the position in SYMBOL_WORDS. */
	readonly index: number;
	readonly word: SymbolWord;
}

export interface VerificationCode {
	readonly symbols: readonly CodeSymbol[];
	readonly words: readonly SymbolWord[];
	/** The words with single spaces: "star moon key boat". */
	readonly text: string;
}

function codeOf(indices: readonly number[]): VerificationCode {
	const symbols = indices.map((index) => ({ index, word: SYMBOL_WORDS[index] ?? 'circle' }));
	const words = symbols.map(({ word }) => word);
	return { symbols, words, text: words.join(' ') };
}

/**
 * sha256(utf8("tessera/v2/verification-code") || u64_be anchor || requester principal bytes):
 * the first 24 bits, 6 at a time, pick the 4 symbols. The principal comes last (variable length).
 */
export function verificationCode(anchor: bigint, requester: Principal): VerificationCode {
	const digest = sha256(
		concat(utf8(VERIFICATION_CODE_DOMAIN), u64be(anchor), requester.toUint8Array())
	);
	return codeOf(bitGroups(digest, BITS_PER_SYMBOL, VERIFICATION_CODE_SYMBOLS));
}

const WORD_INDEX = new Map<string, number>(SYMBOL_WORDS.map((word, index) => [word, index]));

/** A symbol word from what a person typed: any case, spaces around it, a plural 's' either way. */
export function symbolFromTyped(typed: string): CodeSymbol | undefined {
	const word = typed.normalize('NFKC').trim().toLowerCase();
	const index =
		WORD_INDEX.get(word) ?? WORD_INDEX.get(word.replace(/s$/u, '')) ?? WORD_INDEX.get(`${word}s`);
	return index === undefined ? undefined : { index, word: SYMBOL_WORDS[index] ?? 'circle' };
}

/** What a person typed, read as symbol words: spaces, commas, dashes and full stops separate. */
export interface TypedCode {
	/** One entry per typed word: the symbol it names, or undefined for a word not in the list. */
	readonly typed: readonly { readonly text: string; readonly symbol: CodeSymbol | undefined }[];
	/** All 4 words typed, each a symbol word. */
	readonly complete: boolean;
	/** Complete and equal to the expected code, in order. */
	readonly matches: boolean;
}

export function readTypedCode(input: string, expected: VerificationCode): TypedCode {
	const typed = input
		.split(/[\s,.;\-–—]+/u)
		.filter((token) => token.length > 0)
		.map((text) => ({ text, symbol: symbolFromTyped(text) }));
	const complete =
		typed.length === VERIFICATION_CODE_SYMBOLS && typed.every(({ symbol }) => symbol);
	const matches =
		complete && typed.every(({ symbol }, i) => symbol?.index === expected.symbols[i]?.index);
	return { typed, complete, matches };
}
