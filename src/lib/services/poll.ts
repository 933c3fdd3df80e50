// Live status: one way for every page to ask again every few seconds.

/**
 * Calls `check` every `intervalMs` until `stop()` is called; errors go to `onerror` and polling
 * goes on (a dropped connection should not end live status).
 */
export function poll(
	check: () => Promise<void>,
	intervalMs: number,
	onerror: (error: unknown) => void
): () => void {
	let stopped = false;
	let timer: ReturnType<typeof setTimeout> | undefined;
	const tick = async () => {
		try {
			await check();
		} catch (error) {
			if (!stopped) onerror(error);
		}
		if (!stopped) timer = setTimeout(() => void tick(), intervalMs);
	};
	void tick();
	return () => {
		stopped = true;
		clearTimeout(timer);
	};
}
