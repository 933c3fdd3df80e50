// Runs one of Azle 0.33.0's own example end-to-end tests (vendored unmodified under
// conformance/azle-0.33.0) against a devnet replica: the example's canisters are created,
// built with their canister ids in the environment (as the example's pretest does with dfx),
// installed with the pretest's init arguments, and its `getTests` gets @dfinity/agent actors
// for them. Only the way canisters are deployed and actors obtained differs from Azle's runs.
import { Actor, HttpAgent, type ActorSubclass } from '@dfinity/agent';
import { IDL } from '@dfinity/candid';
import { Ed25519KeyIdentity } from '@dfinity/identity';
import type { Principal } from '@dfinity/principal';
import { createCanister, installCode } from '@tessera/devnet/server';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
	chmodSync,
	cpSync,
	existsSync,
	mkdirSync,
	readdirSync,
	readFileSync,
	rmSync,
	writeFileSync
} from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe } from 'vitest';
import { bindings } from '../../scripts/bindings';
import { agentFor, startTarget } from '../agent/target';
import { registerCanisterIds } from './azle-shims/dfx';
import { DFX_STATE_VARIABLE, type DfxState } from './dfx-state';

const REPOSITORY = resolve(import.meta.dirname, '..', '..');
export const AZLE_EXAMPLES = join(REPOSITORY, 'conformance', 'azle-0.33.0', 'examples');
const WORK = join(REPOSITORY, '.azle', 'conformance');

export interface Example {
	/** The directory under conformance/azle-0.33.0/examples. */
	name: string;
	/** The canisters whose actors getTests takes, in order. */
	actors: string[];
	/** The test functions tests.ts exports and the harness runs (default: getTests). */
	suites?: { exportName: string; actors: string[] }[];
	/** Init arguments as the example's pretest passes them to `dfx deploy --argument`. */
	initArgs?: Record<string, unknown[]>;
}

interface DfxJson {
	canisters: Record<string, { type: string; main: string }>;
}

function filesUnder(directory: string): string[] {
	return readdirSync(directory, { withFileTypes: true })
		.flatMap((entry) => {
			const path = join(directory, entry.name);
			return entry.isDirectory() ? filesUnder(path) : [path];
		})
		.sort();
}

/** Builds the example's canisters with their ids in the environment, unless built already. */
function build(example: string, env: Record<string, string>): string {
	const source = join(AZLE_EXAMPLES, example);
	const work = join(WORK, example);
	const hash = createHash('sha256').update(JSON.stringify(env));
	hash.update(readFileSync(join(REPOSITORY, 'node_modules', 'azle', 'package.json')));
	for (const file of filesUnder(source))
		hash.update(relative(source, file)).update(readFileSync(file));
	const key = hash.digest('hex');
	const keyFile = join(work, 'build-key');
	if (existsSync(keyFile) && readFileSync(keyFile, 'utf8') === key) return work;
	rmSync(work, { recursive: true, force: true });
	mkdirSync(work, { recursive: true });
	cpSync(join(source, 'dfx.json'), join(work, 'dfx.json'));
	cpSync(join(source, 'src'), join(work, 'src'), { recursive: true });
	const result = spawnSync('npx', ['tsx', 'scripts/build-canisters.ts', '--root', work], {
		cwd: REPOSITORY,
		stdio: ['ignore', 'inherit', 'inherit'],
		env: { ...process.env, ...env }
	});
	if (result.status !== 0) throw new Error(`building ${example} failed`);
	writeFileSync(keyFile, key);
	return work;
}

/** The idlFactory and init types of a built canister, from its generated Candid. */
async function candid(
	work: string,
	name: string
): Promise<{ idlFactory: IDL.InterfaceFactory; init: (idl: { IDL: typeof IDL }) => IDL.Type[] }> {
	const declarations = join(work, 'declarations');
	mkdirSync(declarations, { recursive: true });
	for (const [file, text] of await bindings(join(work, '.azle', name, `${name}.did`))) {
		writeFileSync(join(declarations, file), text);
	}
	const module = await import(pathToFileURL(join(declarations, `${name}.did.js`)).href);
	return { idlFactory: module.idlFactory, init: module.init };
}

/** A `dfx` on PATH for the commands the example's tests run themselves (see dfx-cli.ts). */
function installDfxStandIn(work: string, state: DfxState): void {
	const bin = join(work, 'bin');
	mkdirSync(bin, { recursive: true });
	const dfx = join(bin, 'dfx');
	const cli = join(REPOSITORY, 'tests', 'conformance', 'dfx-cli.ts');
	writeFileSync(dfx, `#!/bin/sh\nexec "${process.execPath}" --import tsx "${cli}" "$@"\n`);
	chmodSync(dfx, 0o755);
	const statePath = join(work, 'dfx-state.json');
	writeFileSync(statePath, JSON.stringify(state));
	process.env[DFX_STATE_VARIABLE] = statePath;
	process.env.PATH = `${bin}:${process.env.PATH ?? ''}`;
}

/** Deploys the example on a fresh devnet and declares its tests (call at a test file's top level). */
export async function runExample(example: Example): Promise<void> {
	const target = await startTarget();
	const controller = Ed25519KeyIdentity.generate();
	const deployer = await agentFor(target.url, controller);
	const dfxJson = JSON.parse(
		readFileSync(join(AZLE_EXAMPLES, example.name, 'dfx.json'), 'utf8')
	) as DfxJson;
	const names = Object.keys(dfxJson.canisters);
	const ids: Record<string, Principal> = {};
	for (const name of names) ids[name] = await createCanister(deployer);
	const env = Object.fromEntries(
		names.map((name) => [`${name.toUpperCase()}_PRINCIPAL`, ids[name]?.toText() ?? ''])
	);
	const work = build(example.name, env);

	const user = await HttpAgent.create({ host: target.url });
	await user.fetchRootKey();
	const actors: Record<string, ActorSubclass> = {};
	const canisters: DfxState['canisters'] = {};
	for (const name of names) {
		const canisterId = ids[name] as Principal;
		const wasm = join(work, '.azle', name, `${name}.wasm`);
		const { idlFactory, init } = await candid(work, name);
		const arg = IDL.encode(init({ IDL }), example.initArgs?.[name] ?? []);
		await installCode(deployer, {
			canisterId,
			wasm: new Uint8Array(readFileSync(wasm)),
			arg: new Uint8Array(arg),
			mode: 'install'
		});
		actors[name] = Actor.createActor(idlFactory, { agent: user, canisterId });
		canisters[name] = { id: canisterId.toText(), wasm };
	}
	registerCanisterIds(Object.fromEntries(names.map((name) => [name, canisters[name]?.id ?? ''])));
	installDfxStandIn(work, {
		url: target.url,
		controllerSecretHex: Buffer.from(controller.getKeyPair().secretKey).toString('hex'),
		canisters
	});

	const testsFile = join(AZLE_EXAMPLES, example.name, 'test', 'tests.ts');
	const tests = (await import(pathToFileURL(testsFile).href)) as Record<
		string,
		(...actors: ActorSubclass[]) => () => void
	>;
	const suites = example.suites ?? [{ exportName: 'getTests', actors: example.actors }];
	describe(`azle 0.33.0 ${example.name}`, () => {
		afterAll(() => target.close());
		for (const suite of suites) {
			const getTests = tests[suite.exportName];
			if (!getTests) throw new Error(`${example.name}: tests.ts exports no ${suite.exportName}`);
			getTests(...suite.actors.map((name) => actors[name] as ActorSubclass))();
		}
	});
}
