import { defineConfig } from '@playwright/test';
import {
	CHROMIUM_ARGS,
	CHROMIUM_MISSING_HELP,
	CHROMIUM_PATH,
	chromiumAvailable
} from './scripts/chromium.ts';
import { WORLD_ENV } from './scripts/e2e-world.ts';

if (!chromiumAvailable()) throw new Error(CHROMIUM_MISSING_HELP);

export default defineConfig({
	testDir: 'tests/browser',
	testMatch: '**/*.spec.ts',
	outputDir: 'test-results/playwright',
	// One worker: the flows share one devnet and one clock, and the machine has two cores.
	workers: 1,
	fullyParallel: false,
	forbidOnly: !!process.env.CI,
	// devnet, the canisters and the app built for them (tests/browser/global-setup.ts)
	globalSetup: './tests/browser/global-setup.ts',
	// Generous: vetKD and share crypto run in the browser on a loaded machine.
	timeout: 5 * 60_000,
	expect: { timeout: 30_000 },
	reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
	use: {
		// Set by the global setup before the workers start (they read this config again).
		// `localhost`, not 127.0.0.1: WebAuthn and secure-context APIs need it.
		baseURL: process.env[WORLD_ENV.appUrl],
		actionTimeout: 30_000,
		navigationTimeout: 60_000,
		trace: 'retain-on-failure',
		screenshot: 'only-on-failure',
		launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS }
	},
	projects: [{ name: 'debian-chromium', use: { browserName: 'chromium' } }]
});
