// `devnet deploy`: the Azle canisters of a dfx.json onto a running replica, as `dfx deploy`
// does locally: stable ids (kept in canister_ids.json and asked for again with specified_id),
// install when empty, upgrade when the wasm changed, nothing when it did not.
//
// Init args: a canister's dfx.json entry may name a module under `custom.devnet_init_arg`
// (path relative to dfx.json) whose `initArg({ canisterIds, deployer })` returns the
// Candid-encoded argument, so an argument can name other canisters' ids and the deploying
// principal. Without it the argument is `()`.
import { Certificate, lookupResultToBuffer, type HttpAgent } from '@dfinity/agent';
import { IDL } from '@dfinity/candid';
import { Principal } from '@dfinity/principal';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { equalBytes } from '../bytes';
import { CANISTER_RANGES } from '../management/canister-ids';
import { createCanister, installCode } from './management-client';

export interface DfxCanister {
	type?: string;
	dependencies?: string[];
	custom?: { devnet_init_arg?: string };
}

/** dfx's canister_ids.json: {"guardian": {"local": "<id>"}}. */
export type CanisterIds = Record<string, { local: string }>;

export type DeployAction = 'created and installed' | 'installed' | 'upgraded' | 'unchanged';

export interface DeployedCanister {
	name: string;
	canisterId: Principal;
	action: DeployAction;
}

/** Azle canisters of dfx.json, dependencies first. */
export function azleCanistersInOrder(canisters: Record<string, DfxCanister>): string[] {
	const ordered: string[] = [];
	const visit = (name: string, path: string[]) => {
		if (ordered.includes(name)) return;
		if (path.includes(name)) throw new Error(`dependency cycle: ${[...path, name].join(' -> ')}`);
		for (const dependency of canisters[name]?.dependencies ?? []) {
			visit(dependency, [...path, name]);
		}
		ordered.push(name);
	};
	Object.keys(canisters).forEach((name) => visit(name, []));
	return ordered.filter((name) => canisters[name]?.type === 'azle');
}

const sha256 = (bytes: Uint8Array) => new Uint8Array(createHash('sha256').update(bytes).digest());

const utf8 = (text: string) => new TextEncoder().encode(text);

/**
 * Whether the canister exists (has controllers) and its module hash, read from a certified
 * read_state. Read directly rather than through the agent's CanisterStatus, which warns on the
 * console for the module hash an empty canister does not have.
 */
async function existingModule(
	agent: HttpAgent,
	canisterId: Principal
): Promise<{ exists: boolean; moduleHash?: Uint8Array }> {
	const path = (name: string) => [utf8('canister'), canisterId.toUint8Array(), utf8(name)];
	const { certificate } = await agent.readState(canisterId, {
		paths: [path('controllers'), path('module_hash')]
	});
	if (!agent.rootKey) throw new Error('the agent has no root key: call fetchRootKey() first');
	// the agent's synced clock judges the certificate's time
	const certified = await Certificate.create({
		certificate,
		rootKey: agent.rootKey,
		canisterId,
		agent
	});
	return {
		exists: lookupResultToBuffer(certified.lookup_path(path('controllers'))) !== undefined,
		moduleHash: lookupResultToBuffer(certified.lookup_path(path('module_hash')))
	};
}

async function initArg(
	root: string,
	config: DfxCanister,
	ids: CanisterIds,
	deployer: string
): Promise<Uint8Array> {
	const modulePath = config.custom?.devnet_init_arg;
	if (!modulePath) return new Uint8Array(IDL.encode([], []));
	const module = (await import(pathToFileURL(resolve(root, modulePath)).href)) as {
		initArg?: (context: { canisterIds: Record<string, string>; deployer: string }) => Uint8Array;
	};
	if (typeof module.initArg !== 'function') {
		throw new Error(`${modulePath} must export initArg({ canisterIds })`);
	}
	const canisterIds = Object.fromEntries(Object.entries(ids).map(([name, id]) => [name, id.local]));
	return module.initArg({ canisterIds, deployer });
}

/**
 * Deploys dfx.json's Azle canisters from `root` through `agent` (a controller identity, root
 * key fetched): creates missing ones with the ids in `ids`, installs, upgrades changed wasm and
 * leaves unchanged wasm alone. Resolves with the ids (to save as canister_ids.json) and what
 * happened to each canister. The agent's clock is synced with the replica's first, so a
 * replica whose clock was moved ahead still accepts its requests.
 *
 * @example
 * const agent = await HttpAgent.create({ host: server.url, identity });
 * await agent.fetchRootKey();
 * const { ids, deployed } = await deployCanisters({ agent, root: '.', ids: {} });
 */
export async function deployCanisters(options: {
	agent: HttpAgent;
	root: string;
	ids: CanisterIds;
	/** Where the built wasm of `name` is (default: ROOT/.azle/NAME/NAME.wasm). */
	wasmPath?: (name: string) => string;
}): Promise<{ ids: CanisterIds; deployed: DeployedCanister[] }> {
	const { agent, root } = options;
	await agent.syncTime((CANISTER_RANGES[0] as [Principal, Principal])[0]);
	const dfx = JSON.parse(readFileSync(join(root, 'dfx.json'), 'utf8')) as {
		canisters: Record<string, DfxCanister>;
	};
	const names = azleCanistersInOrder(dfx.canisters);
	const ids: CanisterIds = { ...options.ids };
	const created = new Set<string>();
	// every canister first, so init args can name any canister's id
	for (const name of names) {
		const known = ids[name] ? Principal.fromText(ids[name].local) : undefined;
		if (known && (await existingModule(agent, known)).exists) continue;
		const canisterId = await createCanister(agent, { specifiedId: known });
		ids[name] = { local: canisterId.toText() };
		created.add(name);
	}
	const deployed: DeployedCanister[] = [];
	for (const name of names) {
		const canisterId = Principal.fromText((ids[name] as { local: string }).local);
		const path = options.wasmPath?.(name) ?? join(root, '.azle', name, `${name}.wasm`);
		if (!existsSync(path)) throw new Error(`no wasm for ${name} at ${path}: build it first`);
		const wasm = new Uint8Array(readFileSync(path));
		const packed = new Uint8Array(gzipSync(wasm));
		const { moduleHash } = await existingModule(agent, canisterId);
		let action: DeployAction;
		if (
			moduleHash &&
			(equalBytes(moduleHash, sha256(wasm)) || equalBytes(moduleHash, sha256(packed)))
		) {
			action = 'unchanged';
		} else {
			const deployer = (await agent.getPrincipal()).toText();
			const arg = await initArg(root, dfx.canisters[name] as DfxCanister, ids, deployer);
			const mode = moduleHash ? 'upgrade' : 'install';
			await installCode(agent, { canisterId, wasm: packed, arg, mode });
			action =
				mode === 'upgrade' ? 'upgraded' : created.has(name) ? 'created and installed' : 'installed';
		}
		deployed.push({ name, canisterId, action });
	}
	return { ids, deployed };
}
