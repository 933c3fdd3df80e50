// Recovery from paper shares: with no request at all (m paper shares of one vault, checked on II
// for the anchor the person names, or the identity II finds from the phrase), and the words for
// every way paper shares can be refused.
import { wipe } from '$lib/crypto/bytes';
import { recoverFromPaper } from '$lib/crypto/paper-recovery';
import { paperShareMessage } from '$lib/content/paper-share-messages';
import type { IiClient } from '$lib/ii';
import { errorKind, FlowError } from './errors';
import type { Progress } from './progress';
import { checkRecoveredPhrase, type CheckedPhrase } from './recovery-sweep';

export const PAPER_STEPS = [
	'Putting the phrase back together',
	'Checking it with Internet Identity'
] as const;

/**
 * m paper shares (and the anchor they are for, if the person knows it) -> the phrase, only once
 * II confirms it is an identity's recovery phrase (offline there is no commitment to check
 * against). The entropy is the caller's to keep in memory and wipe; on any failure it is wiped.
 */
export async function recoverWithPaper(
	ii: Pick<IiClient, 'checkPhrase' | 'findIdentityByPhrase'>,
	anchor: bigint | undefined,
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
			`These paper shares do not rebuild the current recovery phrase of ${anchor === undefined ? 'any identity' : `identity ${anchor}`}. They may be from before you sealed again or changed your phrase, mixed with shares of another seal, or for another identity. Use shares from your latest recovery kit.`
		);
	}
}
