// Compiled canister modules, cached by the sha256 of the decompressed wasm (a gzipped and a raw
// copy of one module are instrumented once): in memory for this process and on disk
// (instrumenting a 3.5 MB Azle module takes seconds; compiling it, ~20 ms).
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { UnsupportedWasmError, type InstrumentedWasm } from './instrument';
import type { InstrumentOutcome } from './instrument-process';

export interface CompiledModule {
	/** sha256 of the original (uninstrumented) wasm: the IC's module_hash. */
	hash: Uint8Array;
	module: WebAssembly.Module;
	mutableGlobals: number[];
}

const FORMAT_VERSION = 'v3'; // changes with the instrumentation (instrument.ts)
/** By the decompressed module's sha256: one instrumentation for its raw and gzipped copies. */
const byModule = new Map<string, Promise<Omit<CompiledModule, 'hash'>>>();
/** By the bytes as sent, so the same bytes give the same CompiledModule. */
const byBytes = new Map<string, Promise<CompiledModule>>();

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

/**
 * Instruments and compiles a canister module (raw or gzipped wasm), or takes it from the cache.
 * Throws UnsupportedWasmError for a module devnet cannot run.
 *
 * @example
 * const { module, hash } = await compileCanisterModule(readFileSync('probe.wasm'));
 */
export function compileCanisterModule(
	wasm: Uint8Array,
	cacheDirectory: string = defaultCacheDirectory()
): Promise<CompiledModule> {
	const hash = wasmHash(wasm);
	const bytesKey = Buffer.from(hash).toString('hex');
	let compiled = byBytes.get(bytesKey);
	if (!compiled) {
		compiled = (async () => ({ ...(await compileModule(wasm, cacheDirectory)), hash }))();
		byBytes.set(bytesKey, compiled);
		compiled.catch(() => byBytes.delete(bytesKey));
	}
	return compiled;
}

function compileModule(
	wasm: Uint8Array,
	cacheDirectory: string
): Promise<Omit<CompiledModule, 'hash'>> {
	const unpacked = unpackWasm(wasm);
	const key = Buffer.from(wasmHash(unpacked)).toString('hex');
	let compiled = byModule.get(key);
	if (!compiled) {
		compiled = compile(unpacked, join(cacheDirectory, `${key}.${FORMAT_VERSION}`));
		byModule.set(key, compiled);
		compiled.catch(() => byModule.delete(key));
	}
	return compiled;
}

async function compile(wasm: Uint8Array, cachePath: string): Promise<Omit<CompiledModule, 'hash'>> {
	const cached = readCache(cachePath);
	const instrumented = cached ?? (await instrumentInChildProcess(wasm));
	if (!cached) writeCache(cachePath, instrumented.wasm, instrumented.mutableGlobals);
	const module = await WebAssembly.compile(instrumented.wasm as Uint8Array<ArrayBuffer>);
	return { module, mutableGlobals: instrumented.mutableGlobals };
}

const execFileAsync = promisify(execFile);
/** tsx's loader, found from this file (not the current directory) so any caller's cwd works. */
const tsxLoader = () => pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

/** Instruments in a fresh child process: see instrument-process.ts for why. */
async function instrumentInChildProcess(wasm: Uint8Array): Promise<InstrumentedWasm> {
	const directory = mkdtempSync(join(tmpdir(), 'devnet-instrument-'));
	try {
		const input = join(directory, 'in.wasm');
		const output = join(directory, 'out');
		writeFileSync(input, wasm);
		const script = fileURLToPath(new URL('./instrument-process.ts', import.meta.url));
		await execFileAsync(process.execPath, ['--import', tsxLoader(), script, input, output], {
			maxBuffer: 16 * 1024 * 1024
		});
		const outcome = JSON.parse(readFileSync(`${output}.json`, 'utf8')) as InstrumentOutcome;
		if (!outcome.ok) {
			if (outcome.unsupported) throw new UnsupportedWasmError(outcome.message);
			throw new Error(`instrumenting the wasm failed: ${outcome.message}`);
		}
		const instrumented = new Uint8Array(readFileSync(`${output}.wasm`));
		return { ...outcome, wasm: instrumented };
	} finally {
		rmSync(directory, { recursive: true, force: true });
	}
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
