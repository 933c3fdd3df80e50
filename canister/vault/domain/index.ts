// Public surface of the vault canister's domain (pure TypeScript, no Azle).
export { VaultDomain } from './vault-domain';
export * from './errors';
export { LIMITS, NS_PER_HOUR, NS_PER_SECOND } from '@tessera/contract';
export * from './store';
export * from './phrase-auth';
export * from './authorization';
export { stateDigest, storedBytes } from './digest';
export type * from './records';
export type * from './queries';
export { inviteHash } from './vault-ops';
export { releaseIdentity } from './recovery-ops';
