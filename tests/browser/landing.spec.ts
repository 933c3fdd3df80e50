import { expect, test } from './fixtures';
import { principalAt } from './support/identities';
import { II_SIGN_IN_BUTTON, openIiWindow, passkeySignIn } from './support/session';
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
	page,
	world
}) => {
	for (const path of ['/owner', '/guardian']) {
		await page.goto(path);
		await page.waitForURL((url) => url.pathname === '/signin');
		expect(new URL(page.url()).searchParams.get('next')).toBe(path);
	}
	await expect(page.getByRole('button', { name: II_SIGN_IN_BUTTON })).toBeVisible();
	await checkScreen(page, 'signin', { phone: true });
	await passkeySignIn(await openIiWindow(page), world, 'landing-visitor');
	await page.waitForURL((url) => url.pathname === '/guardian');
	// the principal is the visitor's at this origin, as the local II says (get_principal)
	await expect(page.getByTestId('signed-in-principal')).toHaveAttribute(
		'title',
		await principalAt(world, 'landing-visitor', new URL(world.appUrl).origin)
	);
	await page.getByRole('button', { name: 'Sign out' }).click();
	await page.goto('/guardian');
	await page.waitForURL((url) => url.pathname === '/signin');
});
