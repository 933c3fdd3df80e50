// The owner's dashboard: the vaults with health and history, kept fresh while shown, the alarm
// on an open request, and per vault the changes behind the phrase (VaultChangesFlow). The view is
// components/owner/OwnerDashboard.svelte.
import type { OwnerVaultView } from '$lib/canisters/vault.canister';
import { errorMessage } from '$lib/services/errors';
import {
	cancelRecovery,
	deleteVault,
	raiseAlarm,
	renewInvite,
	setDelay,
	setGuardians,
	vaultOverviews,
	type OwnerContext,
	type VaultOverview
} from '$lib/services/owner';
import { bindPhrase, protectPhrase } from '$lib/services/owner-phrase';
import { sealVault } from '$lib/services/owner-seal';
import { poll } from '$lib/services/poll';
import { VaultChangesFlow, type VaultChangePorts } from './VaultChangesFlow.svelte';

export type { VaultOverview };

/** What the dashboard needs from the owner's services. */
export interface DashboardPorts extends VaultChangePorts {
	load(): Promise<VaultOverview[]>;
	raiseAlarm(requestId: bigint): Promise<void>;
}

/** The ports over the signed-in owner's canisters and II. */
export function dashboardPorts(context: OwnerContext): DashboardPorts {
	return {
		load: () => vaultOverviews(context),
		raiseAlarm: async (requestId) => void (await raiseAlarm(context, requestId)),
		unlock: (anchor, entropy) => bindPhrase(context.ii, anchor, entropy),
		protectPhrase: (anchor, phraseKey) => protectPhrase(context.ii, anchor, phraseKey),
		setDelay: (phraseKey, vaultId, hours) => setDelay(context, phraseKey, vaultId, hours),
		cancelRecovery: (phraseKey, vaultId, requestId) =>
			cancelRecovery(context, phraseKey, { vaultId, requestId }),
		deleteVault: (phraseKey, vaultId) => deleteVault(context, phraseKey, vaultId),
		rotate: (phraseKey, vaultId, change) => setGuardians(context, phraseKey, vaultId, change),
		renewInvite: (phraseKey, vaultId, slot) => renewInvite(context, phraseKey, vaultId, slot),
		reseal: async (args, progress) => void (await sealVault(context, args, progress))
	};
}

export class DashboardFlow {
	/** Undefined until the first load. */
	vaults: VaultOverview[] | undefined = $state.raw();
	loadError: string | undefined = $state();
	/** The request whose alarm is being raised. */
	alarmBusy: bigint | undefined = $state();
	alarmError: { requestId: bigint; message: string } | undefined = $state();

	constructor(private readonly ports: DashboardPorts) {}

	async load(): Promise<void> {
		this.vaults = await this.ports.load();
		this.loadError = undefined;
	}

	/** Loads now and every `intervalMs` (open requests and approvals change) until stopped. */
	watch(intervalMs: number): () => void {
		return poll(
			() => this.load(),
			intervalMs,
			(failure) => (this.loadError = errorMessage(failure))
		);
	}

	/** "This isn't me": shown to guardians as information; adds one waiting period to the request. */
	async raiseAlarm(requestId: bigint): Promise<void> {
		this.alarmBusy = requestId;
		this.alarmError = undefined;
		try {
			await this.ports.raiseAlarm(requestId);
			await this.load();
		} catch (failure) {
			this.alarmError = { requestId, message: errorMessage(failure) };
		} finally {
			this.alarmBusy = undefined;
		}
	}

	/** The changes to one vault; `vault` returns it as last loaded. */
	changes(vault: () => OwnerVaultView): VaultChangesFlow {
		return new VaultChangesFlow(this.ports, vault, () => void this.load().catch(() => {}));
	}
}
