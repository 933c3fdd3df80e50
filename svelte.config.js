import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

// A devnet on another port than 4943 (npm start's DEVNET_PORT, the browser tests' free port).
const devnetOrigin = process.env.VITE_IC_HOST
	? new URL(process.env.VITE_IC_HOST).origin
	: undefined;

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
		// Strict CSP: SvelteKit hashes its own inline boot script; nothing else inline may run.
		// connect-src: the IC API hosts (mainnet), a local devnet/replica on port 4943, VITE_IC_HOST.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				// Only two fixed style attributes may apply: app.html's `display: contents` wrapper and
				// SvelteKit's route announcer (re-hash if a SvelteKit update changes it).
				'style-src': [
					'self',
					'unsafe-hashes',
					'sha256-tcbDxjMo+xKqM21aCGYbs/QAJqB7yUXC06oPWDapBgc=',
					'sha256-S8qMpvofolR8Mpjy4kQvEm7m1q8clzU4dfDH0AmvZjo='
				],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': [
					'self',
					'https://icp-api.io',
					'https://icp0.io',
					'https://*.icp0.io',
					'https://ic0.app',
					'https://*.ic0.app',
					'http://localhost:4943',
					'http://127.0.0.1:4943',
					'http://*.localhost:4943',
					...(devnetOrigin ? [devnetOrigin] : [])
				],
				'frame-src': ['none'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		}
	}
};

export default config;
