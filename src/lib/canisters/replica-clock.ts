// The replica's clock as this page knows it: the browser's clock plus the offset the agents
// measured when they last synced their time with the replica (time-synced-agent.ts). Deadlines
// the canister states (a request's release, an invitation's expiry) are on the replica's clock;
// counting them down with the browser's would be off by however far the two clocks are apart,
// and by days after devnet's `time advance`.

let offsetMs = 0;

export const replicaClock = {
	/** The replica's time now, in ms since the epoch (the browser's until the first sync). */
	now: (): number => Date.now() + offsetMs,
	/** Replica minus browser, as the last sync measured it. */
	get offsetMs(): number {
		return offsetMs;
	},
	setOffset(ms: number): void {
		offsetMs = ms;
	}
};
