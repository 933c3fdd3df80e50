// Public surface of the vault canister's domain (pure TypeScript, no Azle).
export { VaultDomain } from './vault-domain';
export * from './errors';
export * from './limits';
export * from './store';
export * from './phrase-auth';
export * from './authorization';
export { stateDigest, storedBytes } from './digest';
export type * from './records';
export type * from './queries';
export { inviteHash } from './vault-ops';
export { releaseIdentity, type ReleasedShare } from './recovery-ops';
export { SHARES_CONTEXT, RELEASE_CONTEXT, sharesIdentity } from './vetkd';
export { effectiveStatus, type EffectiveStatus } from './recovery-state';
