// What the browser tests know about their world (scripts/e2e-env.ts starts it): one source of
// truth for the script that starts it and for the Playwright setup and fixtures that use it.

/** The line scripts/e2e-env.ts prints once everything is up, followed by the world as JSON. */
export const READY_LINE = 'e2e environment ready ';

export interface E2eWorld {
	/** The app, served on localhost. */
	appUrl: string;
	/** The local Internet Identity window (devnet only), on its own origin. */
	iiUrl: string;
	/** devnet, started with --admin (clock control). */
	devnetUrl: string;
	/** dfx.json name -> canister id text. */
	canisterIds: Record<string, string>;
}

/** Environment variables that carry the world to Playwright's workers (or name a running one). */
export const WORLD_ENV = {
	appUrl: 'TESSERA_E2E_APP_URL',
	iiUrl: 'TESSERA_E2E_II_URL',
	devnetUrl: 'TESSERA_E2E_DEVNET_URL',
	canisterIds: 'TESSERA_E2E_CANISTER_IDS'
} as const;

export function worldToEnv(world: E2eWorld): Record<string, string> {
	return {
		[WORLD_ENV.appUrl]: world.appUrl,
		[WORLD_ENV.iiUrl]: world.iiUrl,
		[WORLD_ENV.devnetUrl]: world.devnetUrl,
		[WORLD_ENV.canisterIds]: JSON.stringify(world.canisterIds)
	};
}

/** The world named by the environment, or undefined when it names none. */
export function worldFromEnv(env: NodeJS.ProcessEnv = process.env): E2eWorld | undefined {
	const appUrl = env[WORLD_ENV.appUrl];
	const iiUrl = env[WORLD_ENV.iiUrl];
	const devnetUrl = env[WORLD_ENV.devnetUrl];
	const ids = env[WORLD_ENV.canisterIds];
	if (!appUrl || !iiUrl || !devnetUrl || !ids) return undefined;
	return { appUrl, iiUrl, devnetUrl, canisterIds: JSON.parse(ids) as Record<string, string> };
}
