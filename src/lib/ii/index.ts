// Internet Identity client: see README.md.
export { II_MAINNET_CANISTER_ID, iiCanisterId, type IiNetwork } from './network';
export { IiError, iiErrorFromReject, toIiError, type IiErrorKind } from './errors';
export { checkAnchorNumber } from './anchor-number';
export { createIiClient, IiClient, type IiClientOptions, type PhraseCheck } from './client';
export { IiDeviceManager, type Progress, type RemovalResult } from './device-manager';
export type { AnchorDevices, DeviceInfo, KeyType, Purpose } from './devices';
export {
	generatedKeyDeviceData,
	passkeyDeviceData,
	recoveryPhraseDeviceData,
	MAX_ALIAS_BYTES
} from './device-data';
export {
	describeStep,
	MAX_DEVICES,
	planSweep,
	type StepOutcome,
	type SweepPlan,
	type SweepReport,
	type SweepRequest,
	type SweepStep
} from './sweep-plan';
export type { DeviceData as DeviceDataValue } from '@tessera/contract/internet-identity';
