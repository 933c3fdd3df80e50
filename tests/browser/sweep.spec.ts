// The sweep on II 2.0, in the browser against devnet: after sealing, the thief, signed in with the
// owner's stolen phone, opens every door II 2.0 has (agent calls to the local II as his
// principal): his own passkey, a linked OpenID account, a recovery e-mail and registration mode.
// The owner rebuilds the phrase from paper shares (no request, so no waiting period; no anchor
// number typed: II finds the identity from the phrase), sees every
// door on the sweep screen, keeps only their laptop, and the sweep leaves only what the owner
// kept: checked with get_anchor_info and identity_info, and by trying each of the thief's routes.
import { expect, test } from './fixtures';
import { readPaperShares, SLOW_STEP_MS } from './flows/owner';
import {
	openPaperRecovery,
	rebuildFromPaper,
	sweepDevices,
	sweepRegion,
	typePaperShares
} from './flows/recover';
import { setUpSealedVault } from './flows/vault';
import { DEVICE_ALIASES, identityInfo, thiefOpensDoors } from './support/devnet';
import { checkScreen } from './support/screens';

test('the sweep closes every door the thief opened on II 2.0 and leaves what the owner kept', async ({
	world,
	openAs,
	createAnchor
}) => {
	test.setTimeout(15 * 60_000);
	const anchor = await createAnchor('sweep');
	const { owner, guardians } = await setUpSealedVault(openAs, 'sweep', anchor, {
		paperFor: ['Alice', 'Carol']
	});
	const paper = await readPaperShares(owner.page);

	const thief = await thiefOpensDoors(world, anchor);
	await test.step("each of the thief's doors signs in before the sweep", async () => {
		for (const key of [thief.passkey, thief.openId, thief.email, anchor.attackerDevice]) {
			expect('Ok' in (await identityInfo(world, anchor.number, key))).toBe(true);
		}
	});

	const offline = await openAs('sweep-offline', { signedIn: false });
	const { page } = offline;
	await test.step('the sweep screen lists every door, all selected but the phrase', async () => {
		// no anchor number typed: II finds the identity from the rebuilt phrase
		await openPaperRecovery(page);
		await typePaperShares(page, [paper.get('Alice')!, paper.get('Carol')!]);
		await rebuildFromPaper(page).click();
		await expect(
			page.getByText(`This is the recovery phrase of identity ${anchor.number}`)
		).toBeVisible({ timeout: SLOW_STEP_MS });
		const sweep = sweepRegion(page);
		await expect(sweep).toBeVisible({ timeout: SLOW_STEP_MS });
		for (const name of [
			DEVICE_ALIASES.owner,
			DEVICE_ALIASES.attacker,
			'Thief iPhone',
			`Devnet test issuer (local only) account ${thief.address}`,
			`Recovery e-mail ${thief.address}`
		]) {
			await expect(sweep.getByRole('checkbox', { name })).toBeChecked();
		}
		await expect(sweep.getByText('(this recovery phrase — kept)')).toBeVisible();
		await expect(sweep.getByTestId('registration')).toContainText('The sweep ends it');
		// the thief's phone signed in a moment ago: II recorded it
		const phone = sweep.getByRole('checkbox', { name: DEVICE_ALIASES.attacker });
		await expect(phone.locator('xpath=..')).not.toContainText('Last used: never');
		await checkScreen(page, 'recover-sweep-doors', { phone: true });
	});

	await test.step('the owner keeps the laptop; the sweep removes the rest', async () => {
		await sweepDevices(page, { keep: [DEVICE_ALIASES.owner], remove: 4 });
		const sweep = sweepRegion(page);
		await expect(sweep.getByRole('status')).toContainText('a certified read');
		// re-armed for a second pass: the new device is the owner's, no second one is offered
		await expect(sweep.getByRole('checkbox', { name: /\(your new device\)/u })).not.toBeChecked();
		await expect(sweep.getByRole('checkbox', { name: DEVICE_ALIASES.owner })).not.toBeChecked();
		await expect(sweep.getByRole('checkbox', { name: /Add a new device/u })).toHaveCount(0);
		await expect(sweep.getByTestId('registration')).toHaveCount(0);
		await checkScreen(page, 'recover-swept-doors');
	});

	await test.step('II keeps only what the owner kept; the thief is out on every route', async () => {
		const devices = await anchor.devices();
		expect(devices.map((d) => d.alias).sort()).toEqual(
			[DEVICE_ALIASES.owner, DEVICE_ALIASES.phrase, 'Devnet test key (Tessera)'].sort()
		);
		expect(devices.find((d) => d.alias === DEVICE_ALIASES.phrase)?.protection).toEqual({
			protected: null
		});
		const info = await identityInfo(world, anchor.number, anchor.ownerDevice);
		if (!('Ok' in info)) throw new Error('the kept laptop no longer signs in');
		expect(info.Ok.openid_credentials).toEqual([[]]);
		expect(info.Ok.email_recovery).toEqual([]);
		expect(info.Ok.authn_method_registration).toEqual([]);
		for (const key of [thief.passkey, thief.openId, thief.email, anchor.attackerDevice]) {
			expect(await identityInfo(world, anchor.number, key)).toEqual({
				Err: { Unauthorized: expect.anything() }
			});
		}
	});

	expect([owner, offline, ...guardians].flatMap((p) => p.pageErrors)).toEqual([]);
});
