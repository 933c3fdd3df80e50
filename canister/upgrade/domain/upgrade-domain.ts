// The upgrade canister's rules, apart from Azle: who may act, the notice period, and that only
// the announced module and argument are installed. Pure: the adapter supplies caller, time, the
// store and sha256, and makes the management canister calls this module allows.
import type { Principal } from '@dfinity/principal';

import {
	UPGRADE_LIMITS,
	UPGRADE_NOTICE_NS,
	type Announcement,
	type UpgradeError
} from '@tessera/contract/upgrade';

export type Decision<T> = { ok: true; value: T } | { ok: false; error: UpgradeError };

/** Announcements by id, ascending (ids are never reused). */
export interface AnnouncementStore {
	get(id: bigint): Announcement | undefined;
	put(announcement: Announcement): void;
	remove(id: bigint): void;
	/** Every id, ascending. */
	ids(): bigint[];
}

export interface UpgradeSettings {
	target: Principal;
	operators: Principal[];
}

const ok = <T>(value: T): Decision<T> => ({ ok: true, value });
const err = <T>(error: UpgradeError): Decision<T> => ({ ok: false, error });
const invalid = <T>(field: string, reason: string): Decision<T> =>
	err({ InvalidInput: { field, reason } });

const equalBytes = (a: Uint8Array, b: Uint8Array) =>
	a.length === b.length && a.every((byte, i) => byte === b[i]);

export const isPending = (a: Announcement): boolean => 'Pending' in a.state;

export class UpgradeDomain {
	constructor(
		private readonly store: AnnouncementStore,
		private readonly settings: () => UpgradeSettings,
		private readonly sha256: (bytes: Uint8Array) => Uint8Array
	) {}

	/** Init: the target and 1..maxOperators operators, checked once. */
	static checkSettings(settings: UpgradeSettings): Decision<UpgradeSettings> {
		const { operators } = settings;
		if (operators.length === 0 || operators.length > UPGRADE_LIMITS.maxOperators) {
			return invalid('operators', `1 to ${UPGRADE_LIMITS.maxOperators} operators`);
		}
		if (operators.some((p) => p.isAnonymous())) {
			return invalid('operators', 'the anonymous principal cannot operate');
		}
		return ok(settings);
	}

	isOperator(caller: Principal): boolean {
		const text = caller.toText();
		return this.settings().operators.some((operator) => operator.toText() === text);
	}

	operatorOnly(caller: Principal): Decision<null> {
		return this.isOperator(caller) ? ok(null) : err({ NotOperator: null });
	}

	/** Every announcement kept, oldest first. */
	announcements(): Announcement[] {
		return this.store.ids().map((id) => this.store.get(id) as Announcement);
	}

	pending(): Announcement | undefined {
		return this.announcements().find(isPending);
	}

	announce(
		caller: Principal,
		now: bigint,
		args: { moduleHash: Uint8Array; argHash: Uint8Array; summary: string }
	): Decision<Announcement> {
		const allowed = this.operatorOnly(caller);
		if (!allowed.ok) return err(allowed.error);
		for (const field of ['moduleHash', 'argHash'] as const) {
			if (args[field].length !== UPGRADE_LIMITS.hashBytes) {
				return invalid(field, `must be ${UPGRADE_LIMITS.hashBytes} bytes (sha256)`);
			}
		}
		if (new TextEncoder().encode(args.summary).length > UPGRADE_LIMITS.maxSummaryBytes) {
			return invalid('summary', `at most ${UPGRADE_LIMITS.maxSummaryBytes} UTF-8 bytes`);
		}
		if (/\p{Cc}/u.test(args.summary.replace(/\n/g, ''))) {
			return invalid('summary', 'no control characters except line breaks');
		}
		const pending = this.pending();
		if (pending) return err({ AlreadyPending: { id: pending.id } });
		const ids = this.store.ids();
		const id = ids.length === 0 ? 0n : (ids[ids.length - 1] as bigint) + 1n;
		const announcement: Announcement = {
			id,
			moduleHash: Uint8Array.from(args.moduleHash),
			argHash: Uint8Array.from(args.argHash),
			summary: args.summary,
			announcedAt: now,
			installableAt: now + UPGRADE_NOTICE_NS,
			state: { Pending: null }
		};
		this.store.put(announcement);
		this.trimHistory();
		return ok(announcement);
	}

	cancel(caller: Principal, now: bigint, id: bigint): Decision<Announcement> {
		const allowed = this.operatorOnly(caller);
		if (!allowed.ok) return err(allowed.error);
		const announcement = this.store.get(id);
		if (!announcement || !isPending(announcement)) return err({ NotPending: { id } });
		const cancelled = { ...announcement, state: { Cancelled: { at: now } } };
		this.store.put(cancelled);
		return ok(cancelled);
	}

	/**
	 * Whether `caller` may install announcement `id` with `arg` now: an operator, the
	 * announcement pending, its notice over, the argument's sha256 the announced one. The module
	 * is checked by the management canister: install_chunked_code is given the announced hash
	 * and refuses chunks that do not concatenate to it.
	 */
	authorizeInstall(
		caller: Principal,
		now: bigint,
		args: { id: bigint; arg: Uint8Array; chunkHashes: Uint8Array[] }
	): Decision<Announcement> {
		const allowed = this.operatorOnly(caller);
		if (!allowed.ok) return err(allowed.error);
		const announcement = this.store.get(args.id);
		if (!announcement || !isPending(announcement)) return err({ NotPending: { id: args.id } });
		if (now < announcement.installableAt) {
			return err({ NoticeRunning: { installableAt: announcement.installableAt } });
		}
		if (!equalBytes(this.sha256(args.arg), announcement.argHash)) {
			return err({ ArgumentMismatch: null });
		}
		if (args.chunkHashes.length === 0) return invalid('chunkHashes', 'no chunks');
		if (args.chunkHashes.some((hash) => hash.length !== UPGRADE_LIMITS.hashBytes)) {
			return invalid('chunkHashes', 'each must be 32 bytes');
		}
		return ok(announcement);
	}

	markInstalled(id: bigint, now: bigint): Announcement {
		const announcement = this.store.get(id) as Announcement;
		const installed = { ...announcement, state: { Installed: { at: now } } };
		this.store.put(installed);
		return installed;
	}

	/** Drops the oldest finished announcements beyond maxHistory. */
	private trimHistory(): void {
		const ids = this.store.ids();
		let excess = ids.length - UPGRADE_LIMITS.maxHistory;
		for (const id of ids) {
			if (excess <= 0) break;
			if (isPending(this.store.get(id) as Announcement)) continue;
			this.store.remove(id);
			excess -= 1;
		}
	}
}

/** An in-memory store (tests). */
export class MemoryAnnouncementStore implements AnnouncementStore {
	private readonly map = new Map<bigint, Announcement>();
	get = (id: bigint) => this.map.get(id);
	put = (a: Announcement) => void this.map.set(a.id, a);
	remove = (id: bigint) => void this.map.delete(id);
	ids = () => [...this.map.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
