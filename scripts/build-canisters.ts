#!/usr/bin/env -S npx tsx
// Builds every Azle canister named in a dfx.json offline (no dfx, no Rust) and keeps the
// committed Candid interface in step with the code.
//
//   tsx scripts/build-canisters.ts [--check] [--root DIR] [name ...]
//
// Every module is reproducible (scripts/azle-build.ts says how) and its sha256 is printed: the
// hash an upgrade announces, which anyone can compare with a build of the tagged source.
//
// Default: build, then write each canister's generated .did to the path dfx.json names, and the
// TypeScript bindings generated from the contract's .did files (BINDINGS).
// --check: build, then fail if a committed .did or binding differs from the generated one (used
// by npm test).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { bindings } from './bindings';

/** Candid files whose generated bindings are committed: the .did, the bindings' folder. */
const BINDINGS: [did: string, outDir: string][] = [
	['contract/vault/vault.did', 'contract/vault/declarations'],
	['contract/internet-identity/internet_identity.did', 'contract/internet-identity/declarations']
];

const args = process.argv.slice(2);
const check = args.includes('--check');
const rootIndex = args.indexOf('--root');
const root = resolve((rootIndex >= 0 ? args[rootIndex + 1] : undefined) ?? '.');
const names = args.filter((a, i) => !a.startsWith('--') && (rootIndex < 0 || i !== rootIndex + 1));

interface CanisterConfig {
	type?: string;
	main?: string;
	candid?: string;
}

const dfx = JSON.parse(readFileSync(join(root, 'dfx.json'), 'utf8')) as {
	canisters: Record<string, CanisterConfig>;
};
const azleCanisters = Object.entries(dfx.canisters).filter(
	([name, config]) => config.type === 'azle' && (names.length === 0 || names.includes(name))
);
if (azleCanisters.length === 0) {
	console.error(
		`No Azle canisters${names.length ? ` named ${names.join(', ')}` : ''} in ${root}/dfx.json`
	);
	process.exit(1);
}

const tsx = resolve('node_modules/.bin/tsx');
const azleBuild = resolve(import.meta.dirname, 'azle-build.ts');
let stale = 0;
for (const [name, config] of azleCanisters) {
	const generatedDid = join(root, '.azle', name, `${name}.did`);
	const started = performance.now();
	const result = spawnSync(tsx, [azleBuild, name], {
		cwd: root,
		stdio: ['ignore', 'inherit', 'inherit'],
		env: { ...process.env, CANISTER_CANDID_PATH: generatedDid, AZLE_DFX_ROOT: root }
	});
	if (result.status !== 0) {
		console.error(`azle build ${name} failed`);
		process.exit(result.status ?? 1);
	}
	const wasm = join(root, '.azle', name, `${name}.wasm`);
	const seconds = ((performance.now() - started) / 1000).toFixed(1);
	const sha256 = createHash('sha256').update(readFileSync(wasm)).digest('hex');
	console.log(`built ${name}: ${wasm} (${statSync(wasm).size} bytes, ${seconds} s)`);
	console.log(`sha256 ${sha256}  ${name}`);

	if (!config.candid) continue;
	const committedDid = join(root, config.candid);
	const generated = readFileSync(generatedDid, 'utf8');
	const committed = existsSync(committedDid) ? readFileSync(committedDid, 'utf8') : undefined;
	if (committed === generated) continue;
	if (check) {
		console.error(`${config.candid} is stale: it differs from the interface the code generates.`);
		stale += 1;
	} else {
		writeFileSync(committedDid, generated);
		console.log(`updated ${config.candid}`);
	}
}
for (const [did, outDir] of BINDINGS) {
	if (!existsSync(join(root, did))) continue;
	for (const [name, generated] of await bindings(join(root, did))) {
		const file = join(outDir, name);
		const committed = existsSync(join(root, file))
			? readFileSync(join(root, file), 'utf8')
			: undefined;
		if (committed === generated) continue;
		if (check) {
			console.error(`${file} is stale: it differs from the bindings ${did} generates.`);
			stale += 1;
		} else {
			mkdirSync(join(root, outDir), { recursive: true });
			writeFileSync(join(root, file), generated);
			console.log(`updated ${file}`);
		}
	}
}
if (stale > 0) console.error('Run `npm run build:canisters` and commit the updated files.');
process.exit(stale > 0 ? 1 : 0);
