// Runs one instrumentation in a child process: `instrument-process.ts <in.wasm> <out-prefix>`
// writes <out-prefix>.wasm and <out-prefix>.json ({ mutableGlobals } or { error }).
// binaryen.js never returns its heap to the host: after about three 3.5 MB modules in one
// process its memory is exhausted ("memory access out of bounds"), so every module gets a fresh
// binaryen instance that dies with the process.
import { readFileSync, writeFileSync } from 'node:fs';
import { instrumentWasm, UnsupportedWasmError } from './instrument';

export type InstrumentOutcome =
	| { ok: true; mutableGlobals: number[]; tableExported: boolean }
	| { ok: false; unsupported: boolean; message: string };

const [input, outputPrefix] = process.argv.slice(2);
if (input && outputPrefix) {
	let outcome: InstrumentOutcome;
	try {
		const { wasm, mutableGlobals, tableExported } = instrumentWasm(readFileSync(input));
		writeFileSync(`${outputPrefix}.wasm`, wasm);
		outcome = { ok: true, mutableGlobals, tableExported };
	} catch (error) {
		const unsupported = error instanceof UnsupportedWasmError;
		const message = error instanceof Error ? error.message : String(error);
		outcome = {
			ok: false,
			unsupported,
			message: message.replace(/^unsupported canister wasm: /, '')
		};
	}
	writeFileSync(`${outputPrefix}.json`, JSON.stringify(outcome));
}
