// The ways a story can go wrong, each refused with a clear message and checked on the canister
// too: a phrase that is not the anchor's, invitations that are forged or used twice, an alarm
// raised by the owner, and a request its guardians decline.
import { expect, test } from './fixtures';
import { acceptInvitation, pendingRequest, typeCode, vote } from './flows/guardian';
import { createVault, SLOW_STEP_MS } from './flows/owner';
import { openRecovery } from './flows/recover';
import { GUARDIAN_NAMES, setUpSealedVault } from './flows/vault';
import { vaultCanister } from './support/devnet';
import { sessionOf } from './support/identities';
import { checkScreen } from './support/screens';

test('the wizard points at a mistyped word and refuses a phrase that is not the anchor’s', async ({
	world,
	openAs,
	createAnchor
}) => {
	const anchor = await createAnchor('wrong-phrase');
	const other = await createAnchor('wrong-phrase-other');
	const owner = await openAs('wrong-phrase-owner');
	const page = owner.page;
	await page.goto('/owner/protect');
	await page.getByLabel('Anchor number').fill(anchor.number.toString());

	// BIP39 words are unique in their first four letters: the app can tell which word was meant
	const meant = other.words[4] ?? '';
	const typed = other.words.map((word, i) => (i === 4 ? `${word}x` : word));
	await page.getByRole('combobox', { name: 'Word 1', exact: true }).fill(typed.join(' '));
	await expect(page.getByRole('alert').first()).toContainText(
		`Word 5, “${meant}x”, is not a recovery phrase word`
	);
	await checkScreen(page, 'wizard-phrase-typo');
	await page.getByRole('button', { name: `Use “${meant}” for word 5` }).click();
	await expect(page.getByText('All 24 words are valid.')).toBeVisible();

	// now a valid phrase, only not this anchor's
	await page.getByRole('button', { name: 'Continue', exact: true }).click();
	const refusal = page.getByRole('alert').filter({ hasText: 'Your phrase could not be checked' });
	await expect(refusal).toBeVisible({ timeout: 60_000 });
	await expect(refusal).toContainText(/not .*recovery phrase/i);
	await checkScreen(page, 'wizard-wrong-phrase');
	await expect(page.getByLabel('Guardian name')).toHaveCount(0);
	const status = await (await vaultCanister(world)).anchorStatus(anchor.number);
	expect(status.vaultId).toEqual([]);
});

test('forged and already used invitations are refused', async ({ openAs, createAnchor }) => {
	const anchor = await createAnchor('invites');
	const owner = await openAs('invites-owner');
	const links = await createVault(owner.page, {
		anchor: anchor.number,
		words: anchor.words,
		guardians: GUARDIAN_NAMES,
		threshold: 2
	});
	const [alice, bob] = [
		await openAs('invites-alice', { next: '/guardian' }),
		await openAs('invites-bob', { next: '/guardian' })
	];
	const first = links[0] ?? '';
	await acceptInvitation(alice.page, first);

	await test.step('a used link does not make a second guardian', async () => {
		await bob.page.goto(first);
		const refusal = bob.page
			.getByRole('alert')
			.filter({ hasText: 'This invitation can’t be used' });
		await expect(refusal).toBeVisible({ timeout: 60_000 });
		await expect(refusal).toContainText(/already (been )?(used|accepted)/);
		await expect(bob.page.getByRole('button', { name: 'Accept invitation' })).toHaveCount(0);
		await checkScreen(bob.page, 'invite-used');
	});

	await test.step('a link with a forged secret is refused', async () => {
		const forged = new URL(first);
		forged.hash = forged.hash.replace(/secret=[\w-]+/, `secret=${'A'.repeat(43)}`);
		await bob.page.goto('about:blank'); // a link opened afresh, as from a message
		await bob.page.goto(forged.href);
		const refusal = bob.page
			.getByRole('alert')
			.filter({ hasText: 'This invitation can’t be used' });
		await expect(refusal).toBeVisible({ timeout: 60_000 });
		await expect(refusal).toContainText(/not valid|not found|does not exist/);
		await expect(bob.page.getByRole('button', { name: 'Accept invitation' })).toHaveCount(0);
		await checkScreen(bob.page, 'invite-invalid');
	});

	await test.step('a link cut short says it is incomplete', async () => {
		await bob.page.goto('about:blank');
		await bob.page.goto('/invite#vault=1');
		await expect(bob.page.getByRole('alert').first()).toBeVisible();
		await expect(bob.page.getByRole('button', { name: 'Accept invitation' })).toHaveCount(0);
	});

	await owner.page.bringToFront();
	await expect(
		owner.page.getByText(`1 of ${GUARDIAN_NAMES.length} guardians have accepted`)
	).toBeVisible({ timeout: 60_000 });
});

test('an alarm raised by the owner shows to guardians; their declines fail the request', async ({
	world,
	openAs,
	createAnchor
}) => {
	test.setTimeout(15 * 60_000);
	const canister = await vaultCanister(world, await sessionOf(world, 'alarm-alice'));
	const anchor = await createAnchor('alarm');
	const { owner, guardians } = await setUpSealedVault(openAs, 'alarm', anchor);
	// a recovery link from another browser, opened by a guardian (here: a thief's, or the owner's
	// own in another window: the guardians cannot tell, which is why the alarm is information)
	const thief = await openAs('alarm-thief', { signedIn: false });
	const { code } = await openRecovery(thief.page, anchor.number, guardians[0]!.page);
	const requestId = (await canister.activeRequest(anchor.number)) ?? -1n;
	expect(requestId).toBeGreaterThanOrEqual(0n);

	await test.step('the owner sees the request and raises the alarm', async () => {
		await owner.page.goto('/owner');
		const alarm = owner.page.getByRole('button', { name: /this isn.t me/i });
		await expect(alarm).toBeVisible({ timeout: 60_000 });
		await checkScreen(owner.page, 'owner-open-request', { phone: true });
		await alarm.click();
		await owner.page
			.getByRole('dialog')
			.getByRole('button', { name: "Yes, this isn't me" })
			.click();
		await expect(
			owner.page.getByRole('status').filter({ hasText: "“This isn't me” was pressed" })
		).toBeVisible({ timeout: 60_000 });
		await expect.poll(async () => (await canister.request(requestId)).alarmRaisedAt.length).toBe(1);
	});

	await test.step('every guardian sees the alarm on the request, as information: Approve stays possible', async () => {
		for (const guardian of guardians) {
			const card = await pendingRequest(guardian.page, anchor.number);
			await expect(
				card.getByText(/alarm|isn.t (them|the owner|me)|did not ask/i).first()
			).toBeVisible();
			await expect(card.getByText(/a thief who\s+holds the owner's phone/u)).toBeVisible();
			expect(await typeCode(card, code)).toBe(true);
			await expect(card.getByRole('button', { name: 'Approve', exact: true })).toBeEnabled();
		}
		await checkScreen(guardians[0]!.page, 'guardian-alarm');
	});

	await test.step('two declines of three make 2 approvals unreachable: the request fails', async () => {
		for (const [i, guardian] of guardians.slice(0, 2).entries()) {
			await vote(guardian.page, await pendingRequest(guardian.page, anchor.number), 'decline');
			await expect
				.poll(async () => (await canister.request(requestId)).declines, { timeout: SLOW_STEP_MS })
				.toBe(i + 1);
		}
		expect((await canister.request(requestId)).status).toMatch(/fail/i);
		await thief.page.reload();
		const closed = thief.page.getByRole('alert').filter({ hasText: 'This request is closed' });
		await expect(closed).toBeVisible({ timeout: 60_000 });
		await expect(closed).toContainText('Too many guardians declined');
		await checkScreen(thief.page, 'recover-failed');
	});
});
