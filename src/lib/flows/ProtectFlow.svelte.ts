// The "Protect my anchor" wizard: which step is shown, what the owner chose, the vault being
// created and sealed. The view (components/owner/ProtectWizard.svelte) renders this state and calls
// the methods; the ports are the owner services, or fakes in tests.
import type { Policy } from '$lib/components/wizard/PolicyStep.svelte';
import { progressSteps } from '$lib/components/ui/progress';
import { wipe } from '$lib/crypto/bytes';
import type { PhraseKey } from '$lib/crypto/ii-key';
import { errorMessage, FlowError } from '$lib/services/errors';
import {
	createVault,
	watchAcceptance,
	type Invitation,
	type OwnerContext,
	type Progress
} from '$lib/services/owner';
import { bindPhrase, protectPhrase, type PhraseStatus } from '$lib/services/owner-phrase';
import { SEAL_STEPS, sealVault, type PaperShare, type SealArgs } from '$lib/services/owner-seal';

export { SEAL_STEPS };
export type { PaperShare, Policy };

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
		seal: (args, progress) => sealVault(context, args, progress)
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
	invitations: Invitation[] = $state([]);
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

	constructor(private readonly ports: ProtectPorts) {}

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
			if (!this.needsProtection) this.step = GUARDIANS;
		});
	}

	/** The anchor or phrase was changed: the last check's failure is about another input. */
	editPhrase(): void {
		if (!this.busy) this.error = undefined;
	}

	protect(): Promise<void> {
		return this.#run(async () => {
			const anchor = this.anchor;
			const phraseKey = this.#phraseKey;
			if (anchor === undefined || !phraseKey) return;
			await this.ports.protectPhrase(anchor, phraseKey);
			this.needsProtection = false;
			this.step = GUARDIANS;
		});
	}

	/** Goes on with an unprotected phrase. */
	skipProtection(): void {
		this.step = GUARDIANS;
	}

	chooseGuardians(chosen: string[]): void {
		this.guardians = chosen;
		this.step = RULES;
	}

	backToGuardians(): void {
		this.step = GUARDIANS;
	}

	/** Creates the vault with the chosen delay and one invitation per guardian. */
	create(chosen: Policy): Promise<void> {
		this.policy = chosen;
		return this.#run(async () => {
			const anchor = this.anchor;
			const phraseKey = this.#phraseKey;
			if (anchor === undefined || !phraseKey)
				throw new FlowError('phrase-gone', 'Enter your phrase again.');
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

	continueToSeal(): void {
		this.step = SEAL;
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
			})
			.catch((failure: unknown) => {
				this.sealFailure = errorMessage(failure);
			});
	}

	showKit(): void {
		this.step = KIT;
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
