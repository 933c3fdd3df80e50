// Connects the flows to this build: config, the signed-in session, the vault canister wrapper,
// Internet Identity and the browser's IndexedDB. The only module of the app that chooses
// adapters; flows and services get what they need as arguments (tests give them fakes).
import type { SignIdentity } from '@dfinity/agent';
import { IdbStorage } from '@dfinity/auth-client';
import { createAgent } from '$lib/canisters/agent';
import { CanisterError, describeError } from '$lib/canisters/errors';
import { connectVault } from '$lib/api/vault.api';
import type { VaultCanister } from '$lib/canisters/vault.canister';
import { config } from '$lib/config';
import { DashboardFlow, dashboardPorts } from '$lib/flows/DashboardFlow.svelte';
import { GuardianFlow } from '$lib/flows/GuardianFlow.svelte';
import { ProtectFlow, protectPorts } from '$lib/flows/ProtectFlow.svelte';
import { RecoveryFlow } from '$lib/flows/RecoveryFlow.svelte';
import { createIiClient, type IiClient } from '$lib/ii';
import { browserNoticePorts } from '$lib/notify/browser';
import type { NoticePorts } from '$lib/notify/watcher';
import { FlowError } from '$lib/services/errors';
import type { RequesterCalls } from '$lib/services/guardian-calls';
import { ownerContext, type OwnerContext } from '$lib/services/owner';
import { REQUESTER_DB, RequesterStore } from '$lib/services/recovery-store';
import { freshDevice } from '$lib/services/recovery-sweep';
import { vetKdTrustFor, type VetKdTrust } from '$lib/services/vetkd-trust';
import { session } from '$lib/state/session.svelte';

function vaultCanisterId() {
	const canisterId = config.vaultCanisterId;
	if (!canisterId) throw new CanisterError('NotConfigured', describeError('NotConfigured'));
	return canisterId;
}

/** The vetKD keys this build trusts (see vetkd-trust.ts). */
function appVetKdTrust(): VetKdTrust {
	return vetKdTrustFor({
		network: config.network,
		vetKdKeyName: config.vetKdKeyName,
		canisterId: vaultCanisterId(),
		localMasterKeyHex: config.localVetKdMasterKeyHex
	});
}

let ownerCache: { principal: string; context: Promise<OwnerContext> } | undefined;

/** The owner context for the signed-in user, created once per identity; throws when signed out. */
function currentOwnerContext(): Promise<OwnerContext> {
	const identity = session.identity;
	const principal = session.principal;
	if (!identity || !principal) return Promise.reject(new FlowError('signed-out', 'Sign in first.'));
	if (ownerCache?.principal !== principal) {
		const context = ownerContext(identity, location.origin, config);
		context.catch(() => {
			if (ownerCache?.context === context) ownerCache = undefined; // try again next time
		});
		ownerCache = { principal, context };
	}
	return ownerCache.context;
}

/** The "Protect my anchor" wizard for the signed-in owner. */
export async function protectFlow(): Promise<ProtectFlow> {
	return new ProtectFlow(protectPorts(await currentOwnerContext()));
}

/** The owner's dashboard for the signed-in owner. */
export async function dashboardFlow(): Promise<DashboardFlow> {
	return new DashboardFlow(dashboardPorts(await currentOwnerContext()));
}

/** The guarded vaults of the signed-in user; undefined when signed out. */
export async function guardianFlow(): Promise<GuardianFlow | undefined> {
	await session.ready();
	const identity = session.identity;
	if (!identity) return undefined; // the layout sends signed-out visits to /signin
	const calls = await session.guardian();
	return new GuardianFlow(calls, identity.getPrincipal(), {
		trust: appVetKdTrust,
		canisterId: vaultCanisterId(),
		connectAs: (checkIdentity) => connectVault(checkIdentity)
	});
}

function requesterCalls(canister: VaultCanister): RequesterCalls {
	return {
		anchorStatus: canister.anchorStatus,
		requestsForRequester: canister.requestsForRequester,
		releaseRecovery: canister.releaseRecovery,
		vetkdPublicKeys: canister.vetkdPublicKeys
	};
}

async function appIiClient(identity?: SignIdentity): Promise<IiClient> {
	return createIiClient({
		agent: await createAgent(identity),
		canisterId: config.internetIdentityCanisterId
	});
}

/** The requester's flow, with this browser's key in IndexedDB. */
export function recoveryFlow(): RecoveryFlow {
	return new RecoveryFlow({
		store: new RequesterStore(new IdbStorage(REQUESTER_DB)),
		origin: location.origin,
		requesterCalls: async (identity) => requesterCalls(await connectVault(identity)),
		trust: appVetKdTrust,
		ii: () => appIiClient(),
		...(config.network === 'local'
			? {
					freshDevice: async () => freshDevice(),
					freshDeviceLabel: 'a generated development key (devnet only, not a real passkey)'
				}
			: {})
	});
}

/** Notices for the signed-in person while the app is open: their vaults and the ones they guard. */
export function noticePorts(): NoticePorts {
	return browserNoticePorts({
		ownerVaults: async () => (await currentOwnerContext()).vault.ownerVaults(),
		guardianVaults: async () => (await session.guardian()).guardianVaults()
	});
}
