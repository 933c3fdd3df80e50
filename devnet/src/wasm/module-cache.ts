// Compiled canister modules, cached by the sha256 of the original wasm: in memory for this
// process and on disk (instrumenting a 3.5 MB Azle module takes seconds; compiling it, ~20 ms).
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { instrumentWasm, UnsupportedWasmError } from './instrument';

export interface CompiledModule {
	/** sha256 of the original (uninstrumented) wasm: the IC's module_hash. */
	hash: Uint8Array;
	module: WebAssembly.Module;
	mutableGlobals: number[];
}

const FORMAT_VERSION = 'v2';
const memoryCache = new Map<string, Promise<CompiledModule>>();

export function defaultCacheDirectory(): string {
	return process.env.DEVNET_WASM_CACHE ?? join(tmpdir(), 'tessera-devnet-wasm-cache');
}

export function wasmHash(wasm: Uint8Array): Uint8Array {
	return new Uint8Array(createHash('sha256').update(wasm).digest());
}

/** Accepts raw or gzipped wasm, as install_code does. */
export function unpackWasm(wasm: Uint8Array): Uint8Array {
	if (wasm[0] === 0x1f && wasm[1] === 0x8b) {
		return new Uint8Array(gunzipSync(wasm));
	}
	const magic = [0x00, 0x61, 0x73, 0x6d];
	if (wasm.length < 8 || magic.some((byte, i) => wasm[i] !== byte)) {
		throw new UnsupportedWasmError('missing the wasm magic bytes');
	}
	return wasm;
}

export function compileCanisterModule(
	wasm: Uint8Array,
	cacheDirectory: string = defaultCacheDirectory()
): Promise<CompiledModule> {
	const hash = wasmHash(wasm);
	const key = Buffer.from(hash).toString('hex');
	let compiled = memoryCache.get(key);
	if (!compiled) {
		compiled = compile(wasm, hash, join(cacheDirectory, `${key}.${FORMAT_VERSION}`));
		memoryCache.set(key, compiled);
		compiled.catch(() => memoryCache.delete(key));
	}
	return compiled;
}

async function compile(
	wasm: Uint8Array,
	hash: Uint8Array,
	cachePath: string
): Promise<CompiledModule> {
	const cached = readCache(cachePath);
	const instrumented = cached ?? instrumentWasm(unpackWasm(wasm));
	if (!cached) writeCache(cachePath, instrumented.wasm, instrumented.mutableGlobals);
	const module = await WebAssembly.compile(instrumented.wasm as Uint8Array<ArrayBuffer>);
	return { hash, module, mutableGlobals: instrumented.mutableGlobals };
}

function readCache(path: string): { wasm: Uint8Array; mutableGlobals: number[] } | undefined {
	try {
		const mutableGlobals = JSON.parse(readFileSync(`${path}.json`, 'utf8')) as number[];
		return { wasm: new Uint8Array(readFileSync(`${path}.wasm`)), mutableGlobals };
	} catch {
		return undefined;
	}
}

function writeCache(path: string, wasm: Uint8Array, mutableGlobals: number[]): void {
	try {
		mkdirSync(join(path, '..'), { recursive: true });
		const suffix = `.${process.pid}.tmp`;
		writeFileSync(`${path}.wasm${suffix}`, wasm);
		renameSync(`${path}.wasm${suffix}`, `${path}.wasm`);
		writeFileSync(`${path}.json${suffix}`, JSON.stringify(mutableGlobals));
		renameSync(`${path}.json${suffix}`, `${path}.json`);
	} catch {
		// A cache that cannot be written only costs time.
	}
}
