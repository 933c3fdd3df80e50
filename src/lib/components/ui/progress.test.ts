import { describe, expect, it } from 'vitest';
import { progressSteps } from './progress';

describe('progressSteps', () => {
	it('marks the steps before `done` done, `done` running, the rest pending', () => {
		expect(progressSteps(['a', 'b', 'c'], 1).map(({ status }) => status)).toEqual([
			'done',
			'running',
			'pending'
		]);
		expect(progressSteps(['a', 'b'], 2).every(({ status }) => status === 'done')).toBe(true);
	});

	it('marks the running step failed, with the reason', () => {
		expect(progressSteps(['a', 'b'], 1, 'No answer.')).toEqual([
			{ label: 'a', status: 'done' },
			{ label: 'b', status: 'failed', detail: 'No answer.' }
		]);
	});
});
