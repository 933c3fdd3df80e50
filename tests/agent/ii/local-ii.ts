// The local Internet Identity on the agent tests' replica: its wasm (built here when older than
// its sources, as the canister project's global setup does) installed through the management
// canister, and the local-only anchor creation the real II does not have.
import { Actor, type HttpAgent } from '@dfinity/agent';
import { IDL } from '@dfinity/candid';
import { Ed25519KeyIdentity } from '@dfinity/identity';
import type { Principal } from '@dfinity/principal';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { idlFactory, type DeviceDataValue } from '../../../canister/internet_identity/domain/idl';
import { createCanister, installCode } from '@tessera/devnet/server';
import { agentFor } from '../target';

const SOURCES = 'canister/internet_identity';
/** Where scripts/build-canisters.ts writes the wasm (as the canister tests' global setup reads it). */
const WASM = join('.azle', 'internet_identity', 'internet_identity.wasm');

function newest(path: string): number {
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	return Math.max(0, ...readdirSync(path).map((entry) => newest(join(path, entry))));
}

/** The II wasm, built first if missing or older than its sources. */
export function localIiWasm(): Uint8Array {
	if (!existsSync(WASM) || statSync(WASM).mtimeMs <= newest(SOURCES)) {
		const result = spawnSync('npx', ['tsx', 'scripts/build-canisters.ts', 'internet_identity'], {
			stdio: 'inherit'
		});
		if (result.status !== 0) throw new Error('building internet_identity failed');
	}
	return new Uint8Array(readFileSync(WASM));
}

/** Creates a canister and installs the local II (no init argument). */
export async function deployLocalIi(url: string): Promise<Principal> {
	const agent = await agentFor(url, Ed25519KeyIdentity.generate());
	const canisterId = await createCanister(agent);
	await installCode(agent, {
		canisterId,
		wasm: localIiWasm(),
		arg: new Uint8Array(IDL.encode([], [])),
		mode: 'install'
	});
	return canisterId;
}

interface LocalOnly {
	create_anchor_for_local_development(devices: DeviceDataValue[]): Promise<bigint>;
}

/** Local only: a new anchor holding `devices`, created by `agent`'s identity (one of them). */
export function createAnchor(
	agent: HttpAgent,
	canisterId: Principal,
	devices: DeviceDataValue[]
): Promise<bigint> {
	const actor = Actor.createActor<LocalOnly>(idlFactory, { agent, canisterId });
	return actor.create_anchor_for_local_development(devices);
}
