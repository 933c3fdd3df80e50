// Sign-in, the same on devnet, dfx and mainnet: Internet Identity through @dfinity/auth-client,
// which opens II's window at the configured URL (on devnet the local II window that `npm start`
// serves) and keeps the session's delegation in IndexedDB, so a new tab stays signed in.
import type { Identity } from '@dfinity/agent';
import { AuthClient } from '@dfinity/auth-client';
import { config, type AppConfig } from '../config';

/** II delegations last 8 hours: long enough to set up a vault, short for a lost laptop. */
export const II_SESSION_NS = 8n * 3_600n * 1_000_000_000n;
export const DEFAULT_NEXT = '/owner';

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
}

export const NO_II_MESSAGE =
	'This build names no Internet Identity to sign in with (VITE_II_URL). Start Tessera with `npm start`: it serves the local Internet Identity window and builds the app for it.';

export class SignInError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'SignInError';
	}
}

/** The session as the browser keeps it. */
export interface SessionService {
	/** The session kept from before (a reload), if any. */
	restore(): Promise<SignedIn | undefined>;
	/** Opens II's window; resolves once II has signed the session in. */
	signIn(): Promise<SignedIn>;
	signOut(): Promise<void>;
}

export function internetIdentitySessionService(
	settings: Pick<AppConfig, 'iiUrl' | 'derivationOrigin'>,
	createClient: () => Promise<AuthClient> = () =>
		AuthClient.create({ idleOptions: { disableIdle: true } })
): SessionService {
	let client: Promise<AuthClient> | undefined;
	const authClient = () => (client ??= createClient());
	return {
		async restore() {
			const auth = await authClient();
			return (await auth.isAuthenticated()) ? { identity: auth.getIdentity() } : undefined;
		},
		async signIn() {
			// auth-client would fall back to identity.ic0.app: a build without II says so instead
			if (!settings.iiUrl) throw new SignInError(NO_II_MESSAGE);
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

/** This build's sign-in. */
export function sessionService(settings: AppConfig = config): SessionService {
	return internetIdentitySessionService(settings);
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
