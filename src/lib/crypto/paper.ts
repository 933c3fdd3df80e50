// Paper shares: a share envelope written as BIP39 words for offline storage, and read back.
import { sha256 } from '@noble/hashes/sha2';
import { bitGroups, packBitGroups } from './bits';
import { concat, lengthPrefixed, utf8 } from '@tessera/contract';
import { wipe } from './bytes';
import { decodeEnvelope, type EnvelopeError } from './envelope';
import { DOMAIN, ENVELOPE_BYTES } from '@tessera/contract';
import { err, ok, type Result } from './result';
import { BITS_PER_WORD, WORDLIST, suggestWords, tokenize, wordIndex } from './wordlist';

/** Words for `byteLength` data bytes: data bits plus 11..21 checksum bits, in 11-bit words. */
export function paperWordCount(byteLength: number): number {
	return Math.ceil((byteLength * 8 + BITS_PER_WORD) / BITS_PER_WORD);
}

/** Paper words for an envelope (37 words): data || first bits of sha256(lp(tag) || data). */
export function exportPaperShare(envelope: Uint8Array): string[] {
	const checksum = sha256(concat(lengthPrefixed(utf8(DOMAIN.paperShare)), envelope));
	const bits = concat(envelope, checksum);
	const indices = bitGroups(bits, BITS_PER_WORD, paperWordCount(envelope.length));
	wipe(bits);
	return indices.map((index) => WORDLIST[index] ?? '');
}

export const PAPER_SHARE_WORDS = paperWordCount(ENVELOPE_BYTES);

export type PaperProblem =
	| { kind: 'word-count'; expected: number; actual: number }
	| { kind: 'unknown-word'; position: number; word: string; suggestions: string[] }
	| { kind: 'bad-checksum' }
	| { kind: 'bad-envelope'; error: EnvelopeError };

/** Reads a paper share back as envelope bytes (checked: word checksum, then envelope format). */
export function importPaperShare(input: string): Result<Uint8Array, PaperProblem[]> {
	const tokens = tokenize(input);
	const problems: PaperProblem[] = [];
	if (tokens.length !== PAPER_SHARE_WORDS) {
		problems.push({ kind: 'word-count', expected: PAPER_SHARE_WORDS, actual: tokens.length });
	}
	const indices = tokens.map((word, i) => {
		const index = wordIndex(word);
		if (index === undefined) {
			problems.push({
				kind: 'unknown-word',
				position: i + 1,
				word,
				suggestions: suggestWords(word)
			});
		}
		return index ?? 0;
	});
	if (problems.length > 0) return err(problems);
	const envelope = packBitGroups(indices, BITS_PER_WORD).slice(0, ENVELOPE_BYTES);
	const expected = exportPaperShare(envelope);
	if (expected.some((word, i) => word !== tokens[i])) {
		wipe(envelope);
		return err([{ kind: 'bad-checksum' }]);
	}
	const decoded = decodeEnvelope(envelope);
	if (!decoded.ok) {
		wipe(envelope);
		return err([{ kind: 'bad-envelope', error: decoded.error }]);
	}
	wipe(decoded.value.share);
	return ok(envelope);
}
