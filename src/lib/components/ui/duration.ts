// Human-readable durations for countdowns and delay choices.

const UNITS = [
	{ name: 'day', ms: 86_400_000 },
	{ name: 'hour', ms: 3_600_000 },
	{ name: 'minute', ms: 60_000 },
	{ name: 'second', ms: 1_000 }
] as const;

/**
 * The two largest non-zero units, e.g. "2 days 3 hours", "5 minutes 10 seconds", "0 seconds".
 * Rounds down: the next unit is dropped, never rounded up.
 */
export function formatDuration(ms: number): string {
	const parts: string[] = [];
	let rest = Math.max(0, Math.floor(ms));
	for (const unit of UNITS) {
		const count = Math.floor(rest / unit.ms);
		rest -= count * unit.ms;
		if (count > 0 || parts.length > 0) parts.push(`${count} ${unit.name}${count === 1 ? '' : 's'}`);
		if (parts.length === 2) break;
	}
	const shown = parts.filter((part) => !part.startsWith('0 '));
	return shown.length > 0 ? shown.join(' ') : '0 seconds';
}

/** Hours as people say them: 72 -> "3 days", 36 -> "1 day 12 hours". */
export function formatHours(hours: number): string {
	return formatDuration(hours * 3_600_000);
}

const NS_PER_MS = 1_000_000n;

/** A canister's duration in nanoseconds (a vault's waiting period), as people say it. */
export function formatNanoseconds(ns: bigint): string {
	return formatDuration(Number(ns / NS_PER_MS));
}
