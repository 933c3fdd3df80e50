// Every bound the vault canister enforces, in one place, in the canister's units (UTF-8 bytes,
// nanoseconds). The app checks its forms against the same constants.

export const NS_PER_SECOND = 1_000_000_000n;
export const NS_PER_MINUTE = 60n * NS_PER_SECOND;
export const NS_PER_HOUR = 60n * NS_PER_MINUTE;
export const NS_PER_DAY = 24n * NS_PER_HOUR;

export const LIMITS = {
	/** Guardian slots per vault (n). */
	minSlots: 2,
	maxSlots: 10,
	/** Threshold m: 2 <= m <= n. */
	minThreshold: 2,
	/** Slot labels and the owner's name: UTF-8 bytes, no control characters. */
	maxLabelBytes: 32,
	/** Time-lock between opening a recovery and its release. */
	defaultDelayNs: 72n * NS_PER_HOUR,
	minDelayNs: 24n * NS_PER_HOUR,
	maxDelayNs: 30n * NS_PER_DAY,
	/** An invitation link is valid this long after it was issued. */
	inviteValidityNs: 7n * NS_PER_DAY,
	/** IBE ciphertexts of share envelopes (~50 B plaintext + 136 B overhead). */
	minShareCiphertextBytes: 137,
	maxShareCiphertextBytes: 320,
	hashBytes: 32,
	ed25519PublicKeyBytes: 32,
	ed25519SignatureBytes: 64,
	maxPrincipalBytes: 29,
	/** II allows at most 10 devices per anchor. */
	maxAnchorDevices: 10,
	/**
	 * After the time-lock ends, the requester has this long to release (repeatedly) and guardians
	 * may still add or replace approvals; then the request expires.
	 */
	releaseWindowNs: 7n * NS_PER_DAY,
	/** Release vetKeys derived per request, over all its release_recovery calls. */
	releaseDerivationsPerRequest: 3,
	/** shares_key derivations per principal per day (only share holders of sealed vaults). */
	sharesKeysPerDay: 10,
	/** Check-ins per share: one per this interval. */
	checkInIntervalNs: NS_PER_DAY,
	/** Index sizes per principal (owner: confirmed vaults only). */
	maxVaultsPerOwner: 8,
	/** Live requests that may name one requester principal (a fresh key per recovery). */
	maxRequestsPerRequester: 8,
	maxVaultsPerGuardian: 32,
	/** Audit events kept per vault (oldest dropped first). */
	maxAuditEvents: 32,
	/** A check-in older than this makes the owner's health view flag the guardian. */
	checkInStaleNs: 180n * NS_PER_DAY
} as const;

/** The same bounds under the names the app's crypto and forms use. */
export const MIN_THRESHOLD = LIMITS.minThreshold;
export const MAX_GUARDIANS = LIMITS.maxSlots;
export const RELEASE_WINDOW_NS = LIMITS.releaseWindowNs;
export const RELEASE_DERIVATIONS_PER_REQUEST = LIMITS.releaseDerivationsPerRequest;
export const SHARES_KEY_PER_DAY = LIMITS.sharesKeysPerDay;
/** The window shares_key's allowance counts in. */
export const SHARES_KEY_WINDOW_NS = NS_PER_DAY;
