import { sveltekit } from '@sveltejs/kit/vite';
import tailwindcss from '@tailwindcss/vite';
import { svelteTesting } from '@testing-library/svelte/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [tailwindcss(), sveltekit()],
	server: { host: 'localhost', port: 5173, strictPort: true },
	// Rolldown's plugin timing report is advice for plugin authors, printed on every build.
	build: { rolldownOptions: { checks: { bundlerTimings: false } } },
	test: {
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					environment: 'node',
					include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts'],
					exclude: ['src/**/*.svelte.test.ts', 'node_modules/**']
				}
			},
			{
				extends: true,
				plugins: [svelteTesting()],
				test: {
					name: 'component',
					environment: 'jsdom',
					include: ['src/**/*.svelte.test.ts'],
					setupFiles: ['./tests/component-setup.ts']
				}
			},
			{
				extends: true,
				test: {
					name: 'devnet',
					environment: 'node',
					include: ['devnet/**/*.test.ts'],
					globalSetup: ['devnet/test/global-setup.ts'],
					testTimeout: 60_000,
					hookTimeout: 120_000
				}
			},
			{
				extends: true,
				test: {
					name: 'agent',
					environment: 'node',
					include: ['tests/agent/**/*.test.ts'],
					globalSetup: ['devnet/test/global-setup.ts'],
					testTimeout: 60_000,
					hookTimeout: 120_000
				}
			},
			{
				extends: true,
				test: {
					name: 'canister',
					environment: 'node',
					include: ['tests/canister/**/*.test.ts'],
					globalSetup: ['tests/canister/global-setup.ts'],
					testTimeout: 120_000,
					hookTimeout: 180_000
				}
			},
			{
				extends: true,
				test: {
					// The attacks of docs/threat-model.md, each acted out through @dfinity/agent
					// against devnet and the canister wasm: the attacker fails, the owner recovers.
					name: 'adversary',
					environment: 'node',
					include: ['tests/adversary/**/*.test.ts'],
					globalSetup: ['tests/canister/global-setup.ts'],
					testTimeout: 120_000,
					hookTimeout: 180_000
				}
			}
		]
	}
});
