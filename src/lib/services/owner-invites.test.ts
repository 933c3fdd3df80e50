import { sha256 } from '@noble/hashes/sha2';
import { describe, expect, test } from 'vitest';
import { base64url, fromBase64url, inviteLink, parseInviteFragment } from './invite-link';
import { INVITE_SECRET_BYTES, inviteHash, newInviteSecret } from './owner-invites';

describe('invitation secrets', () => {
	test('secrets are fresh random 32-byte values; the canister gets only their sha256', () => {
		const a = newInviteSecret();
		const b = newInviteSecret();
		expect(a.length).toBe(INVITE_SECRET_BYTES);
		expect(a).not.toEqual(b);
		expect(inviteHash(a)).toEqual(sha256(a));
	});

	test('a fresh secret fits the link format and parses back', () => {
		const secret = newInviteSecret();
		const link = new URL(inviteLink('https://tessera.example', { vaultId: 42n, secret }));
		expect(link.search).toBe('');
		expect(parseInviteFragment(link.hash)).toEqual({ ok: true, value: { vaultId: 42n, secret } });
	});

	test('base64url round-trips every byte value without padding or + and /', () => {
		const all = Uint8Array.from({ length: 256 }, (_, i) => i);
		const text = base64url(all);
		expect(text).not.toMatch(/[+/=]/u);
		expect(fromBase64url(text)).toEqual(all);
		expect(fromBase64url('a+b/')).toBeUndefined();
		expect(fromBase64url('abcde')).toBeUndefined();
	});
});
