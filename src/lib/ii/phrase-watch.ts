// Is the phrase the vault's shares hold still the identity's recovery phrase, and protected?
// II 2.0's "Unlock and reset" replaces the phrase with a new one created unprotected: the shares
// then hold a phrase II no longer accepts. Read from II's public queries with the vault's phrase
// key (its DER public key), so nothing is signed and no secret is needed.
import type { PhraseCheck } from './client';

export type PhraseWatch =
	| 'protected'
	/** Still the identity's phrase, but anyone signed in can now remove it. */
	| 'unprotected'
	/** The identity has another recovery phrase now (II 2.0's reset, or someone else). */
	| 'replaced'
	/** The identity has no recovery phrase at all. */
	| 'removed'
	/** II could not be asked. */
	| 'unknown';

export function phraseWatch(check: PhraseCheck | undefined): PhraseWatch {
	if (!check) return 'unknown';
	if (check.onAnchor) return check.protected ? 'protected' : 'unprotected';
	return check.anchorHasPhrase ? 'replaced' : 'removed';
}

/** What the owner (or a guardian) is told, and the way out. */
export const PHRASE_WATCH_TEXT: Record<
	Exclude<PhraseWatch, 'protected'>,
	{ title: string; body: string; tone: 'danger' | 'warning' | 'info' }
> = {
	unprotected: {
		tone: 'warning',
		title: 'The sealed recovery phrase is not protected',
		body: 'Anyone signed in to this Internet Identity can remove it, and then the shares are useless. Protect it: unlock changes with the phrase and choose “Protect”.'
	},
	replaced: {
		tone: 'danger',
		title: 'The sealed recovery phrase is no longer on this Internet Identity',
		body: 'Internet Identity has a different recovery phrase now (for example after “Unlock and reset”), so the shares can no longer get the owner back in. If the owner made the new phrase: reseal the vault with the new phrase and protect it. If not, someone else may control the identity.'
	},
	removed: {
		tone: 'danger',
		title: 'This Internet Identity has no recovery phrase any more',
		body: 'The shares hold a phrase Internet Identity no longer accepts. Add a new recovery phrase in Internet Identity, protect it, and reseal the vault with it.'
	},
	unknown: {
		tone: 'info',
		title: 'Internet Identity could not be asked about the recovery phrase',
		body: 'Tessera will check again the next time this page loads.'
	}
};
