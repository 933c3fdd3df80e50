import { describe, expect, it } from 'vitest';
import { exportPaperShare, importPaperShare, PAPER_SHARE_WORDS, paperWordCount } from './paper';
import { encodeEnvelope } from './envelope';
import { splitEntropy } from './shares';
import { wordIndex } from './wordlist';

const envelope = encodeEnvelope({
	vaultId: 3n,
	index: 1,
	threshold: 2,
	total: 3,
	share: Uint8Array.from({ length: 33 }, (_, i) => i * 5)
});

describe('paper shares', () => {
	it('are 37 words: 392 envelope bits and 15 checksum bits', () => {
		expect(PAPER_SHARE_WORDS).toBe(37);
		expect(paperWordCount(16)).toBe(13); // 128 + 15 bits: every length gets 11..21 checksum bits
		const words = exportPaperShare(envelope);
		expect(words).toHaveLength(37);
		// The first 392 bits are the envelope itself (big-endian 11-bit groups).
		const bits = words.map((word) => (wordIndex(word) ?? 0).toString(2).padStart(11, '0')).join('');
		const bytes = Uint8Array.from({ length: 49 }, (_, i) =>
			parseInt(bits.slice(i * 8, i * 8 + 8), 2)
		);
		expect(bytes).toEqual(envelope);
	});

	it('round-trip real envelopes, typed loosely', async () => {
		const split = await splitEntropy(new Uint8Array(32).fill(5), 9n, 2, 4);
		if (!split.ok) throw new Error(split.error.kind);
		for (const bytes of split.value.envelopes) {
			const written = exportPaperShare(bytes);
			const typed = `  ${written.slice(0, 10).join(' ').toUpperCase()}\n${written.slice(10).join('  ')} `;
			expect(importPaperShare(typed)).toEqual({ ok: true, value: bytes });
		}
	});

	it('reports the word count', () => {
		const words = exportPaperShare(envelope);
		expect(importPaperShare(words.slice(1).join(' '))).toEqual({
			ok: false,
			error: [{ kind: 'word-count', expected: 37, actual: 36 }]
		});
	});

	it('reports unknown words with suggestions', () => {
		const words = exportPaperShare(envelope);
		const typo = `${words[4]}x`;
		words[4] = typo;
		const imported = importPaperShare(words.join(' '));
		expect(imported.ok).toBe(false);
		if (imported.ok) return;
		const [problem] = imported.error;
		expect(problem).toMatchObject({ kind: 'unknown-word', position: 5, word: typo });
		expect(problem?.kind === 'unknown-word' && problem.suggestions.length).toBeGreaterThan(0);
	});

	it('detects a wrong or swapped word with the checksum', () => {
		const words = exportPaperShare(envelope);
		const replaced = [...words];
		replaced[7] = replaced[7] === 'abandon' ? 'ability' : 'abandon';
		expect(importPaperShare(replaced.join(' '))).toEqual({
			ok: false,
			error: [{ kind: 'bad-checksum' }]
		});
		const swapped = [...words];
		const i = swapped.findIndex((word, j) => word !== swapped[j + 1]);
		[swapped[i], swapped[i + 1]] = [swapped[i + 1] ?? '', swapped[i] ?? ''];
		expect(importPaperShare(swapped.join(' '))).toEqual({
			ok: false,
			error: [{ kind: 'bad-checksum' }]
		});
	});

	it('refuses words that carry a valid checksum but no valid envelope', () => {
		const notAnEnvelope = envelope.slice();
		notAnEnvelope[0] = 9; // unknown version; the paper checksum is computed over it anyway
		expect(importPaperShare(exportPaperShare(notAnEnvelope).join(' '))).toEqual({
			ok: false,
			error: [{ kind: 'bad-envelope', error: { kind: 'unknown-version', version: 9 } }]
		});
	});
});
