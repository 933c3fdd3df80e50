// The IC's per-message instruction limits.
export const INSTRUCTION_LIMITS = {
	query: 5_000_000_000n,
	update: 40_000_000_000n,
	install: 300_000_000_000n,
	inspect: 200_000_000n
} as const;

export const DEFAULT_CANISTER_CYCLES = 100_000_000_000_000n; // what a local replica provisions
