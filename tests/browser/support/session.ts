// Browser contexts for the people of a story: each signs in as on mainnet, through the app's
// "Sign in with Internet Identity" (@dfinity/auth-client), which opens the local Internet
// Identity window (its own origin) as a popup; the person's passkey lives in Chromium's virtual
// WebAuthn authenticator (CDP WebAuthn domain) of that popup. One context each, so nothing
// leaks between them.
import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import type { E2eWorld } from '../../../scripts/e2e-world';
import { identityOf, type Passkey } from './identities';

export const II_SIGN_IN_BUTTON = 'Sign in with Internet Identity';
export const LOCAL_II_BANNER = 'Local Internet Identity (devnet only)';

/** Gives `page` a virtual authenticator (user present and verified), holding `passkeys`. */
export async function virtualAuthenticator(page: Page, passkeys: readonly Passkey[] = []) {
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('WebAuthn.enable');
	const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
		options: {
			protocol: 'ctap2',
			transport: 'usb',
			hasResidentKey: true,
			hasUserVerification: true,
			isUserVerified: true,
			automaticPresenceSimulation: true
		}
	});
	for (const passkey of passkeys) {
		await cdp.send('WebAuthn.addCredential', {
			authenticatorId,
			credential: {
				credentialId: Buffer.from(passkey.credentialId, 'base64url').toString('base64'),
				isResidentCredential: false,
				rpId: 'localhost',
				privateKey: passkey.privateKey,
				signCount: 0
			}
		});
	}
	return { cdp, authenticatorId };
}

/** Clicks the app's II sign-in button on `page` and returns the local II window it opens. */
export async function openIiWindow(page: Page): Promise<Page> {
	const popup = page.waitForEvent('popup');
	await page.getByRole('button', { name: II_SIGN_IN_BUTTON }).click();
	const window = await popup;
	await window.waitForLoadState('domcontentloaded');
	// an error page here means the app was built for an II server that is not running
	if (window.url().startsWith('chrome-error:')) {
		throw new Error(`the app's Internet Identity window did not load (${window.url()})`);
	}
	await expect(window.getByText(LOCAL_II_BANNER)).toBeVisible();
	await expect(window.getByText(/^Signing in to /)).toBeVisible();
	return window;
}

/** In the local II window: signs in as `name` with their passkey; the window closes. */
export async function passkeySignIn(window: Page, world: E2eWorld, name: string): Promise<void> {
	const { anchor, passkey } = await identityOf(world, name);
	await virtualAuthenticator(window, [passkey]);
	await window.getByLabel('Identity number').fill(anchor.toString());
	await signInAndClose(window, 'Sign in with a passkey');
}

/** Clicks `button` in the local II window and waits until the app closes the window; fails with the window's error if it shows one instead. */
export async function signInAndClose(window: Page, button: string): Promise<void> {
	const closed = window.waitForEvent('close', { timeout: 120_000 });
	await window.getByRole('button', { name: button }).click();
	const alert = window
		.getByRole('alert')
		.filter({ hasText: /\S/ })
		.textContent({ timeout: 120_000 })
		.catch(() => undefined);
	const outcome = await Promise.race([closed.then(() => undefined), alert]);
	if (outcome) throw new Error(`the local II window refused: ${outcome}`);
}

/** Signs `page` in as `name` through the local II window and waits for the `next` path. */
export async function signIn(
	page: Page,
	world: E2eWorld,
	name: string,
	next = '/owner'
): Promise<void> {
	await page.goto(`/signin?next=${encodeURIComponent(next)}`);
	await passkeySignIn(await openIiWindow(page), world, name);
	await page.waitForURL((url) => url.pathname === next);
	await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

/**
 * After devnet's clock moved past the 8-hour II session: the page says the sign-in expired, and
 * the person does what it says (sign out, sign in again), coming back to `next`.
 */
export async function signInAgain(
	page: Page,
	world: E2eWorld,
	name: string,
	next: string
): Promise<void> {
	await page.goto(next);
	await expect(page.getByText('Your sign-in has expired')).toBeVisible({ timeout: 120_000 });
	await page.getByRole('button', { name: 'Sign out' }).click();
	await page.waitForURL((url) => url.pathname === '/');
	await signIn(page, world, name, next);
}

export interface Person {
	readonly name: string;
	readonly context: BrowserContext;
	readonly page: Page;
	/** Uncaught exceptions in this person's page: a story must end with none. */
	readonly pageErrors: string[];
}

/**
 * A fresh browser context and page for `name`; signed in unless `signedIn` is false. The page's
 * clock is the machine's, as a person's browser is: when a story moves devnet's clock days
 * ahead, the app must follow the replica's time by itself.
 */
export async function person(
	browser: Browser,
	world: E2eWorld,
	name: string,
	options: { signedIn?: boolean; next?: string } = {}
): Promise<Person> {
	const context = await browser.newContext({ baseURL: world.appUrl });
	const page = await context.newPage();
	const pageErrors: string[] = [];
	page.on('pageerror', (error) => pageErrors.push(`${name}: ${String(error)}`));
	if (options.signedIn !== false) await signIn(page, world, name, options.next);
	return { name, context, page, pageErrors };
}
