// The environment the app is built with for a local network: devnet's URL and every deployed
// canister's id, read from the ids file `devnet deploy` writes (dfx's format). Canisters are
// read by name, whatever they are called: `vault` becomes VITE_CANISTER_ID_VAULT.
import { existsSync, readFileSync } from 'node:fs';

/** dfx.json canister name -> canister id text. */
export type CanisterIdsByName = Record<string, string>;

/** The Vite variable that carries a canister's id, e.g. `internet_identity` -> ..._INTERNET_IDENTITY. */
export function canisterIdVariable(name: string): string {
	return `VITE_CANISTER_ID_${name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
}

export function appBuildEnv(icHost: string, ids: CanisterIdsByName): Record<string, string> {
	const env: Record<string, string> = { VITE_IC_HOST: icHost };
	for (const [name, id] of Object.entries(ids)) env[canisterIdVariable(name)] = id;
	return env;
}

/** The ids in a dfx-format file `{"<name>":{"local":"<id>"}}`; throws if it names none. */
export function readCanisterIds(path: string): CanisterIdsByName {
	if (!existsSync(path)) throw new Error(`${path} does not exist: the deploy wrote no ids`);
	const file = JSON.parse(readFileSync(path, 'utf8')) as Record<string, { local?: unknown }>;
	const ids = Object.entries(file).flatMap(([name, entry]) =>
		typeof entry?.local === 'string' ? [[name, entry.local] as const] : []
	);
	if (ids.length === 0) throw new Error(`${path} names no local canister id`);
	return Object.fromEntries(ids);
}
