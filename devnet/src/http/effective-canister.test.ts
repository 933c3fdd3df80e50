import { IDL } from '@dfinity/candid';
import type { Principal } from '@dfinity/principal';
import { describe, test } from 'vitest';
import { checkEffectiveCanisterId } from './effective-canister';
import type { CanisterCallContent } from './envelope';
import { expectHttpError } from './testing/expect-error';
import { CANISTER, OTHER_CANISTER } from './testing/identities';

const MANAGEMENT = new Uint8Array();
const A = CANISTER.toUint8Array();
const B = OTHER_CANISTER.toUint8Array();

function content(
	canisterId: Uint8Array,
	methodName: string,
	arg = new Uint8Array(),
	requestType: 'call' | 'query' = 'call'
): CanisterCallContent {
	return { requestType, canisterId, methodName, arg, sender: Uint8Array.of(4), ingressExpiry: 0n };
}

const installCodeArg = (canisterId: Principal) =>
	new Uint8Array(
		IDL.encode(
			[
				IDL.Record({
					mode: IDL.Variant({ install: IDL.Null }),
					canister_id: IDL.Principal,
					wasm_module: IDL.Vec(IDL.Nat8),
					arg: IDL.Vec(IDL.Nat8)
				})
			],
			[{ mode: { install: null }, canister_id: canisterId, wasm_module: [0, 97], arg: [] }]
		)
	);

describe('effective canister id', () => {
	test('a regular canister: the effective id is the canister id', () => {
		checkEffectiveCanisterId(content(A, 'greet'), A);
		checkEffectiveCanisterId(content(A, 'greet', undefined, 'query'), A);
		expectHttpError(
			() => checkEffectiveCanisterId(content(A, 'greet'), B),
			'effective_canister_id_mismatch',
			/does not match effective canister id in URL/
		);
	});

	test('management canister: the canister_id field of the Candid record argument', () => {
		checkEffectiveCanisterId(content(MANAGEMENT, 'install_code', installCodeArg(CANISTER)), A);
		expectHttpError(
			() =>
				checkEffectiveCanisterId(content(MANAGEMENT, 'install_code', installCodeArg(CANISTER)), B),
			'effective_canister_id_mismatch'
		);
		expectHttpError(
			() =>
				checkEffectiveCanisterId(
					content(MANAGEMENT, 'install_code', installCodeArg(CANISTER)),
					MANAGEMENT
				),
			'effective_canister_id_mismatch'
		);
		const status = new Uint8Array(
			IDL.encode([IDL.Record({ canister_id: IDL.Principal })], [{ canister_id: OTHER_CANISTER }])
		);
		checkEffectiveCanisterId(content(MANAGEMENT, 'canister_status', status, 'query'), B);
	});

	test('management canister: install_chunked_code uses target_canister', () => {
		const arg = new Uint8Array(
			IDL.encode(
				[IDL.Record({ target_canister: IDL.Principal, store_canister: IDL.Opt(IDL.Principal) })],
				[{ target_canister: CANISTER, store_canister: [OTHER_CANISTER] }]
			)
		);
		checkEffectiveCanisterId(content(MANAGEMENT, 'install_chunked_code', arg), A);
		expectHttpError(
			() => checkEffectiveCanisterId(content(MANAGEMENT, 'install_chunked_code', arg), B),
			'effective_canister_id_mismatch'
		);
	});

	test('management canister: provisional_create_canister_with_cycles takes any effective id', () => {
		const arg = new Uint8Array(
			IDL.encode([IDL.Record({ amount: IDL.Opt(IDL.Nat) })], [{ amount: [] }])
		);
		checkEffectiveCanisterId(
			content(MANAGEMENT, 'provisional_create_canister_with_cycles', arg),
			B
		);
		expectHttpError(
			() =>
				checkEffectiveCanisterId(
					content(MANAGEMENT, 'provisional_create_canister_with_cycles', arg, 'query'),
					B
				),
			'effective_canister_id_mismatch'
		);
	});

	test('management canister: arguments without a canister id are refused, never crash', () => {
		for (const arg of [
			new Uint8Array(),
			Uint8Array.of(1, 2, 3),
			new Uint8Array(IDL.encode([IDL.Nat], [5n]))
		]) {
			expectHttpError(
				() => checkEffectiveCanisterId(content(MANAGEMENT, 'stop_canister', arg), A),
				'effective_canister_id_mismatch',
				/canister_id/
			);
		}
		const textId = new Uint8Array(
			IDL.encode([IDL.Record({ canister_id: IDL.Text })], [{ canister_id: 'x' }])
		);
		expectHttpError(
			() => checkEffectiveCanisterId(content(MANAGEMENT, 'stop_canister', textId), A),
			'effective_canister_id_mismatch'
		);
	});
});
