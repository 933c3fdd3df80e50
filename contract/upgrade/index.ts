// The upgrade canister's contract: its rules (policy.ts), Candid (idl.ts) and the values the app
// and tests read from it.
import type { Principal } from '@dfinity/principal';

export * from './policy';
export { upgradeIdlFactory } from './idl';

export type AnnouncementState =
	{ Pending: null } | { Cancelled: { at: bigint } } | { Installed: { at: bigint } };

export interface Announcement {
	id: bigint;
	moduleHash: Uint8Array;
	argHash: Uint8Array;
	summary: string;
	announcedAt: bigint;
	installableAt: bigint;
	state: AnnouncementState;
}

export type UpgradeError =
	| { NotOperator: null }
	| { InvalidInput: { field: string; reason: string } }
	| { AlreadyPending: { id: bigint } }
	| { NotPending: { id: bigint } }
	| { NoticeRunning: { installableAt: bigint } }
	| { ArgumentMismatch: null }
	| { ManagementRejected: { message: string } };

export type UpgradeResult<T> = { Ok: T } | { Err: UpgradeError };

export interface UpgradeConfig {
	target: Principal;
	operators: Principal[];
	noticeNs: bigint;
}

/** The upgrade canister's service as an agent actor sees it. */
export interface UpgradeService {
	announce(args: {
		moduleHash: Uint8Array;
		argHash: Uint8Array;
		summary: string;
	}): Promise<UpgradeResult<Announcement>>;
	cancel(id: bigint): Promise<UpgradeResult<Announcement>>;
	upload_chunk(chunk: Uint8Array): Promise<UpgradeResult<Uint8Array>>;
	clear_chunks(): Promise<UpgradeResult<null>>;
	install(args: {
		id: bigint;
		chunkHashes: Uint8Array[];
		arg: Uint8Array;
	}): Promise<UpgradeResult<Announcement>>;
	announcements(): Promise<Announcement[]>;
	pending(): Promise<[] | [Announcement]>;
	config(): Promise<UpgradeConfig>;
}
