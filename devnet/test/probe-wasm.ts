// Where the probe test canister's wasm is built (the repo's ignored .azle/, kept out of lint),
// found from this file so that any working directory works.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// A browser-like test environment (jsdom) gives modules non-file URLs; there the working
// directory is the repository's, as vitest runs from it.
const DEVNET_ROOT = import.meta.url.startsWith('file:')
	? join(dirname(fileURLToPath(import.meta.url)), '..')
	: resolve('devnet');

export const PROBE_ROOT = join(DEVNET_ROOT, 'test-canister');
export const PROBE_BUILD_DIRECTORY = join(DEVNET_ROOT, '..', '.azle', 'devnet-probe');
export const PROBE_WASM = join(PROBE_BUILD_DIRECTORY, 'probe.wasm');
