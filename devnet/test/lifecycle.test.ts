// Canister lifecycle through the management canister: upgrade keeps stable memory and resets the
// heap, reinstall wipes both, controllers guard every controller-only method, stop/start/delete,
// and whole-state snapshots to a directory.
import { IDL } from '@dfinity/candid';
import { Ed25519KeyIdentity } from '@dfinity/identity';
import { Principal } from '@dfinity/principal';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../src/actor';
import { CallRejectedError, Devnet, MANAGEMENT_CANISTER_ID } from '../src/devnet';
import { DevnetError } from '../src/engine/errors';
import * as Management from '../src/management/idl';
import { greetingArg, probeIdlFactory, probeWasm, setupProbe, type ProbeService } from './probe';

const owner = Ed25519KeyIdentity.generate().getPrincipal();
const stranger = Ed25519KeyIdentity.generate().getPrincipal();
const stateDirectory = mkdtempSync(join(tmpdir(), 'devnet-state-'));
let devnet: Devnet;
let probe: Actor<ProbeService>;
let canisterId: Principal;

const encode = (types: IDL.Type[], values: unknown[]) => new Uint8Array(IDL.encode(types, values));

function management(method: string, arg: Uint8Array, sender: Principal) {
	return devnet.executeUpdate({ canisterId: MANAGEMENT_CANISTER_ID, method, arg, sender });
}

beforeAll(async () => {
	devnet = await Devnet.create();
	({ actor: probe, canisterId } = await setupProbe(devnet, { sender: owner, greeting: 'Hi' }));
	await probe.put('kept', 'in stable memory');
});
afterAll(() => rmSync(stateDirectory, { recursive: true, force: true }));

describe('controllers', () => {
	it('makes the creator the controller, visible to the canister', async () => {
		expect(devnet.getControllers(canisterId).map((p) => p.toText())).toEqual([owner.toText()]);
		expect(await probe.isControllerOf(owner)).toBe(true);
		expect(await probe.isControllerOf(stranger)).toBe(false);
	});

	it.each([
		'install_code',
		'canister_status',
		'update_settings',
		'stop_canister',
		'start_canister',
		'delete_canister'
	])('refuses %s from a non-controller', async (method) => {
		const arg =
			method === 'install_code'
				? encode(
						[Management.InstallCodeArgs],
						[
							{
								mode: { upgrade: [] },
								canister_id: canisterId,
								wasm_module: probeWasm(),
								arg: greetingArg('x'),
								sender_canister_version: []
							}
						]
					)
				: method === 'update_settings'
					? encode(
							[Management.UpdateSettingsArgs],
							[
								{
									canister_id: canisterId,
									settings: emptySettings({ controllers: [[stranger]] }),
									sender_canister_version: []
								}
							]
						)
					: encode([Management.CanisterIdRecord], [{ canister_id: canisterId }]);
		const { result } = await management(method, arg, stranger);
		expect(result).toMatchObject({ kind: 'reject', code: 5, errorCode: 'IC0512' });
		expect(result.kind === 'reject' && result.message).toBe(
			`Only controllers of canister ${canisterId.toText()} can call ic00 method ${method}`
		);
	});

	it('refuses raw_rand and vetKD from ingress: only canisters may call them', async () => {
		const { result } = await management('raw_rand', encode([], []), owner);
		expect(result).toMatchObject({ kind: 'reject', code: 4 });
	});

	it('rejects a management call with bad Candid or an unknown method', async () => {
		expect(
			(await management('canister_status', new Uint8Array([9, 9]), owner)).result
		).toMatchObject({ kind: 'reject', code: 4, errorCode: 'IC0408' });
		expect((await management('no_such_method', encode([], []), owner)).result).toMatchObject({
			kind: 'reject',
			code: 4,
			errorCode: 'IC0407'
		});
	});

	it('reports status, module hash and cycles to a controller', async () => {
		const { result } = await management(
			'canister_status',
			encode([Management.CanisterIdRecord], [{ canister_id: canisterId }]),
			owner
		);
		if (result.kind !== 'reply') throw new Error(result.message);
		const [status] = IDL.decode([Management.CanisterStatusResult], result.bytes) as unknown as [
			{ status: object; module_hash: [Uint8Array]; cycles: bigint }
		];
		expect(status.status).toEqual({ running: null });
		expect(Buffer.from(status.module_hash[0]).toString('hex')).toBe(
			Buffer.from(devnet.canisterInfo(canisterId).moduleHash ?? []).toString('hex')
		);
		expect(status.cycles).toBe(devnet.getCyclesBalance(canisterId));
		expect(await probe.cycles()).toBe(status.cycles);
	});
});

describe('upgrade and reinstall', () => {
	it('upgrades: stable memory kept, heap reset, post_upgrade run with its argument', async () => {
		await probe.put('counted', 'x');
		expect(await probe.heapCount()).toBeGreaterThan(0n);
		const version = await probe.version();
		await devnet.upgradeCanister({
			canisterId,
			wasm: probeWasm(),
			arg: greetingArg('Hey'),
			sender: owner
		});
		expect(await probe.get('kept')).toEqual(['in stable memory']);
		expect(await probe.get('upgrades')).toEqual(['1']);
		expect(await probe.heapCount()).toBe(0n);
		expect(await probe.greet('Ada')).toBe('Hey, Ada!');
		expect(await probe.version()).toBe(version + 1n);
	});

	it('upgrades through an ingress install_code to the management canister', async () => {
		const arg = encode(
			[Management.InstallCodeArgs],
			[
				{
					mode: { upgrade: [] },
					canister_id: canisterId,
					wasm_module: probeWasm(),
					arg: greetingArg('Yo'),
					sender_canister_version: []
				}
			]
		);
		expect((await management('install_code', arg, owner)).result.kind).toBe('reply');
		expect(await probe.get('upgrades')).toEqual(['2']);
	});

	it('leaves the canister untouched when post_upgrade traps (bad argument)', async () => {
		const error = await devnet
			.upgradeCanister({
				canisterId,
				wasm: probeWasm(),
				arg: new Uint8Array([1, 2]),
				sender: owner
			})
			.catch((e: unknown) => e);
		expect(error).toBeInstanceOf(CallRejectedError);
		expect((error as CallRejectedError).rejectCode).toBe(5);
		expect(await probe.get('upgrades')).toEqual(['2']);
		expect(await probe.greet('Ada')).toBe('Yo, Ada!');
	});

	it('refuses install on a canister that has code, and wasm that is not wasm', async () => {
		await expect(
			devnet.installCode({ canisterId, wasm: probeWasm(), arg: greetingArg('x'), sender: owner })
		).rejects.toMatchObject({ errorCode: 'IC0514' });
		await expect(
			devnet.reinstallCode({ canisterId, wasm: new Uint8Array([1, 2, 3]), sender: owner })
		).rejects.toMatchObject({ errorCode: 'IC0505' });
		expect(await probe.get('kept')).toEqual(['in stable memory']);
	});

	it('reinstalls: stable memory and heap wiped, canister_init run again', async () => {
		const scratch = await devnet.createCanister({ sender: owner });
		await devnet.installCode({
			canisterId: scratch,
			wasm: probeWasm(),
			arg: greetingArg('A'),
			sender: owner
		});
		const actor = devnet.createActor<ProbeService>(probeIdlFactory, scratch);
		await actor.put('gone', 'soon');
		await devnet.reinstallCode({
			canisterId: scratch,
			wasm: probeWasm(),
			arg: greetingArg('B'),
			sender: owner
		});
		expect(await actor.get('gone')).toEqual([]);
		expect(await actor.greet('x')).toBe('B, x!');
	});
});

describe('stop, start, delete', () => {
	it('rejects calls to a stopped canister and deletes it only when stopped', async () => {
		const id = await devnet.createCanister({ sender: owner });
		const idArg = encode([Management.CanisterIdRecord], [{ canister_id: id }]);
		expect((await management('delete_canister', idArg, owner)).result).toMatchObject({
			errorCode: 'IC0510'
		});
		expect((await management('stop_canister', idArg, owner)).result.kind).toBe('reply');
		await expect(
			devnet.queryCall({ canisterId: id, method: 'greet', arg: greetingArg('x') })
		).rejects.toMatchObject({ errorCode: 'IC0508' });
		expect((await management('start_canister', idArg, owner)).result.kind).toBe('reply');
		await expect(
			devnet.queryCall({ canisterId: id, method: 'greet', arg: greetingArg('x') })
		).rejects.toMatchObject({ errorCode: 'IC0537' });
		await management('stop_canister', idArg, owner);
		expect((await management('delete_canister', idArg, owner)).result.kind).toBe('reply');
		await expect(
			devnet.queryCall({ canisterId: id, method: 'greet', arg: greetingArg('x') })
		).rejects.toMatchObject({ errorCode: 'IC0301' });
	});

	it('stops only once open calls finish, rejecting new calls meanwhile; start cancels a stop', async () => {
		const { actor: caller, canisterId: callerId } = await setupProbe(devnet, { sender: owner });
		const idArg = encode([Management.CanisterIdRecord], [{ canister_id: callerId }]);
		// watch the status the caller has when its reply callback runs
		const statusesAtCallback: string[] = [];
		const execute = devnet.engine.execute.bind(devnet.engine);
		devnet.engine.execute = (canister, input, entry) => {
			if (canister.idText === callerId.toText() && input.kind === 'reply')
				statusesAtCallback.push(canister.status);
			return execute(canister, input, entry);
		};
		// the call to another canister is in flight when the stop request arrives
		const inFlight = caller.callGreet(canisterId, 'in flight');
		const stopping = management('stop_canister', idArg, owner);
		expect(await inFlight).toBe('Yo, in flight!');
		devnet.engine.execute = execute;
		expect(statusesAtCallback).toEqual(['stopping']); // callbacks still run while stopping
		expect((await stopping).result.kind).toBe('reply');
		expect(devnet.canisterInfo(callerId).status).toBe('stopped');
		await expect(caller.greet('x')).rejects.toMatchObject({ errorCode: 'IC0508' });

		expect((await management('start_canister', idArg, owner)).result.kind).toBe('reply');
		expect(await caller.greet('back')).toBe('Hello, back!');
	});

	it('rejects calls while stopping, and a start cancels the stop request', async () => {
		const id = await devnet.createCanister({ sender: owner });
		await devnet.installCode({
			canisterId: id,
			wasm: probeWasm(),
			arg: greetingArg('Hi'),
			sender: owner
		});
		const idArg = encode([Management.CanisterIdRecord], [{ canister_id: id }]);
		// Every call finishes within one run of devnet's queue, so hold a call context open by hand.
		const canister = devnet.engine.canister(id);
		if (!canister) throw new Error('no canister');
		canister.openCallContexts += 1;
		const stop = management('stop_canister', idArg, owner);
		expect(canister.status).toBe('stopping');
		await expect(
			devnet.queryCall({ canisterId: id, method: 'greet', arg: greetingArg('x') })
		).rejects.toMatchObject({ errorCode: 'IC0509' });
		expect((await management('start_canister', idArg, owner)).result.kind).toBe('reply');
		expect((await stop).result).toMatchObject({ kind: 'reject', code: 5, errorCode: 'IC0511' });
		canister.openCallContexts -= 1;
		expect(
			await devnet.queryCall({ canisterId: id, method: 'greet', arg: greetingArg('x') })
		).toBeInstanceOf(Uint8Array);
	});

	it('updates controllers', async () => {
		const id = await devnet.createCanister({ sender: owner });
		const arg = encode(
			[Management.UpdateSettingsArgs],
			[
				{
					canister_id: id,
					settings: emptySettings({ controllers: [[owner, stranger]] }),
					sender_canister_version: []
				}
			]
		);
		expect((await management('update_settings', arg, owner)).result.kind).toBe('reply');
		expect(devnet.getControllers(id).map((p) => p.toText())).toEqual([
			owner.toText(),
			stranger.toText()
		]);
	});
});

describe('snapshots', () => {
	it('saves the whole state to a directory and restores it in a new devnet', async () => {
		devnet.saveState(stateDirectory);
		const restored = await Devnet.create({ stateDirectory });
		const actor = restored.createActor<ProbeService>(probeIdlFactory, canisterId);
		expect(await actor.get('kept')).toEqual(['in stable memory']);
		expect(await actor.greet('Ada')).toBe('Yo, Ada!');
		expect(await restored.getTime()).toBe(await devnet.getTime());
		expect(restored.rootKey).toEqual(devnet.rootKey);
		await actor.put('after restore', 'yes');
		expect(await actor.get('after restore')).toEqual(['yes']);
		// ids stay stable: the next id continues where the saved network left off
		const nextHere = await devnet.createCanister();
		const nextThere = await restored.createCanister();
		expect(nextThere.toText()).toBe(nextHere.toText());
	});
});

describe('tear down', () => {
	it('ends a devnet: its canisters are gone and every later call throws', async () => {
		const doomed = await Devnet.create();
		const { actor } = await setupProbe(doomed);
		expect(await actor.greet('Ada')).toBe('Hello, Ada!');
		await doomed.tearDown();
		await expect(actor.greet('Ada')).rejects.toThrow(DevnetError);
		await expect(doomed.createCanister()).rejects.toThrow('torn down');
		await expect(doomed.tick()).rejects.toThrow('torn down');
		await doomed.tearDown(); // a second time does nothing
	});
});

function emptySettings(overrides: Record<string, unknown>) {
	return {
		controllers: [],
		compute_allocation: [],
		memory_allocation: [],
		freezing_threshold: [],
		reserved_cycles_limit: [],
		log_visibility: [],
		wasm_memory_limit: [],
		wasm_memory_threshold: [],
		...overrides
	};
}
