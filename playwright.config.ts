import { defineConfig } from '@playwright/test';
import {
	CHROMIUM_ARGS,
	CHROMIUM_MISSING_HELP,
	CHROMIUM_PATH,
	chromiumAvailable
} from './scripts/chromium.ts';

if (!chromiumAvailable()) throw new Error(CHROMIUM_MISSING_HELP);

const PORT = 4174;

export default defineConfig({
	testDir: 'tests/browser',
	testMatch: '**/*.spec.ts',
	outputDir: 'test-results/playwright',
	workers: 1,
	fullyParallel: false,
	forbidOnly: !!process.env.CI,
	reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
	webServer: {
		// The app is built by `npm test` (or `npm run build`) before the browser tests run.
		command: `npx vite preview --host localhost --port ${PORT} --strictPort`,
		url: `http://localhost:${PORT}`,
		reuseExistingServer: false,
		timeout: 60_000
	},
	use: {
		// WebAuthn and secure-context APIs need `localhost`, not 127.0.0.1.
		baseURL: `http://localhost:${PORT}`,
		launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS }
	},
	projects: [{ name: 'debian-chromium', use: { browserName: 'chromium' } }]
});
