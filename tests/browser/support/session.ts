// Browser contexts for the people of a story: each signs in with the app's local devnet sign-in
// (app contract, "Sign-in"), one context each, so nothing leaks between them.
import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';

export const LOCAL_SIGN_IN_TITLE = 'Local devnet sign-in — for development only';

/** Signs `page` in as the named local identity and waits for the `next` path. */
export async function signIn(page: Page, name: string, next = '/owner'): Promise<void> {
	await page.goto(`/signin?next=${encodeURIComponent(next)}`);
	await expect(page.getByText(LOCAL_SIGN_IN_TITLE)).toBeVisible();
	await page.getByLabel('Local identity name').fill(name);
	await page.getByRole('button', { name: 'Sign in locally' }).click();
	await page.waitForURL((url) => url.pathname === next);
	await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
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
	baseURL: string,
	name: string,
	options: { signedIn?: boolean; next?: string } = {}
): Promise<Person> {
	const context = await browser.newContext({ baseURL });
	const page = await context.newPage();
	const pageErrors: string[] = [];
	page.on('pageerror', (error) => pageErrors.push(`${name}: ${String(error)}`));
	if (options.signedIn !== false) await signIn(page, name, options.next);
	return { name, context, page, pageErrors };
}
