// @tessera/devnet: a local Internet Computer in-process, with an API named like PicJS
// (@dfinity/pic). The HTTP server is @tessera/devnet/server; test support @tessera/devnet/testing.
export { Devnet, CallRejectedError, MANAGEMENT_CANISTER_ID } from './src/devnet';
export type { DevnetOptions, SetupCanisterOptions, CodeOptions, CallOptions } from './src/devnet';
export type { Actor, ActorControls } from './src/actor';
export type { Response, ExecutionRecord } from './src/engine/engine';
export { DevnetError } from './src/engine/errors';
export type { CallResult } from './src/engine/errors';
export { RejectCode, ErrorCode } from './src/codes';
export { INSTRUCTION_LIMITS } from './src/engine/limits';
export { VETKD_DERIVE_FEES } from './src/management/vetkd';
export { CANISTER_RANGES } from './src/management/canister-ids';

export const DEVNET_VERSION = '0.1.0';
