import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { poll } from './poll';

describe('poll (live status)', () => {
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => vi.useRealTimers());

	test('checks at once, then every interval, and never after stop', async () => {
		const check = vi.fn(async () => {});
		const stop = poll(check, 3_000, () => {});
		await vi.advanceTimersByTimeAsync(0);
		expect(check).toHaveBeenCalledTimes(1);
		await vi.advanceTimersByTimeAsync(6_000);
		expect(check).toHaveBeenCalledTimes(3);
		stop();
		await vi.advanceTimersByTimeAsync(30_000);
		expect(check).toHaveBeenCalledTimes(3);
	});

	test('a failing check is reported and polling goes on', async () => {
		const errors: unknown[] = [];
		const check = vi
			.fn<() => Promise<void>>()
			.mockRejectedValueOnce(new Error('offline'))
			.mockResolvedValue(undefined);
		const stop = poll(check, 1_000, (error) => errors.push(error));
		await vi.advanceTimersByTimeAsync(2_500);
		expect(errors).toEqual([new Error('offline')]);
		expect(check).toHaveBeenCalledTimes(3);
		stop();
	});

	test('an error arriving after stop is not reported', async () => {
		let fail: (error: Error) => void = () => {};
		const onerror = vi.fn();
		const stop = poll(() => new Promise<void>((_, reject) => (fail = reject)), 1_000, onerror);
		stop();
		fail(new Error('late'));
		await vi.advanceTimersByTimeAsync(5_000);
		expect(onerror).not.toHaveBeenCalled();
	});
});
