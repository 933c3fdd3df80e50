// The offline recovery page (offline/, scripts/build-offline.ts) as a person opens it: the built
// file from file://, in a browser context that is offline and whose every request beyond the
// file itself is recorded and aborted. Shared by offline.spec.ts (vectors) and paper.spec.ts
// (paper shares the app's recovery kit printed).
import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { pathToFileURL } from 'node:url';
import { buildOfflinePage } from '../../../scripts/build-offline';

let built: Promise<string> | undefined;

/** The file:// URL of the offline page, built once per worker. */
export function offlinePageUrl(): Promise<string> {
	built ??= buildOfflinePage().then(({ path }) => pathToFileURL(path).href);
	return built;
}

export interface OfflinePage {
	page: Page;
	context: BrowserContext;
	/** Every request the page tried to make beyond its own file. */
	requests: string[];
	/** Console errors and page errors, CSP violations among them. */
	errors: string[];
}

export async function openOffline(browser: Browser): Promise<OfflinePage> {
	const pageUrl = await offlinePageUrl();
	const context = await browser.newContext();
	await context.setOffline(true);
	const requests: string[] = [];
	await context.route('**/*', (route) => {
		const url = route.request().url();
		if (url === pageUrl) return route.continue();
		requests.push(url);
		return route.abort();
	});
	const page = await context.newPage();
	const errors: string[] = [];
	page.on('console', (message) => {
		if (message.type() === 'error') errors.push(message.text());
	});
	page.on('pageerror', (error) => errors.push(error.message));
	await page.goto(pageUrl);
	await expect(page.getByRole('heading', { name: 'Tessera offline recovery' })).toBeVisible();
	return { page, context, requests, errors };
}

/** Types paper shares (their words) into "Paper share 1", "Paper share 2", … */
export async function enterShares(page: Page, papers: readonly string[]): Promise<void> {
	for (const [i, paper] of papers.entries()) {
		if (i >= 2 && (await page.getByLabel(`Paper share ${i + 1}`, { exact: true }).count()) === 0) {
			await page.getByRole('button', { name: 'Add another paper share' }).click();
		}
		await page.getByLabel(`Paper share ${i + 1}`, { exact: true }).fill(paper);
	}
}

/** The words the page shows after "Reveal phrase". */
export async function revealedWords(page: Page): Promise<string[]> {
	await page.getByRole('button', { name: 'Reveal phrase' }).click();
	const items = await page.getByTestId('recovered-phrase').locator('li').allInnerTexts();
	return items.map((text) => text.replace(/^\d+\.\s*/u, '').trim());
}
