// The setup most stories start from: an owner with a sealed vault guarded by three people
// (2 of 3), each in their own signed-in browser context.
import { expect, test } from '@playwright/test';
import type { TestAnchor } from '../support/devnet';
import { DEVICE_ALIASES } from '../support/devnet';
import type { Person } from '../support/session';
import { acceptInvitation } from './guardian';
import { createVault, sealVault, type SealOptions, type VaultPlan } from './owner';

export const GUARDIAN_NAMES = ['Alice', 'Bob', 'Carol'] as const;

type OpenAs = (name: string, options?: { signedIn?: boolean; next?: string }) => Promise<Person>;

export interface GuardedVault {
	owner: Person;
	guardians: Person[];
	links: string[];
}

/** Owner and guardians sign in (as `<story>-owner`, `<story>-alice`, …) and seal a vault. */
export async function setUpSealedVault(
	openAs: OpenAs,
	story: string,
	anchor: TestAnchor,
	options: SealOptions & Pick<VaultPlan, 'delayHours'> = {}
): Promise<GuardedVault> {
	const owner = await openAs(`${story}-owner`, { next: '/owner' });
	const guardians = await Promise.all(
		GUARDIAN_NAMES.map((name) => openAs(`${story}-${name.toLowerCase()}`, { next: '/guardian' }))
	);

	let links: string[] = [];
	await test.step('the owner sets up the vault and gets one invitation per guardian', async () => {
		links = await createVault(
			owner.page,
			{
				anchor: anchor.number,
				words: anchor.words,
				guardians: GUARDIAN_NAMES,
				threshold: 2,
				delayHours: options.delayHours
			},
			options
		);
		expect(links).toHaveLength(GUARDIAN_NAMES.length);
		expect(new Set(links).size).toBe(GUARDIAN_NAMES.length);
		for (const link of links) {
			// the invite secret travels only in the fragment, never to a server
			expect(new URL(link).search).toBe('');
			expect(new URL(link).hash).toMatch(/^#vault=\d+&secret=[\w-]+$/);
		}
		const phrase = (await anchor.devices()).find((d) => d.alias === DEVICE_ALIASES.phrase);
		expect(phrase?.protection, 'the wizard protected the phrase on II').toEqual({
			protected: null
		});
	});

	await test.step('each guardian accepts their invitation', async () => {
		for (const [i, guardian] of guardians.entries()) {
			await acceptInvitation(guardian.page, links[i] ?? '', {
				screens: options.screens && i === 0
			});
		}
	});

	await test.step('the owner seals the shares once all have accepted', async () => {
		await sealVault(owner.page, GUARDIAN_NAMES.length, options);
	});
	return { owner, guardians, links };
}
