// The README's way to skip the waiting period, `npm run devnet -- time advance 72h`, while
// everyone's page is open: devnet's clock jumps three days, the browsers' clocks do not (a
// person cannot move theirs). Every countdown shows the time left on the canister's clock
// without a reload. Internet Identity sessions last 8 hours (on the canister's clock), so the
// jump ends the signed-in people's sessions: their pages say so, and they sign in again on the
// page they have open (no reload); their calls then succeed on the jumped clock.
import { expect, test } from './fixtures';
import { vote } from './flows/guardian';
import { SLOW_STEP_MS } from './flows/owner';
import { getPhraseBack, openRecovery } from './flows/recover';
import { GUARDIAN_NAMES, setUpSealedVault } from './flows/vault';
import { vaultCanister } from './support/devnet';
import { sessionOf } from './support/identities';
import { openIiWindow, passkeySignIn } from './support/session';
import { checkScreen } from './support/screens';

const HOUR_MS = 3_600_000;
/** What a page says when the II session's delegation has expired (canisters/errors.ts). */
const SESSION_EXPIRED = 'Your sign-in has expired';
/** Long enough that, after the 72 h jump, a day and some hours are still left to count down. */
const DELAY_HOURS = 100;
/** formatDuration's two largest units of what is left, before and after the jump. */
const BEFORE_JUMP = '4 days 3 hours';
const AFTER_JUMP = '1 day 3 hours';

test('devnet’s clock jumps 72 hours under open pages: calls go on and countdowns follow', async ({
	world,
	openAs,
	createAnchor,
	advanceClock
}) => {
	test.setTimeout(20 * 60_000);
	// the test's own reader, from Node: a fresh agent per read follows devnet's clock
	const canister = {
		activeRequest: async (anchor: bigint) =>
			(await vaultCanister(world, await sessionOf(world, 'jump-alice'))).activeRequest(anchor),
		request: async (id: bigint) =>
			(await vaultCanister(world, await sessionOf(world, 'jump-alice'))).request(id)
	};
	const anchor = await createAnchor('jump');
	const { owner, guardians } = await setUpSealedVault(openAs, 'jump', anchor, {
		plan: { guardians: GUARDIAN_NAMES, threshold: 2, delayHours: DELAY_HOURS }
	});
	const requester = await openAs('jump-requester', { signedIn: false });
	const [alice, bob] = guardians;
	if (!alice || !bob) throw new Error('the vault has three guardians');
	const card = (page: typeof alice.page) =>
		page.getByRole('region', { name: new RegExp(`to recover identity ${anchor.number}`, 'u') });
	const waiting = requester.page.getByText('The waiting period ends in');

	let requestId = -1n;
	let code = '';
	await test.step('a recovery opens; every page shows it with its countdown', async () => {
		({ code } = await openRecovery(requester.page, anchor.number, alice.page));
		requestId = (await canister.activeRequest(anchor.number)) ?? -1n;
		expect(requestId).toBeGreaterThanOrEqual(0n);
		await expect(waiting).toContainText(BEFORE_JUMP, { timeout: SLOW_STEP_MS });
		await owner.page.goto('/owner');
		await expect(owner.page.getByText(`Release possible in ${BEFORE_JUMP}`)).toBeVisible({
			timeout: SLOW_STEP_MS
		});
		for (const guardian of [alice, bob]) {
			await guardian.page.goto('/guardian');
			await expect(card(guardian.page)).toBeVisible({ timeout: SLOW_STEP_MS });
		}
	});

	await test.step('devnet’s clock jumps 72 hours; nobody reloads', async () => {
		await advanceClock(72 * HOUR_MS);
		await expect(waiting).toContainText(AFTER_JUMP, { timeout: SLOW_STEP_MS });
		await expect(owner.page.getByText(`Release possible in ${AFTER_JUMP}`)).toBeVisible({
			timeout: SLOW_STEP_MS
		});
		await checkScreen(requester.page, 'recover-after-clock-jump', { phone: true });
		await checkScreen(owner.page, 'owner-request-after-clock-jump', { phone: true });
	});

	await test.step('their sessions ended with the jump; the guardians sign in again in the same tab, no reload', async () => {
		for (const guardian of [alice, bob]) {
			await expect(guardian.page.getByText(SESSION_EXPIRED)).toBeVisible({
				timeout: SLOW_STEP_MS
			});
			await guardian.page.getByRole('button', { name: 'Sign out' }).click();
			await guardian.page.waitForURL((url) => url.pathname === '/');
			await guardian.page.getByRole('link', { name: 'Guardian', exact: true }).click();
			await guardian.page.waitForURL((url) => url.pathname === '/signin');
			await passkeySignIn(await openIiWindow(guardian.page), world, guardian.name);
			await guardian.page.waitForURL((url) => url.pathname === '/guardian');
			await expect(card(guardian.page)).toBeVisible({ timeout: SLOW_STEP_MS });
		}
	});

	await test.step('the guardians approve from the pages they had open', async () => {
		for (const [i, guardian] of [alice, bob].entries()) {
			await vote(guardian.page, card(guardian.page), 'approve', code);
			await expect
				.poll(async () => (await canister.request(requestId)).approvals, { timeout: SLOW_STEP_MS })
				.toBe(i + 1);
			await expect(card(guardian.page).getByText('You approved this request.')).toBeVisible();
		}
		await expect(requester.page.getByText(/2 of 2/).first()).toBeVisible({
			timeout: SLOW_STEP_MS
		});
		await expect(requester.page.getByText('Your phrase can be released in')).toContainText(
			AFTER_JUMP
		);
		await expect(getPhraseBack(requester.page)).toBeDisabled();
	});

	await test.step('a reload after the jump finds the request as it is', async () => {
		await requester.page.reload();
		await expect(requester.page.getByText('Your phrase can be released in')).toContainText(
			AFTER_JUMP,
			{ timeout: SLOW_STEP_MS }
		);
	});

	const people = [owner, requester, ...guardians];
	for (const { page } of people) {
		await expect(page.getByText('could not reach the Internet Computer')).toHaveCount(0);
		await expect(page.getByText('refused the call')).toHaveCount(0);
	}
	expect(people.flatMap((someone) => someone.pageErrors)).toEqual([]);
});
