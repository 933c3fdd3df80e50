// What needs a person, and which of it to announce: pure, so the polling that feeds it (the
// layout while a tab or the installed app is open) stays a thin adapter. A notice is shown once
// per thing that needs them; it is shown again only if that thing went away and came back.

/** Something that needs the person now; `key` names it across polls. */
export interface Attention {
	key: string;
	title: string;
	body: string;
	/** Where in the app it is handled. */
	path: '/owner' | '/guardian';
}

/** The owner's vaults, as much as the notices need. */
export interface OwnerVaultLike {
	vaultId: bigint;
	anchor: bigint;
	activeRequest?: { requestId: bigint; status: string } | undefined;
}

/** The guarded vaults, as much as the notices need. */
export interface GuardedVaultLike {
	vaultId: bigint;
	anchor: bigint;
	pendingRequest?: { requestId: bigint; myVote?: string | undefined } | undefined;
}

/** An open request on one of the owner's vaults: if it is not theirs, they must raise the alarm. */
export function ownerAttention(vaults: readonly OwnerVaultLike[]): Attention[] {
	return vaults.flatMap(({ anchor, activeRequest }) =>
		activeRequest && activeRequest.status === 'open'
			? [
					{
						key: `owner-request-${activeRequest.requestId}`,
						title: 'Someone asked to recover your Internet Identity',
						body: `A recovery of Internet Identity ${anchor} was requested. If it was not you, open Tessera and raise the alarm.`,
						path: '/owner' as const
					}
				]
			: []
	);
}

/** A request the guardian has not answered yet. */
export function guardianAttention(vaults: readonly GuardedVaultLike[]): Attention[] {
	return vaults.flatMap(({ anchor, pendingRequest }) =>
		pendingRequest && pendingRequest.myVote === undefined
			? [
					{
						key: `guardian-request-${pendingRequest.requestId}`,
						title: 'A recovery request needs your answer',
						body: `Someone asks to recover Internet Identity ${anchor}, which you guard. Call the owner before you approve.`,
						path: '/guardian' as const
					}
				]
			: []
	);
}

/**
 * The notices to show now: what needs the person and was not there at the last poll. `seen` is
 * what was there then; the result's `seen` is what is there now (for the next poll).
 */
export function newNotices(
	seen: ReadonlySet<string>,
	current: readonly Attention[]
): { show: Attention[]; seen: Set<string> } {
	const show = current.filter(({ key }) => !seen.has(key));
	return { show, seen: new Set(current.map(({ key }) => key)) };
}

/** What the browser offers, as the UI must describe it. */
export interface NotificationSupport {
	/** The Notification API exists (and a service worker can show them). */
	supported: boolean;
	permission: 'default' | 'granted' | 'denied';
	/** Periodic background sync is registered (installed app on Chromium, with permission). */
	periodicSync: boolean;
}

export type NotificationReach = 'unsupported' | 'ask' | 'denied' | 'while-open' | 'background';

/** How far notices reach in this browser: the UI says it plainly, so people still call. */
export function notificationReach(support: NotificationSupport): NotificationReach {
	if (!support.supported) return 'unsupported';
	if (support.permission === 'denied') return 'denied';
	if (support.permission === 'default') return 'ask';
	return support.periodicSync ? 'background' : 'while-open';
}

export const REACH_TEXT: Record<NotificationReach, string> = {
	unsupported:
		'This browser cannot show notifications. Tessera cannot reach you here: open it now and then, and ask people to call you.',
	ask: 'Tessera can notify this browser when something needs you, while a Tessera tab or the installed app is open.',
	denied:
		'Notifications are blocked for Tessera in this browser. Allow them in the site settings to be told when something needs you.',
	'while-open':
		'This browser is told while a Tessera tab or the installed app is open. Closed, it hears nothing, and other browsers and phones never do: ask the people involved to call you.',
	background:
		'This installed app also checks now and then while closed, when the browser allows it (it decides how often, at most about daily). Other browsers and phones hear nothing: ask the people involved to call you.'
};
