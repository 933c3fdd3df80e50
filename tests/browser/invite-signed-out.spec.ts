// A guardian opens the invitation link before signing in, as most will: sign-in happens on the
// invitation page (or through the header's "Sign in" and back), the invitation is still there
// afterwards, and a new tab of the same browser is still signed in. The secret in the link's
// fragment never goes into any request's address.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { SLOW_STEP_MS, createVault } from './flows/owner';
import { GUARDIAN_NAMES } from './flows/vault';
import { checkScreen } from './support/screens';
import { principalAt } from './support/identities';
import { openIiWindow, passkeySignIn } from './support/session';
import type { E2eWorld } from '../../scripts/e2e-world';

const secretOf = (link: string) => new URLSearchParams(new URL(link).hash.slice(1)).get('secret');

/** Every address the page requested (fragments are never sent, so none is kept). */
function requestedAddresses(page: Page): string[] {
	const addresses: string[] = [];
	page.on('request', (request) => addresses.push(request.url().split('#')[0] ?? ''));
	return addresses;
}

/** Signs in on the page the guardian is on, through the local II window; they stay there. */
async function signInHere(page: Page, world: E2eWorld, name: string) {
	await passkeySignIn(await openIiWindow(page), world, name);
	await expect(page.getByTestId('signed-in-principal')).toHaveAttribute(
		'title',
		await principalAt(world, name, new URL(world.appUrl).origin)
	);
}

test('a guardian signed out opens the invitation, signs in from it and accepts', async ({
	openAs,
	createAnchor,
	world
}) => {
	test.setTimeout(10 * 60_000);
	const anchor = await createAnchor('invite-out');
	const owner = await openAs('invite-out-owner', { next: '/owner' });
	const links = await createVault(owner.page, {
		anchor: anchor.number,
		words: anchor.words,
		guardians: GUARDIAN_NAMES,
		threshold: 2
	});
	const [aliceLink, bobLink, carolLink] = links;
	if (!aliceLink || !bobLink || !carolLink) throw new Error('one link per guardian');
	const invitation = (page: Page) =>
		page.getByRole('heading', { name: `Guard Internet Identity ${anchor.number}` });
	const accept = async (page: Page) => {
		await page.getByRole('button', { name: 'Accept invitation' }).click();
		await expect(page.getByText('You are now a guardian')).toBeVisible({ timeout: SLOW_STEP_MS });
	};

	await test.step('Alice signs in on the invitation page and accepts there', async () => {
		const alice = await openAs('invite-out-alice', { signedIn: false });
		const requested = requestedAddresses(alice.page);
		await alice.page.goto(aliceLink);
		await expect(alice.page.getByText('Sign in to see the invitation')).toBeVisible({
			timeout: SLOW_STEP_MS
		});
		await expect(alice.page.getByText('This invitation can’t be used')).toHaveCount(0);
		await checkScreen(alice.page, 'invite-signed-out', { phone: true });
		await signInHere(alice.page, world, 'invite-out-alice');
		await expect(invitation(alice.page)).toBeVisible({ timeout: SLOW_STEP_MS });
		expect(new URL(alice.page.url()).pathname).toBe('/invite');
		await checkScreen(alice.page, 'invite-after-sign-in', { phone: true });
		await accept(alice.page);
		expect(requested.filter((address) => address.includes(secretOf(aliceLink) ?? '?'))).toEqual([]);
	});

	await test.step('Bob uses the header’s “Sign in” and comes back to his invitation', async () => {
		const bob = await openAs('invite-out-bob', { signedIn: false });
		const requested = requestedAddresses(bob.page);
		await bob.page.goto(bobLink);
		await bob.page.getByRole('link', { name: 'Sign in', exact: true }).click();
		await bob.page.waitForURL((url) => url.pathname === '/signin');
		await signInHere(bob.page, world, 'invite-out-bob');
		await bob.page.waitForURL((url) => url.pathname === '/invite');
		expect(new URL(bob.page.url()).hash).toBe(new URL(bobLink).hash);
		await expect(invitation(bob.page)).toBeVisible({ timeout: SLOW_STEP_MS });
		await accept(bob.page);
		expect(requested.filter((address) => address.includes(secretOf(bobLink) ?? '?'))).toEqual([]);
	});

	await test.step('Carol signs in, then opens the link in a new tab: still signed in', async () => {
		const carol = await openAs('invite-out-carol', { signedIn: false });
		await carol.page.goto(carolLink);
		await signInHere(carol.page, world, 'invite-out-carol');
		await expect(invitation(carol.page)).toBeVisible({ timeout: SLOW_STEP_MS });
		const newTab = await carol.context.newPage();
		await newTab.goto(carolLink);
		await expect(newTab.getByTestId('signed-in-principal')).toHaveAttribute(
			'title',
			await principalAt(world, 'invite-out-carol', new URL(world.appUrl).origin)
		);
		await expect(invitation(newTab)).toBeVisible({ timeout: SLOW_STEP_MS });
		await accept(newTab);
		await newTab.goto('/guardian');
		await expect(newTab.getByText(anchor.number.toString()).first()).toBeVisible({
			timeout: SLOW_STEP_MS
		});
	});

	await expect(
		owner.page.getByText(
			`${GUARDIAN_NAMES.length} of ${GUARDIAN_NAMES.length} guardians have accepted`
		)
	).toBeVisible({ timeout: SLOW_STEP_MS });
});
