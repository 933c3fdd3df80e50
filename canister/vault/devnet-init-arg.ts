// The vault canister's init argument when devnet deploys it (dfx.json `custom.devnet_init_arg`):
// the local vetKD key and the local Internet Identity canister deployed beside it.
import { IDL } from '@dfinity/candid';
import { Principal } from '@dfinity/principal';
import { InitArgs } from '@tessera/contract/vault/idl';

export const DEVNET_VETKD_KEY_NAME = 'dfx_test_key';

export function initArg({ canisterIds }: { canisterIds: Record<string, string> }): Uint8Array {
	const internetIdentity = canisterIds.internet_identity;
	if (!internetIdentity) {
		throw new Error('the vault canister needs the internet_identity canister deployed beside it');
	}
	return new Uint8Array(
		IDL.encode(
			[InitArgs],
			[
				{
					vetKdKeyName: DEVNET_VETKD_KEY_NAME,
					internetIdentity: Principal.fromText(internetIdentity)
				}
			]
		)
	);
}
