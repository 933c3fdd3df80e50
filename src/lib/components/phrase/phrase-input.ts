// Pure helpers behind RecoveryPhraseInput: completions, pasted text, problem messages.
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

/** One sentence per problem: what is wrong and what to do. */
export function describeProblem(problem: PhraseProblem): string {
	switch (problem.kind) {
		case 'empty':
			return 'Enter the 24 words of your recovery phrase.';
		case 'word-count':
			return problem.actual < problem.expected
				? `${problem.expected - problem.actual} of the ${problem.expected} words are missing.`
				: `That is ${problem.actual} words; the recovery phrase has ${problem.expected}.`;
		case 'unknown-word':
			return problem.suggestions.length > 0
				? `Word ${problem.position}, “${problem.word}”, is not a recovery phrase word. Did you mean ${orList(problem.suggestions)}?`
				: `Word ${problem.position}, “${problem.word}”, is not a recovery phrase word. Check it on your paper.`;
		case 'checksum-mismatch':
			return 'Every word is valid, but together they are not a recovery phrase: one word is probably wrong or two are swapped. Compare them with your paper, in order.';
	}
}

function orList(words: readonly string[]): string {
	if (words.length <= 1) return words.join('');
	return `${words.slice(0, -1).join(', ')} or ${words[words.length - 1] ?? ''}`;
}
