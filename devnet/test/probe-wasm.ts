// Where the probe test canister's wasm is built (the repo's ignored .azle/, kept out of lint),
// found from this file so that any working directory works.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROBE_ROOT = fileURLToPath(new URL('../test-canister', import.meta.url));
export const PROBE_BUILD_DIRECTORY = fileURLToPath(
	new URL('../../.azle/devnet-probe', import.meta.url)
);
export const PROBE_WASM = join(PROBE_BUILD_DIRECTORY, 'probe.wasm');
