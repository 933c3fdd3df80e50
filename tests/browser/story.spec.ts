// The complete story, each person in their own browser context against devnet: the owner
// protects an anchor with five guardians, 3 of 5 and a 96-hour delay (not the wizard's defaults,
// so what the owner chose must reach the canister), loses access, makes a recovery link in a
// fresh browser, one guardian opens the request from it after typing the code the owner reads
// out, three guardians approve (each typing the code), the release waits for the delay, the
// phrase comes back and the sweep removes the attacker's device and protects the phrase.
// Every outcome is checked on the canisters too, not only on screen.
import { verificationCode } from '../../src/lib/crypto/verification-code';
import { expect, test } from './fixtures';
import { pendingRequest, typeCode, vote } from './flows/guardian';
import { SLOW_STEP_MS } from './flows/owner';
import { getPhraseBack, openRecovery, recoverPhrase, sweepDevices } from './flows/recover';
import { setUpSealedVault, type GuardianPlan } from './flows/vault';
import { DEVICE_ALIASES, devnetTimeNs, vaultCanister } from './support/devnet';
import { sessionOf } from './support/identities';
import { checkScreen } from './support/screens';

const HOUR_MS = 3_600_000;
const HOUR_NS = 3_600_000_000_000n;
/** The owner's choice: 3 of 5, and a waiting period other than the wizard's 72 hours. */
const PLAN = {
	guardians: ['Alice', 'Bob', 'Carol', 'Dave', 'Erin'],
	threshold: 3,
	delayHours: 96
} as const satisfies GuardianPlan;
const DELAY_HOURS = PLAN.delayHours;
const THRESHOLD = PLAN.threshold;

test('the complete story: protect, invite, seal, recover, sweep', async ({
	world,
	openAs,
	createAnchor,
	advanceClock
}) => {
	test.setTimeout(20 * 60_000);
	const started = performance.now();
	// read as Alice, a guardian: a request is visible to its parties only
	const canister = await vaultCanister(world, await sessionOf(world, 'story-alice'));
	const anchor = await createAnchor('story');

	const { owner, guardians } = await setUpSealedVault(openAs, 'story', anchor, {
		screens: true,
		plan: PLAN
	});

	await test.step('the owner and the guardians see the sealed vault', async () => {
		await owner.page.goto('/owner');
		await expect(owner.page.getByText(anchor.number.toString()).first()).toBeVisible();
		await checkScreen(owner.page, 'owner-dashboard', { phone: true });
		await guardians[0]?.page.goto('/guardian');
		await expect(guardians[0]!.page.getByText(anchor.number.toString()).first()).toBeVisible();
		await checkScreen(guardians[0]!.page, 'guardian-vaults', { phone: true });
	});

	// the owner has lost every device: a fresh browser, nobody signed in
	const requester = await openAs('requester', { signedIn: false });
	let requestId = 0n;
	let code = '';
	await test.step('a guardian opens the recovery from the link the fresh browser made', async () => {
		({ code } = await openRecovery(requester.page, anchor.number, guardians[0]!.page, {
			screens: true
		}));
		requestId = (await canister.activeRequest(anchor.number)) ?? -1n;
		expect(requestId).toBeGreaterThanOrEqual(0n);
		// the vault was created and sealed with what the owner chose
		const opened = await canister.request(requestId);
		expect(opened.threshold).toBe(THRESHOLD);
		expect(opened.guardianCount).toBe(PLAN.guardians.length);
		expect(opened.releasableAt - opened.openedAt).toBe(BigInt(DELAY_HOURS) * HOUR_NS);
	});

	await test.step('the code the requester reads out is the real one, and guardians type it', async () => {
		const { requester: requesterPrincipal } = await canister.request(requestId);
		const expected = verificationCode(anchor.number, requesterPrincipal).text;
		expect(code).toBe(expected);
		for (const [i, guardian] of guardians.slice(0, THRESHOLD).entries()) {
			const card = await pendingRequest(guardian.page, anchor.number);
			// other words (another link's) never enable Approve
			expect(await typeCode(card, 'circle square triangle diamond')).toBe(
				expected === 'circle square triangle diamond'
			);
			await expect(card.getByRole('button', { name: 'Approve', exact: true })).toBeDisabled();
			expect(await typeCode(card, expected)).toBe(true);
			await expect(card.getByRole('button', { name: 'Approve', exact: true })).toBeEnabled();
			if (i === 0) await checkScreen(guardian.page, 'guardian-request', { phone: true });
		}
	});

	await test.step(`${THRESHOLD} guardians approve`, async () => {
		for (const [i, guardian] of guardians.slice(0, THRESHOLD).entries()) {
			const card = await pendingRequest(guardian.page, anchor.number);
			await vote(guardian.page, card, 'approve', code);
			await expect
				.poll(async () => (await canister.request(requestId)).approvals, { timeout: SLOW_STEP_MS })
				.toBe(i + 1);
			await expect(card.getByText('You approved this request.')).toBeVisible();
		}
		await expect(
			requester.page.getByText(`${THRESHOLD} of ${THRESHOLD}`, { exact: false }).first()
		).toBeVisible({ timeout: 60_000 });
	});

	await test.step('the release is refused before the delay has passed', async () => {
		const status = await canister.request(requestId);
		expect(status.releasableAt).toBeGreaterThan(await devnetTimeNs(world));
		await requester.page.reload();
		await expect(requester.page.getByText('Your phrase can be released in')).toBeVisible({
			timeout: SLOW_STEP_MS
		});
		await expect(getPhraseBack(requester.page)).toBeDisabled();
		await checkScreen(requester.page, 'recover-waiting', { phone: true });
	});

	let words: string[] = [];
	await test.step('after the delay the phrase comes back, equal to the original', async () => {
		await advanceClock((DELAY_HOURS + 1) * HOUR_MS);
		words = await recoverPhrase(requester.page);
		expect(words).toEqual(anchor.words);
		await checkScreen(requester.page, 'recover-phrase');
	});

	await test.step("the sweep removes the attacker's device and the phrase stays protected", async () => {
		await sweepDevices(
			requester.page,
			{ keep: [DEVICE_ALIASES.owner], remove: 1 },
			{ screens: true }
		);
		const devices = await anchor.devices();
		const aliases = devices.map((device) => device.alias);
		expect(aliases).not.toContain(DEVICE_ALIASES.attacker);
		expect(aliases).toContain(DEVICE_ALIASES.owner);
		expect(devices, 'the fresh device for the owner was added').toHaveLength(3);
		const phrase = devices.find((device) => device.alias === DEVICE_ALIASES.phrase);
		expect(phrase?.protection).toEqual({ protected: null });
	});

	expect([owner, requester, ...guardians].flatMap((someone) => someone.pageErrors)).toEqual([]);
	const seconds = (performance.now() - started) / 1000;
	console.log(`e2e story wall time: ${seconds.toFixed(1)} s`);
	test.info().annotations.push({ type: 'wall time', description: `${seconds.toFixed(1)} s` });
});
