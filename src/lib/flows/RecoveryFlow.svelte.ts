// The "I lost access" screen's state: the recovery link this browser made (anchor + its key), the
// requests guardians opened from it, the release's progress, and the recovered phrase (in memory
// only, wiped on leave/forget). The view is components/recovery/RecoveryScreen.svelte.
import type { SignIdentity } from '@dfinity/agent';
import type { PhraseKey } from '$lib/crypto/ii-key';
import { wipe } from '$lib/crypto/bytes';
import type { VerificationCode } from '$lib/crypto/verification-code';
import type { AnchorDevices, IiClient, PhraseCheck, SweepReport } from '$lib/ii';
import type { ProgressStep } from '$lib/components/ui/ProgressSteps.svelte';
import { progressSteps } from '$lib/components/ui/progress';
import { errorMessage } from '$lib/services/errors';
import type { RequestView, RequesterCalls } from '$lib/services/guardian-calls';
import type { VetKdTrust } from '$lib/services/vetkd-trust';
import {
	rankRequests,
	releaseErrorMessage,
	requestCode,
	sealedVaultOf
} from '$lib/services/recovery';
import { badSharesMessage, releaseAndRecover, RELEASE_STEPS } from '$lib/services/release';
import { recoveryLink } from '$lib/services/recovery-link';
import type { HeldRequest, RequesterStore } from '$lib/services/recovery-store';
import {
	checkRecoveredPhrase,
	listDevices,
	runSweep,
	type FreshDevice
} from '$lib/services/recovery-sweep';
import { PAPER_STEPS, recoverWithPaper } from '$lib/services/paper-recovery';

export interface RecoveryEnvironment {
	readonly store: RequesterStore;
	/** Where the recovery link points (the app's origin). */
	readonly origin: string;
	requesterCalls(identity: SignIdentity): Promise<RequesterCalls>;
	trust(): VetKdTrust;
	ii(): Promise<Pick<IiClient, 'checkPhrase' | 'signedBy'>>;
	/** The owner's new device for the sweep: devnet only (see recovery-sweep.ts). */
	freshDevice?: (() => Promise<FreshDevice>) | undefined;
	readonly freshDeviceLabel?: string | undefined;
}

export type RecoveryStage = 'loading' | 'start' | 'waiting' | 'reconstructing' | 'recovered';

export class RecoveryFlow {
	stage: RecoveryStage = $state('loading');
	held: HeldRequest | undefined = $state();
	/** The requests guardians opened for this browser's key, the most useful first. */
	requests: RequestView[] = $state([]);
	code: VerificationCode | undefined = $state();
	link: string | undefined = $state();
	/** After a recovery: the guardians whose shares failed their check (skipped). */
	badShares: string | undefined = $state();
	opening = $state(false);
	openError: string | undefined = $state();
	statusError: string | undefined = $state();
	steps: ProgressStep[] = $state([]);
	releaseError: string | undefined = $state();
	/** The recovered entropy: memory only. */
	entropy: Uint8Array | undefined = $state.raw();
	/** The identity the recovered phrase is for, and where the phrase came from. */
	anchor: bigint | undefined = $state();
	source: 'request' | 'paper' | undefined = $state();
	/** Paper shares added to the held request's released ones (how many; the bytes are private). */
	paperCount = $state(0);
	/** Recovery from paper shares alone (no request): progress and why it stopped. */
	paperSteps: ProgressStep[] = $state([]);
	paperError: string | undefined = $state();
	phraseKey: PhraseKey | undefined = $state.raw();
	phraseCheck: PhraseCheck | undefined = $state();
	phraseError: string | undefined = $state();
	devices: AnchorDevices | undefined = $state.raw();
	sweeping = $state(false);
	sweepSteps: ProgressStep[] = $state([]);
	sweepReport: SweepReport | undefined = $state.raw();
	sweepError: string | undefined = $state();

	#identity: SignIdentity | undefined;
	#calls: RequesterCalls | undefined;
	/** Copies of the paper shares for the held request: memory only, wiped with the phrase. */
	#paper: Uint8Array[] = [];

	constructor(private readonly env: RecoveryEnvironment) {}

	/** What the sweep's fresh device is, in words; undefined when the sweep adds none. */
	get freshDeviceLabel(): string | undefined {
		return this.env.freshDeviceLabel;
	}

	/** Loads this browser's key and the request it holds (if any). */
	async init(): Promise<void> {
		try {
			this.#identity = await this.env.store.identity();
			this.#calls = await this.env.requesterCalls(this.#identity);
			this.held = await this.env.store.heldRequest();
		} catch {
			this.openError =
				'This browser cannot keep a recovery key (private browsing or storage turned off?). Use a normal window of a browser you can come back to.';
			this.stage = 'start';
			return;
		}
		if (!this.held) {
			this.stage = 'start';
			return;
		}
		this.#showLink(this.held.anchor);
		this.stage = 'waiting';
		await this.refresh();
	}

	/** The request the screen acts on: the releasable (or released) one, else the furthest along. */
	get request(): RequestView | undefined {
		return this.requests[0];
	}

	#showLink(anchor: bigint) {
		const identity = this.#identity;
		if (!identity) return;
		const publicKey = new Uint8Array(identity.getPublicKey().toDer());
		this.link = recoveryLink(this.env.origin, { anchor, publicKey });
		this.code = requestCode(anchor, identity.getPrincipal());
	}

	/** Makes the recovery link for `anchor` (no request yet: a guardian opens it from the link). */
	async start(anchor: bigint): Promise<void> {
		const calls = this.#calls;
		if (!calls || !this.#identity) return;
		this.opening = true;
		this.openError = undefined;
		try {
			const vaultId = await sealedVaultOf(calls, anchor);
			this.held = { anchor, vaultId };
			await this.env.store.hold(this.held);
			this.requests = [];
			this.#showLink(anchor);
			this.stage = 'waiting';
		} catch (error) {
			this.openError = errorMessage(error);
		} finally {
			this.opening = false;
		}
	}

	/** Polls this key's requests (the page calls this every few seconds). */
	async refresh(): Promise<void> {
		const calls = this.#calls;
		const held = this.held;
		if (!calls || !held || this.stage !== 'waiting') return;
		try {
			this.requests = rankRequests(await calls.requestsForRequester(), held.anchor);
			this.statusError = undefined;
		} catch (error) {
			this.statusError = errorMessage(error);
		}
	}

	async release(): Promise<void> {
		const calls = this.#calls;
		const identity = this.#identity;
		const held = this.held;
		const request = this.request;
		if (!calls || !identity || !held || !request) return;
		this.stage = 'reconstructing';
		this.releaseError = undefined;
		let done = 0;
		this.steps = progressSteps(RELEASE_STEPS, 0);
		try {
			const progress = (_: string, d: number) => {
				done = d;
				this.steps = progressSteps(RELEASE_STEPS, d);
			};
			const recovered = await releaseAndRecover(
				calls,
				this.env.trust(),
				identity.getPrincipal(),
				request,
				{ progress, paper: this.#paper }
			);
			this.entropy = recovered.entropy;
			this.badShares = badSharesMessage(recovered.bad);
			this.anchor = held.anchor;
			this.source = 'request';
			this.stage = 'recovered';
		} catch (error) {
			this.releaseError = releaseErrorMessage(error);
			this.steps = progressSteps(RELEASE_STEPS, done, this.releaseError);
			this.stage = 'waiting';
			await this.refresh();
			return;
		}
		await this.checkPhrase();
	}

	/** Paper shares to combine with the held request's released shares (copies are kept). */
	usePaperShares(envelopes: readonly Uint8Array[]): void {
		wipe(...this.#paper);
		this.#paper = envelopes.map((envelope) => envelope.slice());
		this.paperCount = this.#paper.length;
	}

	/** No request: m paper shares for `anchor`, used only once II confirms the phrase. */
	async recoverFromPaper(anchor: bigint, envelopes: readonly Uint8Array[]): Promise<void> {
		if (this.stage !== 'start') return;
		this.paperError = undefined;
		const onProgress = (_: string, done: number) => {
			this.paperSteps = progressSteps(PAPER_STEPS, done);
		};
		onProgress('', 0);
		const paper = envelopes.map((envelope) => envelope.slice());
		try {
			const ii = await this.env.ii();
			const recovered = await recoverWithPaper(ii, anchor, paper, onProgress);
			this.entropy = recovered.entropy;
			this.phraseKey = recovered.checked.phraseKey;
			this.phraseCheck = recovered.checked.check;
			this.anchor = anchor;
			this.source = 'paper';
			this.paperSteps = [];
			this.stage = 'recovered';
		} catch (error) {
			// the form shows why, next to the shares to fix
			this.paperError = errorMessage(error);
			this.paperSteps = [];
			return;
		} finally {
			wipe(...paper);
		}
		await this.loadDevices();
	}

	/** Is the recovered phrase still the anchor's recovery phrase on II? */
	async checkPhrase(): Promise<void> {
		if (!this.entropy || this.anchor === undefined) return;
		this.phraseError = undefined;
		try {
			const ii = await this.env.ii();
			const checked = await checkRecoveredPhrase(ii, this.anchor, this.entropy);
			this.phraseKey = checked.phraseKey;
			this.phraseCheck = checked.check;
		} catch (error) {
			this.phraseError = errorMessage(error);
			return;
		}
		await this.loadDevices();
	}

	/** The anchor's devices, for the sweep (signed by the checked phrase key). */
	private async loadDevices(): Promise<void> {
		if (!this.phraseKey || this.anchor === undefined) return;
		try {
			this.devices = await listDevices(await this.env.ii(), this.anchor, this.phraseKey);
		} catch (error) {
			this.phraseError = errorMessage(error);
		}
	}

	/** Removes the selected devices, protects the phrase, adds the owner's fresh device. */
	async sweep(remove: Uint8Array[], addFresh: boolean): Promise<void> {
		const phraseKey = this.phraseKey;
		const anchor = this.anchor;
		if (!phraseKey || anchor === undefined) return;
		this.sweeping = true;
		this.sweepError = undefined;
		this.sweepReport = undefined;
		this.sweepSteps = [];
		try {
			const ii = await this.env.ii();
			const add =
				addFresh && this.env.freshDevice ? (await this.env.freshDevice()).data : undefined;
			// II's sweep names its steps as it goes: each new one means the previous is done.
			const seen: string[] = [];
			const onProgress = (step: string, done: number, total: number) => {
				if (step !== 'Done' && !seen.includes(step)) seen.push(step);
				this.sweepSteps = seen.map((label, i) => ({
					label,
					status: i < seen.length - 1 || done === total ? 'done' : 'running'
				}));
			};
			const request = { remove, add };
			this.sweepReport = await runSweep(ii, anchor, phraseKey, request, onProgress);
			this.devices = this.sweepReport.final ?? this.devices;
		} catch (error) {
			this.sweepError = errorMessage(error);
		} finally {
			this.sweeping = false;
		}
	}

	/** Done with the recovered phrase: forgets the request, or clears a paper recovery. */
	async finish(): Promise<void> {
		if (this.source !== 'paper') return this.forget();
		this.wipe();
		this.stage = 'start';
	}

	/** "Forget this request": a new key next time; the phrase (if any) is wiped. */
	async forget(): Promise<void> {
		this.wipe();
		await this.env.store.forget();
		this.held = undefined;
		this.requests = [];
		this.code = undefined;
		this.link = undefined;
		this.steps = [];
		this.releaseError = undefined;
		this.stage = 'loading';
		await this.init();
	}

	/** Wipes the phrase from memory (on leaving the page). */
	wipe(): void {
		wipe(this.entropy, ...this.#paper);
		this.#paper = [];
		this.paperCount = 0;
		this.entropy = undefined;
		this.source = undefined;
		this.phraseKey = undefined;
		this.phraseCheck = undefined;
		this.devices = undefined;
		this.sweepReport = undefined;
		this.badShares = undefined;
	}
}
