// Chunked code upload through an unmodified HttpAgent: an Azle module over 2 MiB (the probe's,
// uncompressed) uploaded in 1 MiB chunks, listed, installed with install_chunked_code and
// called; an upgrade the same way keeps stable memory; every refusal with its IC codes;
// clear_chunk_store empties the store; a restart keeps it (devnet started here only).
import { Actor, CertifiedRejectErrorCode, RejectError } from '@dfinity/agent';
import { IDL } from '@dfinity/candid';
import { Ed25519KeyIdentity } from '@dfinity/identity';
import type { Principal } from '@dfinity/principal';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
	clearChunkStore,
	createCanister,
	installChunkedCode,
	storedChunks,
	uploadChunk,
	uploadChunks
} from '@tessera/devnet/server';
import { PROBE_WASM, probeIdlFactory, type ProbeService } from '@tessera/devnet/testing';
import { agentFor, controlsDevnet, startTarget, type Target } from './target';

const MIB = 1024 * 1024;
const wasm = new Uint8Array(readFileSync(PROBE_WASM));
const sha256 = (bytes: Uint8Array) => new Uint8Array(createHash('sha256').update(bytes).digest());
const sorted = (hashes: Uint8Array[]) => [...hashes].sort(Buffer.compare);
const greeting = (text: string) => new Uint8Array(IDL.encode([IDL.Text], [text]));
const controller = Ed25519KeyIdentity.generate();
const stranger = Ed25519KeyIdentity.generate();

let target: Target;
let canisterId: Principal;
let chunkHashes: Uint8Array[];

/** The reject an agent call ended with: [reject code, IC error code, message]. */
async function rejection(call: Promise<unknown>): Promise<[number, string, string]> {
	const error = await call.then(
		() => undefined,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(RejectError);
	const cause = (error as RejectError).cause.code as CertifiedRejectErrorCode;
	expect(cause).toBeInstanceOf(CertifiedRejectErrorCode);
	return [cause.rejectCode, cause.rejectErrorCode ?? '', cause.rejectMessage];
}

async function probe(id: Principal) {
	const agent = await agentFor(target.url, Ed25519KeyIdentity.generate());
	return Actor.createActor<ProbeService>(probeIdlFactory, { agent, canisterId: id });
}

beforeAll(async () => {
	target = await startTarget();
	canisterId = await createCanister(await agentFor(target.url, controller));
});
afterAll(() => target.close());

describe('chunked install through the agent', () => {
	test('uploads a module over 2 MiB in 1 MiB chunks and lists them', async () => {
		const agent = await agentFor(target.url, controller);
		expect(wasm.length).toBeGreaterThan(2 * MIB);
		chunkHashes = await uploadChunks(agent, { canisterId, wasm });
		expect(chunkHashes).toHaveLength(Math.ceil(wasm.length / MIB));
		expect(chunkHashes[0]).toEqual(sha256(wasm.subarray(0, MIB)));
		expect(sorted(await storedChunks(agent, canisterId))).toEqual(sorted(chunkHashes));
	});

	test('installs from the chunks, and the canister answers', async () => {
		const agent = await agentFor(target.url, controller);
		await installChunkedCode(agent, {
			targetCanister: canisterId,
			chunkHashes,
			wasm,
			arg: greeting('Hi'),
			mode: 'install'
		});
		expect(await (await probe(canisterId)).greet('Ada')).toBe('Hi, Ada!');
	});

	test('upgrades from the chunks, keeping stable memory', async () => {
		const agent = await agentFor(target.url, controller);
		const actor = await probe(canisterId);
		await actor.put('kept', 'across a chunked upgrade');
		await installChunkedCode(agent, {
			targetCanister: canisterId,
			chunkHashes,
			wasm,
			arg: greeting('Hey'),
			mode: 'upgrade'
		});
		expect(await actor.get('kept')).toEqual(['across a chunked upgrade']);
		expect(await actor.greet('Ada')).toBe('Hey, Ada!');
	});

	test('refuses a non-controller: upload, list, clear and install', async () => {
		const agent = await agentFor(target.url, stranger);
		for (const call of [
			uploadChunk(agent, { canisterId, chunk: new Uint8Array([1]) }),
			storedChunks(agent, canisterId),
			clearChunkStore(agent, canisterId),
			installChunkedCode(agent, { targetCanister: canisterId, chunkHashes, wasm, mode: 'upgrade' })
		]) {
			const [code, errorCode] = await rejection(call);
			expect([code, errorCode]).toEqual([5, 'IC0512']);
		}
		const owner = await agentFor(target.url, controller);
		expect(await storedChunks(owner, canisterId)).toHaveLength(chunkHashes.length);
	});

	test('refuses a wrong module hash, a missing chunk, an oversized chunk and a full store', async () => {
		const agent = await agentFor(target.url, controller);
		const wrongHash = sha256(new Uint8Array([0]));
		const [code, errorCode, message] = await rejection(
			installChunkedCode(agent, {
				targetCanister: canisterId,
				chunkHashes,
				wasmModuleHash: wrongHash,
				mode: 'upgrade'
			})
		);
		expect([code, errorCode]).toEqual([5, 'IC0504']);
		expect(message).toContain('Error from Wasm chunk store: Wasm module hash');
		expect(message).toContain(`does not match given hash WasmHash([${wrongHash.join(', ')}])`);

		const missing = sha256(new Uint8Array([9, 9]));
		expect(
			await rejection(
				installChunkedCode(agent, {
					targetCanister: canisterId,
					chunkHashes: [missing, ...chunkHashes],
					wasm,
					mode: 'upgrade'
				})
			)
		).toEqual([
			5,
			'IC0504',
			`Error from Wasm chunk store: Chunk hash [${missing.join(', ')}] was not found.`
		]);

		// a chunk of 1 MiB + 1 byte is under the 2 MiB ingress limit but over the chunk limit
		const oversized = new Uint8Array(MIB + 1);
		expect(await rejection(uploadChunk(agent, { canisterId, chunk: oversized }))).toEqual([
			5,
			'IC0504',
			`Error from Wasm chunk store: Wasm chunk size ${MIB + 1} exceeds the maximum chunk size of ${MIB}.`
		]);

		const full = await createCanister(agent);
		for (let i = 0; i < 100; i++) {
			await uploadChunk(agent, { canisterId: full, chunk: new Uint8Array([i]) });
		}
		const [fullCode, fullErrorCode, fullMessage] = await rejection(
			uploadChunk(agent, { canisterId: full, chunk: new Uint8Array([100]) })
		);
		expect([fullCode, fullErrorCode]).toEqual([5, 'IC0504']);
		expect(fullMessage).toContain(
			'Error from Wasm chunk store: Wasm chunk store has already reached maximum capacity of 104857600 bytes'
		);
		await clearChunkStore(agent, full);
		expect(await storedChunks(agent, full)).toEqual([]);
	});

	test.runIf(controlsDevnet)('a restart keeps the chunk store', async () => {
		const agent = await agentFor(target.url, controller);
		const before = sorted(await storedChunks(agent, canisterId));
		await target.restart();
		const fresh = await agentFor(target.url, controller);
		expect(sorted(await storedChunks(fresh, canisterId))).toEqual(before);
		await installChunkedCode(fresh, {
			targetCanister: canisterId,
			chunkHashes,
			wasm,
			arg: greeting('Back'),
			mode: 'upgrade'
		});
		expect(await (await probe(canisterId)).greet('Ada')).toBe('Back, Ada!');
	});

	test('clear_chunk_store empties the store', async () => {
		const agent = await agentFor(target.url, controller);
		await clearChunkStore(agent, canisterId);
		expect(await storedChunks(agent, canisterId)).toEqual([]);
	});
});
