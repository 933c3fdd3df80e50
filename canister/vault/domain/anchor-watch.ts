// The anchor watch's rules, apart from Azle and II's Candid: which sealed vaults a timer tick
// re-checks (a round-robin cursor, so every vault is checked once per period and the checks are
// spread evenly over the day), and what a check records (the sealed phrase still on the anchor,
// still protected, and whether the anchor's credentials changed since the last check).
// The vault canister does not run it: an adapter would call `plan` from a timer, ask II for each
// anchor's credentials and store `record`'s result beside the vault (docs/threat-model.md).
import { NS_PER_DAY, NS_PER_MINUTE } from '@tessera/contract';

export const ANCHOR_WATCH = {
	/** Every sealed vault is checked once per period. */
	periodNs: NS_PER_DAY,
	/** A timer tick every 5 minutes: 288 ticks a day. */
	tickNs: 5n * NS_PER_MINUTE,
	/**
	 * At most this many anchors per tick: each check is one call to II and its callback (its own
	 * message), so the bound keeps a tick's calls and their instructions small whatever the
	 * number of vaults; with 288 ticks it covers 288 x 64 = 18,432 vaults a day.
	 */
	maxChecksPerTick: 64
} as const;

export const TICKS_PER_PERIOD = Number(ANCHOR_WATCH.periodNs / ANCHOR_WATCH.tickNs);

/** The anchor's credentials as the watch needs them (from II's get_anchor_credentials / lookup). */
export interface AnchorCredentialsSeen {
	/** Raw 32-byte Ed25519 keys of the anchor's recovery phrases, each with its protection. */
	phrases: { key: Uint8Array; protected: boolean }[];
	/** Every other credential's public key (passkeys, recovery devices), as bytes. */
	others: Uint8Array[];
}

export interface WatchRecord {
	checkedAt: bigint;
	phrasePresent: boolean;
	phraseProtected: boolean;
	/** sha256 over the anchor's sorted credential keys. */
	digest: Uint8Array;
	/** When the digest last differed from the check before (undefined: never since sealing). */
	credentialsChangedAt?: bigint;
	/** When the sealed phrase was first found missing (kept until it is found again). */
	phraseMissingSince?: bigint;
	/** When the sealed phrase was first found unprotected (kept until protected again). */
	unprotectedSince?: bigint;
}

const equalBytes = (a: Uint8Array, b: Uint8Array) =>
	a.length === b.length && a.every((byte, i) => byte === b[i]);

function compareBytes(a: Uint8Array, b: Uint8Array): number {
	for (let i = 0; i < Math.min(a.length, b.length); i++) {
		if (a[i] !== b[i]) return (a[i] as number) - (b[i] as number);
	}
	return a.length - b.length;
}

/**
 * The digest of an anchor's credentials: sha256 over the keys, sorted, each length-prefixed and
 * tagged (phrase protected / phrase / other), so adding, removing or re-protecting any changes it.
 */
export function credentialsDigest(
	seen: AnchorCredentialsSeen,
	sha256: (bytes: Uint8Array) => Uint8Array
): Uint8Array {
	const entries = [
		...seen.phrases.map((p) => Uint8Array.of(p.protected ? 2 : 1, p.key.length, ...p.key)),
		...seen.others.map((key) => Uint8Array.of(0, key.length, ...key))
	].sort(compareBytes);
	const total = entries.reduce((sum, entry) => sum + entry.length, 0);
	const bytes = new Uint8Array(total);
	let offset = 0;
	for (const entry of entries) {
		bytes.set(entry, offset);
		offset += entry.length;
	}
	return sha256(bytes);
}

/** The record after a check of a vault sealed to `phraseKey` at `now`. */
export function record(
	previous: WatchRecord | undefined,
	phraseKey: Uint8Array,
	seen: AnchorCredentialsSeen,
	now: bigint,
	sha256: (bytes: Uint8Array) => Uint8Array
): WatchRecord {
	const phrase = seen.phrases.find((p) => equalBytes(p.key, phraseKey));
	const digest = credentialsDigest(seen, sha256);
	const changed = previous !== undefined && !equalBytes(previous.digest, digest);
	const present = phrase !== undefined;
	const isProtected = phrase?.protected === true;
	return {
		checkedAt: now,
		phrasePresent: present,
		phraseProtected: isProtected,
		digest,
		credentialsChangedAt: changed ? now : previous?.credentialsChangedAt,
		phraseMissingSince: present ? undefined : (previous?.phraseMissingSince ?? now),
		unprotectedSince: !present || isProtected ? undefined : (previous?.unprotectedSince ?? now)
	};
}

/**
 * Which positions (0..vaultCount-1, in vault id order) a tick checks, from `cursor`, and the
 * cursor for the next tick: ceil(vaultCount / TICKS_PER_PERIOD) per tick, at most
 * maxChecksPerTick, wrapping around, never the same vault twice in one tick.
 */
export function plan(vaultCount: number, cursor: number): { positions: number[]; next: number } {
	if (vaultCount === 0) return { positions: [], next: 0 };
	const perTick = Math.min(
		ANCHOR_WATCH.maxChecksPerTick,
		Math.ceil(vaultCount / TICKS_PER_PERIOD),
		vaultCount
	);
	const start = cursor % vaultCount;
	const positions = Array.from({ length: perTick }, (_, i) => (start + i) % vaultCount);
	return { positions, next: (start + perTick) % vaultCount };
}
