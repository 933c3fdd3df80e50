import { expect, test } from './fixtures';
import { localIdentity } from './support/devnet';
import { LOCAL_SIGN_IN_TITLE } from './support/session';
import { checkScreen } from './support/screens';

test('the landing page says what Tessera is and how it works', async ({ page }) => {
	const errors: string[] = [];
	page.on('pageerror', (error) => errors.push(String(error)));
	page.on('console', (message) => {
		if (message.type() === 'error') errors.push(message.text());
	});

	await page.goto('/');
	await expect(
		page.getByRole('heading', { level: 1, name: 'Guardian recovery for Internet Identity' })
	).toBeVisible();
	await expect(page.getByRole('heading', { name: 'How it works' })).toBeVisible();
	await expect(page.getByRole('listitem')).toHaveCount(5);

	await checkScreen(page, 'landing', { phone: true });
	expect(errors).toEqual([]);
});

test('an unknown deep link still boots the single-page app', async ({ page }) => {
	const response = await page.goto('/vault/does-not-exist');
	expect(response?.status()).toBeLessThan(500);
	await expect(page.getByRole('link', { name: 'Tessera' })).toBeVisible();
});

test('signed-out visits to the owner and guardian pages go to the sign-in page and back', async ({
	page
}) => {
	for (const path of ['/owner', '/guardian']) {
		await page.goto(path);
		await page.waitForURL((url) => url.pathname === '/signin');
		expect(new URL(page.url()).searchParams.get('next')).toBe(path);
	}
	await expect(page.getByText(LOCAL_SIGN_IN_TITLE)).toBeVisible();
	await checkScreen(page, 'signin', { phone: true });
	await page.getByLabel('Local identity name').fill('landing-visitor');
	await page.getByRole('button', { name: 'Sign in locally' }).click();
	await page.waitForURL((url) => url.pathname === '/guardian');
	// the principal is the contract's deterministic one for this name
	await expect(page.getByTestId('signed-in-principal')).toHaveAttribute(
		'title',
		new RegExp(localIdentity('landing-visitor').getPrincipal().toText())
	);
	await page.getByRole('button', { name: 'Sign out' }).click();
	await page.goto('/guardian');
	await page.waitForURL((url) => url.pathname === '/signin');
});
