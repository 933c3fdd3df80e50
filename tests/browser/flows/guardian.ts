// A guardian's side of a story, through the app's UI only: accept an invitation, see a request
// with its verification code, approve or decline with confirmation.
import { expect, type Locator, type Page } from '@playwright/test';
import { checkScreen } from '../support/screens';
import { SLOW_STEP_MS } from './owner';

/** Opens the invitation link (the guardian is signed in) and accepts it. */
export async function acceptInvitation(
	page: Page,
	link: string,
	options: { screens?: boolean } = {}
): Promise<void> {
	await page.goto(link);
	const accept = page.getByRole('button', { name: 'Accept invitation' });
	await expect(accept).toBeVisible();
	if (options.screens) await checkScreen(page, 'invite', { phone: true });
	await accept.click();
	await expect(page.getByText('You are now a guardian')).toBeVisible({
		timeout: SLOW_STEP_MS
	});
}

/** The card of the pending request for `anchor` on /guardian, once it shows. */
export async function pendingRequest(page: Page, anchor: bigint): Promise<Locator> {
	await page.goto('/guardian');
	const card = page.getByRole('region', { name: `Someone asked to recover identity ${anchor}` });
	await expect(card).toBeVisible({ timeout: SLOW_STEP_MS });
	return card;
}

/** The verification code a page shows (guardian card or requester screen), as one line. */
export async function shownCode(scope: Page | Locator): Promise<string> {
	const code = scope.getByTestId('verification-code');
	await expect(code).toBeVisible({ timeout: SLOW_STEP_MS });
	return ((await code.getAttribute('data-code')) ?? (await code.innerText())).trim();
}

/** Approves or declines with the confirmation dialog; the caller checks the outcome. */
export async function vote(
	page: Page,
	card: Locator,
	choice: 'approve' | 'decline'
): Promise<void> {
	const [action, confirm] =
		choice === 'approve' ? ['Approve', 'Yes, approve'] : ['Decline', 'Yes, decline'];
	await card.getByRole('button', { name: action, exact: true }).click();
	const dialog = page.getByRole('dialog');
	await expect(dialog).toBeVisible();
	await dialog.getByRole('button', { name: confirm }).click();
	await expect(dialog).toBeHidden();
}
