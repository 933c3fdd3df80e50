// The upgrade canister's rules, in one place. The notice period is derived from the longest
// time-lock a vault may have: an owner who sees an announcement on its first day can still run a
// recovery with the longest delay to its end (or delete the vault) before the new module can run.
import { LIMITS, NS_PER_DAY } from '../limits';

/** Time after the longest recovery delay for the owner to notice and act. */
export const UPGRADE_NOTICE_MARGIN_NS = 7n * NS_PER_DAY;

/** An announced upgrade can be installed this long after it was announced (37 days today). */
export const UPGRADE_NOTICE_NS = LIMITS.maxDelayNs + UPGRADE_NOTICE_MARGIN_NS;

export const UPGRADE_LIMITS = {
	/** sha256 of the module and of the argument. */
	hashBytes: 32,
	/** The announcement's summary: UTF-8 bytes, shown as it is. */
	maxSummaryBytes: 500,
	/** Operators fixed at init. */
	maxOperators: 5,
	/** Announcements kept (oldest dropped first, never a pending one). */
	maxHistory: 64,
	/** The management canister's chunk size limit. */
	maxChunkBytes: 1024 * 1024
} as const;
