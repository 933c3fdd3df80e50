// "Remind me": a calendar file (iCalendar, RFC 5545) with a repeating check-in reminder, so the
// owner's and guardians' own calendars remind them even when no Tessera tab is open. Pure: the
// caller gives the time and the id, the view offers the text as a download.

export interface CheckInReminder {
	/** Stable per reminder (e.g. "guardian-check-in-7"), so importing it again updates it. */
	id: string;
	title: string;
	description: string;
	/** Opens Tessera where the check-in happens. */
	url: string;
	/** The first reminder (its date, in UTC). */
	first: Date;
	/** Repeats every this many months. */
	everyMonths: number;
	/** When the file is made (DTSTAMP). */
	now: Date;
}

const CRLF = '\r\n';
const MAX_LINE_OCTETS = 75;

/** TEXT values: backslash, semicolon, comma and newlines are escaped (RFC 5545 3.3.11). */
export function escapeText(text: string): string {
	return text
		.replace(/\\/gu, '\\\\')
		.replace(/;/gu, '\\;')
		.replace(/,/gu, '\\,')
		.replace(/\r\n|\r|\n/gu, '\\n');
}

/** Lines longer than 75 octets continue on the next line after CRLF and a space (3.1). */
export function foldLine(line: string): string {
	const encoder = new TextEncoder();
	const parts: string[] = [];
	let current = '';
	let octets = 0;
	for (const char of line) {
		const size = encoder.encode(char).length;
		// continuation lines start with a space, which counts
		const limit = parts.length === 0 ? MAX_LINE_OCTETS : MAX_LINE_OCTETS - 1;
		if (octets + size > limit) {
			parts.push(current);
			current = '';
			octets = 0;
		}
		current += char;
		octets += size;
	}
	parts.push(current);
	return parts.join(`${CRLF} `);
}

const pad = (value: number) => value.toString().padStart(2, '0');
const utcDate = (date: Date) =>
	`${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}`;
const utcDateTime = (date: Date) =>
	`${utcDate(date)}T${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}Z`;

/** The .ics text: one all-day event repeating every `everyMonths` months, with an alarm. */
export function checkInCalendar(reminder: CheckInReminder): string {
	if (!Number.isInteger(reminder.everyMonths) || reminder.everyMonths < 1) {
		throw new RangeError('everyMonths must be a whole number of months, at least 1');
	}
	const dayAfter = new Date(reminder.first.getTime() + 24 * 3_600_000);
	const lines = [
		'BEGIN:VCALENDAR',
		'VERSION:2.0',
		'PRODID:-//Tessera//Check-in reminder//EN',
		'CALSCALE:GREGORIAN',
		'METHOD:PUBLISH',
		'BEGIN:VEVENT',
		`UID:${reminder.id}@tessera`,
		`DTSTAMP:${utcDateTime(reminder.now)}`,
		`DTSTART;VALUE=DATE:${utcDate(reminder.first)}`,
		`DTEND;VALUE=DATE:${utcDate(dayAfter)}`,
		`RRULE:FREQ=MONTHLY;INTERVAL=${reminder.everyMonths}`,
		`SUMMARY:${escapeText(reminder.title)}`,
		`DESCRIPTION:${escapeText(`${reminder.description}\n${reminder.url}`)}`,
		`URL:${reminder.url}`,
		'TRANSP:TRANSPARENT',
		'BEGIN:VALARM',
		'ACTION:DISPLAY',
		`DESCRIPTION:${escapeText(reminder.title)}`,
		'TRIGGER:PT9H',
		'END:VALARM',
		'END:VEVENT',
		'END:VCALENDAR'
	];
	return lines.map(foldLine).join(CRLF) + CRLF;
}

/** Months between check-ins the reminders suggest (well inside the dashboard's "stale" mark). */
export const CHECK_IN_EVERY_MONTHS = 3;
