// The vault canister for this build: its id from the configuration, an agent for the caller.
import type { Identity } from '@dfinity/agent';
import { createAgent } from '$lib/canisters/agent';
import { CanisterError, describeError } from '$lib/canisters/errors';
import { vaultCanister, type VaultCanister } from '$lib/canisters/vault.canister';
import { config, type AppConfig } from '$lib/config';

/** The configured vault canister, with calls sent by `identity` (anonymous if none). */
export async function connectVault(
	identity?: Identity,
	settings: Pick<AppConfig, 'host' | 'network' | 'vaultCanisterId'> = config
): Promise<VaultCanister> {
	const canisterId = settings.vaultCanisterId;
	if (!canisterId) throw new CanisterError('NotConfigured', describeError('NotConfigured'));
	return vaultCanister(await createAgent(identity, settings), canisterId);
}
