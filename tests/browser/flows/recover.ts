// The requester's side of a story, through the app's UI only: "I lost access" -> the recovery
// link and its code -> a guardian opens it -> approvals and countdown -> release -> the phrase ->
// the device sweep.
import { expect, type Page } from '@playwright/test';
import { checkScreen } from '../support/screens';
import { openFromLink, shownCode } from './guardian';
import { SLOW_STEP_MS } from './owner';

/** "I lost access" -> the anchor -> the recovery link and the code this browser shows. */
export async function makeRecoveryLink(
	page: Page,
	anchor: bigint,
	options: { screens?: boolean } = {}
): Promise<{ link: string; code: string }> {
	await page.goto('/recover');
	if (options.screens) await checkScreen(page, 'recover-start', { phone: true });
	await page.getByLabel('Anchor number').fill(anchor.toString());
	await page.getByRole('button', { name: 'Start recovery' }).click();
	await expect(page.getByTestId('verification-code')).toBeVisible({ timeout: SLOW_STEP_MS });
	if (options.screens) await checkScreen(page, 'recover-code', { phone: true });
	const link = (await page.getByTestId('recovery-link').innerText()).trim();
	return { link, code: await shownCode(page) };
}

/**
 * The owner's recovery: the requester's browser makes the link, the owner sends it to the
 * guardian on `sponsor` and reads them the code, which they type; the guardian opens it.
 */
export async function openRecovery(
	page: Page,
	anchor: bigint,
	sponsor: Page,
	options: { screens?: boolean } = {}
): Promise<{ link: string; code: string }> {
	const made = await makeRecoveryLink(page, anchor, options);
	await openFromLink(sponsor, made.link, made.code, options);
	return made;
}

export const getPhraseBack = (page: Page) =>
	page.getByRole('button', { name: 'Get my phrase back' });

/** Once released: gets the shares, reconstructs the phrase, reveals it and reads its words. */
export async function recoverPhrase(page: Page): Promise<string[]> {
	await expect(getPhraseBack(page)).toBeEnabled({ timeout: SLOW_STEP_MS });
	await getPhraseBack(page).click();
	return revealPhrase(page);
}

/** Once the phrase is back (from a request or from paper): reveals it and reads its words. */
export async function revealPhrase(page: Page): Promise<string[]> {
	await page.getByRole('button', { name: 'Reveal phrase' }).click({ timeout: SLOW_STEP_MS });
	const phrase = page.getByTestId('recovered-phrase');
	await expect(phrase).toBeVisible();
	const items = await phrase.getByRole('listitem').allInnerTexts();
	return items.map((item) => item.replace(/^\s*\d+\.?\s*/u, '').trim());
}

/** Types paper shares (words as printed) into the fields "Paper share 1", "Paper share 2", … */
export async function typePaperShares(
	page: Page,
	shares: readonly (readonly string[])[]
): Promise<void> {
	for (const [i, words] of shares.entries()) {
		const field = page.getByLabel(`Paper share ${i + 1}`, { exact: true });
		if (!(await field.isVisible())) {
			await page.getByRole('button', { name: 'Add another paper share' }).click();
		}
		// as written on paper: lines of a few words
		const lines = words.map((word, k) => (k % 6 === 5 ? `${word}\n` : `${word} `)).join('');
		await field.fill(lines);
		await expect(page.getByText(/^A valid paper share: guardian slot/).nth(i)).toBeVisible();
	}
}

/** "I lost access" -> "Use paper shares": no request, only paper shares and the anchor. */
export async function openPaperRecovery(page: Page, anchor: bigint): Promise<void> {
	await page.goto('/recover');
	await page.getByRole('button', { name: 'Use paper shares' }).click();
	await page.getByLabel('Anchor number').fill(anchor.toString());
}

export const rebuildFromPaper = (page: Page) =>
	page.getByRole('button', { name: 'Rebuild my phrase' });

/**
 * The device sweep after the phrase is back: removes the devices named `remove` (by the alias II
 * shows), adds a fresh device for the owner and protects the phrase.
 */
export async function sweepDevices(
	page: Page,
	remove: readonly string[],
	options: { screens?: boolean } = {}
): Promise<void> {
	const sweep = page.getByRole('region', { name: 'Remove devices you don’t recognise' });
	await expect(sweep).toBeVisible({ timeout: SLOW_STEP_MS });
	for (const alias of remove) {
		await sweep.getByRole('checkbox', { name: alias }).check();
	}
	if (options.screens) await checkScreen(page, 'recover-sweep', { phone: true });
	await sweep
		.getByRole('button', { name: `Remove ${remove.length} and secure my identity` })
		.click();
	await page.getByRole('dialog').getByRole('button', { name: 'Yes, remove them' }).click();
	await expect(sweep.getByText('Your identity is secured')).toBeVisible({ timeout: SLOW_STEP_MS });
	if (options.screens) await checkScreen(page, 'recover-swept');
}
