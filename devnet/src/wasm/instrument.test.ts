// Instruction metering and export patching on small modules assembled from WAT.
import binaryen from 'binaryen';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import {
	BUDGET_EXPORT,
	GLOBAL_EXPORT_PREFIX,
	METERING_IMPORT,
	TABLE_EXPORT,
	UnsupportedWasmError,
	instrumentWasm
} from './instrument';
import { compileCanisterModule, unpackWasm } from './module-cache';

const WAT = `(module
  (table 2 funcref)
  (elem (i32.const 0) $count)
  (global $sp (mut i32) (i32.const 1024))
  (global $fixed i32 (i32.const 7))
  (func $count (export "count") (param $n i32) (result i32)
    (local $i i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $i))
  (func (export "switch") (param $case i32) (result i32)
    (block $heavy
      (block $light
        (br_table $light $heavy (local.get $case)))
      (return (i32.const 1)))
    (drop (i32.add (i32.add (i32.add (i32.const 1) (i32.const 2)) (i32.add (i32.const 3) (i32.const 4)))
                   (i32.add (i32.add (i32.const 5) (i32.const 6)) (i32.add (i32.const 7) (i32.const 8)))))
    (drop (i32.add (i32.add (i32.add (i32.const 1) (i32.const 2)) (i32.add (i32.const 3) (i32.const 4)))
                   (i32.add (i32.add (i32.const 5) (i32.const 6)) (i32.add (i32.const 7) (i32.const 8)))))
    (i32.const 2))
  (func $leaf (param $v i32) (result i32) (local.get $v))
  (func (export "weights") (param $x i32) (result i32)
    (drop (call $leaf (i32.const 1)))
    (global.set $sp (global.get $sp))
    (i32.div_u (local.get $x) (i32.const 3)))
  (func (export "early") (param $x i32) (result i32)
    (block $out
      (br_if $out (local.get $x))
      (drop (i32.add (i32.const 1) (i32.const 2)))
      (drop (i32.add (i32.const 1) (i32.const 2))))
    (i32.const 0))
)`;

function assemble(text: string): Uint8Array {
	const module = binaryen.parseText(text);
	const wasm = module.emitBinary();
	module.dispose();
	return wasm;
}

class Exhausted extends Error {}

function instantiate() {
	const { wasm, mutableGlobals, tableExported } = instrumentWasm(assemble(WAT));
	const instance = new WebAssembly.Instance(
		new WebAssembly.Module(wasm as Uint8Array<ArrayBuffer>),
		{
			[METERING_IMPORT.module]: {
				[METERING_IMPORT.name]: () => {
					throw new Exhausted();
				}
			}
		}
	);
	const budget = instance.exports[BUDGET_EXPORT] as WebAssembly.Global;
	const run = (name: string, arg: number, limit = 1_000_000_000n) => {
		budget.value = limit;
		const result = (instance.exports[name] as (n: number) => number)(arg);
		return { result, used: limit - (budget.value as bigint) };
	};
	return { instance, run, mutableGlobals, tableExported };
}

const cacheDirectory = mkdtempSync(join(tmpdir(), 'devnet-wasm-cache-'));
afterAll(() => rmSync(cacheDirectory, { recursive: true, force: true }));

describe('instrumentWasm', () => {
	it('charges each loop iteration, so the count grows linearly with the work', () => {
		const { run } = instantiate();
		const small = run('count', 100);
		const large = run('count', 1100);
		expect(small.result).toBe(100);
		const perIteration = Number(large.used - small.used) / 1000;
		expect(perIteration).toBeGreaterThanOrEqual(5); // the loop body has ~10 instructions
		expect(perIteration).toBeLessThanOrEqual(20);
	});

	it('charges the code after a branch target only when it runs', () => {
		const { run } = instantiate();
		const light = run('switch', 0);
		const heavy = run('switch', 1);
		expect([light.result, heavy.result]).toEqual([1, 2]);
		expect(heavy.used - light.used).toBeGreaterThanOrEqual(30n);
	});

	// dfinity/ic rs/embedders/src/wasm_utils/instrumentation.rs, instruction_to_cost
	it("charges each instruction the IC's cost: call 5, global 2, division 10, most others 1", () => {
		const { run } = instantiate();
		// call 5 + const 1 + drop 1 + the callee's local.get 1; global.get 2 + global.set 2;
		// local.get 1 + const 1 + div_u 10
		expect(run('weights', 9)).toEqual({ result: 3, used: 24n });
	});

	it('charges the code after a br_if only when the branch is not taken (basic blocks)', () => {
		const { run } = instantiate();
		// local.get 1 + br_if 2, then const 1 after the block; not taken: two drops of 4 more
		expect(run('early', 1).used).toBe(4n);
		expect(run('early', 0).used).toBe(12n);
	});

	it('calls out_of_instructions once the budget is spent', () => {
		const { run } = instantiate();
		expect(() => run('count', 1_000_000, 10_000n)).toThrow(Exhausted);
		expect(run('count', 10, 10_000n).result).toBe(10);
	});

	it('exports the function table and the mutable globals only', () => {
		const { instance, mutableGlobals, tableExported } = instantiate();
		expect(tableExported).toBe(true);
		expect(instance.exports[TABLE_EXPORT]).toBeInstanceOf(WebAssembly.Table);
		expect(mutableGlobals).toEqual([0]);
		expect((instance.exports[`${GLOBAL_EXPORT_PREFIX}0`] as WebAssembly.Global).value).toBe(1024);
		expect(instance.exports[`${GLOBAL_EXPORT_PREFIX}1`]).toBeUndefined();
	});

	it('rejects bytes that are not wasm', () => {
		expect(() => unpackWasm(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]))).toThrow(
			UnsupportedWasmError
		);
	});
});

describe('compileCanisterModule', () => {
	it('accepts gzipped wasm, hashes the original bytes and caches on disk', async () => {
		const wasm = assemble(WAT);
		const first = await compileCanisterModule(gzipSync(wasm), cacheDirectory);
		const again = await compileCanisterModule(gzipSync(wasm), cacheDirectory);
		expect(again).toBe(first);
		expect(readdirSync(cacheDirectory).some((name) => name.endsWith('.wasm'))).toBe(true);
		expect(first.hash).toHaveLength(32);
	});

	it('fails for invalid wasm, and does not cache the failure', async () => {
		const bad = new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 0xff]);
		await expect(compileCanisterModule(bad, cacheDirectory)).rejects.toThrow();
		await expect(compileCanisterModule(bad, cacheDirectory)).rejects.toThrow();
	});
});
