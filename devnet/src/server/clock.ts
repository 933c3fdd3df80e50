// devnet's clock when it serves HTTP: wall-clock time plus an offset that test control can move
// forward, never backwards. The agent checks certificate times against its own clock, so the
// clock follows real time unless a test advances it on purpose.

export class ServerClock {
	private offsetNs = 0n;

	constructor(private readonly wallClockMs: () => number = Date.now) {}

	/** The time devnet should be at now (ns since the epoch). */
	targetNs(): bigint {
		return BigInt(Math.floor(this.wallClockMs())) * 1_000_000n + this.offsetNs;
	}

	/** Moves the clock forward by `milliseconds` (test control). */
	advance(milliseconds: number): void {
		if (!Number.isFinite(milliseconds) || milliseconds < 0) {
			throw new RangeError('the clock only moves forward');
		}
		this.offsetNs += BigInt(Math.floor(milliseconds * 1_000_000));
	}

	/** Sets the clock to `epochMs` if that is ahead of where it is (test control). */
	set(epochMs: number, currentNs: bigint): void {
		const target = BigInt(Math.floor(epochMs)) * 1_000_000n;
		if (!Number.isFinite(epochMs) || target < currentNs) {
			throw new RangeError('the clock only moves forward');
		}
		this.offsetNs += target - this.targetNs();
	}
}
