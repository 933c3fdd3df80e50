// Shared by the attack suite: the canister tests' devnet harness and vault actors, plus counters
// of what a call made the vault canister do (outgoing calls answered = callbacks).
import type { Net } from '../canister/vault/harness';

export { errOf, identity, Net, okOf } from '../canister/vault/harness';
export { DELAY_NS, Vault } from '../canister/vault/vault';

/**
 * Runs `call` and counts the vault canister's callbacks (replies or rejects of its outgoing
 * calls: one per vetKD derivation or II call) and the II canister's executions during it.
 */
export async function counted<T>(
	net: Net,
	call: () => Promise<T>
): Promise<{ result: T; outgoing: number; iiExecutions: number; instructions: bigint }> {
	net.devnet.executions.length = 0;
	const result = await call();
	const vault = net.vaultCanisterId.toText();
	const ii = net.iiId.toText();
	const mine = net.devnet.executions.filter((e) => e.canisterId === vault);
	return {
		result,
		outgoing: mine.filter((e) => e.kind === 'reply' || e.kind === 'reject').length,
		iiExecutions: net.devnet.executions.filter((e) => e.canisterId === ii).length,
		instructions: mine
			.filter((e) => e.kind !== 'inspect')
			.reduce((sum, e) => sum + e.instructions, 0n)
	};
}
