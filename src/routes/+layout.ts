// Static SPA: everything renders in the browser, so secrets never touch a server.
import { redirect } from '@sveltejs/kit';
import { requiresSignIn, signInPath } from '$lib/services/session';
import { session } from '$lib/state/session.svelte';
import type { LayoutLoad } from './$types';

export const ssr = false;
export const prerender = false;

/** Signed-out visits to the owner's and guardian's pages go to sign-in first. */
export const load: LayoutLoad = async ({ url }) => {
	if (!requiresSignIn(url.pathname)) return {};
	await session.ready();
	if (session.status !== 'signed-in') redirect(307, signInPath(url));
	return {};
};
