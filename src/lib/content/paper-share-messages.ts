// Why paper shares cannot be used, in words for people: shared by the app and the offline page,
// so this module must stay free of network code.
import type { PaperShareError } from '../crypto/paper-recovery';
import type { CombineError } from '../crypto/shares';

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
