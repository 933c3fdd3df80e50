// Effective canister id rules (IC interface spec, "Effective canister id"):
//   call/query to a canister other than aaaaa-aa: effective id = canister_id
//   call to aaaaa-aa, provisional_create_canister_with_cycles: any effective id
//   call to aaaaa-aa, install_chunked_code: the arg record's target_canister
//   other calls and queries to aaaaa-aa: the arg record's canister_id (else refused)
// (That the effective id lies in the subnet's canister ranges is checked at routing, request.ts.)
// The replica itself only compares canister_id with the URL; the management cases are refused
// later by the system. Devnet refuses them here, with a 400.
import { IDL } from '@dfinity/candid';
import { Principal } from '@dfinity/principal';
import type { CanisterCallContent } from './envelope';
import { HttpRequestError } from './errors';
import { equalBytes } from '../bytes';

export const PROVISIONAL_CREATE = 'provisional_create_canister_with_cycles';

function text(id: Uint8Array): string {
	return Principal.fromUint8Array(id).toText();
}

/** A principal field of a Candid record argument, or undefined if there is none. */
function principalField(arg: Uint8Array, field: string): Uint8Array | undefined {
	try {
		const [record] = IDL.decode([IDL.Record({ [field]: IDL.Principal })], arg) as unknown as [
			Record<string, Principal> | undefined
		];
		return record?.[field]?.toUint8Array();
	} catch {
		return undefined; // not a Candid record with such a principal field
	}
}

/** The effective canister ids a request may be sent to: one id, or any (undefined). */
function requiredEffectiveId(content: CanisterCallContent): Uint8Array | 'any' {
	if (content.canisterId.length > 0) return content.canisterId;
	if (content.requestType === 'call' && content.methodName === PROVISIONAL_CREATE) return 'any';
	const field =
		content.requestType === 'call' && content.methodName === 'install_chunked_code'
			? 'target_canister'
			: 'canister_id';
	const id = principalField(content.arg, field);
	if (id === undefined) {
		throw new HttpRequestError(
			'effective_canister_id_mismatch',
			`Management canister method ${content.methodName} needs a Candid record argument with ` +
				`a principal field ${field} naming the effective canister id`
		);
	}
	return id;
}

/** Checks a call or query against the effective canister id from its URL. */
export function checkEffectiveCanisterId(
	content: CanisterCallContent,
	effectiveCanisterId: Uint8Array
): void {
	const required = requiredEffectiveId(content);
	if (required !== 'any' && !equalBytes(required, effectiveCanisterId)) {
		throw new HttpRequestError(
			'effective_canister_id_mismatch',
			`Specified CanisterId ${text(required)} does not match effective canister id in URL ` +
				text(effectiveCanisterId)
		);
	}
}
