// The upgrade canister's state on stable memory. Memory ids (never reuse or renumber one):
//   0: announcements   id (u64 big-endian) -> Candid-encoded Announcement
//   1: settings        'settings' -> Candid-encoded UpgradeInitArgs
import { IDL, Principal, StableBTreeMap } from 'azle';

import type { Announcement } from '@tessera/contract/upgrade';
import { Announcement as AnnouncementIdl, UpgradeInitArgs } from '@tessera/contract/upgrade/idl';
import type { AnnouncementStore, UpgradeSettings } from '../domain/upgrade-domain';

const rawBytes = {
	toBytes: (data: Uint8Array): Uint8Array => data,
	fromBytes: (data: Uint8Array): Uint8Array => data
};

function idKey(id: bigint): Uint8Array {
	const out = new Uint8Array(8);
	new DataView(out.buffer).setBigUint64(0, id, false);
	return out;
}

const idOf = (key: Uint8Array) =>
	new DataView(key.buffer, key.byteOffset, 8).getBigUint64(0, false);

export class StableAnnouncementStore implements AnnouncementStore {
	private readonly map = new StableBTreeMap<Uint8Array, Uint8Array>(0, rawBytes, rawBytes);

	get(id: bigint): Announcement | undefined {
		const bytes = this.map.get(idKey(id));
		if (bytes === undefined) return undefined;
		return IDL.decode([AnnouncementIdl], bytes)[0] as unknown as Announcement;
	}

	put(announcement: Announcement): void {
		this.map.insert(
			idKey(announcement.id),
			new Uint8Array(IDL.encode([AnnouncementIdl], [announcement]))
		);
	}

	remove(id: bigint): void {
		this.map.remove(idKey(id));
	}

	ids(): bigint[] {
		return this.map.keys().map(idOf);
	}
}

const settingsMap = new StableBTreeMap<string, Uint8Array>(1, undefined, rawBytes);

export function storeSettings(settings: UpgradeSettings): void {
	settingsMap.insert('settings', new Uint8Array(IDL.encode([UpgradeInitArgs], [settings])));
}

export function loadSettings(): UpgradeSettings {
	const bytes = settingsMap.get('settings');
	if (bytes === undefined) throw new Error('not configured');
	const value = IDL.decode([UpgradeInitArgs], bytes)[0] as unknown as {
		target: Principal;
		operators: Principal[];
	};
	return value;
}
