// Sealing: fetch and verify the canister's shares key, split the entropy m-of-n and encrypt each
// share to its guardian (with its check key), then store everything in one call sent by the
// phrase identity. The entropy is the caller's: it is not kept here.
import { DerivedPublicKey } from '@dfinity/vetkeys';
import type { Principal } from '@dfinity/principal';
import { config, type AppConfig } from '../config';
import type { PhraseKey } from '../crypto/ii-key';
import { masterPublicKeyFor, verifySharesKey, type SharesKey } from '../crypto/vetkd-keys';
import { sealShares } from '../crypto/vetkeys';
import { ownerVault, type OwnerContext, type Progress } from './owner';

export const SEAL_STEPS = [
	'Checking Tessera’s encryption key',
	'Splitting and encrypting your phrase for each guardian',
	'Storing the encrypted shares'
] as const;

export class SealError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'SealError';
	}
}

/**
 * The shares key the canister reports, accepted only as the derivation of the network's vetKD
 * master key. A local network (devnet, dfx) has a random master key that the app cannot know
 * ahead: there the key is trusted as reported, exactly as the agent trusts the fetched root key.
 */
export function trustedSharesKey(
	reported: Uint8Array,
	canisterId: Principal,
	settings: Pick<AppConfig, 'network' | 'vetKdKeyName'> = config
): SharesKey {
	if (settings.network === 'local') {
		try {
			return { context: 'shares', key: DerivedPublicKey.deserialize(reported) };
		} catch {
			throw new SealError('Tessera reported a malformed encryption key. Nothing was sealed.');
		}
	}
	const master = masterPublicKeyFor(settings.vetKdKeyName);
	const verified = master.ok ? verifySharesKey(reported, master.value, canisterId) : master;
	if (!verified.ok) {
		throw new SealError(
			'Tessera’s encryption key does not match the Internet Computer’s key for it. Nothing was sealed: do not continue, and report this.'
		);
	}
	return verified.value;
}

export async function sealVault(
	context: OwnerContext,
	args: { vaultId: bigint; threshold: number; entropy: Uint8Array; phraseKey: PhraseKey },
	progress: Progress
): Promise<void> {
	const total = SEAL_STEPS.length;
	progress(SEAL_STEPS[0], 0, total);
	const canisterId = context.guardian.canisterId;
	const reported = await context.guardian.vetkdPublicKeys();
	const sharesKey = trustedSharesKey(reported.shares, canisterId, context);
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
	const seal = await sealShares(args.entropy, target, sharesKey);
	if (!seal.ok) {
		throw new SealError(`Your phrase could not be split (${seal.error.kind}). Nothing was sealed.`);
	}

	progress(SEAL_STEPS[2], 2, total);
	const asPhrase = await context.asIdentity(args.phraseKey.identity);
	await asPhrase.sealShares({
		vaultId: args.vaultId,
		threshold: args.threshold,
		commitment: seal.value.commitment,
		shares: seal.value.shares.map(({ ciphertext, checkKey }) => ({ ciphertext, checkKey })),
		nonce: vault.nonce
	});
	progress('Sealed', total, total);
}
