import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
});
