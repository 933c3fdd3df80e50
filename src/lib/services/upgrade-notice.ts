// What an owner or guardian must know about upgrades of the vault canister: whether the upgrade
// guarantee holds (the upgrade canister is the vault canister's only controller, read from the
// certified state tree, and it targets this vault canister) and the announced upgrade, if any.
// The app asks the upgrade canister, not the vault canister: the code an upgrade would replace
// is not the one to vouch for what replaces it, and the vault canister stays unchanged.
import type { HttpAgent } from '@dfinity/agent';
import type { Principal } from '@dfinity/principal';
import { bytesToHex } from '@noble/hashes/utils';
import { controllersOf, upgradeCanister } from '../canisters/upgrade.canister';

export interface PendingUpgrade {
	moduleHashHex: string;
	argHashHex: string;
	summary: string;
	announcedAt: Date;
	installableAt: Date;
}

export interface UpgradeNotice {
	/** The upgrade canister is the vault canister's only controller and upgrades this one. */
	guarded: boolean;
	pending: PendingUpgrade | undefined;
	noticeDays: number;
}

const NS_PER_MS = 1_000_000n;
const DAY_MS = 24 * 3600 * 1000;
const toDate = (ns: bigint) => new Date(Number(ns / NS_PER_MS));

export async function loadUpgradeNotice(
	agent: HttpAgent,
	ids: { vaultCanisterId: Principal; upgradeCanisterId: Principal }
): Promise<UpgradeNotice> {
	const upgrade = upgradeCanister(agent, ids.upgradeCanisterId);
	const [controllers, settings, pending] = await Promise.all([
		controllersOf(agent, ids.vaultCanisterId),
		upgrade.config(),
		upgrade.pending()
	]);
	const guarded =
		controllers.length === 1 &&
		controllers[0]?.toText() === ids.upgradeCanisterId.toText() &&
		settings.target.toText() === ids.vaultCanisterId.toText();
	return {
		guarded,
		noticeDays: Number(settings.noticeNs / NS_PER_MS) / DAY_MS,
		pending: pending && {
			moduleHashHex: bytesToHex(pending.moduleHash),
			argHashHex: bytesToHex(pending.argHash),
			summary: pending.summary,
			announcedAt: toDate(pending.announcedAt),
			installableAt: toDate(pending.installableAt)
		}
	};
}

/** Whole days from `now` until `at` (0 once it has passed). */
export function daysUntil(at: Date, now: Date): number {
	return Math.max(0, Math.ceil((at.getTime() - now.getTime()) / DAY_MS));
}
