// Rules of the "Protect my anchor" wizard, kept pure so the steps stay presentational.
import {
	labelProblem,
	LIMITS,
	normalizeLabel,
	MAX_GUARDIANS,
	MIN_THRESHOLD,
	NS_PER_HOUR
} from '@tessera/contract';
import { err, ok, type Result } from '$lib/crypto/result';

export { MAX_GUARDIANS, MIN_THRESHOLD };
export const MIN_DELAY_HOURS = Number(LIMITS.minDelayNs / NS_PER_HOUR);
export const MAX_DELAY_HOURS = Number(LIMITS.maxDelayNs / NS_PER_HOUR);
export const DEFAULT_DELAY_HOURS = Number(LIMITS.defaultDelayNs / NS_PER_HOUR);
export const DELAY_PRESETS_HOURS = [24, 72, 168, 336] as const;

const MAX_ANCHOR = 2n ** 64n - 1n;

export type AnchorProblem = 'empty' | 'not-a-number' | 'out-of-range';

/** An II anchor (identity) number as typed: digits only, spaces ignored. */
export function parseAnchor(input: string): Result<bigint, AnchorProblem> {
	const digits = input.replace(/\s+/gu, '');
	if (digits === '') return err('empty');
	if (!/^\d+$/u.test(digits)) return err('not-a-number');
	const anchor = BigInt(digits);
	return anchor === 0n || anchor > MAX_ANCHOR ? err('out-of-range') : ok(anchor);
}

export const ANCHOR_MESSAGES: Record<AnchorProblem, string> = {
	empty: 'Enter your Internet Identity number.',
	'not-a-number': 'Your Internet Identity number has digits only, e.g. 10042.',
	'out-of-range': 'That is not an Internet Identity number: check it on the II page.'
};

export type LabelProblem = 'empty' | 'too-long' | 'unsupported-character' | 'duplicate' | 'full';

/**
 * A short name the owner gives a guardian ("Alice", "my sister"); names must differ. Checked
 * with the canister's own rule (the contract's labelProblem: UTF-8 bytes, no control characters).
 */
export function checkGuardianLabel(
	label: string,
	existing: readonly string[]
): Result<string, LabelProblem> {
	const trimmed = normalizeLabel(label.trim().replace(/\s+/gu, ' '));
	if (existing.length >= MAX_GUARDIANS) return err('full');
	if (trimmed === '') return err('empty');
	const problem = labelProblem(trimmed);
	if (problem === 'too-long') return err('too-long');
	if (problem) return err('unsupported-character');
	const key = trimmed.toLocaleLowerCase();
	if (existing.some((other) => other.toLocaleLowerCase() === key)) return err('duplicate');
	return ok(trimmed);
}

export const LABEL_MESSAGES: Record<LabelProblem, string> = {
	empty: 'Give the guardian a name you will recognise.',
	'too-long': `Keep the name shorter: at most ${LIMITS.maxLabelBytes} letters, fewer with accents or emoji.`,
	'unsupported-character': 'Use letters, digits, spaces and punctuation only.',
	duplicate: 'You already have a guardian with that name: use a different one.',
	full: `You can have at most ${MAX_GUARDIANS} guardians.`
};

/** A majority: enough that no minority can release, few enough that some may be unreachable. */
export function recommendedThreshold(guardians: number): number {
	return Math.max(MIN_THRESHOLD, Math.floor(guardians / 2) + 1);
}

export type DelayProblem = 'not-whole' | 'too-short' | 'too-long';

export function checkDelayHours(hours: number): Result<number, DelayProblem> {
	if (!Number.isInteger(hours)) return err('not-whole');
	if (hours < MIN_DELAY_HOURS) return err('too-short');
	if (hours > MAX_DELAY_HOURS) return err('too-long');
	return ok(hours);
}

export const DELAY_MESSAGES: Record<DelayProblem, string> = {
	'not-whole': 'Enter a whole number of hours.',
	'too-short': `The waiting period is at least ${MIN_DELAY_HOURS} hours, so you can stop a recovery you did not start.`,
	'too-long': `The waiting period is at most ${MAX_DELAY_HOURS / 24} days.`
};
