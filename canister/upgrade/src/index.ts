// The upgrade canister: the vault canister's only controller. It installs a new vault module
// only after announcing its hash and its argument's hash publicly for UPGRADE_NOTICE_NS, and
// only that module and argument. It has no controller itself once deployed (README "Upgrades"),
// so these rules cannot be changed either.
import { call, init, msgCaller, Principal, query, time, trap, update } from 'azle';

import type { Announcement, UpgradeResult } from '@tessera/contract/upgrade';
import { UPGRADE_LIMITS, UPGRADE_NOTICE_NS } from '@tessera/contract/upgrade';
import { UPGRADE_METHODS as M, UpgradeInitArgs } from '@tessera/contract/upgrade/idl';
import { sha256 } from '../../vault/domain/sha2';
import { UpgradeDomain, type Decision, type UpgradeSettings } from '../domain/upgrade-domain';
import {
	ChunkHash,
	ClearChunkStoreArgs,
	InstallChunkedCodeArgs,
	UploadChunkArgs
} from './management-idl';
import { loadSettings, StableAnnouncementStore, storeSettings } from './stable-store';

let cachedSettings: UpgradeSettings | undefined;
const settings = (): UpgradeSettings => (cachedSettings ??= loadSettings());
const domain = new UpgradeDomain(new StableAnnouncementStore(), settings, sha256);

/** An install awaits the management canister; announce and cancel wait for it to finish. */
let installing = false;

function result<T>(decision: Decision<T>): UpgradeResult<T> {
	return decision.ok ? { Ok: decision.value } : { Err: decision.error };
}

const busy = { Err: { InvalidInput: { field: 'id', reason: 'an install is running' } } } as const;

/** A rejected management call as a typed error (an Azle call error has `type`). */
async function management<T>(run: () => Promise<T>): Promise<Decision<T>> {
	try {
		return { ok: true, value: await run() };
	} catch (error) {
		const e = error as { type?: string; rejectCode?: number; rejectMessage?: string };
		if (e.type === undefined) throw error;
		const message = `${e.type} ${e.rejectCode ?? ''} ${e.rejectMessage ?? ''}`.slice(0, 300);
		return { ok: false, error: { ManagementRejected: { message } } };
	}
}

export default class Upgrade {
	@init([UpgradeInitArgs])
	init(args: UpgradeSettings): void {
		const checked = UpgradeDomain.checkSettings(args);
		if (!checked.ok) trap(`invalid init argument: ${JSON.stringify(checked.error)}`);
		storeSettings(args);
		cachedSettings = args;
	}

	@update(M.announce.args, M.announce.result)
	announce(args: {
		moduleHash: Uint8Array;
		argHash: Uint8Array;
		summary: string;
	}): UpgradeResult<Announcement> {
		if (installing) return busy;
		return result(domain.announce(msgCaller(), time(), args));
	}

	@update(M.cancel.args, M.cancel.result)
	cancel(id: bigint): UpgradeResult<Announcement> {
		if (installing) return busy;
		return result(domain.cancel(msgCaller(), time(), id));
	}

	/** Forwards one chunk of the next module to the target's chunk store (operators only). */
	@update(M.upload_chunk.args, M.upload_chunk.result)
	async upload_chunk(chunk: Uint8Array): Promise<UpgradeResult<Uint8Array>> {
		const allowed = domain.operatorOnly(msgCaller());
		if (!allowed.ok) return result(allowed);
		if (chunk.length === 0 || chunk.length > UPGRADE_LIMITS.maxChunkBytes) {
			return { Err: { InvalidInput: { field: 'chunk', reason: '1 byte to 1 MiB' } } };
		}
		const uploaded = await management(() =>
			call<[{ canister_id: Principal; chunk: Uint8Array }], { hash: Uint8Array }>(
				'aaaaa-aa',
				'upload_chunk',
				{
					paramIdlTypes: [UploadChunkArgs],
					returnIdlType: ChunkHash,
					args: [{ canister_id: settings().target, chunk }]
				}
			)
		);
		return uploaded.ok ? { Ok: uploaded.value.hash } : result(uploaded);
	}

	@update(M.clear_chunks.args, M.clear_chunks.result)
	async clear_chunks(): Promise<UpgradeResult<null>> {
		const allowed = domain.operatorOnly(msgCaller());
		if (!allowed.ok) return result(allowed);
		return result(await management(clearChunkStore));
	}

	/**
	 * Installs announcement `id` once its notice is over: the chunks uploaded before, checked by
	 * the management canister against the announced module hash, with the announced argument.
	 */
	@update(M.install.args, M.install.result)
	async install(args: {
		id: bigint;
		chunkHashes: Uint8Array[];
		arg: Uint8Array;
	}): Promise<UpgradeResult<Announcement>> {
		if (installing) return busy;
		const decision = domain.authorizeInstall(msgCaller(), time(), args);
		if (!decision.ok) return result(decision);
		installing = true;
		try {
			const installed = await management(() =>
				call('aaaaa-aa', 'install_chunked_code', {
					paramIdlTypes: [InstallChunkedCodeArgs],
					args: [
						{
							mode: { upgrade: [] },
							target_canister: settings().target,
							store_canister: [],
							chunk_hashes_list: args.chunkHashes.map((hash) => ({ hash })),
							wasm_module_hash: decision.value.moduleHash,
							arg: args.arg,
							sender_canister_version: []
						}
					]
				})
			);
			if (!installed.ok) return result(installed);
			const announcement = domain.markInstalled(args.id, time());
			await management(clearChunkStore);
			return { Ok: announcement };
		} finally {
			installing = false;
		}
	}

	/** Every announcement kept (the latest UPGRADE_LIMITS.maxHistory), oldest first. */
	@query(M.announcements.args, M.announcements.result)
	announcements(): Announcement[] {
		return domain.announcements();
	}

	@query(M.pending.args, M.pending.result)
	pending(): [] | [Announcement] {
		const pending = domain.pending();
		return pending ? [pending] : [];
	}

	@query(M.config.args, M.config.result)
	config(): { target: Principal; operators: Principal[]; noticeNs: bigint } {
		return { ...settings(), noticeNs: UPGRADE_NOTICE_NS };
	}
}

function clearChunkStore(): Promise<null> {
	return call('aaaaa-aa', 'clear_chunk_store', {
		paramIdlTypes: [ClearChunkStoreArgs],
		args: [{ canister_id: settings().target }]
	}).then(() => null);
}
