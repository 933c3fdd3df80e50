import { describe, expect, it } from 'vitest';
import { describeInviteLinkError, inviteLink, parseInviteFragment } from './guardian-invite';

const secret = Uint8Array.from({ length: 32 }, (_, i) => (i * 37 + 250) % 256);

describe('invitation links', () => {
	it('round-trip: the link an owner builds parses back to the same vault and secret', () => {
		const link = inviteLink('https://tessera.example', { vaultId: 18446744073709551615n, secret });
		const url = new URL(link);
		expect(url.pathname).toBe('/invite');
		expect(url.search).toBe(''); // the secret never goes into the query string
		const parsed = parseInviteFragment(url.hash);
		expect(parsed).toEqual({ ok: true, value: { vaultId: 18446744073709551615n, secret } });
	});

	it('accepts the fragment with or without #', () => {
		const hash = new URL(inviteLink('http://x', { vaultId: 3n, secret })).hash;
		expect(parseInviteFragment(hash.slice(1))).toEqual(parseInviteFragment(hash));
	});

	it.each([
		['', { kind: 'missing', field: 'vault' }],
		['#secret=AAAAAAAAAAAAAAAAAAAAAA', { kind: 'missing', field: 'vault' }],
		['#vault=1', { kind: 'missing', field: 'secret' }],
		['#vault=abc&secret=AAAAAAAAAAAAAAAAAAAAAA', { kind: 'malformed', field: 'vault' }],
		['#vault=-1&secret=AAAAAAAAAAAAAAAAAAAAAA', { kind: 'malformed', field: 'vault' }],
		[
			'#vault=18446744073709551616&secret=AAAAAAAAAAAAAAAAAAAAAA',
			{ kind: 'malformed', field: 'vault' }
		],
		['#vault=1&secret=AAAA', { kind: 'malformed', field: 'secret' }], // 3 bytes: too short
		['#vault=1&secret=' + 'A'.repeat(90), { kind: 'malformed', field: 'secret' }], // 67 bytes
		['#vault=1&secret=AAAAAAAAAAAA+AAAAAAAAA', { kind: 'malformed', field: 'secret' }], // not base64url
		['#vault=1&secret=AAAAAAAAAAAAAAAAAAAAA', { kind: 'malformed', field: 'secret' }] // bad length
	])('%s is refused as %o', (fragment, error) => {
		const parsed = parseInviteFragment(fragment);
		expect(parsed).toEqual({ ok: false, error });
		if (!parsed.ok) expect(describeInviteLinkError(parsed.error)).toMatch(/ask the owner/iu);
	});
});
