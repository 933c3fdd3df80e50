import { describe, expect, it } from 'vitest';
import { localSessionService } from '$lib/services/session';
import { Session } from './session.svelte';

describe('Session state', () => {
	it('restores nothing, signs in, restores after a reload, signs out', async () => {
		sessionStorage.clear();
		const first = new Session(() => localSessionService(sessionStorage));
		expect(first.status).toBe('loading');
		await first.ready();
		expect(first.status).toBe('signed-out');
		expect(first.principal).toBeUndefined();

		await first.signIn('carol');
		expect(first.status).toBe('signed-in');
		expect(first.localName).toBe('carol');
		const principal = first.principal;
		expect(principal).toMatch(/-/u);

		const reloaded = new Session(() => localSessionService(sessionStorage));
		await reloaded.ready();
		expect(reloaded.principal).toBe(principal);

		await reloaded.signOut();
		expect(reloaded.status).toBe('signed-out');
		expect(sessionStorage.length).toBe(0);
	});

	it('a failing restore leaves the user signed out instead of hanging', async () => {
		const session = new Session(() => ({
			method: 'internet-identity',
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
