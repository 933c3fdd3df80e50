// The canister's vetKD public keys, trusted only if they derive from the configured master key
// for this canister (a lying canister could otherwise make us encrypt to a key it controls).
import type { Principal } from '@dfinity/principal';
import type { MasterPublicKey } from '@dfinity/vetkeys';
import {
	verifyReleaseKey,
	verifySharesKey,
	type ReleaseKey,
	type SharesKey
} from '$lib/crypto/vetkd-keys';
import { FlowError } from './guardian-errors';
import type { VetKdPublicKeys } from './guardian-calls';

export interface VetKdTrust {
	readonly master: MasterPublicKey;
	readonly canisterId: Principal;
}

export interface TrustedKeys {
	readonly shares: SharesKey;
	readonly release: ReleaseKey;
}

export async function trustedKeys(
	calls: { vetkdPublicKeys(): Promise<VetKdPublicKeys> },
	trust: VetKdTrust
): Promise<TrustedKeys> {
	const reported = await calls.vetkdPublicKeys();
	const shares = verifySharesKey(reported.shares, trust.master, trust.canisterId);
	const release = verifyReleaseKey(reported.release, trust.master, trust.canisterId);
	if (!shares.ok || !release.ok) {
		throw new FlowError(
			'untrusted-key',
			"The guardian service reported encryption keys that don't match the Internet Computer's. Nothing was sent. Please report this."
		);
	}
	return { shares: shares.value, release: release.value };
}
