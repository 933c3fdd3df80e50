// Tessera's contract: what the app and the canisters agree on. The vault canister's Candid and
// its views are in `@tessera/contract/vault`, Internet Identity's in
// `@tessera/contract/internet-identity`.
export * from './bytes';
export * from './label';
export * from './limits';
export * from './protocol';
