import { sha256 } from '@noble/hashes/sha2';
import { describe, expect, test } from 'vitest';
import {
	INVITE_SECRET_BYTES,
	fromBase64url,
	inviteHash,
	inviteLink,
	newInviteSecret,
	parseInviteFragment,
	toBase64url
} from './owner-invites';

describe('invitation links', () => {
	test('secrets are fresh random 32-byte values; the canister gets only their sha256', () => {
		const a = newInviteSecret();
		const b = newInviteSecret();
		expect(a.length).toBe(INVITE_SECRET_BYTES);
		expect(a).not.toEqual(b);
		expect(inviteHash(a)).toEqual(sha256(a));
	});

	test('the secret is only in the fragment, and the link parses back', () => {
		const secret = Uint8Array.from({ length: 32 }, (_, i) => 250 - i);
		const link = inviteLink('https://tessera.example', 42n, secret);
		const url = new URL(link);
		expect(url.origin + url.pathname).toBe('https://tessera.example/invite');
		expect(url.search).toBe('');
		expect(url.hash).toMatch(/^#vault=42&secret=[A-Za-z0-9_-]{43}$/u);
		expect(parseInviteFragment(url.hash)).toEqual({ vaultId: 42n, secret });
	});

	test('base64url round-trips every byte value without padding or + and /', () => {
		const all = Uint8Array.from({ length: 256 }, (_, i) => i);
		const text = toBase64url(all);
		expect(text).not.toMatch(/[+/=]/u);
		expect(fromBase64url(text)).toEqual(all);
		expect(fromBase64url('a+b/')).toBeUndefined();
		expect(fromBase64url('abcde')).toBeUndefined();
	});

	test.each([
		'',
		'#vault=42',
		'#secret=AAAAAAAAAAAAAAAAAAAAAA',
		'#vault=abc&secret=AAAAAAAAAAAAAAAAAAAAAA',
		'#vault=-1&secret=AAAAAAAAAAAAAAAAAAAAAA',
		'#vault=18446744073709551616&secret=AAAAAAAAAAAAAAAAAAAAAA',
		'#vault=1&secret=AAAA',
		'#vault=1&secret=not*base64'
	])('a broken fragment %j is refused', (fragment) => {
		expect(parseInviteFragment(fragment)).toBeUndefined();
	});
});
