// A guardian's name (a slot label) as the vault canister accepts it. The form and the canister
// run this one check, so a name the form accepts is one the canister stores.
import { utf8 } from './bytes';
import { LIMITS } from './limits';

export type LabelProblem = 'empty' | 'too-long' | 'control-character' | 'untrimmed';

/** C0 and C1 controls and the line / paragraph separators: invisible, or they break a line. */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

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
	if (label !== label.trim()) return 'untrimmed';
	return undefined;
}
