// The Wasm chunk store and install_chunked_code: an Azle module over 2 MiB uploaded in 1 MiB
// chunks, installed and upgraded from them, every refusal with the replica's reject code and
// message, clear_chunk_store, uninstall_code clearing the store, and the store in a snapshot.
import { IDL } from '@dfinity/candid';
import { Ed25519KeyIdentity } from '@dfinity/identity';
import { Principal } from '@dfinity/principal';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Devnet, MANAGEMENT_CANISTER_ID } from '../src/devnet';
import { CHUNK_SIZE, CHUNK_STORE_CAPACITY } from '../src/engine/chunk-store';
import type { CallResult } from '../src/engine/errors';
import * as Management from '../src/management/idl';
import { greetingArg, probeIdlFactory, probeWasm, type ProbeService } from './probe';

const owner = Ed25519KeyIdentity.generate().getPrincipal();
const stranger = Ed25519KeyIdentity.generate().getPrincipal();
const stateDirectory = mkdtempSync(join(tmpdir(), 'devnet-chunks-'));
const wasm = probeWasm();
const chunks = Array.from({ length: Math.ceil(wasm.length / CHUNK_SIZE) }, (_, i) =>
	wasm.subarray(i * CHUNK_SIZE, (i + 1) * CHUNK_SIZE)
);
const sha256 = (bytes: Uint8Array) => new Uint8Array(createHash('sha256').update(bytes).digest());
const rustBytes = (bytes: Uint8Array) => `[${[...bytes].join(', ')}]`;
const hashes = chunks.map(sha256);
function nth<T>(list: T[], index: number): T {
	const item = list[index];
	if (item === undefined) throw new RangeError(`no item ${index}`);
	return item;
}
const sortedHashes = [...hashes].sort(Buffer.compare);
let devnet: Devnet;

const encode = (type: IDL.Type, value: unknown) => new Uint8Array(IDL.encode([type], [value]));

async function management(method: string, arg: Uint8Array, sender: Principal): Promise<CallResult> {
	const { result } = await devnet.executeUpdate({
		canisterId: MANAGEMENT_CANISTER_ID,
		method,
		arg,
		sender
	});
	return result;
}

function decoded<T>(type: IDL.Type, result: CallResult): T {
	if (result.kind !== 'reply') throw new Error(`rejected: ${result.message}`);
	return IDL.decode([type], result.bytes)[0] as unknown as T;
}

const upload = (canisterId: Principal, chunk: Uint8Array, sender = owner) =>
	management(
		'upload_chunk',
		encode(Management.UploadChunkArgs, { canister_id: canisterId, chunk }),
		sender
	);

async function storedChunks(canisterId: Principal, sender = owner): Promise<Uint8Array[]> {
	const result = await management(
		'stored_chunks',
		encode(Management.CanisterIdRecord, { canister_id: canisterId }),
		sender
	);
	return decoded<{ hash: Uint8Array }[]>(Management.StoredChunksResult, result).map(
		({ hash }) => new Uint8Array(hash)
	);
}

const clearStore = (canisterId: Principal, sender = owner) =>
	management(
		'clear_chunk_store',
		encode(Management.CanisterIdRecord, { canister_id: canisterId }),
		sender
	);

function installChunked(options: {
	target: Principal;
	store?: Principal;
	mode?: 'install' | 'upgrade' | 'reinstall';
	chunkHashes?: Uint8Array[];
	moduleHash?: Uint8Array;
	greeting?: string;
	sender?: Principal;
}): Promise<CallResult> {
	const mode = options.mode ?? 'install';
	return management(
		'install_chunked_code',
		encode(Management.InstallChunkedCodeArgs, {
			mode: mode === 'upgrade' ? { upgrade: [] } : { [mode]: null },
			target_canister: options.target,
			store_canister: options.store ? [options.store] : [],
			chunk_hashes_list: (options.chunkHashes ?? hashes).map((hash) => ({ hash })),
			wasm_module_hash: options.moduleHash ?? sha256(wasm),
			arg: greetingArg(options.greeting ?? 'Hi'),
			sender_canister_version: []
		}),
		options.sender ?? owner
	);
}

async function uploadAll(canisterId: Principal): Promise<void> {
	for (const [i, chunk] of chunks.entries()) {
		const result = await upload(canisterId, chunk);
		expect(decoded<{ hash: Uint8Array }>(Management.UploadChunkResult, result).hash).toEqual(
			hashes[i]
		);
	}
}

beforeAll(async () => {
	devnet = await Devnet.create();
});
afterAll(async () => {
	await devnet.tearDown();
	rmSync(stateDirectory, { recursive: true, force: true });
});

describe('chunked install of an Azle module over 2 MiB', () => {
	let canisterId: Principal;

	beforeAll(async () => {
		canisterId = await devnet.createCanister({ sender: owner });
	});

	it('uploads the module in 1 MiB chunks and lists their sha256 hashes', async () => {
		expect(wasm.length).toBeGreaterThan(2 * 1024 * 1024);
		expect(chunks.length).toBeGreaterThanOrEqual(3);
		await uploadAll(canisterId);
		expect(await storedChunks(canisterId)).toEqual(sortedHashes);
		// uploading a stored chunk again answers its hash and stores nothing new
		await upload(canisterId, nth(chunks, 0));
		expect(await storedChunks(canisterId)).toHaveLength(chunks.length);
	});

	it('installs from the chunks, and the installed canister answers', async () => {
		expect((await installChunked({ target: canisterId, greeting: 'Hi' })).kind).toBe('reply');
		const probe = devnet.createActor<ProbeService>(probeIdlFactory, canisterId);
		expect(await probe.greet('Ada')).toBe('Hi, Ada!');
		expect(devnet.canisterInfo(canisterId).moduleHash).toEqual(sha256(wasm));
		// installing keeps the store: the same chunks serve the next upgrade
		expect(await storedChunks(canisterId)).toEqual(sortedHashes);
	});

	it('upgrades from the chunks, keeping stable memory', async () => {
		const probe = devnet.createActor<ProbeService>(probeIdlFactory, canisterId);
		probe.setIdentity(Ed25519KeyIdentity.generate());
		await probe.put('kept', 'across a chunked upgrade');
		const version = await probe.version();
		const result = await installChunked({ target: canisterId, mode: 'upgrade', greeting: 'Hey' });
		expect(result.kind).toBe('reply');
		expect(await probe.get('kept')).toEqual(['across a chunked upgrade']);
		expect(await probe.get('upgrades')).toEqual(['1']);
		expect(await probe.greet('Ada')).toBe('Hey, Ada!');
		expect(await probe.version()).toBe(version + 1n);
	});

	it('installs into another canister from a store canister both are controlled by', async () => {
		const target = await devnet.createCanister({ sender: owner });
		const result = await installChunked({ target, store: canisterId, greeting: 'Ho' });
		expect(result.kind).toBe('reply');
		const probe = devnet.createActor<ProbeService>(probeIdlFactory, target);
		expect(await probe.greet('Ada')).toBe('Ho, Ada!');
	});

	it('lets the canister itself use its own store', async () => {
		const probe = devnet.createActor<ProbeService>(probeIdlFactory, canisterId);
		const small = new Uint8Array([1, 2, 3]);
		const outcome = await probe.callRaw(
			MANAGEMENT_CANISTER_ID,
			'upload_chunk',
			encode(Management.UploadChunkArgs, { canister_id: canisterId, chunk: small })
		);
		if (!('ok' in outcome)) throw new Error(outcome.rejected.message);
		expect(IDL.decode([Management.UploadChunkResult], outcome.ok)[0]).toEqual({
			hash: sha256(small)
		});
		expect(await storedChunks(canisterId)).toContainEqual(sha256(small));
	});
});

describe('refusals', () => {
	let canisterId: Principal;
	const contractViolation = (message: string) => ({
		kind: 'reject',
		code: 5,
		errorCode: 'IC0504',
		message: `Error from Wasm chunk store: ${message}.`
	});

	beforeAll(async () => {
		canisterId = await devnet.createCanister({ sender: owner });
		await uploadAll(canisterId);
	});

	it.each(['upload_chunk', 'stored_chunks', 'clear_chunk_store'])(
		'refuses %s from a non-controller',
		async (method) => {
			const arg =
				method === 'upload_chunk'
					? encode(Management.UploadChunkArgs, { canister_id: canisterId, chunk: nth(chunks, 0) })
					: encode(Management.CanisterIdRecord, { canister_id: canisterId });
			expect(await management(method, arg, stranger)).toEqual({
				kind: 'reject',
				code: 5,
				errorCode: 'IC0512',
				message: `Only controllers of canister ${canisterId.toText()} can call ic00 method ${method}`
			});
			expect(await storedChunks(canisterId)).toEqual(sortedHashes);
		}
	);

	it('refuses install_chunked_code from a non-controller of the target', async () => {
		expect(await installChunked({ target: canisterId, sender: stranger })).toMatchObject({
			kind: 'reject',
			code: 5,
			errorCode: 'IC0512'
		});
	});

	it('refuses install_chunked_code from a non-controller of the store canister', async () => {
		const strangersCanister = await devnet.createCanister({ sender: stranger });
		const result = await installChunked({
			target: strangersCanister,
			store: canisterId,
			sender: stranger
		});
		expect(result).toEqual({
			kind: 'reject',
			code: 5,
			errorCode: 'IC0512',
			message: `Only controllers of canister ${canisterId.toText()} can call ic00 method install_chunked_code`
		});
		expect(devnet.canisterInfo(strangersCanister).moduleHash).toBeUndefined();
	});

	it("refuses a module hash that is not the concatenation's", async () => {
		const wrong = sha256(new Uint8Array([0]));
		expect(await installChunked({ target: canisterId, moduleHash: wrong })).toEqual(
			contractViolation(
				`Wasm module hash ${rustBytes(sha256(wasm))} does not match given hash WasmHash(${rustBytes(wrong)})`
			)
		);
		// the chunks in another order are another module
		const reordered = [nth(hashes, 1), nth(hashes, 0), ...hashes.slice(2)];
		const result = await installChunked({ target: canisterId, chunkHashes: reordered });
		expect(result).toMatchObject({ kind: 'reject', errorCode: 'IC0504' });
		expect(devnet.canisterInfo(canisterId).moduleHash).toBeUndefined();
	});

	it('refuses a chunk hash the store does not hold', async () => {
		const missing = sha256(new Uint8Array([9, 9]));
		const result = await installChunked({
			target: canisterId,
			chunkHashes: [nth(hashes, 0), missing, ...hashes.slice(1)]
		});
		expect(result).toEqual(contractViolation(`Chunk hash ${rustBytes(missing)} was not found`));
	});

	it('refuses a chunk over 1 MiB', async () => {
		const result = await upload(canisterId, new Uint8Array(CHUNK_SIZE + 1));
		expect(result).toEqual(
			contractViolation(
				`Wasm chunk size ${CHUNK_SIZE + 1} exceeds the maximum chunk size of ${CHUNK_SIZE}`
			)
		);
		expect((await upload(canisterId, new Uint8Array(CHUNK_SIZE))).kind).toBe('reply');
	});

	it('refuses a chunk beyond the store capacity (100 chunks), but takes one already stored', async () => {
		const full = await devnet.createCanister({ sender: owner });
		const limit = CHUNK_STORE_CAPACITY / CHUNK_SIZE;
		expect(limit).toBe(100);
		for (let i = 0; i < limit; i++) {
			expect((await upload(full, new Uint8Array([i]))).kind).toBe('reply');
		}
		expect(await upload(full, new Uint8Array([limit]))).toEqual(
			contractViolation(
				`Wasm chunk store has already reached maximum capacity of ${CHUNK_STORE_CAPACITY} bytes or the maximum number of entries, ${limit}`
			)
		);
		expect((await upload(full, new Uint8Array([0]))).kind).toBe('reply');
		expect(await storedChunks(full)).toHaveLength(limit);
		// clearing frees the store
		expect((await clearStore(full)).kind).toBe('reply');
		expect(await storedChunks(full)).toEqual([]);
		expect((await upload(full, new Uint8Array([limit]))).kind).toBe('reply');
	});

	it('refuses a canister that does not exist', async () => {
		const absent = Principal.fromText('rwlgt-iiaaa-aaaaa-aaaaa-cai');
		expect(await upload(absent, nth(chunks, 0))).toMatchObject({
			kind: 'reject',
			code: 3,
			errorCode: 'IC0301'
		});
	});
});

describe('the store over the canister lifetime', () => {
	it('clear_chunk_store empties the store, and a chunked install then finds nothing', async () => {
		const canisterId = await devnet.createCanister({ sender: owner });
		await uploadAll(canisterId);
		expect((await clearStore(canisterId)).kind).toBe('reply');
		expect(await storedChunks(canisterId)).toEqual([]);
		expect(await installChunked({ target: canisterId })).toMatchObject({
			kind: 'reject',
			errorCode: 'IC0504',
			message: `Error from Wasm chunk store: Chunk hash ${rustBytes(nth(hashes, 0))} was not found.`
		});
	});

	it('uninstall_code clears the store (as the replica does)', async () => {
		const canisterId = await devnet.createCanister({ sender: owner });
		await uploadAll(canisterId);
		expect((await installChunked({ target: canisterId })).kind).toBe('reply');
		const arg = encode(Management.CanisterIdRecord, { canister_id: canisterId });
		expect((await management('uninstall_code', arg, owner)).kind).toBe('reply');
		expect(await storedChunks(canisterId)).toEqual([]);
	});

	it('delete_canister frees the store with the canister', async () => {
		const canisterId = await devnet.createCanister({ sender: owner });
		await upload(canisterId, nth(chunks, 0));
		const arg = encode(Management.CanisterIdRecord, { canister_id: canisterId });
		expect((await management('stop_canister', arg, owner)).kind).toBe('reply');
		expect((await management('delete_canister', arg, owner)).kind).toBe('reply');
		expect(await management('stored_chunks', arg, owner)).toMatchObject({
			kind: 'reject',
			errorCode: 'IC0301'
		});
	});

	it('a snapshot keeps the store, and a restored devnet installs from it', async () => {
		const canisterId = await devnet.createCanister({ sender: owner });
		await uploadAll(canisterId);
		devnet.saveState(stateDirectory);
		const live = devnet;
		devnet = await Devnet.create({ stateDirectory });
		try {
			expect(await storedChunks(canisterId)).toEqual(sortedHashes);
			expect((await installChunked({ target: canisterId, greeting: 'Back' })).kind).toBe('reply');
			const probe = devnet.createActor<ProbeService>(probeIdlFactory, canisterId);
			expect(await probe.greet('Ada')).toBe('Back, Ada!');
		} finally {
			await devnet.tearDown();
			devnet = live;
		}
	});
});
