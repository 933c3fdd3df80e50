// Builds the owner's context from the signed-in identity: the vault canister as the owner,
// Internet Identity through the app's agent, and wrappers for other identities (the phrase).
import type { Identity } from '@dfinity/agent';
import { createAgent } from '../canisters/agent';
import { CanisterError, describeError } from '../canisters/errors';
import { vaultCanister } from '../canisters/vault.canister';
import { config, type AppConfig } from '../config';
import { createIiClient, toIiError } from '../ii';
import { createIiActor } from '../canisters/internet-identity.canister';
import type { AnchorPhrase, PhraseAuthority } from './owner-phrase';
import type { OwnerContext } from './owner';

export async function ownerContext(
	identity: Identity,
	appOrigin: string,
	settings: AppConfig = config
): Promise<OwnerContext> {
	const canisterId = settings.vaultCanisterId;
	if (!canisterId) throw new CanisterError('NotConfigured', describeError('NotConfigured'));
	const agent = await createAgent(identity, settings);
	return {
		owner: identity.getPrincipal(),
		vault: vaultCanister(agent, canisterId),
		asIdentity: async (other) => vaultCanister(await createAgent(other, settings), canisterId),
		ii: phraseAuthority(agent, settings.internetIdentityCanisterId),
		appOrigin,
		network: settings.network,
		vetKdKeyName: settings.vetKdKeyName
	};
}

function phraseAuthority(
	agent: Awaited<ReturnType<typeof createAgent>>,
	canisterId: AppConfig['internetIdentityCanisterId']
): PhraseAuthority {
	const client = createIiClient({ agent, canisterId });
	const actor = createIiActor(agent, canisterId);
	return {
		checkPhrase: (anchor, phraseKey) => client.checkPhrase(anchor, phraseKey),
		protectPhrase: (anchor, identity) => client.protectPhrase(anchor, identity),
		async anchorPhrase(anchor): Promise<AnchorPhrase> {
			const devices = await actor.lookup(anchor).catch((error: unknown) => {
				throw toIiError(error);
			});
			const phrases = devices.filter((device) => 'seed_phrase' in device.key_type);
			if (phrases.length === 0) return 'none';
			return phrases.every((device) => 'protected' in device.protection)
				? 'protected'
				: 'unprotected';
		}
	};
}
