import { Ed25519KeyIdentity } from '@dfinity/identity';
import { describe, expect, it } from 'vitest';
import type { SessionService, SignedIn } from '$lib/services/session';
import { Session } from './session.svelte';

/**
 * A session service that keeps its sign-in where auth-client keeps II's (here a variable shared
 * by every instance, as IndexedDB is by every load of the page): II's window cannot open in jsdom.
 */
function keptSessions() {
	let kept: SignedIn | undefined;
	const service = (): SessionService => ({
		restore: async () => kept,
		signIn: async () => (kept = { identity: Ed25519KeyIdentity.generate() }),
		signOut: async () => void (kept = undefined)
	});
	return { service, kept: () => kept };
}

describe('Session state', () => {
	it('restores nothing, signs in, restores after a reload, signs out', async () => {
		const sessions = keptSessions();
		const first = new Session(sessions.service);
		expect(first.status).toBe('loading');
		await first.ready();
		expect(first.status).toBe('signed-out');
		expect(first.principal).toBeUndefined();

		await first.signIn();
		expect(first.status).toBe('signed-in');
		const principal = first.principal;
		expect(principal).toMatch(/-/u);

		const reloaded = new Session(sessions.service);
		await reloaded.ready();
		expect(reloaded.principal).toBe(principal);

		await reloaded.signOut();
		expect(reloaded.status).toBe('signed-out');
		expect(sessions.kept()).toBeUndefined();
	});

	it('a failing restore leaves the user signed out instead of hanging', async () => {
		const session = new Session(() => ({
			restore: () => Promise.reject(new Error('IndexedDB unavailable')),
			signIn: () => Promise.reject(new Error('no')),
			signOut: async () => {}
		}));
		await session.ready();
		expect(session.status).toBe('signed-out');
		await expect(session.signIn()).rejects.toThrow('no');
		expect(session.status).toBe('signed-out');
	});
});
