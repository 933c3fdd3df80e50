// The vault canister's contract: its views, the Candid <-> view mapping and the service's types
// generated from vault.did. The IDL objects themselves are in `@tessera/contract/vault/idl`.
export * from './candid';
export * from './views';
export { idlFactory } from './idl';
