// The README's first step, as a new user takes it: a clean clone, `npm start`, open the printed
// address. The served app must reach its canister, not merely load: a signed-in visit to
// "Vaults I guard" asks the canister for the visitor's vaults and shows its answer.
// This test does not use the shared e2e world: `npm start` brings its own devnet and app.
import { expect, test } from '@playwright/test';
import { cleanClone, freePort, npmStart } from './support/clean-clone';
import { checkScreen } from './support/screens';
import { signIn } from './support/session';

/** The canister and app builds on a loaded two-core machine. */
const START_TIMEOUT_MS = 8 * 60_000;

test('the first `npm start` on a clean clone serves an app that reaches its canister', async ({
	browser
}) => {
	test.setTimeout(START_TIMEOUT_MS + 2 * 60_000);
	const clone = cleanClone();
	try {
		const ports = {
			PORT: String(await freePort()),
			II_PORT: String(await freePort()),
			DEVNET_PORT: String(await freePort())
		};
		const start = await npmStart(clone.directory, ports, START_TIMEOUT_MS);
		try {
			const seconds = (start.readyAfterMs / 1000).toFixed(1);
			console.log(`first npm start on a clean clone: ready in ${seconds} s`);
			test.info().annotations.push({ type: 'npm start to ready', description: `${seconds} s` });
			expect(start.appUrl).toBe(`http://localhost:${ports.PORT}`);

			const context = await browser.newContext({ baseURL: start.appUrl });
			const page = await context.newPage();
			const errors: string[] = [];
			page.on('pageerror', (error) => errors.push(String(error)));
			await signIn(page, start.world, 'first-start-visitor', '/guardian');
			await expect(page.getByText('You don’t guard any identity yet.')).toBeVisible();
			await expect(page.getByText('Could not load your vaults')).toHaveCount(0);
			await checkScreen(page, 'first-start-guardian', { phone: true });
			expect(errors).toEqual([]);
			await context.close();
		} finally {
			await start.stop();
		}
	} finally {
		clone.remove();
	}
});
