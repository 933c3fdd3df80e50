// @tessera/devnet/server: devnet as a local replica over the IC's HTTP interface, and the
// clients that talk to one (deploy, the management canister, the admin clock).
export { DevnetServer, DEFAULT_HOST, DEFAULT_PORT } from './src/server/server';
export type { DevnetServerOptions } from './src/server/server';
export { deployCanisters } from './src/server/deploy';
export type { CanisterIds, DeployAction, DeployedCanister } from './src/server/deploy';
export {
	clearChunkStore,
	createCanister,
	installChunkedCode,
	installCode,
	setControllers,
	storedChunks,
	uploadChunk,
	uploadChunks
} from './src/server/management-client';
export type { InstallMode } from './src/server/management-client';
export { DevnetClockClient } from './src/server/admin-client';
export { ADMIN_TIME_PATH } from './src/server/admin';
