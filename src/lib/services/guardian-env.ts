// Wires the guardian and recovery flows to this build: config, the canister wrapper, II and the
// browser's IndexedDB. The only file of these flows that touches adapters.
import type { SignIdentity } from '@dfinity/agent';
import { IdbStorage } from '@dfinity/auth-client';
import { createAgent } from '$lib/canisters/agent';
import { CanisterError, describeError } from '$lib/canisters/errors';
import { connectVault, type VaultCanister } from '$lib/canisters/vault.canister';
import { config } from '$lib/config';
import { createIiClient, type IiClient } from '$lib/ii';
import type { RequesterCalls } from './guardian-calls';
import { vetKdTrustFor, type VetKdTrust } from './vetkd-trust';
import type { RecoveryEnvironment } from './recovery-flow.svelte';
import { REQUESTER_DB, RequesterStore } from './recovery-store';
import { freshDevice } from './recovery-sweep';

/** The vetKD keys this build trusts (see vetkd-trust.ts). */
export function appVetKdTrust(): VetKdTrust {
	const canisterId = config.vaultCanisterId;
	if (!canisterId) throw new CanisterError('NotConfigured', describeError('NotConfigured'));
	return vetKdTrustFor({
		network: config.network,
		vetKdKeyName: config.vetKdKeyName,
		canisterId,
		localMasterKeyHex: config.localVetKdMasterKeyHex
	});
}

export function requesterCallsFrom(canister: VaultCanister): RequesterCalls {
	return {
		openRecovery: canister.openRecovery,
		requestStatus: canister.requestStatus,
		release: canister.release,
		releaseKey: canister.releaseKey,
		vetkdPublicKeys: canister.vetkdPublicKeys
	};
}

export async function appIiClient(identity?: SignIdentity): Promise<IiClient> {
	return createIiClient({
		agent: await createAgent(identity),
		canisterId: config.internetIdentityCanisterId
	});
}

export function recoveryEnvironment(): RecoveryEnvironment {
	return {
		store: new RequesterStore(new IdbStorage(REQUESTER_DB)),
		requesterCalls: async (identity) => requesterCallsFrom(await connectVault(identity)),
		trust: appVetKdTrust,
		ii: () => appIiClient(),
		...(config.network === 'local'
			? {
					freshDevice: async () => freshDevice(),
					freshDeviceLabel: 'a generated development key (devnet only, not a real passkey)'
				}
			: {})
	};
}
