// Tessera's client crypto: the public surface for the app's services.
export { wipe } from './bytes';
export type { Result } from './result';
export * from './phrase';
export * from './ii-key';
export * from './envelope';
export * from './shares';
export * from './vetkd-keys';
export * from './vetkeys';
export * from './verification-code';
export * from './paper';
export * from './paper-recovery';
export * from './check-key';
