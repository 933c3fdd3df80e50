// The canister's vetKD public keys, trusted only if they derive from the configured master key
// for this canister (a lying canister could otherwise make us encrypt to a key it controls).
// On a local replica (devnet, dfx) the app already trusts the replica's own root key
// (fetchRootKey), so without a configured local master key the reported keys are taken as is.
import type { Principal } from '@dfinity/principal';
import { DerivedPublicKey, type MasterPublicKey } from '@dfinity/vetkeys';
import {
	masterPublicKeyFor,
	verifyReleaseKey,
	verifySharesKey,
	type ReleaseKey,
	type SharesKey
} from '../crypto/vetkd-keys';
import { FlowError } from './errors';
import type { VetKdPublicKeys } from './guardian-calls';

export type VetKdTrust =
	| { readonly master: MasterPublicKey; readonly canisterId: Principal }
	/** Local replica only: the replica is the root of trust already. */
	| { readonly localReplica: true };

export interface TrustedKeys {
	readonly shares: SharesKey;
	readonly release: ReleaseKey;
}

const untrusted = () =>
	new FlowError(
		'untrusted-key',
		"The guardian service reported encryption keys that don't match the Internet Computer's. Nothing was sent. Please report this."
	);

/**
 * Which vetKD keys to trust for this build: mainnet's master key by name; on a local network
 * the devnet's master public key if given (hex), else the local replica.
 */
export function vetKdTrustFor(settings: {
	network: 'local' | 'ic';
	vetKdKeyName: string;
	canisterId: Principal;
	localMasterKeyHex?: string | undefined;
}): VetKdTrust {
	const hex = settings.localMasterKeyHex?.trim();
	if (settings.network === 'local' && !hex) return { localReplica: true };
	const local = hex
		? Uint8Array.from(hex.match(/../gu) ?? [], (byte) => parseInt(byte, 16))
		: undefined;
	const master = masterPublicKeyFor(settings.vetKdKeyName, local);
	if (!master.ok) throw untrusted();
	return { master: master.value, canisterId: settings.canisterId };
}

export async function trustedKeys(
	calls: { vetkdPublicKeys(): Promise<VetKdPublicKeys> },
	trust: VetKdTrust
): Promise<TrustedKeys> {
	const reported = await calls.vetkdPublicKeys();
	if ('localReplica' in trust) {
		try {
			return {
				shares: { context: 'shares', key: DerivedPublicKey.deserialize(reported.shares) },
				release: { context: 'release', key: DerivedPublicKey.deserialize(reported.release) }
			};
		} catch {
			throw untrusted();
		}
	}
	const shares = verifySharesKey(reported.shares, trust.master, trust.canisterId);
	const release = verifyReleaseKey(reported.release, trust.master, trust.canisterId);
	if (!shares.ok || !release.ok) throw untrusted();
	return { shares: shares.value, release: release.value };
}
