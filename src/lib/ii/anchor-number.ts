// Anchor (identity) numbers as II's Candid takes them (nat64). Typed input is parsed by the
// app's forms (components/wizard/protect.ts parseAnchor).
import { IiError } from './errors';

const U64_MAX = (1n << 64n) - 1n;

/** Throws IiError('InvalidRequest') unless `anchor` fits II's nat64 identity number. */
export function checkAnchorNumber(anchor: bigint): bigint {
	if (anchor < 0n || anchor > U64_MAX) {
		throw new IiError(
			'InvalidRequest',
			`anchor number out of range: ${anchor}`,
			'An Internet Identity number is a whole number, like 10042.'
		);
	}
	return anchor;
}
