// The "Protect my anchor" wizard's view of the owner services: plain async functions the wizard
// component calls, so it never sees an actor. `protectFlow(context)` wires them to the canisters.
import type { PhraseKey } from '../crypto/ii-key';
import {
	acceptance,
	createVault,
	ownerVault,
	type Invitation,
	type OwnerContext,
	type Progress
} from './owner';
import { bindPhrase, protectPhrase, type PhraseStatus } from './owner-phrase';
import { poll } from './poll';
import { SEAL_STEPS, sealVault, type PaperShare, type SealArgs } from './owner-seal';

export { SEAL_STEPS };
export type { PaperShare };
export const ACCEPTANCE_POLL_MS = 3_000;

export interface ProtectFlow {
	/** The app's address, for the recovery kit. */
	readonly appUrl: string;
	bindPhrase(
		anchor: bigint,
		entropy: Uint8Array
	): Promise<{ phraseKey: PhraseKey; status: PhraseStatus }>;
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

export function protectFlow(context: OwnerContext): ProtectFlow {
	return {
		appUrl: context.appOrigin,
		bindPhrase: (anchor, entropy) => bindPhrase(context.ii, anchor, entropy),
		protectPhrase: (anchor, phraseKey) => protectPhrase(context.ii, anchor, phraseKey),
		createVault: (args) => createVault(context, args),
		watchAcceptance: (vaultId, onupdate, onerror) =>
			poll(
				async () =>
					onupdate(acceptance(await ownerVault(context, vaultId)).map(({ accepted }) => accepted)),
				ACCEPTANCE_POLL_MS,
				onerror
			),
		seal: (args, progress) => sealVault(context, args, progress)
	};
}
