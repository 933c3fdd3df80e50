// Signing in as on mainnet: the app's "Sign in with Internet Identity" (@dfinity/auth-client)
// opens the local Internet Identity window at its own origin; the person creates an identity with
// a passkey (Chromium's virtual authenticator), or signs in with a passkey or the recovery
// phrase. The principal the app gets is the local II's for the app's origin (get_principal), the
// same after signing out and in again, and another one at another origin.
import type { Page } from '@playwright/test';
import { Principal } from '@dfinity/principal';
import { expect, test } from './fixtures';
import { principalAt, signInActor } from './support/identities';
import {
	LOCAL_II_BANNER,
	openIiWindow,
	passkeySignIn,
	virtualAuthenticator
} from './support/session';

const principalShown = (page: Page) =>
	page.getByTestId('signed-in-principal').getAttribute('title');

async function signOut(page: Page) {
	await page.getByRole('button', { name: 'Sign out' }).click();
	await page.goto('/guardian');
	await page.waitForURL((url) => url.pathname === '/signin');
}

test('a guardian keeps one principal across sign-ins: get_principal at the app origin, another elsewhere', async ({
	openAs,
	world
}) => {
	const guardian = await openAs('signin-guardian', { next: '/guardian' });
	const appOrigin = new URL(world.appUrl).origin;
	const expected = await principalAt(world, 'signin-guardian', appOrigin);
	expect(await principalShown(guardian.page)).toBe(expected);

	await signOut(guardian.page);
	await passkeySignIn(await openIiWindow(guardian.page), world, 'signin-guardian');
	await guardian.page.waitForURL((url) => url.pathname === '/guardian');
	expect(await principalShown(guardian.page)).toBe(expected);
	await expect(guardian.page.getByText('You don’t guard any identity yet.')).toBeVisible();

	const elsewhere = await principalAt(world, 'signin-guardian', 'https://other.example');
	expect(elsewhere).not.toBe(expected);
	expect(guardian.pageErrors).toEqual([]);
});

test('a new identity made with a passkey in the local II window signs in again with it', async ({
	openAs
}) => {
	const visitor = await openAs('signin-new-passkey', { signedIn: false });
	const page = visitor.page;
	await page.goto('/signin?next=/guardian');
	const window = await openIiWindow(page);
	await expect(window.getByText(LOCAL_II_BANNER)).toBeVisible();
	// the window is not the app: another origin
	expect(new URL(window.url()).origin).not.toBe(new URL(page.url()).origin);
	const { cdp, authenticatorId } = await virtualAuthenticator(window);
	const closed = window.waitForEvent('close');
	await window.getByRole('button', { name: 'Create an identity with a passkey' }).click();
	// the passkey the window registered, to put into the next window's authenticator (read
	// while the window is still open: the app closes it once signed in)
	let credentials: Awaited<ReturnType<typeof readCredentials>> = [];
	const readCredentials = async () =>
		(await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials;
	await expect
		.poll(async () => (credentials = await readCredentials()).length, { intervals: [50] })
		.toBe(1);
	await closed;
	await page.waitForURL((url) => url.pathname === '/guardian');
	const first = await principalShown(page);
	expect(first).toMatch(/^[a-z0-9-]+$/);
	expect(Principal.fromText(first ?? '').isAnonymous()).toBe(false);

	await signOut(page);
	const again = await openIiWindow(page);
	const second = await virtualAuthenticator(again);
	for (const credential of credentials) {
		await second.cdp.send('WebAuthn.addCredential', {
			authenticatorId: second.authenticatorId,
			credential
		});
	}
	// the window remembers the identity number on this browser, as II does
	await expect(again.getByLabel('Identity number')).not.toHaveValue('');
	const closedAgain = again.waitForEvent('close');
	await again.getByRole('button', { name: 'Sign in with a passkey' }).click();
	await closedAgain;
	await page.waitForURL((url) => url.pathname === '/guardian');
	expect(await principalShown(page)).toBe(first);
	expect(visitor.pageErrors).toEqual([]);
});

test('the recovery phrase signs in to the identity it belongs to', async ({
	openAs,
	createAnchor,
	world
}) => {
	const anchor = await createAnchor('signin-phrase');
	const visitor = await openAs('signin-phrase-visitor', { signedIn: false });
	await visitor.page.goto('/signin?next=/guardian');
	const window = await openIiWindow(visitor.page);
	await window.getByLabel('Recovery phrase (24 words)').fill(anchor.words.join(' '));
	const closed = window.waitForEvent('close');
	await window.getByRole('button', { name: 'Sign in with the recovery phrase' }).click();
	await closed;
	await visitor.page.waitForURL((url) => url.pathname === '/guardian');
	const ii = await signInActor(world, anchor.ownerDevice);
	const expected = await ii.get_principal(anchor.number, new URL(world.appUrl).origin);
	expect(await principalShown(visitor.page)).toBe(expected.toText());
});

test('a phrase no identity has is refused in the window, which stays open', async ({ openAs }) => {
	const visitor = await openAs('signin-bad-phrase', { signedIn: false });
	await visitor.page.goto('/signin?next=/guardian');
	const window = await openIiWindow(visitor.page);
	await window.getByLabel('Recovery phrase (24 words)').fill('abandon '.repeat(23) + 'art');
	await window.getByRole('button', { name: 'Sign in with the recovery phrase' }).click();
	await expect(window.getByRole('alert')).toHaveText('No identity has this recovery phrase.');
	expect(window.isClosed()).toBe(false);
	await expect(visitor.page.getByRole('button', { name: 'Sign out' })).toHaveCount(0);
});
