// Sign-in: Internet Identity through @dfinity/auth-client where an II exists (mainnet, dfx), or
// on devnet a local identity derived from a name (deterministic, so people and tests come back
// as the same guardian). Only the name is kept, never a key or a phrase: in localStorage, so that
// a new tab stays signed in as Internet Identity's sessions do (auth-client keeps them in
// IndexedDB).
import type { Identity } from '@dfinity/agent';
import { AuthClient } from '@dfinity/auth-client';
import { Ed25519KeyIdentity } from '@dfinity/identity';
import { sha256 } from '@noble/hashes/sha2';
import { config, type AppConfig } from '../config';
import { err, ok, type Result } from '../crypto/result';

export const LOCAL_IDENTITY_KEY = 'tessera.devnet-identity';
const LOCAL_IDENTITY_DOMAIN = 'tessera/devnet-identity/';
export const MAX_LOCAL_NAME_LENGTH = 64;
/** II delegations last 8 hours: long enough to set up a vault, short for a lost laptop. */
export const II_SESSION_NS = 8n * 3_600n * 1_000_000_000n;
export const DEFAULT_NEXT = '/owner';

export type LocalNameProblem = 'empty' | 'too-long';
export const LOCAL_NAME_MESSAGES: Record<LocalNameProblem, string> = {
	empty: 'Enter a name for the local identity, e.g. alice.',
	'too-long': `Keep the name under ${MAX_LOCAL_NAME_LENGTH + 1} characters.`
};

export function checkLocalName(name: string): Result<string, LocalNameProblem> {
	const trimmed = name.trim();
	if (trimmed === '') return err('empty');
	if (trimmed.length > MAX_LOCAL_NAME_LENGTH) return err('too-long');
	return ok(trimmed);
}

/** Devnet only: the same name always gives the same identity. */
export function localIdentity(name: string): Ed25519KeyIdentity {
	return Ed25519KeyIdentity.generate(
		sha256(new TextEncoder().encode(LOCAL_IDENTITY_DOMAIN + name))
	);
}

/** Where to go after sign-in: a same-origin path only (no scheme, host or `//`), else /owner. */
export function safeNext(next: string | null | undefined): string {
	if (!next || !next.startsWith('/') || next.startsWith('//') || next.includes('\\')) {
		return DEFAULT_NEXT;
	}
	try {
		const url = new URL(next, 'https://tessera.invalid');
		return url.origin === 'https://tessera.invalid'
			? url.pathname + url.search + url.hash
			: DEFAULT_NEXT;
	} catch {
		return DEFAULT_NEXT;
	}
}

export interface SignedIn {
	identity: Identity;
	/** The local identity's name on devnet; undefined with Internet Identity. */
	localName?: string;
}

export class SignInError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'SignInError';
	}
}

/** The session as the browser keeps it. */
export interface SessionService {
	readonly method: AppConfig['signIn'];
	/** The session kept from before (a reload), if any. */
	restore(): Promise<SignedIn | undefined>;
	/** Internet Identity: opens II's window. Local: derives the identity from `localName`. */
	signIn(localName?: string): Promise<SignedIn>;
	signOut(): Promise<void>;
}

export function localSessionService(storage: Storage): SessionService {
	return {
		method: 'local',
		async restore() {
			const name = storage.getItem(LOCAL_IDENTITY_KEY);
			const checked = name === null ? undefined : checkLocalName(name);
			return checked?.ok
				? { identity: localIdentity(checked.value), localName: checked.value }
				: undefined;
		},
		async signIn(localName = '') {
			const checked = checkLocalName(localName);
			if (!checked.ok) throw new SignInError(LOCAL_NAME_MESSAGES[checked.error]);
			storage.setItem(LOCAL_IDENTITY_KEY, checked.value);
			return { identity: localIdentity(checked.value), localName: checked.value };
		},
		async signOut() {
			storage.removeItem(LOCAL_IDENTITY_KEY);
		}
	};
}

export function internetIdentitySessionService(
	settings: Pick<AppConfig, 'iiUrl' | 'derivationOrigin'>,
	createClient: () => Promise<AuthClient> = () =>
		AuthClient.create({ idleOptions: { disableIdle: true } })
): SessionService {
	let client: Promise<AuthClient> | undefined;
	const authClient = () => (client ??= createClient());
	return {
		method: 'internet-identity',
		async restore() {
			const auth = await authClient();
			return (await auth.isAuthenticated()) ? { identity: auth.getIdentity() } : undefined;
		},
		async signIn() {
			const auth = await authClient();
			await new Promise<void>((resolve, reject) => {
				void auth.login({
					identityProvider: settings.iiUrl,
					derivationOrigin: settings.derivationOrigin,
					maxTimeToLive: II_SESSION_NS,
					onSuccess: () => resolve(),
					onError: (reason) =>
						reject(
							new SignInError(
								reason === 'UserInterrupt'
									? 'The Internet Identity window was closed before sign-in finished. Try again.'
									: `Internet Identity did not sign you in (${reason ?? 'unknown reason'}). Try again.`
							)
						)
				});
			});
			return { identity: auth.getIdentity() };
		},
		async signOut() {
			await (await authClient()).logout();
		}
	};
}

/** The configured way to sign in. */
export function sessionService(settings: AppConfig = config): SessionService {
	return settings.signIn === 'local'
		? localSessionService(localStorage)
		: internetIdentitySessionService(settings);
}

/**
 * Paths that need a signed-in user; `/recover`, `/invite` and `/guardian/open` (a recovery link)
 * do not: they sign in in place, so the link's fragment stays.
 */
const PROTECTED_PREFIXES = ['/owner', '/guardian'];
const SIGNS_IN_IN_PLACE = ['/guardian/open'];

export function requiresSignIn(pathname: string): boolean {
	if (SIGNS_IN_IN_PLACE.includes(pathname.replace(/\/$/u, ''))) return false;
	return PROTECTED_PREFIXES.some(
		(prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`)
	);
}

/** The sign-in page, coming back to `url`'s path and query afterwards. */
export function signInPath(url: Pick<URL, 'pathname' | 'search'>): string {
	return `/signin?next=${encodeURIComponent(url.pathname + url.search)}`;
}
