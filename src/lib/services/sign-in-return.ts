// Sign-in comes back to the page it started from, fragment included. An invitation link keeps
// its secret in the fragment (`/invite#vault=..&secret=..`): browsers never send a fragment to a
// server, so the link to the sign-in page carries it in its own fragment, never in `next` (a
// query, which the server sees), and the sign-in page hands it back afterwards.
import { safeNext, signInPath } from './session';

/** The sign-in page's address for a visit to `url`: back to its path, query and fragment. */
export function signInHref(url: Pick<URL, 'pathname' | 'search' | 'hash'>): string {
	return signInPath(url) + url.hash;
}

/**
 * Where the sign-in page goes once signed in: `next` (a same-origin path, see safeNext) with
 * the fragment the sign-in page was opened with, if it has one.
 */
export function afterSignIn(next: string | null | undefined, hash: string): string {
	const target = safeNext(next);
	if (hash === '' || hash === '#') return target;
	const withoutHash = target.split('#')[0] ?? target;
	return withoutHash + (hash.startsWith('#') ? hash : `#${hash}`);
}
