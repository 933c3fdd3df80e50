// The dashboard's changes to one vault, all behind the phrase: unlock once, then protect the
// phrase, reseal (new threshold), change the waiting period, replace guardians, cancel an open
// recovery, delete. The view (components/owner/VaultChanges.svelte) renders this state.
import type { OwnerVaultView } from '$lib/canisters/vault.canister';
import { checkDelayHours, DELAY_MESSAGES, MIN_THRESHOLD } from '$lib/components/wizard/protect';
import { progressSteps } from '$lib/components/ui/progress';
import { wipe } from '$lib/crypto/bytes';
import type { PhraseKey } from '$lib/crypto/ii-key';
import { errorMessage } from '$lib/services/errors';
import { NS_PER_HOUR, type Invitation, type Progress } from '$lib/services/owner';
import type { PhraseStatus } from '$lib/services/owner-phrase';
import { SEAL_STEPS } from '$lib/services/owner-seal';

/** What the changes need from the owner's services. */
export interface VaultChangePorts {
	/** Checks the phrase against the vault's anchor; the key is for the changes below. */
	unlock(
		anchor: bigint,
		entropy: Uint8Array
	): Promise<{ phraseKey: PhraseKey; status: PhraseStatus }>;
	protectPhrase(anchor: bigint, phraseKey: PhraseKey): Promise<void>;
	setDelay(phraseKey: PhraseKey, vaultId: bigint, delayHours: number): Promise<void>;
	cancelRecovery(phraseKey: PhraseKey, vaultId: bigint, requestId: bigint): Promise<void>;
	deleteVault(phraseKey: PhraseKey, vaultId: bigint): Promise<void>;
	/** Keeps the slots in `keep`, invites new guardians; a reseal follows once they accept. */
	rotate(
		phraseKey: PhraseKey,
		vaultId: bigint,
		change: { keep: readonly number[]; invite: readonly string[] }
	): Promise<Invitation[]>;
	/** A new link for a guardian who has not accepted (slot index); the old link stops working. */
	renewInvite(phraseKey: PhraseKey, vaultId: bigint, slot: number): Promise<Invitation>;
	/** Seals again (new threshold, or after rotation); the caller wipes the entropy. */
	reseal(
		args: { vaultId: bigint; threshold: number; entropy: Uint8Array; phraseKey: PhraseKey },
		progress: Progress
	): Promise<void>;
}

/** Which change is running. */
export type VaultChange =
	'unlock' | 'protect' | 'seal' | 'delay' | 'rotate' | 'renew' | 'delete' | 'cancel';

export class VaultChangesFlow {
	unlocked = $state(false);
	needsProtection = $state(false);
	busy: VaultChange | undefined = $state();
	error: string | undefined = $state();
	/** What the last change did, in words. */
	done: string | undefined = $state();
	/** The new guardians' links after a rotation. */
	invitations: Invitation[] = $state([]);
	/** New links made with "Send a new link", by slot; only in this tab. */
	renewed: Record<number, Invitation> = $state({});
	/** The slot whose new link is being made. */
	renewing: number | undefined = $state();
	/** The form's values, starting from the vault's. */
	delayHours: number = $state(0);
	threshold: number = $state(0);
	/** Seal steps done; -1 before resealing. */
	sealDone = $state(-1);
	sealFailure: string | undefined = $state();

	readonly acceptedCount = $derived.by(
		() => this.vault().slots.filter((slot) => slot.guardian).length
	);
	/** The thresholds the accepted guardians allow. */
	readonly choices = $derived(
		Array.from({ length: Math.max(0, this.acceptedCount - MIN_THRESHOLD + 1) }, (_, i) => i + 2)
	);
	readonly sealSteps = $derived(
		this.sealDone < 0 ? [] : progressSteps(SEAL_STEPS, this.sealDone, this.sealFailure)
	);

	// Secrets: private and not reactive, never stored; wiped on lock and when the view is left.
	#entropy: Uint8Array | undefined;
	#phraseKey: PhraseKey | undefined;

	/** `vault` returns the vault as last loaded; `onchanged` runs after every change. */
	constructor(
		private readonly ports: VaultChangePorts,
		private readonly vault: () => OwnerVaultView,
		private readonly onchanged: () => void
	) {
		this.delayHours = Number(vault().delayNs / NS_PER_HOUR);
		this.threshold = vault().health.threshold;
	}

	async #act(name: VaultChange, action: (key: PhraseKey) => Promise<string | void>) {
		if (!this.#phraseKey) return;
		this.busy = name;
		this.error = undefined;
		this.done = undefined;
		try {
			this.done = (await action(this.#phraseKey)) ?? undefined;
			this.onchanged();
		} catch (failure) {
			this.error = errorMessage(failure);
		} finally {
			this.busy = undefined;
		}
	}

	/** Forgets the phrase: the changes need it again. */
	lock(): void {
		if (this.#entropy) wipe(this.#entropy);
		this.#entropy = undefined;
		this.#phraseKey = undefined;
		this.unlocked = false;
	}

	async unlock(entropy: Uint8Array): Promise<void> {
		this.busy = 'unlock';
		this.error = undefined;
		try {
			const bound = await this.ports.unlock(this.vault().anchor, entropy);
			this.#entropy = entropy.slice();
			this.#phraseKey = bound.phraseKey;
			this.needsProtection = bound.status === 'unprotected';
			this.unlocked = true;
		} catch (failure) {
			this.error = errorMessage(failure);
		} finally {
			this.busy = undefined;
		}
	}

	protect(): Promise<void> {
		return this.#act('protect', async (key) => {
			await this.ports.protectPhrase(this.vault().anchor, key);
			this.needsProtection = false;
			return 'Your recovery phrase is protected.';
		});
	}

	skipProtection(): void {
		this.needsProtection = false;
	}

	/** Saves the form's waiting period, if it is allowed. */
	saveDelay(): Promise<void> {
		const checked = checkDelayHours(this.delayHours);
		if (!checked.ok) {
			this.error = DELAY_MESSAGES[checked.error];
			return Promise.resolve();
		}
		return this.#act('delay', async (key) => {
			await this.ports.setDelay(key, this.vault().vaultId, checked.value);
			return 'The waiting period is changed.';
		});
	}

	/** Seals again with the form's threshold. */
	reseal(): Promise<void> {
		const secret = this.#entropy;
		if (!secret) return Promise.resolve();
		this.sealDone = 0;
		this.sealFailure = undefined;
		return this.#act('seal', async (key) => {
			const args = {
				vaultId: this.vault().vaultId,
				threshold: this.threshold,
				entropy: secret,
				phraseKey: key
			};
			try {
				await this.ports.reseal(args, (_step, done) => (this.sealDone = done));
			} catch (failure) {
				this.sealFailure = errorMessage(failure);
				throw failure;
			}
			this.sealDone = SEAL_STEPS.length;
			return 'Your vault is sealed again.';
		});
	}

	rotate(change: { keep: readonly number[]; invite: readonly string[] }): Promise<void> {
		return this.#act('rotate', async (key) => {
			this.invitations = await this.ports.rotate(key, this.vault().vaultId, change);
		});
	}

	/** "Send a new link" to the guardian of `slot`, who has not accepted; the old link stops working. */
	renewInvite(slot: number): Promise<void> {
		this.renewing = slot;
		return this.#act('renew', async (key) => {
			try {
				const invitation = await this.ports.renewInvite(key, this.vault().vaultId, slot);
				this.renewed = { ...this.renewed, [slot]: invitation };
				return `${invitation.label} has a new link: send it. The old one no longer works.`;
			} finally {
				this.renewing = undefined;
			}
		});
	}

	/** Cancels one of the vault's open recovery requests. */
	cancelRecovery(requestId: bigint): Promise<void> {
		return this.#act('cancel', async (key) => {
			await this.ports.cancelRecovery(key, this.vault().vaultId, requestId);
			return 'The recovery is cancelled.';
		});
	}

	deleteVault(): Promise<void> {
		return this.#act('delete', (key) => this.ports.deleteVault(key, this.vault().vaultId));
	}
}
