// Where the probe test canister's wasm is built (the repo's ignored .azle/, kept out of lint).
import { resolve } from 'node:path';

export const PROBE_ROOT = resolve('devnet/test-canister');
export const PROBE_BUILD_DIRECTORY = resolve('.azle/devnet-probe');
export const PROBE_WASM = resolve(PROBE_BUILD_DIRECTORY, 'probe.wasm');
