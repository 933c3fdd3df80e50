// The BIP39 English wordlist, with lookups and typo suggestions for people typing from paper.
import { wordlist as english } from '@scure/bip39/wordlists/english.js';

export const WORDLIST: readonly string[] = english;
export const BITS_PER_WORD = 11;

const INDEX = new Map(english.map((word, index) => [word, index]));

export function wordIndex(word: string): number | undefined {
	return INDEX.get(word);
}

/** Lower-cased, NFKD-normalized tokens; spaces, line breaks, commas and full stops separate. */
export function tokenize(input: string): string[] {
	return input
		.normalize('NFKD')
		.toLowerCase()
		.split(/[\s,;.]+/u)
		.filter((token) => token.length > 0);
}

const MAX_SUGGESTIONS = 4;

/**
 * Close BIP39 words for a mistyped one, best first: BIP39 words are unique in their first four
 * letters, so a shared 4-letter prefix wins; then words the input starts; then at most two edits.
 */
export function suggestWords(typed: string): string[] {
	const scored: { word: string; score: number }[] = [];
	for (const word of english) {
		const score = closeness(typed, word);
		if (score !== undefined) scored.push({ word, score });
	}
	scored.sort((a, b) => a.score - b.score || (a.word < b.word ? -1 : 1));
	return scored.slice(0, MAX_SUGGESTIONS).map(({ word }) => word);
}

function closeness(typed: string, word: string): number | undefined {
	if (typed.length >= 4 && word.startsWith(typed.slice(0, 4))) return 0;
	if (typed.length >= 3 && word.startsWith(typed)) return 1;
	const distance = editDistance(typed, word, 2);
	return distance <= 2 ? 1 + distance : undefined;
}

/** Optimal-string-alignment distance (typos incl. swapped letters), capped at `limit` + 1. */
export function editDistance(a: string, b: string, limit: number): number {
	if (Math.abs(a.length - b.length) > limit) return limit + 1;
	let before = new Array<number>(b.length + 1).fill(0);
	let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		let rowMin = i;
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			let value = Math.min(
				(previous[j] ?? 0) + 1,
				(current[j - 1] ?? 0) + 1,
				(previous[j - 1] ?? 0) + cost
			);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
				value = Math.min(value, (before[j - 2] ?? 0) + 1);
			}
			current.push(value);
			rowMin = Math.min(rowMin, value);
		}
		if (rowMin > limit) return limit + 1;
		before = previous;
		previous = current;
	}
	return Math.min(previous[b.length] ?? 0, limit + 1);
}
