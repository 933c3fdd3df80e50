// Recovery phrase input as II shows it: "<anchor number> <24 words>", typed from paper.
import { entropyToMnemonic, mnemonicToEntropy } from '@scure/bip39';
import { ENTROPY_BYTES } from '@tessera/contract';
import { err, ok, type Result } from './result';
import { WORDLIST, suggestWords, tokenize, wordIndex } from './wordlist';

export const PHRASE_WORDS = 24;

export type PhraseProblem =
	| { kind: 'empty' }
	| { kind: 'word-count'; expected: number; actual: number }
	/** `position` counts words from 1, not counting the anchor number. */
	| { kind: 'unknown-word'; position: number; word: string; suggestions: string[] }
	| { kind: 'checksum-mismatch' };

export interface RecoveryPhrase {
	/** The anchor number, when the input started with it as II displays the phrase. */
	readonly anchor?: bigint;
	readonly words: readonly string[];
	/** The 32-byte BIP39 entropy: the secret Tessera splits. */
	readonly entropy: Uint8Array;
}

/**
 * Parses a phrase as a person types it: any case, extra spaces, line breaks, an optional leading
 * anchor number. Reports every problem found, so the UI can point at each one.
 */
export function parseRecoveryPhrase(input: string): Result<RecoveryPhrase, PhraseProblem[]> {
	const tokens = tokenize(input);
	if (tokens.length === 0) return err([{ kind: 'empty' }]);
	let anchor: bigint | undefined;
	if (/^\d{1,19}$/u.test(tokens[0] ?? '')) anchor = BigInt(tokens.shift() ?? '');
	const problems: PhraseProblem[] = [];
	if (tokens.length !== PHRASE_WORDS) {
		problems.push({ kind: 'word-count', expected: PHRASE_WORDS, actual: tokens.length });
	}
	tokens.forEach((word, i) => {
		if (wordIndex(word) === undefined) {
			problems.push({
				kind: 'unknown-word',
				position: i + 1,
				word,
				suggestions: suggestWords(word)
			});
		}
	});
	if (problems.length > 0) return err(problems);
	let entropy: Uint8Array;
	try {
		entropy = mnemonicToEntropy(tokens.join(' '), WORDLIST as string[]);
	} catch {
		return err([{ kind: 'checksum-mismatch' }]);
	}
	return ok({ ...(anchor === undefined ? {} : { anchor }), words: tokens, entropy });
}

/** The 24 words for 32 bytes of entropy (what II shows, without the anchor number). */
export function phraseFromEntropy(entropy: Uint8Array): string[] {
	if (entropy.length !== ENTROPY_BYTES) throw new RangeError('entropy must be 32 bytes');
	return entropyToMnemonic(entropy, WORDLIST as string[]).split(' ');
}
