import type { ProgressStep } from './ProgressSteps.svelte';

/** Steps for ProgressSteps from a service's progress: steps before `done` are done, `done` runs. */
export function progressSteps(
	labels: readonly string[],
	done: number,
	failure?: string
): ProgressStep[] {
	return labels.map((label, i) => {
		if (i < done) return { label, status: 'done' };
		if (i > done) return { label, status: 'pending' };
		return failure === undefined
			? { label, status: 'running' }
			: { label, status: 'failed', detail: failure };
	});
}
