// Builds the vault, the local Internet Identity and the upgrade canister wasm once per test run, unless each wasm
// is newer than every source it is built from.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SOURCES = ['canister', 'contract'];

function newest(path: string): number {
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	return Math.max(0, ...readdirSync(path).map((entry) => newest(join(path, entry))));
}

export function wasmPath(name: string): string {
	return join('.azle', name, `${name}.wasm`);
}

export default function setup(): void {
	const sources = Math.max(...SOURCES.map(newest));
	for (const name of ['vault', 'internet_identity', 'upgrade']) {
		const wasm = wasmPath(name);
		if (existsSync(wasm) && statSync(wasm).mtimeMs > sources) continue;
		const result = spawnSync('npx', ['tsx', 'scripts/build-canisters.ts', name], {
			stdio: 'inherit'
		});
		if (result.status !== 0) throw new Error(`building ${name} failed`);
	}
}
