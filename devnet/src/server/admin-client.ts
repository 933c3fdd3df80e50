// The other side of admin.ts: reads and moves the clock of a devnet started with --admin, from
// `devnet time`, browser tests or any script.
import { ADMIN_TIME_PATH } from './admin';

export class DevnetClockClient {
	/** `url` is devnet's address, e.g. `http://127.0.0.1:4943`. */
	constructor(readonly url: string | URL) {}

	/**
	 * Devnet's time, ms since the epoch.
	 *
	 * @example
	 * const now = new Date(await new DevnetClockClient(server.url).getTime());
	 */
	getTime(): Promise<number> {
		return this.request();
	}

	/**
	 * Sets devnet's clock forward to `time` (ms since the epoch, or a Date); returns the new time.
	 *
	 * @example
	 * await clock.setTime(new Date('2030-01-01T00:00:00Z'));
	 */
	setTime(time: number | Date): Promise<number> {
		return this.request({ setMs: typeof time === 'number' ? time : time.getTime() });
	}

	/**
	 * Moves devnet's clock forward by `milliseconds`; returns the new time. Timers that become
	 * due fire before the answer.
	 *
	 * @example
	 * await clock.advanceTime(10 * 60_000); // ten minutes later
	 */
	advanceTime(milliseconds: number): Promise<number> {
		return this.request({ advanceMs: milliseconds });
	}

	private async request(command?: { setMs: number } | { advanceMs: number }): Promise<number> {
		const response = await fetch(new URL(ADMIN_TIME_PATH, this.url), {
			method: command === undefined ? 'GET' : 'POST',
			headers: { 'content-type': 'application/json' },
			body: command === undefined ? undefined : JSON.stringify(command)
		});
		if (response.status === 404) throw new Error('devnet runs without --admin: no clock control');
		const answer = (await response.json()) as { timeMs?: number; error?: string };
		if (!response.ok || answer.timeMs === undefined) {
			throw new Error(`devnet's clock: ${response.status} ${answer.error ?? ''}`.trim());
		}
		return answer.timeMs;
	}
}
