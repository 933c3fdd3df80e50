// Builds the owner's context from the signed-in identity: the guardian canister as the owner,
// Internet Identity through the app's agent, and wrappers for other identities (the phrase).
import type { Identity } from '@dfinity/agent';
import { createAgent } from '../canisters/agent';
import { CanisterError, describeError } from '../canisters/errors';
import { guardianCanister } from '../canisters/guardian';
import { config, type AppConfig } from '../config';
import { createIiClient } from '../ii';
import type { OwnerContext } from './owner';

export async function ownerContext(
	identity: Identity,
	appOrigin: string,
	settings: AppConfig = config
): Promise<OwnerContext> {
	const canisterId = settings.guardianCanisterId;
	if (!canisterId) throw new CanisterError('NotConfigured', describeError('NotConfigured'));
	const agent = await createAgent(identity, settings);
	return {
		owner: identity.getPrincipal(),
		guardian: guardianCanister(agent, canisterId),
		asIdentity: async (other) => guardianCanister(await createAgent(other, settings), canisterId),
		ii: createIiClient({ agent, canisterId: settings.internetIdentityCanisterId }),
		appOrigin,
		network: settings.network,
		vetKdKeyName: settings.vetKdKeyName
	};
}
