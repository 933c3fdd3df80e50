#!/usr/bin/env -S npx tsx
// `npm run bench:devnet`: devnet's execution costs, measured in one run on the probe canister.
// Prints `name: median unit` lines (median of RUNS runs unless the name says otherwise).
import { IDL } from '@dfinity/candid';
import { Principal } from '@dfinity/principal';
import { TransportSecretKey } from '@dfinity/vetkeys';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Devnet, VETKD_DERIVE_FEES } from '@tessera/devnet';
import { buildProbe, compileCanisterModule, probeWasm, setupProbe } from '@tessera/devnet/testing';

const RUNS = 20;

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = sorted.length >> 1;
	return sorted.length % 2
		? (sorted[middle] as number)
		: ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

async function time(name: string, run: () => unknown, runs = RUNS): Promise<number> {
	const samples: number[] = [];
	for (let i = 0; i < runs; i++) {
		const started = performance.now();
		await run();
		samples.push(performance.now() - started);
	}
	const result = median(samples);
	console.log(`${name}: ${result.toFixed(2)} ms`);
	return result;
}

buildProbe();
const wasm = probeWasm();
const text = (s: string) => new TextEncoder().encode(s);
const devnet = await Devnet.create();
const { actor, canisterId } = await setupProbe(devnet); // warms the module cache

// What devnet does for a wasm it has not seen: instrument in a child process, then compile.
// Each run gets a distinct module (an extra custom section), so no cache answers.
let variantTag = 0;
const unseenVariant = () => {
	const custom = Uint8Array.of(0, 5, 3, 0x74, 0x61, 0x67, variantTag++);
	const variant = new Uint8Array(wasm.length + custom.length);
	variant.set(wasm);
	variant.set(custom, wasm.length);
	return variant;
};
await time(
	'devnet instrument + compile probe wasm (3.5 MB, uncached, n=3)',
	async () => {
		const cache = mkdtempSync(join(tmpdir(), 'devnet-bench-cache-'));
		try {
			await compileCanisterModule(unseenVariant(), cache);
		} finally {
			rmSync(cache, { recursive: true, force: true });
		}
	},
	3
);
await time('devnet install probe (create + install, cached module)', () => setupProbe(devnet));
await time('devnet query greet', () => actor.greet('bench'));
let key = 0;
await time('devnet update put', () => actor.put(`key-${key++}`, 'value'));
await time('devnet update with inter-canister call (callGreet to self)', () =>
	actor.callGreet(canisterId, 'me')
);

const directory = mkdtempSync(join(tmpdir(), 'devnet-bench-'));
const stateDirectory = join(directory, 'state');
await time(`devnet snapshot save (${devnet.canisterIds().length} canisters)`, () =>
	devnet.saveState(stateDirectory)
);
await time(`devnet snapshot restore (${devnet.canisterIds().length} canisters)`, () =>
	Devnet.create({ stateDirectory })
);
rmSync(directory, { recursive: true, force: true });

const transport = TransportSecretKey.random().publicKeyBytes();
const fee = VETKD_DERIVE_FEES.test_key_1 as bigint;
await time('devnet vetkd_derive_key (canister call, end to end)', () =>
	actor.vetkdDeriveKey(text('input'), text('context'), transport, 'test_key_1', fee)
);
const master = devnet.management.vetKd.key('test_key_1').master;
await time('devnet vetkd derive math only', () =>
	master.deriveEncryptedKey(canisterId.toUint8Array(), text('context'), text('input'), transport)
);

// Instructions per message: the cost metric (deterministic up to the data the message touches).
const none = new Uint8Array(IDL.encode([], []));
const messages: [string, 'query' | 'update', Uint8Array][] = [
	['greet', 'query', new Uint8Array(IDL.encode([IDL.Text], ['bench']))],
	['get', 'query', new Uint8Array(IDL.encode([IDL.Text], ['key-0']))],
	['heapCount', 'query', none],
	['whoami', 'query', none],
	['put', 'update', new Uint8Array(IDL.encode([IDL.Text, IDL.Text], ['k', 'v']))],
	['certify', 'update', new Uint8Array(IDL.encode([IDL.Vec(IDL.Nat8)], [new Uint8Array(32)]))],
	['callGreet', 'update', new Uint8Array(IDL.encode([IDL.Principal, IDL.Text], [canisterId, 'x']))],
	['whoamiAfterAwait', 'update', none],
	['scheduleTimer', 'update', new Uint8Array(IDL.encode([IDL.Nat32, IDL.Text], [3600, 'later']))]
];
for (const [method, kind, arg] of messages) {
	const counts: number[] = [];
	for (let i = 0; i < RUNS; i++) {
		const call = { canisterId, method, arg, sender: Principal.anonymous() };
		const response =
			kind === 'query' ? devnet.executeQuery(call) : await devnet.executeUpdate(call);
		if (response.result.kind !== 'reply') throw new Error(`${method}: ${response.result.message}`);
		counts.push(Number(response.instructions));
	}
	console.log(`devnet instructions ${kind} ${method}: ${median(counts)} instructions`);
}
const install = devnet.executions
	.filter((e) => e.kind === 'init')
	.map((e) => Number(e.instructions));
console.log(`devnet instructions canister_init (probe): ${median(install)} instructions`);
