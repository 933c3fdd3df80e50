// The "Vaults I guard" screen's state: the vaults, and per vault the running action, its
// progress and outcome. The steps are in services/guardian.ts; this tracks what to show, and the
// view (components/guardian/GuardedVaults.svelte) renders it.
import type { Principal } from '@dfinity/principal';
import { untrack } from 'svelte';
import type { ProgressStep } from '$lib/components/ui/ProgressSteps.svelte';
import type { VaultAction } from '$lib/components/guardian/GuardedVaultCard.svelte';
import { errorMessage } from '$lib/services/errors';
import type { AuditEvent, GuardianCalls } from '$lib/services/guardian-calls';
import {
	APPROVE_STEPS,
	approveRequest,
	CHECK_IN_STEPS,
	checkIn,
	type ConnectAs,
	declineRequest,
	loadGuardedVaults,
	openErrorMessage,
	openFromLink,
	type GuardedVaultView,
	type PendingRequest
} from '$lib/services/guardian';
import type { OpenedLink } from '$lib/services/recovery-link';
import { poll } from '$lib/services/poll';
import type { VetKdTrust } from '$lib/services/vetkd-trust';
import { progressSteps } from '$lib/components/ui/progress';

export interface VaultUiState {
	busy?: VaultAction | undefined;
	/** The request the running approve/decline is for. */
	request?: bigint | undefined;
	steps: ProgressStep[];
	error?: string | undefined;
	notice?: string | undefined;
	history?: AuditEvent[] | undefined;
}

export class GuardianFlow {
	vaults: GuardedVaultView[] = $state([]);
	loaded = $state(false);
	loadError: string | undefined = $state();
	ui: Record<string, VaultUiState> = $state({});

	constructor(
		private readonly calls: GuardianCalls,
		private readonly me: Principal,
		private readonly env: {
			trust(): VetKdTrust;
			canisterId: Principal;
			connectAs: ConnectAs;
		}
	) {}

	/** For templates: only reads (Svelte forbids writing $state while rendering). */
	stateOf(vaultId: bigint): VaultUiState {
		return this.ui[vaultId.toString()] ?? { steps: [] };
	}

	/** The vault's UI entry, created outside rendering (on load and before an action). */
	#entry(vaultId: bigint): VaultUiState {
		return (this.ui[vaultId.toString()] ??= { steps: [] });
	}

	async refresh(): Promise<void> {
		try {
			this.vaults = await loadGuardedVaults(this.calls);
			for (const view of this.vaults) this.#entry(view.vault.vaultId);
			this.loadError = undefined;
		} catch (error) {
			this.loadError = errorMessage(error);
		} finally {
			this.loaded = true;
		}
	}

	/**
	 * Refreshes every `intervalMs` (new requests, votes) until the returned stop is called, but not
	 * under a running action: its own refresh follows. refresh() reports its own failures
	 * (loadError); anything else goes to `onerror`.
	 */
	watch(intervalMs: number, onerror: (error: unknown) => void): () => void {
		return poll(
			async () => {
				const busy = untrack(() => Object.values(this.ui).some((state) => state.busy));
				if (!busy) await this.refresh();
			},
			intervalMs,
			onerror
		);
	}

	async #run(
		view: GuardedVaultView,
		action: VaultAction,
		work: () => Promise<string | void>,
		request?: bigint
	) {
		const state = this.#entry(view.vault.vaultId);
		state.busy = action;
		state.request = request;
		state.error = undefined;
		state.notice = undefined;
		try {
			const notice = await work();
			if (notice) state.notice = notice;
		} catch (error) {
			state.error = errorMessage(error);
		} finally {
			state.busy = undefined;
			state.request = undefined;
		}
	}

	/** The vault I guard for a recovery link's anchor (undefined if I guard none). */
	vaultFor(anchor: bigint): GuardedVaultView | undefined {
		return this.vaults.find((view) => view.vault.anchor === anchor);
	}

	opening = $state(false);
	openError: string | undefined = $state();
	/** The request I opened from the link, once opened. */
	opened: bigint | undefined = $state();

	/** Opens the link's request on the requester's behalf (the code must have matched). */
	async openFromLink(link: OpenedLink, codeMatched: boolean): Promise<void> {
		this.opening = true;
		this.openError = undefined;
		try {
			const { requestId } = await openFromLink(
				this.calls,
				this.vaultFor(link.anchor),
				link,
				codeMatched
			);
			this.opened = requestId;
			await this.refresh();
		} catch (error) {
			this.openError = openErrorMessage(error);
		} finally {
			this.opening = false;
		}
	}

	approve(view: GuardedVaultView, pending: PendingRequest): Promise<void> {
		const state = this.#entry(view.vault.vaultId);
		let done = 0;
		state.steps = progressSteps(APPROVE_STEPS, 0);
		const { request } = pending;
		return this.#run(
			view,
			'approve',
			async () => {
				try {
					const trust = this.env.trust();
					await approveRequest(this.calls, trust, this.me, view.vault, request, (_, d) => {
						done = d;
						state.steps = progressSteps(APPROVE_STEPS, d);
					});
				} catch (error) {
					state.steps = progressSteps(APPROVE_STEPS, done, errorMessage(error));
					throw error;
				}
				await this.refresh();
				return 'You approved. Thank you — the requester will get the phrase only when enough guardians approve and the waiting period ends.';
			},
			request.requestId
		);
	}

	checkIn(view: GuardedVaultView): Promise<void> {
		const state = this.#entry(view.vault.vaultId);
		let done = 0;
		state.steps = progressSteps(CHECK_IN_STEPS, 0);
		return this.#run(view, 'check-in', async () => {
			const { trust, canisterId, connectAs } = this.env;
			try {
				await checkIn(this.calls, trust(), this.me, canisterId, view.vault, connectAs, (_, d) => {
					done = d;
					state.steps = progressSteps(CHECK_IN_STEPS, d);
				});
			} catch (error) {
				state.steps = progressSteps(CHECK_IN_STEPS, done, errorMessage(error));
				throw error;
			}
			state.steps = [];
			await this.refresh();
			return 'Checked in: your share still opens. The owner sees that you are ready.';
		});
	}

	decline(view: GuardedVaultView, pending: PendingRequest): Promise<void> {
		const { request } = pending;
		return this.#run(
			view,
			'decline',
			async () => {
				await declineRequest(this.calls, request);
				await this.refresh();
				// not "You declined this request.": the card's vote line says that already
				return 'Your decline is recorded. If you think someone else is trying to take this identity, call its owner.';
			},
			request.requestId
		);
	}

	history(view: GuardedVaultView): Promise<void> {
		const state = this.#entry(view.vault.vaultId);
		if (state.history) {
			state.history = undefined; // toggle off
			return Promise.resolve();
		}
		return this.#run(view, 'history', async () => {
			state.history = await this.calls.auditLog(view.vault.vaultId);
		});
	}
}
