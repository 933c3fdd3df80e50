// The owner's side as a person uses it: a reload in the middle of "Protect my anchor" keeps the
// names, rules and vault (the phrase must be typed again), a lost link is replaced by a new one
// (the old one then fails), "Not now" on protecting the phrase is asked again before sealing,
// the kit takes guardians' contact details, the dashboard explains what is not chosen yet and
// sends new links; and Tessera is an installable app that tells people of a request while open.
import type { BrowserContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { acceptInvitation } from './flows/guardian';
import { SLOW_STEP_MS, enterAnchorAndPhrase } from './flows/owner';
import { openRecovery } from './flows/recover';
import { setUpSealedVault } from './flows/vault';
import { checkScreen } from './support/screens';

test('a reload mid-wizard, a new link, an unprotected phrase asked again, contacts in the kit', async ({
	openAs,
	createAnchor
}) => {
	test.setTimeout(12 * 60_000);
	const anchor = await createAnchor('person-reload');
	const owner = await openAs('person-owner', { next: '/owner' });
	const page = owner.page;
	const continueButton = page.getByRole('button', { name: 'Continue', exact: true });
	const notNow = page.getByRole('button', { name: 'Not now' });

	let bobsOldLink = '';
	await test.step('the owner skips protection, names two guardians and creates the vault', async () => {
		await enterAnchorAndPhrase(page, anchor.number, anchor.words);
		await expect(page.getByText(/or replace it with their own/u)).toBeVisible({
			timeout: SLOW_STEP_MS
		});
		await notNow.click();
		for (const name of ['Alice', 'Bob']) {
			await page.getByLabel('Guardian name').fill(name);
			await page.getByRole('button', { name: 'Add guardian' }).click();
		}
		await continueButton.click();
		await page.getByLabel('2 of 2').check();
		await continueButton.click();
		const links = page.getByTestId('invite-link');
		await expect(links).toHaveCount(2, { timeout: SLOW_STEP_MS });
		const [alice, bob] = (await links.allTextContents()).map((text) => text.trim());
		bobsOldLink = bob ?? '';
		const alicePage = (await openAs('person-alice')).page;
		await acceptInvitation(alicePage, alice ?? '');
	});

	await test.step('a reload keeps the progress and asks for the phrase again', async () => {
		await page.reload();
		await expect(page.getByText('Welcome back')).toBeVisible({ timeout: SLOW_STEP_MS });
		await expect(page.getByText(/Your recovery phrase never is/u)).toBeVisible();
		await expect(page.getByLabel('Anchor number')).toHaveValue(anchor.number.toString());
		await checkScreen(page, 'wizard-welcome-back', { phone: true });
		expect(
			await page.evaluate(() => JSON.stringify({ ...sessionStorage, ...localStorage }))
		).not.toMatch(new RegExp(`${anchor.words[0]} |secret=`, 'u'));
		await page.getByRole('combobox', { name: 'Word 1', exact: true }).fill(anchor.words.join(' '));
		await continueButton.click();
		await expect(notNow).toBeVisible({ timeout: SLOW_STEP_MS });
		await notNow.click();
		await expect(page.getByText(/This tab no longer has Bob's link/u)).toBeVisible({
			timeout: SLOW_STEP_MS
		});
		await expect(page.getByText('1 of 2 guardians have accepted.')).toBeVisible({
			timeout: SLOW_STEP_MS
		});
	});

	await test.step('a new link for Bob works; the old one no longer does', async () => {
		await page.getByRole('button', { name: 'Send a new link to Bob' }).click();
		const newLink = page.getByTestId('invite-link');
		await expect(newLink).toHaveCount(1, { timeout: SLOW_STEP_MS });
		await checkScreen(page, 'wizard-invitations-new-link', { phone: true });
		const bobPage = (await openAs('person-bob')).page;
		await bobPage.goto(bobsOldLink);
		await expect(bobPage.getByText('This invitation can’t be used')).toBeVisible({
			timeout: SLOW_STEP_MS
		});
		await expect(bobPage.getByText(/not found.*new link/u)).toBeVisible();
		// a new tab, as a link opened from a message would be (same guardian)
		const bobsNewTab = await bobPage.context().newPage();
		await acceptInvitation(bobsNewTab, (await newLink.textContent())?.trim() ?? '');
	});

	await test.step('sealing an unprotected phrase is asked again', async () => {
		await expect(page.getByText('2 of 2 guardians have accepted')).toBeVisible({
			timeout: SLOW_STEP_MS
		});
		await page.getByRole('button', { name: 'Continue to sealing' }).click();
		await expect(page.getByText('Your recovery phrase is still not protected')).toBeVisible();
		await checkScreen(page, 'wizard-seal-unprotected', { phone: true });
		await page.getByRole('button', { name: 'Seal with an unprotected phrase' }).click();
		const dialog = page.getByRole('dialog', { name: 'Seal with an unprotected phrase?' });
		await expect(dialog).toBeVisible();
		await checkScreen(page, 'wizard-seal-unprotected-confirm');
		await dialog.getByRole('button', { name: 'Seal anyway' }).click();
		await expect(page.getByText('Your vault is sealed')).toBeVisible({ timeout: SLOW_STEP_MS });
		await continueButton.click();
	});

	await test.step('the kit takes contact details, kept in the browser only', async () => {
		await expect(page.getByRole('heading', { name: 'Your Tessera recovery kit' })).toBeVisible();
		await page.getByLabel('Phone of Alice (optional)').fill('+41 79 123 45 67');
		await page.getByLabel('E-mail of Bob (optional)').fill('bob@example.org');
		await expect(page.getByText('never sent to Tessera', { exact: false })).toBeVisible();
		await checkScreen(page, 'wizard-kit-contacts', { phone: true });
		await page.emulateMedia({ media: 'print' });
		await expect(page.getByTestId('kit-contact').first()).toHaveText('+41 79 123 45 67');
		await page.emulateMedia({ media: 'screen' });
		await page.getByRole('link', { name: 'Done, go to my vault' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'My vault' })).toBeVisible();
	});
});

test('the dashboard explains an unsealed vault and sends a new link; the wizard leads there', async ({
	openAs,
	createAnchor
}) => {
	test.setTimeout(10 * 60_000);
	const anchor = await createAnchor('person-dashboard');
	const owner = await openAs('person-dash-owner', { next: '/owner' });
	const page = owner.page;
	const continueButton = page.getByRole('button', { name: 'Continue', exact: true });

	await enterAnchorAndPhrase(page, anchor.number, anchor.words);
	await page.getByRole('button', { name: 'Protect my phrase' }).click({ timeout: SLOW_STEP_MS });
	for (const name of ['Alice', 'Bob']) {
		await page.getByLabel('Guardian name').fill(name);
		await page.getByRole('button', { name: 'Add guardian' }).click();
	}
	await continueButton.click();
	await continueButton.click();
	await expect(page.getByTestId('invite-link')).toHaveCount(2, { timeout: SLOW_STEP_MS });

	await test.step('a new tab of the wizard finds the vault and leads to the dashboard', async () => {
		const again = await owner.context.newPage();
		await enterAnchorAndPhrase(again, anchor.number, anchor.words);
		await expect(again.getByText('This Internet Identity already has a vault')).toBeVisible({
			timeout: SLOW_STEP_MS
		});
		await checkScreen(again, 'wizard-existing-vault', { phone: true });
		await again.getByRole('link', { name: 'Go to my vault' }).click();
		await expect(again.getByRole('heading', { level: 1, name: 'My vault' })).toBeVisible();
		await again.close();
	});

	await test.step('the dashboard explains approvals and sends a new link', async () => {
		await page.goto('/owner');
		const approvals = page.getByTestId('approvals-needed');
		await expect(approvals).toContainText('Not chosen yet', { timeout: SLOW_STEP_MS });
		await expect(approvals).not.toContainText('0 of 2');
		await expect(page.getByText('Hearing about requests')).toBeVisible();
		await checkScreen(page, 'dashboard-unsealed', { phone: true });
		await page.getByRole('combobox', { name: 'Word 1', exact: true }).fill(anchor.words.join(' '));
		await page.getByRole('button', { name: 'Unlock changes' }).click();
		await page
			.getByRole('button', { name: 'Send a new link to Alice' })
			.click({ timeout: SLOW_STEP_MS });
		const link = page.getByTestId('invite-link');
		await expect(link).toHaveCount(1, { timeout: SLOW_STEP_MS });
		await checkScreen(page, 'dashboard-new-link', { phone: true });
		const alicePage = (await openAs('person-dash-alice')).page;
		await acceptInvitation(alicePage, (await link.textContent())?.trim() ?? '');
	});
});

/** Records every notice the page shows (through the service worker or directly). */
async function recordNotices(person: { context: BrowserContext }) {
	await person.context.grantPermissions(['notifications']);
	await person.context.addInitScript(() => {
		const shown: string[] = [];
		(window as unknown as { shownNotices: string[] }).shownNotices = shown;
		const original = ServiceWorkerRegistration.prototype.showNotification;
		ServiceWorkerRegistration.prototype.showNotification = function (title, options) {
			shown.push(`${title} | ${options?.body ?? ''}`);
			return original.call(this, title, options);
		};
	});
}

const shownNotices = (page: Page) =>
	page.evaluate(() => (window as unknown as { shownNotices?: string[] }).shownNotices ?? []);

test('Tessera installs as a web app and tells owner and guardians of a request while open', async ({
	openAs,
	createAnchor
}) => {
	test.setTimeout(12 * 60_000);
	const anchor = await createAnchor('person-pwa');
	const { owner, guardians } = await setUpSealedVault(openAs, 'person-pwa', anchor);
	const page = owner.page;

	await test.step('manifest, icons and a service worker that keeps the shell', async () => {
		const manifest = await page.evaluate(async () => {
			const link = document.querySelector<HTMLLinkElement>('link[rel="manifest"]');
			return link ? ((await (await fetch(link.href)).json()) as Record<string, unknown>) : null;
		});
		expect(manifest).toMatchObject({
			short_name: 'Tessera',
			display: 'standalone',
			start_url: '/'
		});
		for (const size of ['192x192', '512x512']) {
			expect(JSON.stringify(manifest?.icons)).toContain(size);
		}
		const icon = await page.request.get('/icon-512.png');
		expect(icon.headers()['content-type']).toBe('image/png');
		await expect
			.poll(() => page.evaluate(async () => (await navigator.serviceWorker.ready).active?.state), {
				timeout: SLOW_STEP_MS
			})
			.toBe('activated');
		await expect
			.poll(() =>
				page.evaluate(async () =>
					(await caches.keys()).some((key) => key.startsWith('tessera-shell-'))
				)
			)
			.toBe(true);
	});

	await test.step('a request: the open owner page and guardian page show a notice', async () => {
		const alice = guardians[0];
		if (!alice) throw new Error('a guardian');
		await recordNotices(owner);
		await recordNotices(alice);
		const requester = await openAs('person-pwa-requester', { signedIn: false });
		await openRecovery(requester.page, anchor.number, alice.page);
		// the watcher asks at once when a page opens, then every few minutes
		await page.goto('/owner');
		await expect(page.getByText('Hearing about requests')).toBeVisible({ timeout: SLOW_STEP_MS });
		await expect(page.getByTestId('notice-reach')).toContainText('call you');
		await checkScreen(page, 'dashboard-notices', { phone: true });
		await expect
			.poll(() => shownNotices(page), { timeout: SLOW_STEP_MS })
			.toEqual([
				expect.stringMatching(
					/^Someone asked to recover your Internet Identity \|.*raise the alarm/u
				)
			]);
		await alice.page.goto('/guardian');
		await expect
			.poll(() => shownNotices(alice.page), { timeout: SLOW_STEP_MS })
			.toEqual([
				expect.stringMatching(/^A recovery request needs your answer \|.*Call the owner/u)
			]);
	});
});
