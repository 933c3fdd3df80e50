// Builds the probe canister once per test run, unless its wasm is newer than its sources.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PROBE_BUILD_DIRECTORY, PROBE_ROOT, PROBE_WASM } from './probe-wasm';

const REPOSITORY_ROOT = join(PROBE_ROOT, '..', '..');

function newestSource(directory: string): number {
	return Math.max(
		...readdirSync(directory, { withFileTypes: true }).map((entry) => {
			const path = join(directory, entry.name);
			if (entry.name === '.azle') return 0;
			return entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs;
		})
	);
}

/**
 * Builds the probe canister's wasm (PROBE_WASM) unless it is newer than its sources.
 *
 * @example
 * buildProbe(); // before reading probeWasm() outside vitest's global setup
 */
export function buildProbe(): void {
	if (existsSync(PROBE_WASM) && statSync(PROBE_WASM).mtimeMs > newestSource(PROBE_ROOT)) return;
	const result = spawnSync('npx', ['tsx', 'scripts/build-canisters.ts', '--root', PROBE_ROOT], {
		stdio: 'inherit',
		cwd: REPOSITORY_ROOT
	});
	if (result.status !== 0) throw new Error('building the probe canister failed');
	// azle writes next to dfx.json; move the output where lint and git ignore it
	rmSync(PROBE_BUILD_DIRECTORY, { recursive: true, force: true });
	mkdirSync(join(PROBE_BUILD_DIRECTORY, '..'), { recursive: true });
	renameSync(join(PROBE_ROOT, '.azle', 'probe'), PROBE_BUILD_DIRECTORY);
	rmSync(join(PROBE_ROOT, '.azle'), { recursive: true, force: true });
}

export default buildProbe;
