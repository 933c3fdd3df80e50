// The installable app's service worker: keeps the app's shell (its built files and static files)
// so Tessera opens without a network, and opens the right page when a notice is clicked. It
// never touches calls to the Internet Computer (other origins) and keeps nothing of a person's
// data: what it caches is the same for everyone. SvelteKit registers it (kit.serviceWorker).
/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
import { build, files, version } from '$service-worker';

const worker = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `tessera-shell-${version}`;
/** The SPA's page (the static adapter's fallback): every path renders from it. */
const SHELL = '/index.html';
const ASSETS = new Set([...build, ...files, SHELL]);

worker.addEventListener('install', (event) => {
	event.waitUntil(
		caches
			.open(CACHE)
			.then((cache) => cache.addAll([...ASSETS]))
			.then(() => worker.skipWaiting())
	);
});

worker.addEventListener('activate', (event) => {
	event.waitUntil(
		caches
			.keys()
			.then((keys) =>
				Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key)))
			)
			.then(() => worker.clients.claim())
	);
});

async function respond(request: Request): Promise<Response> {
	const url = new URL(request.url);
	const cache = await caches.open(CACHE);
	// Built files are named by their content: the cached copy is the right one.
	if (build.includes(url.pathname)) {
		const cached = await cache.match(url.pathname);
		if (cached) return cached;
	}
	try {
		return await fetch(request);
	} catch (failure) {
		// Offline: a page comes from the shell, a static file from the cache.
		const cached = await cache.match(request.mode === 'navigate' ? SHELL : url.pathname);
		if (cached) return cached;
		throw failure;
	}
}

worker.addEventListener('fetch', (event) => {
	const { request } = event;
	if (request.method !== 'GET' || new URL(request.url).origin !== worker.location.origin) return;
	event.respondWith(respond(request));
});

// A notice opens (or focuses) Tessera on the page it is about.
worker.addEventListener('notificationclick', (event) => {
	event.notification.close();
	const data: unknown = event.notification.data;
	const path =
		typeof data === 'object' && data !== null && 'path' in data && typeof data.path === 'string'
			? data.path
			: '/';
	const target = new URL(path, worker.location.origin).href;
	event.waitUntil(
		worker.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((windows) => {
			const open = windows.find((client) => new URL(client.url).origin === worker.location.origin);
			if (open) return open.navigate(target).then((client) => client?.focus());
			return worker.clients.openWindow(target);
		})
	);
});
