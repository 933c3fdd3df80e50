// The Candid of II's sign-in methods (prepare_delegation, get_delegation, get_principal), with
// II's names and shapes (internet_identity.did); part of the subset in idl.ts, which the
// candid tests compare with II's own file.
import { IDL } from '@dfinity/candid';
import type * as Ii from '@tessera/contract/internet-identity';

const UserNumber = IDL.Nat64;
const Timestamp = IDL.Nat64;
const PublicKey = IDL.Vec(IDL.Nat8);
export const FrontendHostname = IDL.Text;
export const SessionKey = PublicKey;
export const UserKey = PublicKey;

export const Delegation = IDL.Record({
	pubkey: PublicKey,
	expiration: Timestamp,
	targets: IDL.Opt(IDL.Vec(IDL.Principal)),
	permissions: IDL.Opt(IDL.Text)
});
export const SignedDelegation = IDL.Record({
	delegation: Delegation,
	signature: IDL.Vec(IDL.Nat8)
});
export const GetDelegationResponse = IDL.Variant({
	signed_delegation: SignedDelegation,
	no_such_delegation: IDL.Null
});

export const signInMethods = {
	prepare_delegation: {
		args: [UserNumber, FrontendHostname, SessionKey, IDL.Opt(IDL.Nat64)],
		results: [UserKey, Timestamp],
		query: false
	},
	get_delegation: {
		args: [UserNumber, FrontendHostname, SessionKey, Timestamp],
		results: [GetDelegationResponse],
		query: true
	},
	get_principal: { args: [UserNumber, FrontendHostname], results: [IDL.Principal], query: true }
};

export type GetDelegationResponseValue = Ii.GetDelegationResponse;
