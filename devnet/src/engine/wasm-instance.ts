// One instantiated canister module: its heap, function table, mutable globals and instruction
// budget, with checkpoint/rollback of heap and globals (stable memory rolls back on its own).
import { CanisterTrap } from './errors';
import { WASM_PAGE } from './stable-memory';
import type { CompiledModule } from '../wasm/module-cache';
import {
	BUDGET_EXPORT,
	GLOBAL_EXPORT_PREFIX,
	METERING_IMPORT,
	TABLE_EXPORT
} from '../wasm/instrument';

export type Ic0Imports = Record<string, (...args: never[]) => unknown>;
type GlobalValue = number | bigint;

/** Thrown by the metering import; the engine turns it into the limit's CanisterTrap. */
export class OutOfInstructions extends Error {}

export interface HeapImage {
	memory: Uint8Array;
	globals: GlobalValue[];
}

export class WasmInstance {
	private readonly exports: WebAssembly.Exports;
	private readonly memory: WebAssembly.Memory;
	private readonly table?: WebAssembly.Table;
	private readonly globals: WebAssembly.Global[];
	private readonly budget: WebAssembly.Global;
	private committed: HeapImage;

	private constructor(
		readonly compiled: CompiledModule,
		instance: WebAssembly.Instance
	) {
		this.exports = instance.exports;
		const memory = this.exports.memory;
		if (!(memory instanceof WebAssembly.Memory)) {
			throw CanisterTrap.trapped('the module exports no memory');
		}
		this.memory = memory;
		const table = this.exports[TABLE_EXPORT];
		this.table = table instanceof WebAssembly.Table ? table : undefined;
		this.globals = compiled.mutableGlobals.map(
			(index) => this.exports[GLOBAL_EXPORT_PREFIX + index] as WebAssembly.Global
		);
		this.budget = this.exports[BUDGET_EXPORT] as WebAssembly.Global;
		this.committed = { memory: new Uint8Array(0), globals: [] };
		this.checkpoint();
	}

	static create(compiled: CompiledModule, ic0: Ic0Imports): WasmInstance {
		const imports: WebAssembly.Imports = {
			ic0: ic0 as WebAssembly.ModuleImports,
			[METERING_IMPORT.module]: {
				[METERING_IMPORT.name]: () => {
					throw new OutOfInstructions();
				}
			}
		};
		let instance: WebAssembly.Instance;
		try {
			instance = new WebAssembly.Instance(compiled.module, imports);
		} catch (error) {
			throw CanisterTrap.trapped(`instantiation failed: ${String(error)}`);
		}
		return new WasmInstance(compiled, instance);
	}

	hasExport(name: string): boolean {
		return typeof this.exports[name] === 'function';
	}

	exportedMethods(prefix: string): string[] {
		return Object.keys(this.exports)
			.filter((name) => name.startsWith(prefix) && typeof this.exports[name] === 'function')
			.map((name) => name.slice(prefix.length));
	}

	callExport(name: string): void {
		(this.exports[name] as () => void)();
	}

	callTableEntry(index: number, env: number): void {
		const fn = this.table?.get(index) as ((env: number) => void) | null | undefined;
		if (typeof fn !== 'function') throw CanisterTrap.trapped(`no callback at table index ${index}`);
		fn(env);
	}

	bytes(): Uint8Array {
		return new Uint8Array(this.memory.buffer);
	}

	view(): DataView {
		return new DataView(this.memory.buffer);
	}

	setBudget(instructions: bigint): void {
		this.budget.value = instructions;
	}

	remainingBudget(): bigint {
		return this.budget.value as bigint;
	}

	/** Charges system-API work (e.g. bytes copied) against the budget. */
	charge(instructions: number): void {
		this.budget.value = (this.budget.value as bigint) - BigInt(instructions);
	}

	checkpoint(): void {
		const live = this.bytes();
		if (this.committed.memory.length !== live.length) {
			this.committed.memory = new Uint8Array(live.length);
		}
		this.committed.memory.set(live);
		this.committed.globals = this.globals.map((global) => global.value as GlobalValue);
	}

	rollback(): void {
		const live = this.bytes();
		live.set(this.committed.memory);
		// Wasm memory cannot shrink: pages grown by the rolled-back message are zeroed instead.
		if (live.length > this.committed.memory.length) live.fill(0, this.committed.memory.length);
		this.globals.forEach((global, i) => (global.value = this.committed.globals[i]));
	}

	/** A copy of the heap and globals as they are now, committed or not. */
	liveImage(): HeapImage {
		return {
			memory: this.bytes().slice(),
			globals: this.globals.map((global) => global.value as GlobalValue)
		};
	}

	/** Puts back a live image (see liveImage) without committing it. */
	load(image: HeapImage): void {
		const missing = (image.memory.length - this.memory.buffer.byteLength) / WASM_PAGE;
		if (missing > 0) this.memory.grow(missing);
		const live = this.bytes();
		live.set(image.memory);
		if (live.length > image.memory.length) live.fill(0, image.memory.length);
		this.globals.forEach((global, i) => (global.value = image.globals[i] as GlobalValue));
	}

	committedImage(): HeapImage {
		return { memory: this.committed.memory, globals: [...this.committed.globals] };
	}

	restore(image: HeapImage): void {
		const missing = (image.memory.length - this.memory.buffer.byteLength) / WASM_PAGE;
		if (missing > 0) this.memory.grow(missing);
		this.bytes().set(image.memory);
		this.globals.forEach((global, i) => (global.value = image.globals[i] as GlobalValue));
		this.checkpoint();
	}
}
