// Attack: a stranger (also anonymous) sends arguments made to burn the vault canister's
// instructions: a `vec null` of 2^31 elements that IDL.decode would skip one by one (~40 B
// instructions, the whole update limit), a deep type table, an argument over its size bound.
// Every method of the contract's METHODS table is attacked, through canister_inspect_message
// (ingress) and without it (the path an inter-canister call takes), on the real wasm in devnet.
import { IDL } from '@dfinity/candid';
import { Principal } from '@dfinity/principal';
import { ErrorCode, type Response } from '@tessera/devnet';
import { METHODS } from '@tessera/contract/vault/idl';
import { beforeAll, describe, expect, it } from 'vitest';
import { identity, Net } from '../canister/vault/harness';
import { Vault } from '../canister/vault/vault';
import {
	bareVecNull,
	METHOD_NAMES,
	nestedTable,
	oversized,
	QUERY_METHODS,
	skipBomb,
	UPDATE_METHODS,
	wellFormed,
	type MethodName
} from './hostile-candid';

/** Most instructions a refused ingress message may cost in canister_inspect_message. */
const INSPECT_REFUSAL_INSTRUCTIONS = 1_000_000n;
/** Most instructions the method itself may spend refusing a hostile argument (no inspection). */
const METHOD_REFUSAL_INSTRUCTIONS = 5_000_000n;

const HOSTILE: [string, (method: MethodName) => Uint8Array][] = [
	['the skip bomb (extra vec null of 2^31)', (method) => skipBomb(method)],
	['a bare vec null of 2^31', () => bareVecNull()],
	['a 2,000-level nested type table', () => nestedTable(2_000)],
	['an argument over its size bound', oversized]
];

describe('Candid skip bomb and other hostile arguments', () => {
	let net: Net;
	const stranger = identity().getPrincipal();
	const call = (method: string, arg: Uint8Array, sender: Principal = stranger) => ({
		canisterId: net.vaultCanisterId,
		method,
		arg,
		sender
	});
	/** The IC's refusal of an ingress message by canister_inspect_message. */
	const expectInspectRefusal = (response: Response, what: string): void => {
		expect(response.result, what).toMatchObject({
			kind: 'reject',
			errorCode: ErrorCode.CanisterRejectedMessage
		});
		expect(response.instructions, what).toBeLessThan(INSPECT_REFUSAL_INSTRUCTIONS);
	};

	beforeAll(async () => {
		net = await Net.create();
	});

	it.each(HOSTILE)('%s is refused by inspect_message on every method, cheaply', (_, make) => {
		// Queries are listed too: a query method called as an update goes through inspection.
		for (const method of METHOD_NAMES) {
			const response = net.devnet.inspectMessage(call(method, make(method)));
			expectInspectRefusal(response, method);
		}
	});

	it.each(HOSTILE)(
		'%s is refused by the method itself without inspection, with a typed error',
		async (_, make) => {
			for (const method of UPDATE_METHODS) {
				const response = await net.devnet.engine.update(
					net.vaultCanisterId,
					method,
					make(method),
					stranger
				);
				expectTypedRefusal(method, response);
			}
			for (const method of QUERY_METHODS) {
				const response = net.devnet.executeQuery(call(method, make(method)));
				expectTypedRefusal(method, response);
			}
		}
	);

	it('refuses an anonymous caller before decoding on every update that needs a caller', () => {
		const anonymous = Principal.anonymous();
		for (const method of UPDATE_METHODS) {
			const response = net.devnet.inspectMessage(call(method, wellFormed(method), anonymous));
			if (method === 'vetkd_public_keys') {
				expect(response.result.kind, method).toBe('reply');
			} else {
				expectInspectRefusal(response, method);
			}
		}
		// Queries answer anonymous callers themselves (the recovery page asks anchor_status).
		for (const method of QUERY_METHODS) {
			const response = net.devnet.inspectMessage(call(method, wellFormed(method), anonymous));
			expect(response.result.kind, method).toBe('reply');
		}
	});

	it('refuses a method name the contract does not have', () => {
		expectInspectRefusal(
			net.devnet.inspectMessage(call('no_such_method', wellFormed('version'))),
			'unknown'
		);
	});

	it('accepts well-formed arguments on every method, and real calls still work', async () => {
		for (const method of METHOD_NAMES) {
			expect(net.devnet.inspectMessage(call(method, wellFormed(method))).result.kind, method).toBe(
				'reply'
			);
		}
		// A vault with the most guardians and the longest labels, through the agent.
		const labels = Array.from({ length: 10 }, (_, i) => `Guardian ${i}`.padEnd(32, 'x'));
		const vault = await Vault.create(net, 10, labels);
		await vault.acceptAll();
		await vault.seal(6, (await net.vetKeys()).shares);
		expect(vault.vaultId).toBeGreaterThan(0n);
	}, 600_000);

	it('refuses labels with bidi controls or zero-width characters (typed InvalidInput)', async () => {
		for (const label of ['Alice\u202eeciffo', 'Al\u200bice', 'Al\u200dice', 'Chloe\u0301']) {
			await expect(Vault.create(net, 2, [label, 'Bob']), label).rejects.toThrow(/InvalidInput/);
		}
	});
});

/** A typed InvalidInput reply (or a trap for a method whose result has no error), cheaply. */
function expectTypedRefusal(method: MethodName, response: Response): void {
	expect(response.instructions, method).toBeLessThan(METHOD_REFUSAL_INSTRUCTIONS);
	const result = METHODS[method].result;
	if (!(result instanceof IDL.VariantClass)) {
		expect(response.result.kind, method).toBe('reject');
		return;
	}
	expect(response.result.kind, method).toBe('reply');
	if (response.result.kind !== 'reply') return;
	const [reply] = IDL.decode([result], response.result.bytes) as [Record<string, unknown>];
	expect(reply, method).toMatchObject({ Err: { InvalidInput: { field: 'arguments' } } });
}
