// The owner's side of a story, through the app's UI only: the "Protect my anchor" wizard, sealing
// and the dashboard. Accessible names follow the app contract (/work/handoff/app-contract.md).
import { expect, type Page } from '@playwright/test';
import { checkScreen } from '../support/screens';

/** vetKD, share encryption and canister round trips on a loaded machine. */
export const SLOW_STEP_MS = 120_000;

export interface VaultPlan {
	anchor: bigint;
	words: readonly string[];
	guardians: readonly string[];
	/** "m of n" as the policy step offers it. */
	threshold: number;
	/** The waiting period, typed in hours; the wizard's default when absent. */
	delayHours?: number;
}

const continueButton = (page: Page) => page.getByRole('button', { name: 'Continue', exact: true });

/**
 * The first step (phrase, and the anchor number only when given: left empty, II finds the
 * identity from the phrase); submits it, so the app checks the phrase on II.
 */
export async function enterAnchorAndPhrase(
	page: Page,
	anchor: bigint | undefined,
	words: readonly string[],
	options: { screens?: boolean } = {}
): Promise<void> {
	await page.goto('/owner/protect');
	await expect(page.getByRole('heading', { level: 1, name: 'Protect my anchor' })).toBeVisible();
	const anchorField = page.getByLabel('Anchor number');
	await expect(anchorField).toBeVisible({ timeout: SLOW_STEP_MS });
	if (options.screens) await checkScreen(page, 'wizard-phrase-empty', { phone: true });
	if (anchor !== undefined) await anchorField.fill(anchor.toString());
	// a whole phrase typed or pasted into the first slot fills all 24
	await page.getByRole('combobox', { name: 'Word 1', exact: true }).fill(words.join(' '));
	await expect(page.getByText('All 24 words are valid.')).toBeVisible();
	if (options.screens) await checkScreen(page, 'wizard-phrase');
	await continueButton(page).click();
}

/** The wizard from an empty page to the invitation links (one per guardian, in order). */
export async function createVault(
	page: Page,
	plan: VaultPlan,
	options: { screens?: boolean } = {}
): Promise<string[]> {
	// the owner types no anchor number: the app finds the identity from the phrase (II 2.0)
	await enterAnchorAndPhrase(page, undefined, plan.words, options);

	// II's newest frontend leaves the phrase unprotected: the wizard offers to protect it
	await expect(page.getByText('Your recovery phrase is not protected')).toBeVisible({
		timeout: SLOW_STEP_MS
	});
	if (options.screens) await checkScreen(page, 'wizard-phrase-unprotected');
	await page.getByRole('button', { name: 'Protect my phrase' }).click();

	const guardianName = page.getByLabel('Guardian name');
	await expect(guardianName).toBeVisible({ timeout: SLOW_STEP_MS });
	for (const name of plan.guardians) {
		await guardianName.fill(name);
		await page.getByRole('button', { name: 'Add guardian' }).click();
	}
	if (options.screens) await checkScreen(page, 'wizard-guardians', { phone: true });
	await continueButton(page).click();

	await page.getByLabel(`${plan.threshold} of ${plan.guardians.length}`).check();
	if (plan.delayHours !== undefined) {
		await page.getByLabel('Or in hours').fill(plan.delayHours.toString());
	}
	if (options.screens) await checkScreen(page, 'wizard-policy');
	await continueButton(page).click();

	const links = page.getByTestId('invite-link');
	await expect(links).toHaveCount(plan.guardians.length, { timeout: SLOW_STEP_MS });
	if (options.screens) await checkScreen(page, 'wizard-invitations', { phone: true });
	return (await links.allTextContents()).map((text) => text.trim());
}

export interface SealOptions {
	screens?: boolean;
	/** Guardians whose shares the owner also prints as paper shares. */
	paperFor?: readonly string[];
}

/** Waits until every guardian has accepted, then seals the shares. */
export async function sealVault(
	page: Page,
	guardianCount: number,
	options: SealOptions = {}
): Promise<void> {
	await expect(
		page.getByText(`${guardianCount} of ${guardianCount} guardians have accepted`)
	).toBeVisible({
		timeout: SLOW_STEP_MS
	});
	await page.getByRole('button', { name: /continue to sealing/i }).click();
	if (options.paperFor?.length) {
		await page
			.getByRole('checkbox', { name: 'Also print paper shares in my recovery kit' })
			.check();
		for (const guardian of options.paperFor) {
			await page.getByRole('checkbox', { name: `Paper share for ${guardian}` }).check();
		}
		if (options.screens) await checkScreen(page, 'wizard-paper-choice', { phone: true });
	}
	await page.getByRole('button', { name: 'Seal shares' }).click();
	await expect(page.getByText('Your vault is sealed')).toBeVisible({ timeout: SLOW_STEP_MS });
	if (options.screens) await checkScreen(page, 'wizard-sealed');
	await continueButton(page).click();
	await expect(page.getByRole('heading', { name: 'Your Tessera recovery kit' })).toBeVisible();
	if (options.screens) await checkScreen(page, 'wizard-recovery-kit', { phone: true });
}

/** The paper shares the recovery kit shows, by guardian: 37 words each, as printed. */
export async function readPaperShares(page: Page): Promise<Map<string, string[]>> {
	const shares = new Map<string, string[]>();
	const headings = page.getByRole('heading', { name: /^Paper share for / });
	for (const heading of await headings.all()) {
		const guardian = (await heading.innerText()).replace(/^Paper share for /, '').trim();
		const section = heading.locator('xpath=ancestor::section[1]');
		const items = await section.getByRole('listitem').allInnerTexts();
		shares.set(
			guardian,
			items.map((item) => item.replace(/^\s*\d+\.?\s*/u, '').trim())
		);
	}
	return shares;
}
