// The offline recovery page (offline/, scripts/build-offline.ts): one HTML file opened from
// file:// in a browser whose every network request is blocked rebuilds the phrase from paper
// shares (the share-format vectors: docs/vectors/share-format.json), and wrong, mixed and too few
// shares get the plain messages. The page itself asks for nothing: every request it would make is
// recorded, and none is allowed to happen.
import { expect, test } from '@playwright/test';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { OFFLINE_RECOVERY_FILE } from '../../src/lib/content/offline-recovery';
import { checkScreen } from './support/screens';
import { enterShares, openOffline, revealedWords } from './support/offline-page';

interface VaultVector {
	vaultId: string;
	threshold: number;
	phrase: string;
	shares: { paper: string }[];
}
const { vaults }: { vaults: VaultVector[] } = JSON.parse(
	readFileSync('docs/vectors/share-format.json', 'utf8')
);
const threeOfFive = vaults.find((vault) => vault.threshold === 3)!;
const twoOfThree = vaults.find((vault) => vault.threshold === 2)!;

test('rebuilds the phrase from m paper shares with no network at all', async ({ browser }) => {
	const offline = await openOffline(browser);
	const { page } = offline;
	await checkScreen(page, 'offline-recovery', { phone: true });
	await enterShares(
		page,
		[4, 0, 2].map((i) => threeOfFive.shares[i]!.paper)
	);
	await expect(page.getByText('A valid paper share: guardian slot 5 of 5')).toBeVisible();
	await page.getByRole('button', { name: 'Rebuild my phrase' }).click();
	expect((await revealedWords(page)).join(' ')).toBe(threeOfFive.phrase);
	await expect(page.getByText('This page cannot ask Internet Identity')).toBeVisible();
	await checkScreen(page, 'offline-recovered', { phone: true });
	await page.getByRole('button', { name: 'Done: hide and forget the phrase' }).click();
	await expect(page.getByTestId('recovered-phrase')).toHaveCount(0);
	expect(offline.requests).toEqual([]);
	expect(offline.errors).toEqual([]);
	await offline.context.close();
});

test('wrong words, mixed vaults and too few shares get plain messages', async ({ browser }) => {
	const offline = await openOffline(browser);
	const { page } = offline;
	const [first, second] = threeOfFive.shares;

	// one mistyped word: which word, and the fix offered
	const words = first!.paper.split(' ');
	const typo = `${words[6]!.slice(0, -1)}x`;
	words[6] = typo;
	await enterShares(page, [words.join(' ')]);
	await page.getByLabel('Paper share 1', { exact: true }).blur();
	const problem = page.getByRole('alert').filter({ hasText: typo });
	await expect(problem).toBeVisible();
	await problem
		.getByRole('button', { name: /for word 7$/u })
		.first()
		.click();
	await expect(page.getByText('A valid paper share: guardian slot 1 of 5')).toBeVisible();

	// too few
	await page.getByLabel('Paper share 2', { exact: true }).fill(second!.paper);
	await page.getByRole('button', { name: 'Rebuild my phrase' }).click();
	await expect(page.getByText('You entered 2 different shares; 3 are needed.')).toBeVisible();

	// a share of another vault
	await page.getByRole('button', { name: 'Add another paper share' }).click();
	await page.getByLabel('Paper share 3', { exact: true }).fill(twoOfThree.shares[0]!.paper);
	await page.getByRole('button', { name: 'Rebuild my phrase' }).click();
	await expect(
		page.getByText(
			`Paper share 3 belongs to another Tessera vault (${twoOfThree.vaultId}) than the others (${threeOfFive.vaultId}).`
		)
	).toBeVisible();
	await checkScreen(page, 'offline-refused');
	expect(offline.requests).toEqual([]);
	expect(offline.errors).toEqual([]);
	await offline.context.close();
});

test('the app serves the same file for download, with its sha256', async ({ page, request }) => {
	const served = await request.get(`/${OFFLINE_RECOVERY_FILE}`);
	expect(served.ok()).toBe(true);
	const body = await served.body();
	const digest = createHash('sha256').update(body).digest('hex');
	const published = await request.get(`/${OFFLINE_RECOVERY_FILE}.sha256`);
	expect(await published.text()).toBe(`${digest}  ${OFFLINE_RECOVERY_FILE}\n`);
	expect(body.toString('utf8')).toContain("default-src 'none'");

	await page.goto('/recover');
	await page.getByRole('button', { name: 'Use paper shares' }).click();
	const link = page.getByRole('link', { name: 'offline recovery page' });
	await expect(link).toHaveAttribute('download', '');
	expect(await link.getAttribute('href')).toMatch(new RegExp(`/${OFFLINE_RECOVERY_FILE}$`, 'u'));
});
