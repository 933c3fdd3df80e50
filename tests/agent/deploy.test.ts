// `devnet deploy`'s logic against a running replica: create with stable ids, install with the
// init argument from `custom.devnet_init_arg`, leave unchanged wasm alone, upgrade changed wasm.
import { Actor } from '@dfinity/agent';
import { Ed25519KeyIdentity } from '@dfinity/identity';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { deployCanisters, type CanisterIds } from '@tessera/devnet/server';
import { PROBE_WASM, probeIdlFactory, type ProbeService } from '@tessera/devnet/testing';
import { agentFor, controlsDevnet, startTarget, type Target } from './target';

let target: Target;
const root = mkdtempSync(join(tmpdir(), 'devnet-deploy-'));

beforeAll(async () => {
	target = await startTarget();
	writeFileSync(
		join(root, 'dfx.json'),
		JSON.stringify({
			canisters: {
				probe: { type: 'azle', custom: { devnet_init_arg: 'init-arg.ts' } },
				assets: { type: 'assets', dependencies: ['probe'] }
			}
		})
	);
	const candid = resolve('node_modules/@dfinity/candid/lib/esm/index.js');
	writeFileSync(
		join(root, 'init-arg.ts'),
		`import { IDL } from '${candid}';\n` +
			`export const initArg = ({ canisterIds }: { canisterIds: Record<string, string> }) =>\n` +
			`\tnew Uint8Array(IDL.encode([IDL.Text], [\`Hello from \${canisterIds.probe}\`]));\n`
	);
});
afterAll(async () => {
	await target.close();
	rmSync(root, { recursive: true, force: true });
});

/** The probe wasm with a custom section appended: a different module hash, same code. */
function changedProbe(path: string): string {
	const wasm = readFileSync(PROBE_WASM);
	const name = Buffer.from('devnet-test');
	const section = Buffer.concat([Buffer.of(0, name.length + 2, name.length), name, Buffer.of(1)]);
	writeFileSync(path, Buffer.concat([wasm, section]));
	return path;
}

test('create and install, then unchanged, then upgrade when the wasm changed', async () => {
	const agent = await agentFor(target.url, Ed25519KeyIdentity.generate());
	let wasm = PROBE_WASM;
	const deploy = (ids: CanisterIds) => deployCanisters({ agent, root, ids, wasmPath: () => wasm });

	const first = await deploy({});
	const id = first.ids.probe?.local as string;
	expect(first.deployed).toEqual([
		expect.objectContaining({ name: 'probe', action: 'created and installed' })
	]);
	const actor = Actor.createActor<ProbeService>(probeIdlFactory, { agent, canisterId: id });
	expect(await actor.greet('you')).toBe(`Hello from ${id}, you!`);
	await actor.put('kept', 'over upgrades');

	const second = await deploy(first.ids);
	expect(second.deployed.map((d) => d.action)).toEqual(['unchanged']);
	expect(second.ids).toEqual(first.ids);

	wasm = changedProbe(join(root, 'changed.wasm'));
	const third = await deploy(second.ids);
	expect(third.deployed.map((d) => d.action)).toEqual(['upgraded']);
	expect(await actor.get('kept')).toEqual(['over upgrades']);
});

test('an id from canister_ids.json unknown to the replica is created again with that id', async () => {
	const agent = await agentFor(target.url, Ed25519KeyIdentity.generate());
	const wanted = 'bw4dl-smaaa-aaaaa-qaacq-cai';
	const { ids, deployed } = await deployCanisters({
		agent,
		root,
		ids: { probe: { local: wanted } },
		wasmPath: () => PROBE_WASM
	});
	expect(ids.probe?.local).toBe(wanted);
	expect(deployed[0]?.action).toBe('created and installed');
});

// `devnet time advance` moves devnet's clock past the ingress expiry an unsynced agent gives
// (5 minutes ahead of the machine's clock); deploying syncs the agent's clock first.
test.runIf(controlsDevnet)(
	"deploys after devnet's clock moved past an agent's expiry",
	async () => {
		const identity = Ed25519KeyIdentity.generate();
		const before = await deployCanisters({
			agent: await agentFor(target.url, identity),
			root,
			ids: {},
			wasmPath: () => PROBE_WASM
		});
		await target.advanceTime(6 * 60_000);
		const later = await deployCanisters({
			agent: await agentFor(target.url, identity),
			root,
			ids: before.ids,
			wasmPath: () => changedProbe(join(root, 'later.wasm'))
		});
		expect(later.deployed.map((d) => d.action)).toEqual(['upgraded']);
	}
);
