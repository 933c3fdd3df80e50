import { Principal } from '@dfinity/principal';
import { describe, expect, it, vi } from 'vitest';
import { IiError } from './errors';
import { readPhraseWatch } from './phrase-watch';

const PHRASE = Principal.fromUint8Array(Uint8Array.of(1, 2, 3));

describe('readPhraseWatch', () => {
	it('asks II about the vault’s phrase principal and says what it found', async () => {
		const watchPhrase = vi.fn(async () => ({
			onAnchor: true,
			protected: false,
			anchorHasPhrase: true
		}));
		expect(await readPhraseWatch({ watchPhrase }, 10_042n, PHRASE)).toBe('unprotected');
		expect(watchPhrase).toHaveBeenCalledWith(10_042n, PHRASE);
	});

	it('is "unknown" when II cannot be asked, never a thrown error on the page', async () => {
		const watchPhrase = vi.fn(async () => {
			throw new IiError('Network', 'offline');
		});
		expect(await readPhraseWatch({ watchPhrase }, 10_042n, PHRASE)).toBe('unknown');
	});
});
