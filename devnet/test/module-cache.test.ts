import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { UnsupportedWasmError } from '../src/wasm/instrument';
import { compileCanisterModule, wasmHash } from '../src/wasm/module-cache';
import { PROBE_WASM } from './probe-wasm';

const cacheDirectory = mkdtempSync(join(tmpdir(), 'devnet-module-cache-test-'));
afterAll(() => rmSync(cacheDirectory, { recursive: true, force: true }));

/** The probe wasm with a distinct custom section: a new module hash, the same code. */
function variant(wasm: Uint8Array, tag: number): Uint8Array {
	const custom = Uint8Array.of(0, 5, 3, 0x74, 0x61, 0x67, tag); // id 0, size 5, name "tag", tag
	const out = new Uint8Array(wasm.length + custom.length);
	out.set(wasm);
	out.set(custom, wasm.length);
	return out;
}

describe('compiling canister modules', () => {
	// Regression: binaryen.js never frees its heap, and a fourth 3.5 MB Azle module instrumented
	// in one process crashed with "memory access out of bounds". Each instrumentation now runs in
	// its own process.
	it('instruments four distinct Azle modules in one process', async () => {
		const probe = new Uint8Array(readFileSync(PROBE_WASM));
		for (let tag = 0; tag < 4; tag++) {
			const wasm = variant(probe, tag);
			const compiled = await compileCanisterModule(wasm, cacheDirectory);
			expect(compiled.hash).toEqual(wasmHash(wasm));
			expect(WebAssembly.Module.exports(compiled.module).length).toBeGreaterThan(0);
		}
	}, 240_000);

	it('reports a module binaryen cannot read as unsupported', async () => {
		const broken = Uint8Array.of(0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0xff);
		await expect(compileCanisterModule(broken, cacheDirectory)).rejects.toThrow(
			UnsupportedWasmError
		);
	});

	it('instruments a module once for its raw and its gzipped copy', async () => {
		const directory = mkdtempSync(join(tmpdir(), 'devnet-module-cache-gzip-'));
		try {
			const wasm = variant(new Uint8Array(readFileSync(PROBE_WASM)), 9);
			const gzipped = new Uint8Array(gzipSync(wasm));
			const raw = await compileCanisterModule(wasm, directory);
			const packed = await compileCanisterModule(gzipped, directory);
			// the module hash is of the bytes as installed, as on the IC
			expect(raw.hash).toEqual(wasmHash(wasm));
			expect(packed.hash).toEqual(wasmHash(gzipped));
			expect(packed.module).toBe(raw.module);
			expect(readdirSync(directory).filter((name) => name.endsWith('.wasm'))).toHaveLength(1);
		} finally {
			rmSync(directory, { recursive: true, force: true });
		}
	}, 120_000);
});

describe('the programmatic API from another working directory', () => {
	it('installs and calls the probe canister from a directory outside the repository', async () => {
		const directory = mkdtempSync(join(tmpdir(), 'devnet-elsewhere-'));
		try {
			const here = (path: string) => pathToFileURL(fileURLToPath(new URL(path, import.meta.url)));
			writeFileSync(
				join(directory, 'use-devnet.mts'),
				`import { Devnet } from '${here('../index.ts')}';\n` +
					`import { setupProbe } from '${here('../testing.ts')}';\n` +
					`const { actor } = await setupProbe(await Devnet.create(), { greeting: 'Far' });\n` +
					`console.log(await actor.greet('away'));\n`
			);
			const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
			const { stdout } = await promisify(execFile)(
				process.execPath,
				['--import', tsx, 'use-devnet.mts'],
				// a fresh wasm cache, so that the module is instrumented in a child process
				{ cwd: directory, env: { ...process.env, DEVNET_WASM_CACHE: join(directory, 'cache') } }
			);
			expect(stdout.trim()).toBe('Far, away!');
		} finally {
			rmSync(directory, { recursive: true, force: true });
		}
	}, 120_000);
});
