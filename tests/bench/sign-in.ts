#!/usr/bin/env -S npx tsx
// Time from clicking "Sign in with Internet Identity" to a usable session, in the browser, as
// people sign in on devnet: auth-client opens the local II window, the person signs in with
// their passkey (Chromium's virtual authenticator, answering at once), the window has the local
// II sign a delegation (prepare_delegation, get_delegation), and the app shows the signed-in
// page (its "Sign out" button). Median of 10, each in a fresh browser context.
// Uses the browser tests' world named by the environment (see scripts/e2e-env.ts), or starts one.
// Run: npx tsx tests/bench/sign-in.ts
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium';
import { worldFromEnv } from '../../scripts/e2e-world';
import { identityOf } from '../browser/support/identities';
import { II_SIGN_IN_BUTTON, openIiWindow, virtualAuthenticator } from '../browser/support/session';

const RUNS = 10;

// imported only when needed: it loads the canister build tools
const started = worldFromEnv()
	? undefined
	: await (await import('../../scripts/e2e-env')).startE2eEnvironment();
const world = worldFromEnv() ?? (started as NonNullable<typeof started>);
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const times: number[] = [];
try {
	for (let run = 0; run < RUNS; run++) {
		const name = `bench-sign-in-${run}`;
		const { anchor, passkey } = await identityOf(world, name); // made before the clock starts
		const context = await browser.newContext({ baseURL: world.appUrl });
		const page = await context.newPage();
		await page.goto('/signin?next=/guardian');
		const button = page.getByRole('button', { name: II_SIGN_IN_BUTTON });
		await button.waitFor();
		const start = performance.now();
		const window = await openIiWindow(page);
		await virtualAuthenticator(window, [passkey]);
		await window.getByLabel('Identity number').fill(anchor.toString());
		await window.getByRole('button', { name: 'Sign in with a passkey' }).click();
		await page.getByRole('button', { name: 'Sign out' }).waitFor({ timeout: 120_000 });
		times.push(performance.now() - start);
		await context.close();
	}
} finally {
	await browser.close();
	await started?.close();
}
const sorted = [...times].sort((a, b) => a - b);
const median = ((sorted[4] ?? 0) + (sorted[5] ?? 0)) / 2;
console.log(
	`sign-in, click to usable session (${RUNS} runs, ms): ${times.map((t) => t.toFixed(0)).join(' ')}`
);
console.log(
	`median ${median.toFixed(0)} ms, min ${sorted[0]?.toFixed(0)} ms, max ${sorted.at(-1)?.toFixed(0)} ms`
);
