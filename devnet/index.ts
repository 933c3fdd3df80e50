/** devnet: Tessera's local Internet Computer (execution engine; the HTTP interface builds on it). */
export { Devnet, CallRejectedError, MANAGEMENT_CANISTER_ID } from './src/devnet';
export type { DevnetOptions, SetupCanisterOptions, CodeOptions, CallOptions } from './src/devnet';
export type { Actor, ActorControls } from './src/actor';
export type { Response, ExecutionRecord } from './src/engine/engine';
export { RejectCode, ErrorCode } from './src/engine/errors';
export type { CallResult } from './src/engine/errors';
export { INSTRUCTION_LIMITS } from './src/engine/limits';
export { SubnetKey } from './src/certification/subnet-key';
export { buildTree, lookupPath, reconstruct } from './src/certification/hash-tree';
export type { HashTree, LabeledTree } from './src/certification/hash-tree';
export { VETKD_DERIVE_FEES } from './src/management/vetkd';
export { CANISTER_RANGES } from './src/management/canister-ids';
export const DEVNET_VERSION = '0.1.0';
