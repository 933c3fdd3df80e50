// The skip bomb as an attacker sends it: raw Candid bytes through @dfinity/agent's HttpAgent to a
// devnet server running the vault wasm, anonymous and signed. The IC's answer is the refusal of
// canister_inspect_message (IC0406), before the method runs.
import { AnonymousIdentity, pollForResponse, type HttpAgent } from '@dfinity/agent';
import { IDL } from '@dfinity/candid';
import { Ed25519KeyIdentity } from '@dfinity/identity';
import { Principal } from '@dfinity/principal';
import { deployCanisters } from '@tessera/devnet/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentFor, startTarget, type Target } from '../agent/target';
import { nestedTable, skipBomb, UPDATE_METHODS, wellFormed } from './hostile-candid';

let target: Target;
let vault: Principal;

beforeAll(async () => {
	target = await startTarget();
	const deployer = await agentFor(target.url, Ed25519KeyIdentity.generate());
	const { ids } = await deployCanisters({ agent: deployer, root: '.', ids: {} });
	vault = Principal.fromText(ids.vault?.local ?? '');
}, 600_000);

afterAll(async () => {
	await target?.close();
});

/** An update call with `arg` as it is; resolves with the reply bytes. */
async function rawCall(agent: HttpAgent, methodName: string, arg: Uint8Array): Promise<unknown> {
	const { requestId } = await agent.call(vault, { methodName, arg });
	const { reply } = await pollForResponse(agent, vault, requestId);
	return reply;
}

describe('skip bomb through the agent', () => {
	const refused = /IC0406|rejected the message/;
	// Skipped: HttpAgent 3.4.3 does not raise devnet's non_replicated_rejection for these raw
	// calls; it polls read_state until its 300 s timeout ("Request status: unknown"). The same
	// refusal is asserted at devnet's HTTP-free entry point in candid-skip-bomb.test.ts.

	it.skip('is refused with IC0406 on every update for a signed caller', async () => {
		const signed = await agentFor(target.url, Ed25519KeyIdentity.generate());
		for (const method of UPDATE_METHODS) {
			await expect(rawCall(signed, method, skipBomb(method)), method).rejects.toThrow(refused);
		}
		await expect(rawCall(signed, 'open_recovery', nestedTable(2_000))).rejects.toThrow(refused);
	}, 600_000);

	it.skip('is refused with IC0406 for an anonymous caller, also where anonymous calls are allowed', async () => {
		const anonymous = await agentFor(target.url, new AnonymousIdentity());
		for (const method of ['vetkd_public_keys', 'open_recovery', 'approve_recovery'] as const) {
			await expect(rawCall(anonymous, method, skipBomb(method)), method).rejects.toThrow(refused);
		}
	}, 600_000);

	it('a well-formed call by a signed caller is answered', async () => {
		const signed = await agentFor(target.url, Ed25519KeyIdentity.generate());
		const reply = await rawCall(signed, 'resign', wellFormed('resign'));
		const [result] = IDL.decode(
			[IDL.Variant({ Ok: IDL.Null, Err: IDL.Reserved })],
			reply as Uint8Array
		) as [Record<string, unknown>];
		expect(Object.keys(result)).toEqual(['Err']);
	});
});
