// The "Protect my anchor" wizard: which step is shown, what the owner chose, the vault being
// created and sealed. The view (components/owner/ProtectWizard.svelte) renders this state and calls
// the methods; the ports are the owner services, or fakes in tests.
import type { Policy } from '$lib/components/wizard/PolicyStep.svelte';
import { progressSteps } from '$lib/components/ui/progress';
import { wipe } from '$lib/crypto/bytes';
import type { PhraseKey } from '$lib/crypto/ii-key';
import { errorMessage, FlowError } from '$lib/services/errors';
import {
	anchorVault,
	createVault,
	renewInvite,
	VaultExistsError,
	watchAcceptance,
	type Invitation,
	type OwnerContext,
	type Progress
} from '$lib/services/owner';
import { bindPhrase, protectPhrase, type PhraseStatus } from '$lib/services/owner-phrase';
import { SEAL_STEPS, sealVault, type PaperShare, type SealArgs } from '$lib/services/owner-seal';
import {
	clearProgress,
	loadProgress,
	saveProgress,
	type GuardianContact,
	type ProgressStorage,
	type ProtectProgress
} from './protect-progress';

export { SEAL_STEPS };
export type { GuardianContact, PaperShare, Policy };

/** An invitation in the wizard: its link is only known in the tab that made it (never stored). */
export interface WizardInvitation {
	label: string;
	url?: string;
}

/** What the wizard needs from the owner's services. */
export interface ProtectPorts {
	/** The app's address, for the recovery kit. */
	readonly appUrl: string;
	/** Without an anchor number, II finds the identity from the phrase. */
	bindPhrase(
		anchor: bigint | undefined,
		entropy: Uint8Array
	): Promise<{ anchor: bigint; phraseKey: PhraseKey; status: PhraseStatus }>;
	protectPhrase(anchor: bigint, phraseKey: PhraseKey): Promise<void>;
	createVault(args: {
		anchor: bigint;
		phraseKey: PhraseKey;
		guardians: readonly string[];
		delayHours: number;
	}): Promise<{ vaultId: bigint; invitations: Invitation[] }>;
	/** Reports which slots have accepted, every few seconds, until the returned stop is called. */
	watchAcceptance(
		vaultId: bigint,
		onupdate: (accepted: boolean[]) => void,
		onerror: (error: unknown) => void
	): () => void;
	/**
	 * Seals (progress by SEAL_STEPS index); the caller wipes the entropy afterwards, and the paper
	 * shares it asked for (`paperSlots`) once the kit is printed or left.
	 */
	seal(args: SealArgs, progress: Progress): Promise<PaperShare[]>;
	/** The vault the anchor already has, if any. */
	anchorVault(anchor: bigint): Promise<bigint | undefined>;
	/** A new link for a guardian who has not accepted (slot index); the old link stops working. */
	renewInvite(phraseKey: PhraseKey, vaultId: bigint, slot: number): Promise<Invitation>;
	/** Where the non-secret progress survives a reload (protect-progress.ts); none in tests. */
	readonly storage?: ProgressStorage;
}

/** The ports over the signed-in owner's canisters and II. */
export function protectPorts(context: OwnerContext): ProtectPorts {
	return {
		appUrl: context.appOrigin,
		bindPhrase: (anchor, entropy) => bindPhrase(context.ii, anchor, entropy),
		protectPhrase: (anchor, phraseKey) => protectPhrase(context.ii, anchor, phraseKey),
		createVault: (args) => createVault(context, args),
		watchAcceptance: (vaultId, onupdate, onerror) =>
			watchAcceptance(context, vaultId, onupdate, onerror),
		seal: (args, progress) => sealVault(context, args, progress),
		anchorVault: (anchor) => anchorVault(context, anchor),
		renewInvite: (phraseKey, vaultId, slot) => renewInvite(context, phraseKey, vaultId, slot),
		storage: globalThis.sessionStorage
	};
}

export const PROTECT_STEPS = [
	'Your phrase',
	'Guardians',
	'Rules',
	'Invitations',
	'Seal',
	'Recovery kit'
] as const;
/** Indexes into PROTECT_STEPS. */
const PHRASE = 0;
const GUARDIANS = 1;
const RULES = 2;
const INVITATIONS = 3;
const SEAL = 4;
export const KIT = 5;

export class ProtectFlow {
	/** Index into PROTECT_STEPS. */
	step = $state(PHRASE);
	busy = $state(false);
	error: string | undefined = $state();

	anchor: bigint | undefined = $state();
	needsProtection = $state(false);
	guardians: string[] = $state([]);
	policy: Policy | undefined = $state();
	vaultId: bigint | undefined = $state();
	invitations: WizardInvitation[] = $state([]);
	/** Guardians' phone and e-mail, for the printed kit only (kept in this tab, never sent). */
	contacts: GuardianContact[] = $state([]);
	/** The progress came back after a reload: the phrase must be entered again. */
	resumed = $state(false);
	/** The anchor already has a vault this wizard did not make: the dashboard is the way on. */
	existingVault: bigint | undefined = $state();
	/** The slot whose new link is being made. */
	renewing: number | undefined = $state();
	renewError: string | undefined = $state();
	accepted: boolean[] = $state([]);
	watchError: string | undefined = $state();
	/** Seal steps done; -1 before sealing. */
	sealDone = $state(-1);
	sealFailure: string | undefined = $state();
	/** For the printed kit only: wiped when the owner is done with it or leaves (see leave()). */
	paperShares: PaperShare[] = $state.raw([]);

	readonly sealSteps = $derived(
		this.sealDone < 0 ? [] : progressSteps(SEAL_STEPS, this.sealDone, this.sealFailure)
	);
	readonly sealed = $derived(this.sealDone === SEAL_STEPS.length);
	readonly invitationRows = $derived(
		this.invitations.map((invitation, i) => ({
			...invitation,
			accepted: this.accepted[i] ?? false
		}))
	);

	// Secrets: private and not reactive, never stored; the entropy is wiped after sealing and when
	// the wizard is left.
	#entropy: Uint8Array | undefined;
	#phraseKey: PhraseKey | undefined;

	constructor(private readonly ports: ProtectPorts) {
		const saved = ports.storage && loadProgress(ports.storage);
		if (saved) this.#resume(saved);
	}

	#resume(saved: ProtectProgress): void {
		this.anchor = saved.anchor;
		this.guardians = saved.guardians;
		this.contacts = saved.contacts;
		this.policy = saved.policy;
		this.vaultId = saved.vaultId;
		this.invitations = saved.guardians.map((label) => ({ label }));
		this.accepted = saved.guardians.map(() => false);
		// The kit needs no phrase; every earlier step does, so the wizard starts from it again.
		const sealed = saved.step === KIT && saved.vaultId !== undefined && saved.policy;
		this.step = sealed ? KIT : PHRASE;
		if (sealed) this.sealDone = SEAL_STEPS.length;
		this.resumed = !sealed && saved.guardians.length > 0;
	}

	/** Saves the progress at `step` (after sealing, the kit: a reload goes straight to it). */
	#save(step = this.step): void {
		if (!this.ports.storage || this.anchor === undefined) return;
		saveProgress(this.ports.storage, {
			anchor: this.anchor,
			guardians: this.guardians,
			contacts: this.contacts,
			policy: this.policy,
			vaultId: this.vaultId,
			step
		});
	}

	get appUrl(): string {
		return this.ports.appUrl;
	}

	async #run(action: () => Promise<void>): Promise<void> {
		this.busy = true;
		this.error = undefined;
		try {
			await action();
		} catch (failure) {
			this.error = errorMessage(failure);
		} finally {
			this.busy = false;
		}
	}

	#forgetPhrase(): void {
		if (this.#entropy) wipe(this.#entropy);
		this.#entropy = undefined;
		this.#phraseKey = undefined;
	}

	/** Checks the phrase against the anchor; keeps a copy of the entropy until sealed. */
	checkPhrase(anchor: bigint | undefined, entropy: Uint8Array): Promise<void> {
		this.#forgetPhrase();
		this.anchor = anchor;
		this.#entropy = entropy.slice();
		return this.#run(async () => {
			const bound = await this.ports.bindPhrase(anchor, entropy);
			this.anchor = bound.anchor;
			this.#phraseKey = bound.phraseKey;
			this.needsProtection = bound.status === 'unprotected';
			if (!this.needsProtection) await this.#afterPhrase();
		});
	}

	/**
	 * Where the wizard goes on once the phrase is in: to the invitations of the vault it made
	 * before a reload, to the dashboard for a vault it did not make, else to the guardians.
	 */
	async #afterPhrase(): Promise<void> {
		const anchor = this.anchor;
		if (anchor === undefined) return;
		const existing = await this.ports.anchorVault(anchor);
		if (existing !== undefined && existing === this.vaultId) {
			this.step = INVITATIONS;
		} else if (existing !== undefined) {
			this.existingVault = existing;
		} else {
			this.vaultId = undefined; // deleted meanwhile: a new one is made at the rules step
			this.step = GUARDIANS;
		}
		this.#save();
	}

	/** The anchor or phrase was changed: the last check's failure is about another input. */
	editPhrase(): void {
		if (!this.busy) this.error = undefined;
		this.existingVault = undefined;
	}

	protect(): Promise<void> {
		return this.#run(async () => {
			const anchor = this.anchor;
			const phraseKey = this.#phraseKey;
			if (anchor === undefined || !phraseKey) return;
			await this.ports.protectPhrase(anchor, phraseKey);
			this.needsProtection = false;
			if (this.step === PHRASE) await this.#afterPhrase();
		});
	}

	/** Goes on with an unprotected phrase; sealing asks again (the view's confirmation). */
	skipProtection(): Promise<void> {
		return this.#run(() => this.#afterPhrase());
	}

	chooseGuardians(chosen: string[]): void {
		// Contact details follow their guardian by name when the list changes.
		this.contacts = chosen.map(
			(label) => this.contacts[this.guardians.indexOf(label)] ?? { phone: '', email: '' }
		);
		this.guardians = chosen;
		this.step = RULES;
		this.#save();
	}

	backToGuardians(): void {
		this.step = GUARDIANS;
	}

	/** Creates the vault with the chosen delay and one invitation per guardian. */
	create(chosen: Policy): Promise<void> {
		this.policy = chosen;
		this.#save();
		return this.#run(async () => {
			const anchor = this.anchor;
			const phraseKey = this.#phraseKey;
			if (anchor === undefined || !phraseKey)
				throw new FlowError('phrase-gone', 'Enter your phrase again.');
			try {
				const created = await this.ports.createVault({
					anchor,
					phraseKey,
					guardians: this.guardians,
					delayHours: chosen.delayHours
				});
				this.vaultId = created.vaultId;
				this.invitations = created.invitations;
				this.accepted = created.invitations.map(() => false);
				this.step = INVITATIONS;
				this.#save();
			} catch (failure) {
				if (failure instanceof VaultExistsError) this.existingVault = failure.vaultId;
				throw failure;
			}
		});
	}

	/**
	 * Live acceptance while the invitations step is shown: the view calls this in an effect and
	 * calls the returned stop when the step (or the page) is left.
	 */
	watchAcceptance(): (() => void) | undefined {
		const vaultId = this.vaultId;
		if (this.step !== INVITATIONS || vaultId === undefined) return;
		return this.ports.watchAcceptance(
			vaultId,
			(update) => {
				this.accepted = update;
				this.watchError = undefined;
			},
			(failure) => (this.watchError = errorMessage(failure))
		);
	}

	/** "Send a new link" for a guardian who has not accepted; the old link stops working. */
	async renewInvite(slot: number): Promise<void> {
		const vaultId = this.vaultId;
		const phraseKey = this.#phraseKey;
		if (vaultId === undefined || !phraseKey || this.renewing !== undefined) return;
		this.renewing = slot;
		this.renewError = undefined;
		try {
			const invitation = await this.ports.renewInvite(phraseKey, vaultId, slot);
			this.invitations = this.invitations.map((old, i) => (i === slot ? invitation : old));
		} catch (failure) {
			this.renewError = errorMessage(failure);
		} finally {
			this.renewing = undefined;
		}
	}

	continueToSeal(): void {
		this.step = SEAL;
		this.#save();
	}

	/** Seals with the chosen threshold; paper shares for `paperSlots` (1..n) are kept for the kit. */
	seal(paperSlots: number[]): Promise<void> {
		const vaultId = this.vaultId;
		const policy = this.policy;
		const entropy = this.#entropy;
		const phraseKey = this.#phraseKey;
		if (vaultId === undefined || !policy || !entropy || !phraseKey) {
			this.sealFailure = 'Your phrase is no longer in this tab. Start again from the first step.';
			return Promise.resolve();
		}
		this.sealFailure = undefined;
		this.sealDone = 0;
		const args = { vaultId, threshold: policy.threshold, entropy, phraseKey, paperSlots };
		this.forgetPaperShares();
		return this.ports
			.seal(args, (_step, done) => (this.sealDone = done))
			.then((papers) => {
				this.paperShares = papers;
				this.sealDone = SEAL_STEPS.length;
				this.#forgetPhrase();
				this.#save(KIT);
			})
			.catch((failure: unknown) => {
				this.sealFailure = errorMessage(failure);
			});
	}

	showKit(): void {
		this.step = KIT;
		this.#save();
	}

	/** A guardian's phone or e-mail for the kit (kept in this tab only). */
	setContact(index: number, contact: GuardianContact): void {
		this.contacts = this.guardians.map((_, i) =>
			i === index ? contact : (this.contacts[i] ?? { phone: '', email: '' })
		);
		this.#save();
	}

	/** "Done": the wizard is over, its saved progress goes (the dashboard shows the vault). */
	finish(): void {
		if (this.ports.storage) clearProgress(this.ports.storage);
		this.leave();
	}

	forgetPaperShares(): void {
		wipe(...this.paperShares.map(({ envelope }) => envelope));
		this.paperShares = [];
	}

	/** Leaving the wizard: the phrase and the paper shares go. */
	leave(): void {
		this.#forgetPhrase();
		this.forgetPaperShares();
	}
}
