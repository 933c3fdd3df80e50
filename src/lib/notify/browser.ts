// The browser's side of notices: what it supports, asking permission, showing a notice through
// the service worker (so it shows in the installed app too), and the watcher's ports over the
// signed-in person's vaults. Nothing here decides what to show (attention.ts does).
import {
	guardianAttention,
	ownerAttention,
	type Attention,
	type NotificationSupport
} from './attention';
import type { NoticePorts } from './watcher';

export function notificationSupport(): NotificationSupport {
	const supported = typeof window !== 'undefined' && 'Notification' in window;
	return {
		supported,
		permission: supported ? Notification.permission : 'denied',
		// Checking while closed needs the signed-in identity in the service worker: not offered.
		periodicSync: false
	};
}

export async function askPermission(): Promise<NotificationSupport> {
	if ('Notification' in window) await Notification.requestPermission();
	return notificationSupport();
}

async function showNotice(notice: Attention): Promise<void> {
	const options = { body: notice.body, tag: notice.key, data: { path: notice.path } };
	const registration =
		'serviceWorker' in navigator ? await navigator.serviceWorker.getRegistration() : undefined;
	if (registration) await registration.showNotification(notice.title, options);
	else new Notification(notice.title, options);
}

/** What a person's vaults can say about them; each side may fail alone (e.g. not an owner). */
export interface NoticeSources {
	ownerVaults(): Promise<Parameters<typeof ownerAttention>[0]>;
	guardianVaults(): Promise<Parameters<typeof guardianAttention>[0]>;
}

export function browserNoticePorts(sources: NoticeSources): NoticePorts {
	return {
		allowed: () => notificationSupport().permission === 'granted',
		show: showNotice,
		attention: async () => {
			const [owned, guarded] = await Promise.all([
				sources.ownerVaults().catch(() => []),
				sources.guardianVaults().catch(() => [])
			]);
			return [...ownerAttention(owned), ...guardianAttention(guarded)];
		}
	};
}
