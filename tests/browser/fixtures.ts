// The browser tests' `test`: Playwright's, plus the world the global setup started (devnet, the
// canisters, the app), devnet's clock, test anchors on the local II, and people with their own
// signed-in browser contexts (closed after the test).
import { test as base } from '@playwright/test';
import { worldFromEnv, type E2eWorld } from '../../scripts/e2e-world';
import { advanceDevnetClock, createTestAnchor, type TestAnchor } from './support/devnet';
import { person, type Person } from './support/session';

interface Fixtures {
	/** The people opened by `openAs` in this test. */
	people: Person[];
	/**
	 * Moves devnet's clock forward, as `npm run devnet -- time advance` does. Browser clocks stay
	 * as they are: a person cannot move theirs, so the app must keep to the replica's clock.
	 */
	advanceClock: (milliseconds: number) => Promise<Date>;
	/** A fresh anchor on the local II: owner device, unprotected phrase, attacker device. */
	createAnchor: (label: string) => Promise<TestAnchor>;
	/** A person with their own browser context: signed in as `name` unless told otherwise. */
	openAs: (name: string, options?: { signedIn?: boolean; next?: string }) => Promise<Person>;
}

export const test = base.extend<Fixtures, { world: E2eWorld }>({
	world: [
		// eslint-disable-next-line no-empty-pattern -- Playwright needs the destructuring
		async ({}, use) => {
			const world = worldFromEnv();
			if (!world) throw new Error('no e2e world: run the tests through playwright.config.ts');
			await use(world);
		},
		{ scope: 'worker' }
	],
	// eslint-disable-next-line no-empty-pattern -- Playwright needs the destructuring
	people: async ({}, use) => {
		const people: Person[] = [];
		await use(people);
		await Promise.all(people.map(({ context }) => context.close()));
	},
	advanceClock: async ({ world }, use) => {
		await use((milliseconds) => advanceDevnetClock(world, milliseconds));
	},
	createAnchor: async ({ world }, use) => {
		await use((label) => createTestAnchor(world, label));
	},
	openAs: async ({ browser, world, people }, use) => {
		await use(async (name, options) => {
			const someone = await person(browser, world, name, options);
			people.push(someone);
			return someone;
		});
	}
});

export { expect } from '@playwright/test';
