// What the vault canister's canister_inspect_message checks before any byte is decoded: the most
// bytes a method's argument may have, and which methods an anonymous caller may send. Derived
// from contract/limits.ts, so a limit that grows grows the bound with it.
import { LIMITS } from '../limits';
import { METHODS } from './idl';

type MethodName = keyof typeof METHODS;

/** A LEB128 length prefix up to 2^35. */
const LENGTH = 5;
const blob = (bytes: number): number => LENGTH + bytes;
const text = (bytes: number): number => LENGTH + bytes;
/** A principal value: reference flag, length, bytes. */
const PRINCIPAL = 2 + LIMITS.maxPrincipalBytes;
const NAT64 = 8;
const NAT32 = 4;
/** Room for "DIDL", the type table and the argument list (every method's own is smaller). */
export const TYPE_TABLE_BYTES = 256;
/** Methods of ids, nonces and fixed keys (a 48-byte transport key, a 32-byte secret). */
export const DEFAULT_ARGUMENT_BYTES = TYPE_TABLE_BYTES + 256;

const invite = text(LIMITS.maxLabelBytes) + blob(LIMITS.hashBytes);
const slots = (perSlot: number): number => LENGTH + LIMITS.maxSlots * perSlot;

/** Methods whose arguments can exceed DEFAULT_ARGUMENT_BYTES: their bound from the limits. */
const LARGE: Partial<Record<MethodName, number>> = {
	create_vault:
		TYPE_TABLE_BYTES +
		NAT64 +
		blob(LIMITS.ed25519PublicKeyBytes) +
		PRINCIPAL +
		1 +
		NAT64 +
		slots(invite) +
		NAT64 +
		// an owner name (label rules) when the arguments carry one
		text(LIMITS.maxLabelBytes),
	set_guardians: TYPE_TABLE_BYTES + 2 * NAT64 + slots(LENGTH + Math.max(NAT32, invite)),
	seal_shares:
		TYPE_TABLE_BYTES +
		2 * NAT64 +
		NAT32 +
		blob(LIMITS.hashBytes) +
		slots(blob(LIMITS.maxShareCiphertextBytes) + PRINCIPAL) +
		// one share commitment per share when the arguments carry them
		slots(blob(LIMITS.hashBytes)),
	approve_recovery: TYPE_TABLE_BYTES + NAT64 + blob(LIMITS.maxShareCiphertextBytes)
};

/** The most argument bytes `method` accepts (the message is refused above it). */
export function argumentBytesBound(method: string): number {
	return LARGE[method as MethodName] ?? DEFAULT_ARGUMENT_BYTES;
}

/**
 * Update methods an anonymous caller may send; every other update needs a caller. Queries are
 * not listed: canister_inspect_message never sees a query call.
 */
const ANONYMOUS_UPDATES: ReadonlySet<string> = new Set<MethodName>(['vetkd_public_keys']);

/** True if `method` answers the anonymous principal (queries do: they check their own caller). */
export function anonymousAllowed(method: string): boolean {
	const entry = (METHODS as Record<string, { query?: true }>)[method];
	return entry?.query === true || ANONYMOUS_UPDATES.has(method);
}
