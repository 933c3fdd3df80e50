// Sealing: fetch and verify the canister's shares key, split the entropy m-of-n and encrypt each
// share to its guardian (with its check key), then store everything in one call sent by the
// phrase identity. The entropy is the caller's: it is not kept here.
import type { Principal } from '@dfinity/principal';
import { config } from '../config';
import type { PhraseKey } from '../crypto/ii-key';
import { wipe } from '../crypto/bytes';
import { sealShares } from '../crypto/vetkeys';
import { trustedKeys, vetKdTrustFor } from './vetkd-trust';
import { ownerVault, type OwnerContext, type Progress } from './owner';

export const SEAL_STEPS = [
	'Checking Tessera’s encryption key',
	'Splitting and encrypting your phrase for each guardian',
	'Storing the encrypted shares'
] as const;

export class SealError extends Error {
	readonly kind = 'SealFailed';
	constructor(message: string) {
		super(message);
		this.name = 'SealError';
	}
}

/** A paper share for the recovery kit: the guardian's label and the envelope (secret, memory only). */
export interface PaperShare {
	readonly guardian: string;
	readonly envelope: Uint8Array;
}

export interface SealArgs {
	vaultId: bigint;
	threshold: number;
	entropy: Uint8Array;
	phraseKey: PhraseKey;
	/** Guardian slots (1..n) to hand out as paper shares; none by default. */
	paperSlots?: readonly number[];
}

/** Seals; returns the paper shares asked for (the caller prints them, then wipes them). */
export async function sealVault(
	context: OwnerContext,
	args: SealArgs,
	progress: Progress
): Promise<PaperShare[]> {
	const total = SEAL_STEPS.length;
	progress(SEAL_STEPS[0], 0, total);
	const canisterId = context.vault.canisterId;
	const trust = vetKdTrustFor({
		...context,
		canisterId,
		localMasterKeyHex: config.localVetKdMasterKeyHex
	});
	const { shares: sharesKey } = await trustedKeys(context.vault, trust);
	const vault = await ownerVault(context, args.vaultId);
	const guardians = vault.slots.map((slot) => slot.guardian);
	if (guardians.some((guardian) => guardian === undefined)) {
		throw new SealError('Not every guardian has accepted yet. Wait for them, then seal.');
	}

	progress(SEAL_STEPS[1], 1, total);
	const target = {
		canisterId,
		vaultId: args.vaultId,
		threshold: args.threshold,
		guardians: guardians as Principal[]
	};
	const seal = await sealShares(args.entropy, target, sharesKey, args.paperSlots);
	if (!seal.ok) {
		throw new SealError(`Your phrase could not be split (${seal.error.kind}). Nothing was sealed.`);
	}

	progress(SEAL_STEPS[2], 2, total);
	try {
		const asPhrase = await context.asIdentity(args.phraseKey.identity);
		await asPhrase.sealShares({
			vaultId: args.vaultId,
			threshold: args.threshold,
			commitment: seal.value.commitment,
			shares: seal.value.shares.map(({ ciphertext, checkPrincipal }) => ({
				ciphertext,
				checkPrincipal
			})),
			shareCommitments: seal.value.shareCommitments,
			nonce: vault.nonce
		});
	} catch (error) {
		// Not sealed: the paper shares would belong to a seal that does not exist.
		wipe(...seal.value.paper.map(({ envelope }) => envelope));
		throw error;
	}
	progress('Sealed', total, total);
	return seal.value.paper.map(({ index, envelope }) => ({
		guardian: vault.slots[index - 1]?.label ?? `Guardian ${index}`,
		envelope
	}));
}
