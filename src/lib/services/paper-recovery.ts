// Recovery from paper shares: with no request at all (m paper shares of one vault, checked on II
// for the anchor the person names), and the words for every way paper shares can be refused.
import { wipe } from '$lib/crypto/bytes';
import { recoverFromPaper, type PaperShareError } from '$lib/crypto/paper-recovery';
import type { CombineError } from '$lib/crypto/shares';
import type { IiClient } from '$lib/ii';
import { errorKind, FlowError } from './errors';
import type { Progress } from './progress';
import { checkRecoveredPhrase, type CheckedPhrase } from './recovery-sweep';

/** Why paper shares cannot be used, for people; positions count from 1. */
export function paperShareMessage(error: PaperShareError | CombineError): string {
	const nth = (at: number) => `Paper share ${at + 1}`;
	switch (error.kind) {
		case 'none':
			return 'Enter your paper shares first.';
		case 'malformed':
			return `${nth(error.at)} cannot be read: check its words.`;
		case 'other-vault':
			return `${nth(error.at)} belongs to another Tessera vault (${error.vaultId}) than the others (${error.expected}). Use shares of one identity only.`;
		case 'other-rules':
			return `${nth(error.at)} comes from a seal with other rules (how many guardians, how many needed) than the others: it is from another seal. Use shares from your latest recovery kit.`;
		case 'same-slot':
			return `${nth(error.first)} and ${nth(error.at)} are the same guardian’s share (slot ${error.index}), so they count once. Add a share of another guardian.`;
		case 'duplicate':
			return `${nth(error.at)} repeats a share entered before it, so it counts once. Add a share of another guardian.`;
		case 'too-few':
			return `You entered ${error.have} different ${error.have === 1 ? 'share' : 'shares'}; ${error.need} are needed.`;
		case 'foreign':
		case 'inconsistent':
		case 'commitment-mismatch':
		case 'uncombinable':
			return 'These shares do not fit together: they may come from different seals. Use shares from your latest recovery kit.';
	}
}

export const PAPER_STEPS = [
	'Putting the phrase back together',
	'Checking it with Internet Identity'
] as const;

/**
 * m paper shares and the anchor they are for -> the phrase, only once II confirms it is that
 * anchor's recovery phrase (offline there is no commitment to check against). The entropy is the
 * caller's to keep in memory and wipe; on any failure it is wiped here.
 */
export async function recoverWithPaper(
	ii: Pick<IiClient, 'checkPhrase'>,
	anchor: bigint,
	paper: readonly Uint8Array[],
	progress: Progress = () => {}
): Promise<{ entropy: Uint8Array; checked: CheckedPhrase }> {
	const total = PAPER_STEPS.length;
	progress(PAPER_STEPS[0], 0, total);
	const combined = await recoverFromPaper(paper);
	if (!combined.ok) throw new FlowError('paper-refused', paperShareMessage(combined.error));
	const { entropy } = combined.value;
	progress(PAPER_STEPS[1], 1, total);
	try {
		const checked = await checkRecoveredPhrase(ii, anchor, entropy);
		progress('Phrase recovered', total, total);
		return { entropy, checked };
	} catch (error) {
		wipe(entropy);
		if (errorKind(error) !== 'phrase-not-on-anchor') throw error;
		throw new FlowError(
			'phrase-not-on-anchor',
			`These paper shares do not rebuild the current recovery phrase of identity ${anchor}. They may be from before you sealed again or changed your phrase, mixed with shares of another seal, or for another identity. Check the identity number and use shares from your latest recovery kit.`
		);
	}
}
