// The upgrade canister's init argument when devnet deploys it (dfx.json `custom.devnet_init_arg`):
// it upgrades the vault canister deployed beside it, and the deploying identity operates it.
// devnet deploy leaves the deployer a controller of the vault canister too, so local development
// can redeploy quickly; on mainnet the upgrade canister is the vault's only controller (README).
import { IDL } from '@dfinity/candid';
import { Principal } from '@dfinity/principal';
import { UpgradeInitArgs } from '@tessera/contract/upgrade/idl';

export function initArg({
	canisterIds,
	deployer
}: {
	canisterIds: Record<string, string>;
	deployer?: string;
}): Uint8Array {
	const vault = canisterIds.vault;
	if (!vault || !deployer) {
		throw new Error('the upgrade canister needs the vault canister and the deploying principal');
	}
	return new Uint8Array(
		IDL.encode(
			[UpgradeInitArgs],
			[{ target: Principal.fromText(vault), operators: [Principal.fromText(deployer)] }]
		)
	);
}
