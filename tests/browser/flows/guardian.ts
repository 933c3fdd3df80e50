// A guardian's side of a story, through the app's UI only: accept an invitation, open a request
// from the owner's recovery link by typing the code the owner reads, approve (typing the code)
// or decline with confirmation.
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

const CODE_FIELD = 'The 4 words the owner reads to you';

/** Opens the recovery link (signed in), types the code the owner read out and opens the request. */
export async function openFromLink(
	page: Page,
	link: string,
	code: string,
	options: { screens?: boolean } = {}
): Promise<void> {
	await page.goto(link);
	const open = page.getByRole('button', { name: 'Open the request' });
	await expect(open).toBeDisabled({ timeout: SLOW_STEP_MS });
	await page.getByRole('textbox', { name: CODE_FIELD }).fill(code);
	await expect(page.getByText('The code matches this request.')).toBeVisible();
	if (options.screens) await checkScreen(page, 'guardian-open', { phone: true });
	await open.click();
	await expect(
		page.getByRole('region', { name: /You opened a request to recover identity/u })
	).toBeVisible({
		timeout: SLOW_STEP_MS
	});
}

/** The card of the (newest) live request for `anchor` on /guardian, once it shows. */
export async function pendingRequest(page: Page, anchor: bigint): Promise<Locator> {
	await page.goto('/guardian');
	const card = page
		.getByRole('region', { name: new RegExp(`to recover identity ${anchor}`, 'u') })
		.first();
	await expect(card).toBeVisible({ timeout: SLOW_STEP_MS });
	return card;
}

/** Types the code into a request's card; resolves to whether the card says it matches. */
export async function typeCode(card: Locator, code: string): Promise<boolean> {
	await card.getByRole('textbox', { name: CODE_FIELD }).fill(code);
	const feedback = card.getByTestId('code-feedback');
	await expect(feedback).not.toBeEmpty();
	return (await feedback.innerText()).includes('The code matches this request.');
}

/** The verification code the requester's screen shows, as one line of words. */
export async function shownCode(scope: Page | Locator): Promise<string> {
	const code = scope.getByTestId('verification-code');
	await expect(code).toBeVisible({ timeout: SLOW_STEP_MS });
	return ((await code.getAttribute('data-code')) ?? (await code.innerText())).trim();
}

/**
 * Approves (typing `code`, the words the owner read out) or declines, with the confirmation
 * dialog; the caller checks the outcome.
 */
export async function vote(
	page: Page,
	card: Locator,
	choice: 'approve' | 'decline',
	code = ''
): Promise<void> {
	if (choice === 'approve') expect(await typeCode(card, code)).toBe(true);
	const [action, confirm] =
		choice === 'approve' ? ['Approve', 'Yes, approve'] : ['Decline', 'Yes, decline'];
	await card.getByRole('button', { name: action, exact: true }).click();
	const dialog = page.getByRole('dialog');
	await expect(dialog).toBeVisible();
	await dialog.getByRole('button', { name: confirm }).click();
	await expect(dialog).toBeHidden();
}
