// Runs one entry point of a canister and decides its fate: committed, or rolled back because it
// trapped (or was a query, or inspect_message, which never persist anything).
import type { Canister } from './canister';
import { CanisterTrap, DevnetError } from './errors';
import { Execution, type ExecutionInput, type ExecutionKind } from './execution';
import { OutOfInstructions, type WasmInstance } from './wasm-instance';

const COMPOSITE: readonly ExecutionKind[] = [
	'composite_query',
	'composite_reply',
	'composite_reject',
	'composite_cleanup'
];

export type ExecutedMessage = Execution & { trap?: CanisterTrap; instructions: bigint };

export function executeMessage(
	canister: Canister,
	input: ExecutionInput,
	entry: (instance: WasmInstance) => void
): ExecutedMessage {
	const instance = canister.instance;
	if (!instance) throw new DevnetError(`canister ${canister.idText} has no module`);
	const execution = new Execution(input);
	const cyclesAvailable = input.context?.cyclesAvailable;
	instance.setBudget(input.instructionLimit);
	canister.execution = execution;
	let trap: CanisterTrap | undefined;
	try {
		entry(instance);
	} catch (error) {
		trap = asTrap(error, input.instructionLimit);
		if (!trap) {
			// a devnet bug, not the canister's doing: keep the state as it was, then surface it
			canister.execution = undefined;
			canister.rollback();
			throw error;
		}
	} finally {
		canister.execution = undefined;
	}
	const used = input.instructionLimit - instance.remainingBudget();
	const instructions = used > input.instructionLimit ? input.instructionLimit : used;
	if (input.context) input.context.instructions += instructions;
	const readOnly =
		input.kind === 'query' || input.kind === 'replicated_query' || input.kind === 'inspect';
	if (!trap && COMPOSITE.includes(input.kind)) {
		// a composite query's state lives on for its callbacks; the call graph discards it at the end
	} else if (trap || readOnly) {
		canister.rollback();
		// cycles the message accepted go back to the call, as the balance they went to rolled back
		if (input.context && cyclesAvailable !== undefined)
			input.context.cyclesAvailable = cyclesAvailable;
	} else {
		// cycles attached to a call that was never performed return to the balance
		if (execution.pendingCall) canister.state.cycles += execution.pendingCall.cycles;
		canister.checkpoint();
	}
	return Object.assign(execution, { trap, instructions });
}

function asTrap(error: unknown, limit: bigint): CanisterTrap | undefined {
	if (error instanceof CanisterTrap) return error;
	if (error instanceof OutOfInstructions) return CanisterTrap.outOfInstructions(limit);
	if (error instanceof WebAssembly.RuntimeError) return CanisterTrap.trapped(error.message);
	if (error instanceof RangeError) return CanisterTrap.trapped(error.message); // stack overflow
	return undefined;
}
