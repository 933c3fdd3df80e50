import { describe, expect, it } from 'vitest';
import { inviteLink } from './invite-link';
import { afterSignIn, signInHref } from './sign-in-return';

const link = new URL(
	inviteLink('https://tessera.test', { vaultId: 7n, secret: new Uint8Array(32) })
);
const secret = link.hash.split('secret=')[1] ?? '';

describe('signing in and coming back', () => {
	it('carries an invitation’s fragment to the sign-in page in its fragment, never its query', () => {
		const href = new URL(signInHref(link), 'https://tessera.test');
		expect(href.pathname).toBe('/signin');
		expect(href.searchParams.get('next')).toBe('/invite');
		expect(href.search).not.toContain(secret);
		expect(href.hash).toBe(link.hash);
	});

	it('comes back to the page with that fragment after sign-in', () => {
		const href = new URL(signInHref(link), 'https://tessera.test');
		expect(afterSignIn(href.searchParams.get('next'), href.hash)).toBe(`/invite${link.hash}`);
	});

	it('a page without a fragment comes back as it was', () => {
		const page = new URL('https://tessera.test/recover?anchor=10000');
		expect(signInHref(page)).toBe('/signin?next=%2Frecover%3Fanchor%3D10000');
		expect(afterSignIn('/recover?anchor=10000', '')).toBe('/recover?anchor=10000');
		expect(afterSignIn('/guardian', '#')).toBe('/guardian');
	});

	it('the fragment never opens the way to another site', () => {
		expect(afterSignIn('https://evil.test/', link.hash)).toBe(`/owner${link.hash}`);
		expect(afterSignIn('//evil.test/', '')).toBe('/owner');
	});
});
