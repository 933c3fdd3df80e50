// The upgrade canister's Candid: the single source of its interface (upgrade.did is generated
// from the canister built with these types; the app's actor uses idlFactory).
import { IDL, type GenericIdlFuncArgs } from '@dfinity/candid';

export const UpgradeInitArgs = IDL.Record({
	/** The canister this one upgrades (the vault canister). */
	target: IDL.Principal,
	/** Who may announce, cancel, upload and install: fixed for the canister's life. */
	operators: IDL.Vec(IDL.Principal)
});

export const AnnouncementState = IDL.Variant({
	Pending: IDL.Null,
	Cancelled: IDL.Record({ at: IDL.Nat64 }),
	Installed: IDL.Record({ at: IDL.Nat64 })
});

export const Announcement = IDL.Record({
	id: IDL.Nat64,
	moduleHash: IDL.Vec(IDL.Nat8),
	argHash: IDL.Vec(IDL.Nat8),
	summary: IDL.Text,
	announcedAt: IDL.Nat64,
	installableAt: IDL.Nat64,
	state: AnnouncementState
});

export const UpgradeError = IDL.Variant({
	NotOperator: IDL.Null,
	InvalidInput: IDL.Record({ field: IDL.Text, reason: IDL.Text }),
	AlreadyPending: IDL.Record({ id: IDL.Nat64 }),
	NotPending: IDL.Record({ id: IDL.Nat64 }),
	NoticeRunning: IDL.Record({ installableAt: IDL.Nat64 }),
	ArgumentMismatch: IDL.Null,
	ManagementRejected: IDL.Record({ message: IDL.Text })
});

const result = (ok: IDL.Type) => IDL.Variant({ Ok: ok, Err: UpgradeError });

export const UpgradeConfig = IDL.Record({
	target: IDL.Principal,
	operators: IDL.Vec(IDL.Principal),
	noticeNs: IDL.Nat64
});

export const AnnounceArgs = IDL.Record({
	moduleHash: IDL.Vec(IDL.Nat8),
	argHash: IDL.Vec(IDL.Nat8),
	summary: IDL.Text
});

export const InstallArgs = IDL.Record({
	id: IDL.Nat64,
	/** The chunks' hashes in order, as upload_chunk returned them. */
	chunkHashes: IDL.Vec(IDL.Vec(IDL.Nat8)),
	arg: IDL.Vec(IDL.Nat8)
});

type Method = { args: GenericIdlFuncArgs; result: IDL.Type };

export const UPGRADE_METHODS = {
	announce: { args: [AnnounceArgs], result: result(Announcement) },
	cancel: { args: [IDL.Nat64], result: result(Announcement) },
	upload_chunk: { args: [IDL.Vec(IDL.Nat8)], result: result(IDL.Vec(IDL.Nat8)) },
	clear_chunks: { args: [], result: result(IDL.Null) },
	install: { args: [InstallArgs], result: result(Announcement) },
	announcements: { args: [], result: IDL.Vec(Announcement) },
	pending: { args: [], result: IDL.Opt(Announcement) },
	config: { args: [], result: UpgradeConfig }
} satisfies Record<string, Method>;

const QUERIES = new Set(['announcements', 'pending', 'config']);

export const upgradeIdlFactory: IDL.InterfaceFactory = () =>
	IDL.Service(
		Object.fromEntries(
			Object.entries(UPGRADE_METHODS).map(([name, method]: [string, Method]) => [
				name,
				IDL.Func(method.args, [method.result], QUERIES.has(name) ? ['query'] : [])
			])
		)
	);
