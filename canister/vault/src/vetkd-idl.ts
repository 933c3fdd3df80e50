// The management canister's vetKD methods in Candid, as the vault canister's outgoing calls use
// them (Azle's bundled management IDL has no vetKD types).
import { IDL } from '@dfinity/candid';

export const VetKdKeyId = IDL.Record({
	curve: IDL.Variant({ bls12_381_g2: IDL.Null }),
	name: IDL.Text
});

export const VetKdPublicKeyArgs = IDL.Record({
	canister_id: IDL.Opt(IDL.Principal),
	context: IDL.Vec(IDL.Nat8),
	key_id: VetKdKeyId
});
export const VetKdPublicKeyResult = IDL.Record({ public_key: IDL.Vec(IDL.Nat8) });

export const VetKdDeriveKeyArgs = IDL.Record({
	input: IDL.Vec(IDL.Nat8),
	context: IDL.Vec(IDL.Nat8),
	transport_public_key: IDL.Vec(IDL.Nat8),
	key_id: VetKdKeyId
});
export const VetKdDeriveKeyResult = IDL.Record({ encrypted_key: IDL.Vec(IDL.Nat8) });
