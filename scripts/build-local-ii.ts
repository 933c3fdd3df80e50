#!/usr/bin/env -S npx tsx
// Builds the local Internet Identity window (local-ii/, devnet only) for one devnet: its URL and
// the local II canister's id are baked in (VITE_IC_HOST, VITE_CANISTER_ID_INTERNET_IDENTITY, as
// the app gets them). Never part of the app's build output: it goes to its own directory, served
// on its own origin by `npm start` and the browser tests' world.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'vite';

export async function buildLocalIi(outDir: string, env: Record<string, string>): Promise<void> {
	for (const name of ['VITE_IC_HOST', 'VITE_CANISTER_ID_INTERNET_IDENTITY']) {
		if (!env[name]) throw new Error(`building the local II window needs ${name}`);
	}
	// the project's tsconfig.json extends SvelteKit's generated one, which a fresh clone has not
	// made yet (the app's build makes it later): vite's TypeScript transform needs it now
	if (!existsSync('.svelte-kit/tsconfig.json')) {
		execFileSync('node_modules/.bin/svelte-kit', ['sync'], { stdio: 'inherit' });
	}
	await build({
		configFile: false,
		root: resolve('local-ii'),
		logLevel: 'warn',
		define: {
			__LOCAL_II_CONFIG__: JSON.stringify({
				host: env.VITE_IC_HOST,
				canisterId: env.VITE_CANISTER_ID_INTERNET_IDENTITY
			})
		},
		build: { outDir: resolve(outDir), emptyOutDir: true, target: 'es2022' }
	});
}
