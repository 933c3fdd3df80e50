// A guardian's name (a slot label) as the vault canister accepts it. The form and the canister
// run this one check, so a name the form accepts is one the canister stores. The form
// normalizes (normalizeLabel) before it checks; the canister refuses what is not NFC.
import { utf8 } from './bytes';
import { LIMITS } from './limits';

export type LabelProblem =
	'empty' | 'too-long' | 'control-character' | 'format-character' | 'not-normalized' | 'untrimmed';

/** C0 and C1 controls and the line / paragraph separators: invisible, or they break a line. */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
/**
 * Format characters (Unicode category Cf): bidi controls (U+202E turns "Alice‮eciffo" around),
 * zero-width space / joiners, the BOM, soft hyphen. Invisible, they make two labels that look the
 * same differ, or one that reads as another.
 */
const FORMAT_CHARACTER = /\p{Cf}/u;

/** A label as the canister stores it: NFC, so "é" typed two ways is the same name. */
export function normalizeLabel(label: string): string {
	return label.normalize('NFC');
}

/**
 * What is wrong with `label` for the canister, or undefined if nothing is. Length counts UTF-8
 * bytes (LIMITS.maxLabelBytes): "Grand-mère Éloïse et Hélène Gaël" is 32 characters but 38 bytes.
 * `byteLength` lets the canister pass its own fast UTF-8 length (same result).
 */
export function labelProblem(
	label: string,
	byteLength: (text: string) => number = (text) => utf8(text).length
): LabelProblem | undefined {
	if (label.trim().length === 0) return 'empty';
	if (byteLength(label) > LIMITS.maxLabelBytes) return 'too-long';
	if (CONTROL_CHARACTER.test(label)) return 'control-character';
	if (FORMAT_CHARACTER.test(label)) return 'format-character';
	if (label !== normalizeLabel(label)) return 'not-normalized';
	if (label !== label.trim()) return 'untrimmed';
	return undefined;
}
