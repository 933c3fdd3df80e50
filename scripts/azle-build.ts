#!/usr/bin/env -S npx tsx
// `azle build NAME` with a reproducible module: the same steps as Azle 0.33's build command
// (node_modules/azle/src/stable/build/commands/build/index.ts), except the data Azle embeds in
// the wasm beside the JavaScript. Azle embeds the absolute path of the build's main.js (QuickJS
// names the module with it; it appears only in stack traces) and the values of AZLE_LOG_ACTIONS,
// AZLE_RECORD_ACTIONS and AZLE_RECORD_BENCHMARKS from the builder's environment, so two
// checkouts in different folders, or one shell with a debugging variable set, built different
// modules from the same source. Here the path is relative to the dfx root and only
// AZLE_VERSION is embedded: the module is a function of the source and the locked dependencies.
//
//   AZLE_DFX_ROOT=DIR CANISTER_CANDID_PATH=FILE tsx scripts/azle-build.ts NAME
//
// Azle is pinned to an exact version in package.json; a new version must be checked against
// this file (its build steps are the four calls below).
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const name = process.argv[2];
if (!name) throw new Error('usage: tsx scripts/azle-build.ts NAME');
const root = resolve(process.env.AZLE_DFX_ROOT ?? '.');
process.env.AZLE_DFX_ROOT = root;
for (const variable of ['AZLE_LOG_ACTIONS', 'AZLE_RECORD_ACTIONS', 'AZLE_RECORD_BENCHMARKS']) {
	delete process.env[variable];
}

// Azle of this repository (a --root project, such as devnet's probe, has no node_modules)
const azle = join(import.meta.dirname, '..', 'node_modules/azle/src/stable/build');
const load = (path: string) => import(pathToFileURL(join(azle, path)).href);
const { getCanisterConfig } = await load('utils/get_canister_config.ts');
const { getContext } = await load('commands/build/get_context.ts');
const { compile } = await load('commands/build/javascript.ts');
const { getCandidAndMethodMeta } = await load('commands/build/candid_and_method_meta/index.ts');
const { getWasmBinary } = await load('commands/build/wasm_binary/index.ts');

const config = await getCanisterConfig(name);
const context = await getContext(name, config);
const wasmData = { ...context.wasmData, mainJsPath: `.azle/${name}/main.js` };

await rm(context.canisterPath, { recursive: true, force: true });
const javaScript: string = await compile(context.main);
await mkdir(context.canisterPath, { recursive: true });
await writeFile(join(context.canisterPath, 'main.js'), javaScript);

const { candid, methodMeta } = await getCandidAndMethodMeta(
	config.custom?.candid_gen,
	context.candidPath,
	javaScript,
	'inherit',
	wasmData
);
await mkdir(dirname(context.candidPath), { recursive: true });
await writeFile(context.candidPath, candid);

const wasm: Uint8Array = await getWasmBinary('inherit', javaScript, wasmData, methodMeta);
await mkdir(dirname(context.wasmBinaryPath), { recursive: true });
await writeFile(context.wasmBinaryPath, wasm);
