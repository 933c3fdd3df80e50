// Anchor (identity) numbers as users type them and as II's Candid takes them (nat64).
import { IiError } from './errors';

const U64_MAX = (1n << 64n) - 1n;

/** Throws IiError('InvalidRequest') unless `anchor` fits II's nat64 identity number. */
export function checkAnchorNumber(anchor: bigint): bigint {
	if (anchor < 0n || anchor > U64_MAX) {
		throw new IiError('InvalidRequest', `anchor number out of range: ${anchor}`, notANumber);
	}
	return anchor;
}

const notANumber = 'An Internet Identity number is a whole number, like 10042.';

/**
 * Reads an anchor number as typed: digits only, surrounding spaces ignored. The legacy II shows
 * the phrase as "<anchor> <24 words>", so people may paste the number with the words: callers
 * split those first.
 */
export function parseAnchorNumber(text: string): bigint {
	const trimmed = text.trim();
	if (!/^\d{1,20}$/.test(trimmed)) {
		throw new IiError(
			'InvalidRequest',
			`not an anchor number: ${JSON.stringify(text)}`,
			notANumber
		);
	}
	return checkAnchorNumber(BigInt(trimmed));
}
