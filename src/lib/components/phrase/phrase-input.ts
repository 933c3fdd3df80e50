// Pure helpers behind RecoveryPhraseInput and the paper share input: completions, pasted text,
// problem messages.
import type { PaperProblem } from '$lib/crypto/paper';
import type { PhraseProblem } from '$lib/crypto/phrase';
import { WORDLIST, suggestWords, tokenize } from '$lib/crypto/wordlist';

const MAX_COMPLETIONS = 6;

/** BIP39 words that start with what was typed; when none do, close words for a typo. */
export function completions(typed: string): string[] {
	const prefix = tokenize(typed)[0] ?? '';
	if (prefix.length === 0) return [];
	const starting = WORDLIST.filter((word) => word.startsWith(prefix));
	if (starting.length === 1 && starting[0] === prefix) return [];
	return (starting.length > 0 ? starting : suggestWords(prefix)).slice(0, MAX_COMPLETIONS);
}

export interface PastedPhrase {
	/** II shows the phrase as "<anchor number> <24 words>". */
	anchor?: bigint;
	words: string[];
}

/** Splits pasted text into words, setting aside a leading anchor number. */
export function splitPasted(text: string): PastedPhrase {
	const words = tokenize(text);
	const first = words[0] ?? '';
	if (/^\d{1,19}$/u.test(first)) return { anchor: BigInt(first), words: words.slice(1) };
	return { words };
}

/** A problem of typed words: in the recovery phrase or in a paper share. */
export type WordProblem = PhraseProblem | PaperProblem;

/** What the words are: names them in the messages. */
export type WordsKind = 'phrase' | 'paper';

const NAMES: Record<WordsKind, { one: string; the: string; a: string }> = {
	phrase: { one: 'a recovery phrase word', the: 'the recovery phrase', a: 'a recovery phrase' },
	paper: { one: 'a paper share word', the: 'a paper share', a: 'a paper share' }
};

/** One sentence per problem: what is wrong and what to do. */
export function describeProblem(problem: WordProblem, what: WordsKind = 'phrase'): string {
	const names = NAMES[what];
	switch (problem.kind) {
		case 'empty':
			return 'Enter the 24 words of your recovery phrase.';
		case 'word-count':
			return problem.actual < problem.expected
				? `${problem.expected - problem.actual} of the ${problem.expected} words are missing.`
				: `That is ${problem.actual} words; ${names.the} has ${problem.expected}.`;
		case 'unknown-word':
			return problem.suggestions.length > 0
				? `Word ${problem.position}, “${problem.word}”, is not ${names.one}. Did you mean ${orList(problem.suggestions)}?`
				: `Word ${problem.position}, “${problem.word}”, is not ${names.one}. Check it on your paper.`;
		case 'checksum-mismatch':
		case 'bad-checksum':
			return `Every word is valid, but together they are not ${names.a}: one word is probably wrong or two are swapped. Compare them with your paper, in order.`;
		case 'bad-envelope':
			return 'These words are not a Tessera paper share this app can read: check that they come from a Tessera recovery kit.';
	}
}

function orList(words: readonly string[]): string {
	if (words.length <= 1) return words.join('');
	return `${words.slice(0, -1).join(', ')} or ${words[words.length - 1] ?? ''}`;
}
