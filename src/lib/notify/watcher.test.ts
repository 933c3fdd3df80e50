import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Attention } from './attention';
import { watchNotices } from './watcher';

const notice = (key: string): Attention => ({ key, title: key, body: '', path: '/owner' });

describe('notice watcher', () => {
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => vi.useRealTimers());

	it('shows what is new at each poll, nothing while not allowed, and stops', async () => {
		const rounds: Attention[][] = [[notice('a')], [notice('a'), notice('b')], [notice('b')]];
		let allowed = false;
		const attention = vi.fn(async () => rounds.shift() ?? []);
		const show = vi.fn(async (_notice: Attention) => {});
		const stop = watchNotices({ attention, show, allowed: () => allowed }, 1_000);
		await vi.advanceTimersByTimeAsync(0);
		expect(attention).not.toHaveBeenCalled(); // not allowed: not even asked
		allowed = true;
		await vi.advanceTimersByTimeAsync(1_000);
		expect(show.mock.calls.map(([n]) => n.key)).toEqual(['a']);
		await vi.advanceTimersByTimeAsync(1_000);
		expect(show.mock.calls.map(([n]) => n.key)).toEqual(['a', 'b']);
		await vi.advanceTimersByTimeAsync(1_000);
		expect(show).toHaveBeenCalledTimes(2);
		stop();
		await vi.advanceTimersByTimeAsync(5_000);
		expect(attention).toHaveBeenCalledTimes(3); // none after the stop
	});

	it('keeps polling after a failed poll and does not repeat what was shown', async () => {
		const attention = vi
			.fn<() => Promise<Attention[]>>()
			.mockResolvedValueOnce([notice('a')])
			.mockRejectedValueOnce(new Error('offline'))
			.mockResolvedValue([notice('a')]);
		const show = vi.fn(async (_notice: Attention) => {});
		const stop = watchNotices({ attention, show, allowed: () => true }, 1_000);
		await vi.advanceTimersByTimeAsync(2_500);
		expect(attention).toHaveBeenCalledTimes(3);
		expect(show).toHaveBeenCalledTimes(1);
		stop();
	});
});
