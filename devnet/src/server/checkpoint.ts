// Saves devnet's state after committed changes: at most once per `intervalMs` while changes
// keep coming, and once more on flush (shutdown). saveState writes to a temporary directory and
// renames it into place, so a crash leaves the previous checkpoint intact.

export class Checkpointer {
	private dirty = false;
	private timer: ReturnType<typeof setTimeout> | undefined;
	/** How many checkpoints were written (for tests and logs). */
	saves = 0;

	constructor(
		private readonly save: () => Promise<void>,
		private readonly intervalMs: number,
		private readonly onError: (error: unknown) => void = (error) =>
			console.error('devnet: checkpoint failed:', error)
	) {}

	markDirty(): void {
		this.dirty = true;
		this.timer ??= setTimeout(() => {
			this.timer = undefined;
			void this.flush();
		}, this.intervalMs);
	}

	async flush(): Promise<void> {
		if (this.timer) clearTimeout(this.timer);
		this.timer = undefined;
		if (!this.dirty) return;
		this.dirty = false;
		try {
			await this.save();
			this.saves += 1;
		} catch (error) {
			this.dirty = true;
			this.onError(error);
		}
	}
}
