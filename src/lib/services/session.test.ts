import type { AuthClient } from '@dfinity/auth-client';
import { Ed25519KeyIdentity } from '@dfinity/identity';
import { sha256 } from '@noble/hashes/sha2';
import { describe, expect, test, vi } from 'vitest';
import {
	LOCAL_IDENTITY_KEY,
	SignInError,
	checkLocalName,
	internetIdentitySessionService,
	localIdentity,
	localSessionService,
	requiresSignIn,
	safeNext,
	signInPath
} from './session';

/** An in-memory Web Storage (Node has no sessionStorage). */
function memoryStorage(): Storage {
	const items = new Map<string, string>();
	return {
		get length() {
			return items.size;
		},
		clear: () => items.clear(),
		getItem: (key) => items.get(key) ?? null,
		key: (index) => [...items.keys()][index] ?? null,
		removeItem: (key) => void items.delete(key),
		setItem: (key, value) => void items.set(key, String(value))
	};
}

describe('local identities (devnet)', () => {
	test('follow the contract: Ed25519 from sha256("tessera/devnet-identity/" + name)', () => {
		const seed = sha256(new TextEncoder().encode('tessera/devnet-identity/alice'));
		expect(localIdentity('alice').getPrincipal().toText()).toBe(
			Ed25519KeyIdentity.generate(seed).getPrincipal().toText()
		);
	});

	test('the same name is the same principal; another name another one', () => {
		const alice = localIdentity('alice').getPrincipal().toText();
		expect(localIdentity('alice').getPrincipal().toText()).toBe(alice);
		expect(localIdentity('bob').getPrincipal().toText()).not.toBe(alice);
	});

	test.each([
		['', 'empty'],
		['   ', 'empty'],
		['x'.repeat(65), 'too-long']
	])('the name %j is refused (%s)', (name, problem) => {
		expect(checkLocalName(name)).toEqual({ ok: false, error: problem });
	});

	test('sign-in keeps only the name; restore comes back as the same identity; sign-out forgets', async () => {
		const storage = memoryStorage();
		const service = localSessionService(storage);
		expect(await service.restore()).toBeUndefined();
		const signedIn = await service.signIn('  alice ');
		expect(signedIn.localName).toBe('alice');
		expect(storage.getItem(LOCAL_IDENTITY_KEY)).toBe('alice');
		expect(storage.length).toBe(1);
		const restored = await service.restore();
		expect(restored?.identity.getPrincipal().toText()).toBe(
			signedIn.identity.getPrincipal().toText()
		);
		await service.signOut();
		expect(storage.length).toBe(0);
		expect(await service.restore()).toBeUndefined();
	});

	test('a bad name throws a SignInError with the message to show, and stores nothing', async () => {
		const storage = memoryStorage();
		await expect(localSessionService(storage).signIn(' ')).rejects.toThrow(SignInError);
		expect(storage.length).toBe(0);
	});

	test('a tampered stored name is ignored', async () => {
		const storage = memoryStorage();
		storage.setItem(LOCAL_IDENTITY_KEY, '   ');
		expect(await localSessionService(storage).restore()).toBeUndefined();
	});
});

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
