// The polling behind notices: while a Tessera tab or the installed app is open, ask every few
// minutes what needs the signed-in person and show what is new (attention.ts decides). The
// sources and the way a notice is shown are ports: the app's canisters and the service worker's
// showNotification, or fakes in tests.
import { poll } from '$lib/services/poll';
import { newNotices, type Attention } from './attention';

/** Often enough to hear of a request well inside the shortest waiting period (24 hours). */
export const NOTICE_POLL_MS = 5 * 60_000;

export interface NoticePorts {
	/** What needs the person now (owner and guardian sides together). */
	attention(): Promise<Attention[]>;
	/** Shows one notice; only called when notifications are allowed. */
	show(notice: Attention): Promise<void>;
	/** Whether notices may be shown now (permission granted). */
	allowed(): boolean;
}

/** Polls until the returned stop is called; a failed poll is retried at the next one. */
export function watchNotices(ports: NoticePorts, intervalMs = NOTICE_POLL_MS): () => void {
	let seen = new Set<string>();
	return poll(
		async () => {
			if (!ports.allowed()) return;
			const next = newNotices(seen, await ports.attention());
			seen = next.seen;
			await Promise.all(next.show.map((notice) => ports.show(notice)));
		},
		intervalMs,
		() => {} // offline or signed out meanwhile: the next poll asks again
	);
}
