// Which vetKD public keys to trust: a canister-reported derived public key is accepted only if
// it is the derivation of the configured master key for this canister and context.
import type { Principal } from '@dfinity/principal';
import { DerivedPublicKey, MasterPublicKey, MasterPublicKeyId } from '@dfinity/vetkeys';
import { constantTimeEqual } from '@tessera/contract';
import { VETKD_CONTEXT_RELEASE, VETKD_CONTEXT_SHARES } from '@tessera/contract';
import { err, ok, type Result } from './result';

export type KeyError =
	| { kind: 'unknown-key-name'; keyName: string }
	| { kind: 'malformed-key' }
	| { kind: 'key-mismatch' };

/**
 * The vetKD master public key for a key name: built in for mainnet (`key_1`, `test_key_1`);
 * a local network (devnet) must supply its own, read from its configuration.
 */
export function masterPublicKeyFor(
	keyName: string,
	localPublicKey?: Uint8Array
): Result<MasterPublicKey, KeyError> {
	if (localPublicKey) {
		try {
			return ok(MasterPublicKey.deserialize(localPublicKey));
		} catch {
			return err({ kind: 'malformed-key' });
		}
	}
	if (keyName === MasterPublicKeyId.KEY_1 || keyName === MasterPublicKeyId.TEST_KEY_1) {
		return ok(MasterPublicKey.productionKey(keyName));
	}
	return err({ kind: 'unknown-key-name', keyName });
}

/** A derived public key proven to belong to (master, canister, context). */
export interface VerifiedKey<Context extends 'shares' | 'release'> {
	readonly context: Context;
	readonly key: DerivedPublicKey;
}
export type SharesKey = VerifiedKey<'shares'>;
export type ReleaseKey = VerifiedKey<'release'>;

function verifyDerivedKey(
	reported: Uint8Array,
	master: MasterPublicKey,
	canisterId: Principal,
	context: Uint8Array
): Result<DerivedPublicKey, KeyError> {
	const expected = master.deriveCanisterKey(canisterId.toUint8Array()).deriveSubKey(context);
	if (!constantTimeEqual(expected.publicKeyBytes(), reported)) return err({ kind: 'key-mismatch' });
	return ok(expected);
}

/** Checks the canister's `vetkd_public_key` answer for the shares context. */
export function verifySharesKey(
	reported: Uint8Array,
	master: MasterPublicKey,
	canisterId: Principal
): Result<SharesKey, KeyError> {
	const key = verifyDerivedKey(reported, master, canisterId, VETKD_CONTEXT_SHARES);
	return key.ok ? ok({ context: 'shares', key: key.value }) : key;
}

/** Checks the canister's `vetkd_public_key` answer for the release context. */
export function verifyReleaseKey(
	reported: Uint8Array,
	master: MasterPublicKey,
	canisterId: Principal
): Result<ReleaseKey, KeyError> {
	const key = verifyDerivedKey(reported, master, canisterId, VETKD_CONTEXT_RELEASE);
	return key.ok ? ok({ context: 'release', key: key.value }) : key;
}
