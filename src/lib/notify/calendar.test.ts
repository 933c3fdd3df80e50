import { describe, expect, it } from 'vitest';
import { checkInCalendar, escapeText, foldLine } from './calendar';

const REMINDER = {
	id: 'guardian-check-in-7',
	title: 'Tessera: check in as a guardian',
	description: 'Open Tessera, sign in and press "Check in", so the owner knows you still can help.',
	url: 'https://tessera.example/guardian',
	first: new Date(Date.UTC(2027, 2, 7, 15, 30)),
	everyMonths: 3,
	now: new Date(Date.UTC(2026, 11, 7, 18, 5, 9))
};

describe('check-in calendar file', () => {
	it('is one repeating all-day event with an alarm, CRLF lines, dates in UTC', () => {
		const ics = checkInCalendar(REMINDER);
		expect(ics.endsWith('\r\n')).toBe(true);
		const lines = ics.replace(/\r\n /gu, '').split('\r\n');
		expect(lines[0]).toBe('BEGIN:VCALENDAR');
		expect(lines).toContain('VERSION:2.0');
		expect(lines).toContain('UID:guardian-check-in-7@tessera');
		expect(lines).toContain('DTSTAMP:20261207T180509Z');
		expect(lines).toContain('DTSTART;VALUE=DATE:20270307');
		expect(lines).toContain('DTEND;VALUE=DATE:20270308');
		expect(lines).toContain('RRULE:FREQ=MONTHLY;INTERVAL=3');
		expect(lines).toContain('SUMMARY:Tessera: check in as a guardian');
		expect(lines).toContain(
			'DESCRIPTION:Open Tessera\\, sign in and press "Check in"\\, so the owner knows you still can help.\\nhttps://tessera.example/guardian'
		);
		expect(lines.filter((line) => line.startsWith('BEGIN:'))).toEqual([
			'BEGIN:VCALENDAR',
			'BEGIN:VEVENT',
			'BEGIN:VALARM'
		]);
		expect(lines.at(-2)).toBe('END:VCALENDAR');
		// no raw line longer than 75 octets
		for (const raw of ics.split('\r\n')) {
			expect(new TextEncoder().encode(raw).length).toBeLessThanOrEqual(75);
		}
	});

	it('escapes text values', () => {
		expect(escapeText('a\\b;c,d\ne')).toBe('a\\\\b\\;c\\,d\\ne');
	});

	it('folds long lines without splitting a character', () => {
		const line = `SUMMARY:${'é'.repeat(60)}`;
		const folded = foldLine(line);
		const parts = folded.split('\r\n');
		expect(parts.length).toBeGreaterThan(1);
		expect(parts.slice(1).every((part) => part.startsWith(' '))).toBe(true);
		for (const part of parts) expect(new TextEncoder().encode(part).length).toBeLessThanOrEqual(75);
		expect(parts.map((part, i) => (i === 0 ? part : part.slice(1))).join('')).toBe(line);
		expect(foldLine('short')).toBe('short');
	});

	it('refuses a repeat that is not whole months', () => {
		expect(() => checkInCalendar({ ...REMINDER, everyMonths: 0 })).toThrow(RangeError);
		expect(() => checkInCalendar({ ...REMINDER, everyMonths: 1.5 })).toThrow(RangeError);
	});
});
