import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { cspDirectives } from './security-headers.js';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: {
		runes: true
	},
	kit: {
		// The offline recovery page (offline/) is type-checked and linted with the app.
		typescript: {
			config: (tsconfig) => ({
				...tsconfig,
				include: [...tsconfig.include, '../offline/**/*.ts', '../offline/**/*.svelte']
			})
		},
		// Static SPA: every path is rendered in the browser; unknown paths fall back to index.html.
		// TESSERA_BUILD_DIR: the browser tests build their devnet app beside `build/`, not over it.
		adapter: adapter({
			pages: process.env.TESSERA_BUILD_DIR ?? 'build',
			assets: process.env.TESSERA_BUILD_DIR ?? 'build',
			fallback: 'index.html',
			strict: true
		}),
		// Strict CSP (security-headers.js): SvelteKit hashes its own inline boot script; nothing
		// else inline may run. The asset canister sends the same policy as a header.
		csp: { mode: 'hash', directives: cspDirectives({ icHost: process.env.VITE_IC_HOST }) }
	}
};

export default config;
