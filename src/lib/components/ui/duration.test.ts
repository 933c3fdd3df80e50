import { describe, expect, it } from 'vitest';
import { formatDuration, formatHours, formatNanoseconds } from './duration';

describe('formatDuration', () => {
	it('shows the two largest units, rounding down', () => {
		expect(formatDuration(2 * 86_400_000 + 3 * 3_600_000 + 59 * 60_000)).toBe('2 days 3 hours');
		expect(formatDuration(5 * 60_000 + 10_999)).toBe('5 minutes 10 seconds');
		expect(formatDuration(3_600_000)).toBe('1 hour');
		expect(formatDuration(1_000)).toBe('1 second');
	});

	it('drops a zero second unit and never goes below zero', () => {
		expect(formatDuration(86_400_000 + 60_000)).toBe('1 day');
		expect(formatDuration(999)).toBe('0 seconds');
		expect(formatDuration(-5_000)).toBe('0 seconds');
	});

	it('formats hours as days and hours', () => {
		expect(formatHours(72)).toBe('3 days');
		expect(formatHours(36)).toBe('1 day 12 hours');
		expect(formatHours(24)).toBe('1 day');
	});
});

describe('formatNanoseconds', () => {
	it('says a vault waiting period as the wizard offered it', () => {
		expect(formatNanoseconds(72n * 3_600_000_000_000n)).toBe(formatHours(72));
		expect(formatNanoseconds(72n * 3_600_000_000_000n)).toBe('3 days');
		expect(formatNanoseconds(30n * 3_600_000_000_000n)).toBe('1 day 6 hours');
	});
});
