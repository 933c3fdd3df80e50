// Rewrites canister wasm for devnet (with binaryen, as Azle itself does):
// - exports the function table (callbacks of inter-canister calls are table indices) and every
//   mutable global (rolled back with the heap when a message traps);
// - meters instructions with the IC's cost model (instructionCost): a budget counter (an
//   exported i64 global) is decremented by the cost of each basic block when it starts — a
//   function body, a loop iteration, an if arm, the code after a named block's end (a branch
//   target, e.g. each case of a br_table switch) and the code after an expression that may
//   branch or return — and a function entry or loop header whose budget went negative calls
//   devnet.out_of_instructions, which traps.
import binaryen from 'binaryen';

export const TABLE_EXPORT = '__devnet_table';
export const GLOBAL_EXPORT_PREFIX = '__devnet_global_';
export const BUDGET_EXPORT = '__devnet_instruction_budget';
export const METERING_IMPORT = { module: 'devnet', name: 'out_of_instructions' } as const;

const BUDGET_GLOBAL = '__devnet_budget';
const OUT_OF_INSTRUCTIONS_FUNCTION = '__devnet_out_of_instructions';

type Ref = number;
interface Setters {
	Block: { insertChildAt(block: Ref, index: number, child: Ref): void };
	Loop: { setBody(loop: Ref, body: Ref): void };
	If: { setIfTrue(expr: Ref, arm: Ref): void; setIfFalse(expr: Ref, arm: Ref): void };
	Function: { setBody(fn: Ref, body: Ref): void };
}
const setters = binaryen as unknown as Setters;

/** Names of the fields of each expression kind that hold child expressions. */
const CHILD_FIELDS = new Map<number, readonly string[]>([
	[binaryen.BlockId, ['children']],
	[binaryen.IfId, ['condition']], // arms are regions of their own
	[binaryen.LoopId, []], // the body is a region of its own
	[binaryen.BreakId, ['condition', 'value']],
	[binaryen.SwitchId, ['condition', 'value']],
	[binaryen.CallId, ['operands']],
	[binaryen.CallIndirectId, ['target', 'operands']],
	[binaryen.LocalGetId, []],
	[binaryen.LocalSetId, ['value']],
	[binaryen.GlobalGetId, []],
	[binaryen.GlobalSetId, ['value']],
	[binaryen.TableGetId, ['index']],
	[binaryen.TableSetId, ['index', 'value']],
	[binaryen.TableSizeId, []],
	[binaryen.TableGrowId, ['value', 'delta']],
	[binaryen.LoadId, ['ptr']],
	[binaryen.StoreId, ['ptr', 'value']],
	[binaryen.ConstId, []],
	[binaryen.UnaryId, ['value']],
	[binaryen.BinaryId, ['left', 'right']],
	[binaryen.SelectId, ['ifTrue', 'ifFalse', 'condition']],
	[binaryen.DropId, ['value']],
	[binaryen.ReturnId, ['value']],
	[binaryen.MemorySizeId, []],
	[binaryen.MemoryGrowId, ['delta']],
	[binaryen.NopId, []],
	[binaryen.UnreachableId, []],
	[binaryen.AtomicRMWId, ['ptr', 'value']],
	[binaryen.AtomicCmpxchgId, ['ptr', 'expected', 'replacement']],
	[binaryen.AtomicWaitId, ['ptr', 'expected', 'timeout']],
	[binaryen.AtomicNotifyId, ['ptr', 'notifyCount']],
	[binaryen.AtomicFenceId, []],
	[binaryen.SIMDExtractId, ['vec']],
	[binaryen.SIMDReplaceId, ['vec', 'value']],
	[binaryen.SIMDShuffleId, ['left', 'right']],
	[binaryen.SIMDTernaryId, ['a', 'b', 'c']],
	[binaryen.SIMDShiftId, ['vec', 'shift']],
	[binaryen.SIMDLoadId, ['ptr']],
	[binaryen.SIMDLoadStoreLaneId, ['ptr', 'vec']],
	[binaryen.MemoryInitId, ['dest', 'offset', 'size']],
	[binaryen.DataDropId, []],
	[binaryen.MemoryCopyId, ['dest', 'source', 'size']],
	[binaryen.MemoryFillId, ['dest', 'value', 'size']],
	[binaryen.RefNullId, []],
	[binaryen.RefIsId, ['value']],
	[binaryen.RefAsId, ['value']],
	[binaryen.RefFuncId, []],
	[binaryen.RefEqId, ['left', 'right']],
	[binaryen.TupleMakeId, ['operands']],
	[binaryen.TupleExtractId, ['tuple']]
]);

/** Binary operators the IC charges 10 (integer division and remainder). */
const DIVISIONS = new Set<number>(
	[
		'DivSInt32',
		'DivUInt32',
		'RemSInt32',
		'RemUInt32',
		'DivSInt64',
		'DivUInt64',
		'RemSInt64',
		'RemUInt64'
	].map((name) => (binaryen as unknown as Record<string, number>)[name] as number)
);

/**
 * The IC's static cost of one instruction (dfinity/ic rs/embedders/src/wasm_utils/
 * instrumentation.rs, instruction_to_cost, Wasm32): block, loop and end are free, branches and
 * globals 2, calls 5 and 10, integer division 10, memory.size 20, memory.grow 300, bulk memory
 * 100, most others 1. Float conversions and the rarer operators are charged 1 (Azle's QuickJS
 * build uses few).
 */
function instructionCost(id: number, info: Record<string, unknown>): number {
	switch (id) {
		case binaryen.BlockId:
		case binaryen.LoopId:
			return 0;
		case binaryen.IfId:
		case binaryen.BreakId:
		case binaryen.SwitchId:
		case binaryen.GlobalGetId:
		case binaryen.GlobalSetId:
			return 2;
		case binaryen.CallId:
			return 5;
		case binaryen.CallIndirectId:
		case binaryen.TableGetId:
		case binaryen.TableSetId:
			return id === binaryen.CallIndirectId ? 10 : 5;
		case binaryen.BinaryId:
			return DIVISIONS.has(info.op as number) ? 10 : 1;
		case binaryen.MemorySizeId:
			return 20;
		case binaryen.TableSizeId:
			return 100;
		case binaryen.MemoryGrowId:
		case binaryen.TableGrowId:
		case binaryen.DataDropId:
			return 300;
		case binaryen.MemoryCopyId:
		case binaryen.MemoryFillId:
		case binaryen.MemoryInitId:
			return 100;
		case binaryen.RefFuncId:
			return 130;
		default:
			return 1;
	}
}

export class UnsupportedWasmError extends Error {
	constructor(reason: string) {
		super(`unsupported canister wasm: ${reason}`);
		this.name = 'UnsupportedWasmError';
	}
}

export interface InstrumentedWasm {
	wasm: Uint8Array;
	/** Indices of the mutable globals exported as GLOBAL_EXPORT_PREFIX + index. */
	mutableGlobals: number[];
	tableExported: boolean;
}

export function instrumentWasm(original: Uint8Array): InstrumentedWasm {
	if (!WebAssembly.validate(original as Uint8Array<ArrayBuffer>)) {
		throw new UnsupportedWasmError('the module does not validate');
	}
	let module: binaryen.Module;
	try {
		module = binaryen.readBinary(original);
	} catch (error) {
		throw new UnsupportedWasmError(`not a wasm module (${String(error)})`);
	}
	try {
		module.setFeatures(binaryen.Features.All);
		const tableExported = exportTable(module);
		const mutableGlobals = exportMutableGlobals(module);
		addMetering(module);
		return { wasm: module.emitBinary(), mutableGlobals, tableExported };
	} finally {
		module.dispose();
	}
}

function exportTable(module: binaryen.Module): boolean {
	if (module.getNumTables() === 0) return false;
	const table = binaryen.getTableInfo(module.getTableByIndex(0));
	module.addTableExport(table.name, TABLE_EXPORT);
	return true;
}

function exportMutableGlobals(module: binaryen.Module): number[] {
	const indices: number[] = [];
	for (let i = 0; i < module.getNumGlobals(); i++) {
		const global = binaryen.getGlobalInfo(module.getGlobalByIndex(i));
		if (!global.mutable || global.module) continue;
		module.addGlobalExport(global.name, GLOBAL_EXPORT_PREFIX + i);
		indices.push(i);
	}
	return indices;
}

function addMetering(module: binaryen.Module): void {
	module.addGlobal(BUDGET_GLOBAL, binaryen.i64, true, module.i64.const(0, 0));
	module.addGlobalExport(BUDGET_GLOBAL, BUDGET_EXPORT);
	module.addFunctionImport(
		OUT_OF_INSTRUCTIONS_FUNCTION,
		METERING_IMPORT.module,
		METERING_IMPORT.name,
		binaryen.none,
		binaryen.none
	);
	const charge = (cost: number, check: boolean): Ref[] => {
		const decrement = module.global.set(
			BUDGET_GLOBAL,
			module.i64.sub(module.global.get(BUDGET_GLOBAL, binaryen.i64), module.i64.const(cost, 0))
		);
		if (!check) return [decrement];
		const exhausted = module.i64.lt_s(
			module.global.get(BUDGET_GLOBAL, binaryen.i64),
			module.i64.const(0, 0)
		);
		return [
			decrement,
			module.if(exhausted, module.call(OUT_OF_INSTRUCTIONS_FUNCTION, [], binaryen.none))
		];
	};
	const prepend = (cost: number, check: boolean, body: Ref): Ref =>
		module.block(null, [...charge(cost, check), body], binaryen.auto);

	const isNamedBlock = (expr: Ref): boolean =>
		binaryen.getExpressionId(expr) === binaryen.BlockId &&
		Boolean((binaryen.getExpressionInfo(expr) as binaryen.BlockInfo).name);

	// Whether the expression measured last may leave its block early (a branch or a return):
	// the code after it is then a basic block of its own, charged only when it runs.
	let branches = false;

	// A block's children up to its first named child block (or child that may branch) run with
	// the enclosing region; the code after each is a region of its own.
	const measureBlock = (block: Ref, children: Ref[]): number => {
		let leading = 0;
		let segment: { start: number; cost: number } | undefined;
		const segments: { start: number; cost: number }[] = [];
		let anyBranch = false;
		children.forEach((child, i) => {
			branches = false;
			const cost = measure(child);
			anyBranch ||= branches;
			if (segment) segment.cost += cost;
			else leading += cost;
			if (i < children.length - 1 && (branches || isNamedBlock(child))) {
				if (segment) segments.push(segment);
				segment = { start: i + 1, cost: 0 };
			}
		});
		if (segment) segments.push(segment);
		for (const { start, cost } of segments.reverse()) {
			if (cost > 0) setters.Block.insertChildAt(block, start, charge(cost, false)[0] as Ref);
		}
		branches = anyBranch;
		return leading;
	};

	// Size of the region rooted at `expr`, instrumenting the regions nested in it on the way.
	const measure = (expr: Ref): number => {
		const id = binaryen.getExpressionId(expr);
		if (id === binaryen.BlockId) {
			return measureBlock(expr, (binaryen.getExpressionInfo(expr) as binaryen.BlockInfo).children);
		}
		const fields = CHILD_FIELDS.get(id);
		if (!fields) throw new UnsupportedWasmError(`expression kind ${id}`);
		const info = binaryen.getExpressionInfo(expr) as unknown as Record<string, unknown>;
		let size = instructionCost(id, info);
		let anyBranch = id === binaryen.BreakId || id === binaryen.SwitchId || id === binaryen.ReturnId;
		for (const field of fields) {
			const value = info[field];
			const children = Array.isArray(value)
				? (value as Ref[])
				: typeof value === 'number' && value !== 0
					? [value]
					: [];
			for (const child of children) {
				size += measure(child);
				anyBranch ||= branches;
			}
		}
		if (id === binaryen.LoopId) {
			const body = info.body as Ref;
			setters.Loop.setBody(expr, prepend(measure(body), true, body));
		} else if (id === binaryen.IfId) {
			const ifTrue = info.ifTrue as Ref;
			const ifFalse = info.ifFalse as Ref;
			setters.If.setIfTrue(expr, prepend(measure(ifTrue), false, ifTrue));
			anyBranch ||= branches;
			if (ifFalse) {
				setters.If.setIfFalse(expr, prepend(measure(ifFalse), false, ifFalse));
				anyBranch ||= branches;
			}
		}
		// a branch inside a loop body or an if arm may leave the enclosing block too
		if (id === binaryen.LoopId) anyBranch ||= branches;
		branches = anyBranch;
		return size;
	};

	const functions: Ref[] = [];
	for (let i = 0; i < module.getNumFunctions(); i++) functions.push(module.getFunctionByIndex(i));
	for (const fn of functions) {
		const info = binaryen.getFunctionInfo(fn);
		if (info.module || !info.body) continue; // imports have no body
		setters.Function.setBody(fn, prepend(measure(info.body), true, info.body));
	}
}
