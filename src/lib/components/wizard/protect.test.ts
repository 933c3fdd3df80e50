import { describe, expect, it } from 'vitest';
import {
	MAX_GUARDIANS,
	checkDelayHours,
	checkGuardianLabel,
	parseAnchor,
	recommendedThreshold
} from './protect';

describe('parseAnchor', () => {
	it('accepts digits, ignoring spaces', () => {
		expect(parseAnchor(' 10 042 ')).toEqual({ ok: true, value: 10042n });
		expect(parseAnchor('18446744073709551615')).toEqual({ ok: true, value: 2n ** 64n - 1n });
	});

	it('names each problem', () => {
		expect(parseAnchor('  ')).toEqual({ ok: false, error: 'empty' });
		expect(parseAnchor('10042a')).toEqual({ ok: false, error: 'not-a-number' });
		expect(parseAnchor('-5')).toEqual({ ok: false, error: 'not-a-number' });
		expect(parseAnchor('0')).toEqual({ ok: false, error: 'out-of-range' });
		expect(parseAnchor('18446744073709551616')).toEqual({ ok: false, error: 'out-of-range' });
	});
});

describe('checkGuardianLabel', () => {
	it('trims and accepts a new short name', () => {
		expect(checkGuardianLabel('  my   sister ', ['Alice'])).toEqual({
			ok: true,
			value: 'my sister'
		});
	});

	it('refuses empty, long, duplicate (any case) names and an eleventh guardian', () => {
		expect(checkGuardianLabel(' ', [])).toEqual({ ok: false, error: 'empty' });
		expect(checkGuardianLabel('x'.repeat(33), [])).toEqual({ ok: false, error: 'too-long' });
		expect(checkGuardianLabel('ALICE', ['Alice'])).toEqual({ ok: false, error: 'duplicate' });
		const ten = Array.from({ length: MAX_GUARDIANS }, (_, i) => `g${i}`);
		expect(checkGuardianLabel('Bob', ten)).toEqual({ ok: false, error: 'full' });
	});

	it('stores NFC and refuses bidi controls and zero-width characters, as the canister does', () => {
		expect(checkGuardianLabel('Chloe\u0301', [])).toEqual({ ok: true, value: 'Chlo\u00e9' });
		expect(checkGuardianLabel('Chloe\u0301', ['Chlo\u00e9'])).toEqual({
			ok: false,
			error: 'duplicate'
		});
		for (const label of ['Alice\u202eeciffo', 'Al\u200bice', 'Al\u200dice', '\u2066Bob']) {
			expect(checkGuardianLabel(label, []), label).toEqual({
				ok: false,
				error: 'unsupported-character'
			});
		}
	});
});

describe('recommendedThreshold', () => {
	it('is a majority, at least 2', () => {
		expect([2, 3, 4, 5, 6, 10].map(recommendedThreshold)).toEqual([2, 2, 3, 3, 4, 6]);
	});
});

describe('checkDelayHours', () => {
	it('allows 24 hours to 30 days in whole hours', () => {
		expect(checkDelayHours(24)).toEqual({ ok: true, value: 24 });
		expect(checkDelayHours(720)).toEqual({ ok: true, value: 720 });
		expect(checkDelayHours(23)).toEqual({ ok: false, error: 'too-short' });
		expect(checkDelayHours(721)).toEqual({ ok: false, error: 'too-long' });
		expect(checkDelayHours(24.5)).toEqual({ ok: false, error: 'not-whole' });
		expect(checkDelayHours(Number.NaN)).toEqual({ ok: false, error: 'not-whole' });
	});
});
