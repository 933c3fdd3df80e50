// Paper shares, each person in their own browser context against devnet: the owner seals with
// paper shares for two of three guardians (2 of 3) and the test reads the words off the printed
// kit; the offline recovery file, opened from file:// with every request blocked, rebuilds the
// phrase from those printed shares (and refuses too few, a wrong word and another vault's share in
// plain words); then a fresh browser rebuilds the phrase from those paper shares alone (no
// request), and another one recovers through a request with a paper share added to the released
// shares. The phrase must equal the original each time; the canisters are checked, not only the
// screens.
import { readFileSync } from 'node:fs';
import { decodeEnvelope } from '../../src/lib/crypto/envelope';
import { importPaperShare } from '../../src/lib/crypto/paper';
import { expect, test } from './fixtures';
import { pendingRequest, vote } from './flows/guardian';
import { readPaperShares, SLOW_STEP_MS } from './flows/owner';
import {
	openPaperRecovery,
	openRecovery,
	rebuildFromPaper,
	recoverPhrase,
	revealPhrase,
	typePaperShares
} from './flows/recover';
import { setUpSealedVault } from './flows/vault';
import { vaultCanister } from './support/devnet';
import { sessionOf } from './support/identities';
import { enterShares, openOffline, revealedWords } from './support/offline-page';
import { checkScreen } from './support/screens';

const HOUR_MS = 3_600_000;
const DELAY_HOURS = 72;

/** The guardian slot (1..n) a paper share is for, read from its words as the app would. */
function slotOf(words: readonly string[]): number {
	const envelope = importPaperShare(words.join(' '));
	if (!envelope.ok) throw new Error('the printed paper share does not read back');
	const decoded = decodeEnvelope(envelope.value);
	if (!decoded.ok) throw new Error(decoded.error.kind);
	return decoded.value.index;
}

/** The vault a paper share belongs to. */
function vaultOf(words: readonly string[]): bigint {
	const envelope = importPaperShare(words.join(' '));
	const decoded = envelope.ok ? decodeEnvelope(envelope.value) : undefined;
	if (!decoded?.ok) throw new Error('the printed paper share does not read back');
	return decoded.value.vaultId;
}

/** A paper share of another vault: the share-format vectors' 2-of-3 vault. */
const otherVault: { vaultId: string; shares: { paper: string }[] } = JSON.parse(
	readFileSync('docs/vectors/share-format.json', 'utf8')
).vaults[0];

test('paper shares: printed in the kit, the phrase rebuilt from paper alone and with released shares', async ({
	world,
	openAs,
	createAnchor,
	advanceClock
}) => {
	test.setTimeout(20 * 60_000);
	const started = performance.now();
	const canister = await vaultCanister(world, await sessionOf(world, 'paper-alice'));
	const anchor = await createAnchor('paper');
	const { owner, guardians } = await setUpSealedVault(openAs, 'paper', anchor, {
		paperFor: ['Alice', 'Carol']
	});

	let paper = new Map<string, string[]>();
	await test.step('the kit prints 37 words for each chosen guardian, none for the other', async () => {
		paper = await readPaperShares(owner.page);
		expect([...paper.keys()]).toEqual(['Alice', 'Carol']);
		for (const words of paper.values()) expect(words).toHaveLength(37);
		expect(slotOf(paper.get('Alice')!)).toBe(1);
		expect(slotOf(paper.get('Carol')!)).toBe(3);
		await checkScreen(owner.page, 'wizard-recovery-kit-paper', { phone: true });
		await owner.page
			.getByRole('button', { name: 'I have printed them: remove the paper shares' })
			.click();
		await expect(owner.page.getByRole('heading', { name: /^Paper share for/ })).toHaveCount(0);
	});
	const alice = paper.get('Alice')!;
	const carol = paper.get('Carol')!;

	await test.step('the offline file, from file:// with no network, rebuilds the phrase from the kit', async () => {
		const offline = await openOffline(owner.page.context().browser()!);
		const { page } = offline;
		// too few
		await enterShares(page, [alice.join(' ')]);
		await page.getByRole('button', { name: 'Rebuild my phrase' }).click();
		await expect(page.getByText('You entered 1 different share; 2 are needed.')).toBeVisible();
		// another vault's share
		await enterShares(page, [alice.join(' '), otherVault.shares[1]!.paper]);
		await page.getByRole('button', { name: 'Rebuild my phrase' }).click();
		await expect(
			page.getByText(
				`Paper share 2 belongs to another Tessera vault (${otherVault.vaultId}) than the others (${vaultOf(alice)}).`
			)
		).toBeVisible();
		// a word written wrong: named, with the fix offered
		const typo = `${carol[6]!.slice(0, -1)}x`;
		await enterShares(page, [alice.join(' '), carol.with(6, typo).join(' ')]);
		await page.getByLabel('Paper share 2', { exact: true }).blur();
		const problem = page.getByRole('alert').filter({ hasText: typo });
		await expect(problem).toBeVisible();
		await problem
			.getByRole('button', { name: /for word 7$/u })
			.first()
			.click();
		await expect(page.getByText('A valid paper share: guardian slot 3 of 3')).toBeVisible();
		await page.getByRole('button', { name: 'Rebuild my phrase' }).click();
		expect(await revealedWords(page)).toEqual(anchor.words);
		expect(offline.requests).toEqual([]);
		expect(offline.errors).toEqual([]);
		await offline.context.close();
	});

	const offline = await openAs('paper-offline', { signedIn: false });
	await test.step('offline: two paper shares rebuild the phrase, with no request', async () => {
		const { page } = offline;
		await openPaperRecovery(page, anchor.number);
		await checkScreen(page, 'recover-paper-empty', { phone: true });
		await typePaperShares(page, [alice]);
		await rebuildFromPaper(page).click();
		await expect(
			page.getByRole('alert').filter({ hasText: 'You entered 1 different share; 2 are needed.' })
		).toBeVisible();
		await typePaperShares(page, [alice, carol]);
		await checkScreen(page, 'recover-paper');
		await rebuildFromPaper(page).click();
		await expect(page.getByText('Your recovery phrase is back')).toBeVisible({
			timeout: SLOW_STEP_MS
		});
		await expect(
			page.getByText(`This is the recovery phrase of identity ${anchor.number}`)
		).toBeVisible({ timeout: SLOW_STEP_MS });
		expect(await revealPhrase(page)).toEqual(anchor.words);
		await checkScreen(page, 'recover-paper-phrase');
		expect(await canister.activeRequest(anchor.number)).toBeUndefined();
		// the shares were typed, never kept: not in storage, not in the address
		const kept = await page.evaluate(() =>
			JSON.stringify([location.href, { ...localStorage }, { ...sessionStorage }])
		);
		for (const word of [...alice, ...carol]) expect(kept).not.toContain(` ${word} `);
		expect(kept).not.toContain(alice.join(' '));
		await page.getByRole('button', { name: 'Done: clear this page' }).click();
		await expect(page.getByRole('button', { name: 'Use paper shares' })).toBeVisible();
	});

	const requester = await openAs('paper-requester', { signedIn: false });
	await test.step('with a request: a paper share is added to the released shares', async () => {
		const { code } = await openRecovery(requester.page, anchor.number, guardians[0]!.page);
		const requestId = (await canister.activeRequest(anchor.number)) ?? -1n;
		expect(requestId).toBeGreaterThanOrEqual(0n);
		for (const [i, guardian] of guardians.slice(0, 2).entries()) {
			const card = await pendingRequest(guardian.page, anchor.number);
			await vote(guardian.page, card, 'approve', code);
			await expect
				.poll(async () => (await canister.request(requestId)).approvals, { timeout: SLOW_STEP_MS })
				.toBe(i + 1);
		}
		await advanceClock((DELAY_HOURS + 1) * HOUR_MS);
		await requester.page.getByText('I also have paper shares').click();
		await typePaperShares(requester.page, [carol]);
		await expect(
			requester.page.getByText('1 paper share will be added when you get your phrase back.')
		).toBeVisible();
		await checkScreen(requester.page, 'recover-waiting-paper');
		expect(await recoverPhrase(requester.page)).toEqual(anchor.words);
		// a fresh agent: devnet's clock moved ahead of the first one's
		const now = await vaultCanister(world, await sessionOf(world, 'paper-alice'));
		expect((await now.request(requestId)).status).toBe('released');
	});

	expect([owner, offline, requester, ...guardians].flatMap((p) => p.pageErrors)).toEqual([]);
	const seconds = (performance.now() - started) / 1000;
	console.log(`e2e paper wall time: ${seconds.toFixed(1)} s`);
	test.info().annotations.push({ type: 'wall time', description: `${seconds.toFixed(1)} s` });
});
