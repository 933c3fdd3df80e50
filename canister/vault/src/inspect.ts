// canister_inspect_message's rule for the vault canister: an ingress message is refused before
// any of its bytes are decoded when its caller is anonymous on a method that needs a caller, its
// argument is over the method's bound, or its DIDL header and type table are not exactly the
// ones our own IDL types encode (a foreign table could make IDL.decode skip 2^31 nulls).
// Everything comes from the contract's METHODS table and argument bounds, so a new method is
// covered without a change here. The update path refuses the same arguments itself (serve in
// index.ts): inspect_message does not run for inter-canister calls.
import type { Principal } from '@dfinity/principal';
import { anonymousAllowed, argumentBytesBound } from '@tessera/contract/vault/argument-bounds';

/** Why a message is refused, or undefined if it may run. */
export type Refusal = 'unknown-method' | 'anonymous-caller' | 'too-large' | 'foreign-type-table';

/** The part of a method's decoder the inspection needs: its own table, compared bytewise. */
export interface OwnTable {
	hasOwnTable(bytes: Uint8Array): boolean;
}

/** A method's argument size check, shared by inspect_message and the update path. */
export function oversized(method: string, argument: Uint8Array): boolean {
	return argument.length > argumentBytesBound(method);
}

export function inspectRefusal(
	tables: Readonly<Record<string, OwnTable>>,
	message: { method: string; caller: Principal; argument: Uint8Array }
): Refusal | undefined {
	const known = Object.prototype.hasOwnProperty.call(tables, message.method);
	const table = known ? tables[message.method] : undefined;
	if (!table) return 'unknown-method';
	if (message.caller.isAnonymous() && !anonymousAllowed(message.method)) {
		return 'anonymous-caller';
	}
	if (oversized(message.method, message.argument)) return 'too-large';
	if (!table.hasOwnTable(message.argument)) return 'foreign-type-table';
	return undefined;
}
