// The devnet sign-in as the browser keeps it (jsdom's Web Storage): a new tab of the same
// browser is still signed in, as with Internet Identity, whose auth-client keeps the session
// in IndexedDB; signing out in one tab signs every tab out.
import { beforeEach, expect, it } from 'vitest';
import { config } from '$lib/config';
import { sessionService } from './session';

const local = { ...config, signIn: 'local' as const };

beforeEach(() => {
	localStorage.clear();
	sessionStorage.clear();
});

it('a local sign-in survives a new tab; signing out ends it everywhere', async () => {
	const firstTab = sessionService(local);
	const signedIn = await firstTab.signIn('carol');
	sessionStorage.clear(); // a new tab starts with its own, empty sessionStorage
	const newTab = sessionService(local);
	const restored = await newTab.restore();
	expect(restored?.localName).toBe('carol');
	expect(restored?.identity.getPrincipal().toText()).toBe(
		signedIn.identity.getPrincipal().toText()
	);
	await newTab.signOut();
	expect(await firstTab.restore()).toBeUndefined();
});

it('keeps the name only, never a key', async () => {
	await sessionService(local).signIn('carol');
	expect(Object.values({ ...localStorage })).toEqual(['carol']);
});
