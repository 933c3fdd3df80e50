// `npm run test:conformance`: Azle 0.33.0's own example end-to-end tests against devnet
// (tests/conformance/harness.ts). Apart from the default vitest projects: it builds some 25
// canisters on its first run.
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vitest/config';

const shims = resolve(import.meta.dirname, 'azle-shims');
const DECLARATIONS = '\0azle-dfx-generated';

/** The examples import their dfx-generated declarations for types only: nothing to load. */
function dfxGeneratedTypes(): Plugin {
	return {
		name: 'azle-dfx-generated-types',
		enforce: 'pre',
		resolveId: (source) => (source.includes('/dfx_generated/') ? DECLARATIONS : undefined),
		load: (id) => (id === DECLARATIONS ? 'export {};' : undefined)
	};
}

export default defineConfig({
	root: resolve(import.meta.dirname, '..', '..'),
	plugins: [dfxGeneratedTypes()],
	resolve: {
		alias: {
			'azle/_internal/test': resolve(shims, 'test.ts'),
			'azle/_internal/dfx': resolve(shims, 'dfx.ts')
		}
	},
	test: {
		name: 'conformance',
		environment: 'node',
		include: ['tests/conformance/**/*.test.ts'],
		testTimeout: 120_000,
		hookTimeout: 120_000
	}
});
