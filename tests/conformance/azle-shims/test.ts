// What Azle 0.33's example tests import from 'azle/_internal/test', on vitest instead of jest:
// `it` and `expect` as they are, `please` (a step that must pass) as `it`, `wait` as a test that
// waits. Azle's own runTests (jest, benchmarks, fuzzing) is replaced by the harness.
import { expect, it } from 'vitest';

export { expect, it };

export type Test = () => void;

export const please = it;

export function wait(name: string, delay: number): void {
	it(`waits ${name}`, () => new Promise((resolve) => setTimeout(resolve, delay)), delay + 10_000);
}
