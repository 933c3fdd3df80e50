// One guardian's approval is garbage: the requester's browser checks every released share
// against the commitment the owner stored for its slot, names the guardian whose share failed,
// says that one more approval repairs it, and recovers once another guardian approves (after the
// first release, inside the release window). The faulty approval is sent straight through the
// agent as Alice (the test stands in for a broken or malicious guardian app); everything else is
// the app's UI against devnet.
import { randomBytes } from 'node:crypto';
import { SHARE_CIPHERTEXT_BYTES } from '@tessera/contract';
import { expect, test } from './fixtures';
import { pendingRequest, vote } from './flows/guardian';
import { SLOW_STEP_MS } from './flows/owner';
import { getPhraseBack, openRecovery, recoverPhrase } from './flows/recover';
import { setUpSealedVault } from './flows/vault';
import { vaultCanister } from './support/devnet';
import { sessionOf } from './support/identities';
import { checkScreen } from './support/screens';
import { signInAgain } from './support/session';

const HOUR_MS = 3_600_000;

test('a garbage approval is named and skipped; one more guardian repairs the recovery', async ({
	world,
	openAs,
	createAnchor,
	advanceClock
}) => {
	test.setTimeout(15 * 60_000);
	const anchor = await createAnchor('faulty');
	// 2 of 3, 24 h: Alice is the faulty guardian, Bob and Carol are honest
	const { guardians } = await setUpSealedVault(openAs, 'faulty', anchor, {
		plan: { guardians: ['Alice', 'Bob', 'Carol'], threshold: 2, delayHours: 24 }
	});
	const [, bob, carol] = guardians;
	if (!bob || !carol) throw new Error('three guardians');
	const alice = await vaultCanister(world, await sessionOf(world, 'faulty-alice'));
	const requester = await openAs('faulty-requester', { signedIn: false });
	const { code } = await openRecovery(requester.page, anchor.number, bob.page);
	const requestId = (await alice.activeRequest(anchor.number)) ?? -1n;
	expect(requestId).toBeGreaterThanOrEqual(0n);

	await test.step('Alice approves with bytes that are not her share; Bob approves honestly', async () => {
		await alice.approveWith(requestId, new Uint8Array(randomBytes(SHARE_CIPHERTEXT_BYTES)));
		await vote(bob.page, await pendingRequest(bob.page, anchor.number), 'approve', code);
		await expect
			.poll(async () => (await alice.request(requestId)).approvals, { timeout: SLOW_STEP_MS })
			.toBe(2);
	});

	await test.step('the release names guardian 1 and says one more approval repairs it', async () => {
		await advanceClock(25 * HOUR_MS);
		await expect(getPhraseBack(requester.page)).toBeEnabled({ timeout: SLOW_STEP_MS });
		await getPhraseBack(requester.page).click();
		const refused = requester.page
			.getByRole('alert')
			.filter({ hasText: 'The phrase could not be released' });
		await expect(refused).toBeVisible({ timeout: SLOW_STEP_MS });
		await expect(refused).toContainText('Only 1 good share of the 2 needed.');
		await expect(refused).toContainText('The share from guardian 1 did not match');
		await expect(refused).toContainText('One more guardian’s approval on this request repairs it');
		await checkScreen(requester.page, 'recover-bad-share', { phone: true });
	});

	await test.step('Carol approves after the release; the phrase comes back', async () => {
		// the 25 hours ended her 8-hour II session
		await signInAgain(carol.page, world, carol.name, '/guardian');
		await vote(carol.page, await pendingRequest(carol.page, anchor.number), 'approve', code);
		// a fresh session and agent: devnet's clock moved 25 hours past the first ones
		const aliceNow = async () => vaultCanister(world, await sessionOf(world, 'faulty-alice'));
		await expect
			.poll(async () => (await (await aliceNow()).request(requestId)).approvals, {
				timeout: SLOW_STEP_MS
			})
			.toBe(3);
		expect(await recoverPhrase(requester.page)).toEqual(anchor.words);
		await expect(
			requester.page.getByRole('alert').filter({ hasText: 'One or more shares were damaged' })
		).toContainText('The share from guardian 1 did not match');
	});
});
