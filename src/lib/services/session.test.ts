import type { AuthClient } from '@dfinity/auth-client';
import { Ed25519KeyIdentity } from '@dfinity/identity';
import { describe, expect, test, vi } from 'vitest';
import {
	NO_II_MESSAGE,
	SignInError,
	internetIdentitySessionService,
	requiresSignIn,
	safeNext,
	signInPath
} from './session';

describe('Internet Identity sessions', () => {
	// A stand-in for AuthClient: II's window cannot open in a unit test (the browser tests and a
	// real II cover the window itself). It records what the app asks II for.
	function fakeAuthClient(outcome: { error?: string }) {
		const identity = Ed25519KeyIdentity.generate();
		let authenticated = false;
		const client = {
			isAuthenticated: async () => authenticated,
			getIdentity: () => identity,
			login: vi.fn(async (options: { onSuccess?: () => void; onError?: (e?: string) => void }) => {
				if (outcome.error) return options.onError?.(outcome.error);
				authenticated = true;
				options.onSuccess?.();
			}),
			logout: vi.fn(async () => {
				authenticated = false;
			})
		};
		return { client, identity, create: async () => client as unknown as AuthClient };
	}

	test('signs in with the configured II URL and derivation origin, 8-hour session', async () => {
		const fake = fakeAuthClient({});
		const service = internetIdentitySessionService(
			{ iiUrl: 'https://identity.ic0.app/', derivationOrigin: 'https://tessera.example' },
			fake.create
		);
		expect(await service.restore()).toBeUndefined();
		const signedIn = await service.signIn();
		expect(signedIn.identity).toBe(fake.identity);
		expect(fake.client.login).toHaveBeenCalledWith(
			expect.objectContaining({
				identityProvider: 'https://identity.ic0.app/',
				derivationOrigin: 'https://tessera.example',
				maxTimeToLive: 8n * 3_600n * 1_000_000_000n
			})
		);
		expect((await service.restore())?.identity).toBe(fake.identity);
		await service.signOut();
		expect(await service.restore()).toBeUndefined();
	});

	test.each([
		['UserInterrupt', /closed before sign-in finished/u],
		['Unauthorized origin', /did not sign you in \(Unauthorized origin\)/u]
	])('a failed login (%s) is a SignInError saying what to do', async (error, message) => {
		const fake = fakeAuthClient({ error });
		const service = internetIdentitySessionService(
			{ iiUrl: 'https://identity.ic0.app/', derivationOrigin: undefined },
			fake.create
		);
		await expect(service.signIn()).rejects.toThrow(message);
	});

	test('a build that names no II refuses to sign in and never opens a window', async () => {
		const fake = fakeAuthClient({});
		const service = internetIdentitySessionService(
			{ iiUrl: undefined, derivationOrigin: undefined },
			fake.create
		);
		await expect(service.signIn()).rejects.toThrow(SignInError);
		await expect(service.signIn()).rejects.toThrow(NO_II_MESSAGE);
		expect(fake.client.login).not.toHaveBeenCalled();
	});
});

describe('navigation', () => {
	test.each([
		[null, '/owner'],
		['', '/owner'],
		['/guardian', '/guardian'],
		['/owner/protect?step=2', '/owner/protect?step=2'],
		['https://evil.example/owner', '/owner'],
		['//evil.example/owner', '/owner'],
		['/\\evil.example', '/owner'],
		['javascript:alert(1)', '/owner'],
		['owner', '/owner']
	])('next=%j goes to %s', (next, expected) => {
		expect(safeNext(next)).toBe(expected);
	});

	test('owner and guardian pages need sign-in; landing, recover and invite do not', () => {
		for (const path of ['/owner', '/owner/protect', '/guardian', '/guardian/x']) {
			expect(requiresSignIn(path)).toBe(true);
		}
		for (const path of [
			'/',
			'/signin',
			'/recover',
			'/invite',
			'/ownership',
			'/guardians',
			'/guardian/open'
		]) {
			expect(requiresSignIn(path)).toBe(false);
		}
	});

	test('the sign-in path carries where to come back to, encoded', () => {
		expect(signInPath({ pathname: '/owner/protect', search: '?a=1' })).toBe(
			'/signin?next=%2Fowner%2Fprotect%3Fa%3D1'
		);
	});
});
