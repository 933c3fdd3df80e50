// The phrase watch says when II's reset (or anyone) replaced or removed the sealed phrase, or
// left it unprotected, and says nothing while it is protected. The states themselves come from II
// in tests/agent/ii2-takeover.test.ts (II 2.0's reset on the local II).
import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { phraseWatch } from '$lib/ii/phrase-watch';
import PhraseWatch from './PhraseWatch.svelte';

describe('PhraseWatch', () => {
	it('after II 2.0\u2019s reset (another, unprotected phrase) it says so, with the way out', () => {
		const watch = phraseWatch({ onAnchor: false, protected: false, anchorHasPhrase: true });
		render(PhraseWatch, { watch });
		expect(screen.getByRole('alert')).toHaveTextContent(
			/no longer on this Internet Identity.*reseal the vault with the new phrase and protect it/su
		);
	});

	it('a removed phrase and an unprotected one are named too', () => {
		const { unmount } = render(PhraseWatch, {
			watch: phraseWatch({ onAnchor: false, protected: false, anchorHasPhrase: false })
		});
		expect(screen.getByRole('alert')).toHaveTextContent(/no recovery phrase any more/u);
		unmount();
		render(PhraseWatch, {
			watch: phraseWatch({ onAnchor: true, protected: false, anchorHasPhrase: true })
		});
		expect(screen.getByRole('alert')).toHaveTextContent(/is not protected/u);
	});

	it('says nothing while the sealed phrase is there and protected', () => {
		render(PhraseWatch, {
			watch: phraseWatch({ onAnchor: true, protected: true, anchorHasPhrase: true })
		});
		expect(screen.queryByTestId('phrase-watch')).toBeNull();
	});
});
