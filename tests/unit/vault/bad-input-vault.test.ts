// Bad input to the vault lifecycle: typed error, state digest unchanged.
import { Principal } from '@dfinity/principal';
import { randomBytes } from '@noble/hashes/utils';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inviteHash, LIMITS } from '../../../canister/vault/domain/index';
import {
	accepted,
	created,
	createWith,
	createWithInvites,
	expectRefused,
	fresh,
	label,
	sealed,
	sealWith,
	U64_MAX,
	updateGuardians,
	type Case
} from './bad-input-cases';
import { newPrincipal, ok } from './world';

const CASES: Case[] = [
	// create-vault
	{
		name: 'anonymous create',
		world: fresh,
		call: (w) => w.domain.createVault(Principal.anonymous(), w.now, w.createArgs()),
		kind: 'AnonymousCaller'
	},
	{
		name: 'anchor above u64',
		world: fresh,
		call: createWith(() => ({ anchor: U64_MAX + 1n })),
		kind: 'InvalidInput'
	},
	{
		name: 'negative anchor',
		world: fresh,
		call: createWith(() => ({ anchor: -1n })),
		kind: 'InvalidInput'
	},
	{
		name: 'phrase key 31 bytes',
		world: fresh,
		call: createWith((a) => ({ phraseKey: a.phraseKey.slice(1) })),
		kind: 'InvalidInput'
	},
	{
		name: 'delay below minimum',
		world: fresh,
		call: createWith(() => ({ delayNs: LIMITS.minDelayNs - 1n })),
		kind: 'InvalidInput'
	},
	{
		name: 'delay above maximum',
		world: fresh,
		call: createWith(() => ({ delayNs: LIMITS.maxDelayNs + 1n })),
		kind: 'InvalidInput'
	},
	{
		name: 'one guardian',
		world: fresh,
		call: createWithInvites((w) => w.invites().slice(0, 1)),
		kind: 'InvalidInput'
	},
	{
		name: 'eleven guardians',
		world: fresh,
		call: createWithInvites(() =>
			Array.from({ length: 11 }, (_, i) => ({ label: `G${i}`, inviteHash: randomBytes(32) }))
		),
		kind: 'InvalidInput'
	},
	{ name: 'empty label', world: fresh, call: createWithInvites(label('')), kind: 'InvalidInput' },
	{
		name: 'blank label',
		world: fresh,
		call: createWithInvites(label('   ')),
		kind: 'InvalidInput'
	},
	{
		name: 'label over 32 bytes',
		world: fresh,
		call: createWithInvites(label('é'.repeat(17))),
		kind: 'InvalidInput'
	},
	{
		name: 'label with newline',
		world: fresh,
		call: createWithInvites(label('a\nb')),
		kind: 'InvalidInput'
	},
	{
		name: 'label with NUL',
		world: fresh,
		call: createWithInvites(label('a\u0000')),
		kind: 'InvalidInput'
	},
	{
		name: 'label with leading space',
		world: fresh,
		call: createWithInvites(label(' Bob')),
		kind: 'InvalidInput'
	},
	{
		name: 'invite hash 31 bytes',
		world: fresh,
		call: createWithInvites((w) =>
			w.invites().map((v, i) => (i ? v : { ...v, inviteHash: v.inviteHash.slice(1) }))
		),
		kind: 'InvalidInput'
	},
	{
		name: 'duplicate invite hashes',
		world: fresh,
		call: createWithInvites((w) =>
			w.invites().map((v) => ({ ...v, inviteHash: w.invites()[0]!.inviteHash }))
		),
		kind: 'InvalidInput'
	},
	{
		name: 'phrase key not on the anchor (squatting)',
		world: fresh,
		call: createWith(() => ({ anchorPhraseKeys: [randomBytes(32)] })),
		kind: 'PhraseKeyNotOnAnchor'
	},
	{
		name: 'anchor reports no phrase key',
		world: fresh,
		call: createWith(() => ({ anchorPhraseKeys: [] })),
		kind: 'PhraseKeyNotOnAnchor'
	},
	{
		name: 'more anchor keys than devices',
		world: fresh,
		call: createWith((a) => ({ anchorPhraseKeys: Array(11).fill(a.phraseKey) })),
		kind: 'InvalidInput'
	},
	{
		name: 'anchor already has a vault',
		world: created,
		call: (w) => w.domain.createVault(w.phraseIdentity, w.now, w.createArgs({ nonce: 1n })),
		kind: 'AnchorHasVault'
	},
	// invitations
	{
		name: 'secret too short',
		world: created,
		call: (w) =>
			w.domain.acceptInvite(w.guardian(0), w.now, {
				vaultId: w.vaultId,
				secret: new Uint8Array(15)
			}),
		kind: 'InvalidInput'
	},
	{
		name: 'secret too long',
		world: created,
		call: (w) =>
			w.domain.acceptInvite(w.guardian(0), w.now, {
				vaultId: w.vaultId,
				secret: new Uint8Array(65)
			}),
		kind: 'InvalidInput'
	},
	{
		name: 'wrong secret',
		world: created,
		call: (w) =>
			w.domain.acceptInvite(w.guardian(0), w.now, { vaultId: w.vaultId, secret: randomBytes(32) }),
		kind: 'InviteNotFound'
	},
	{
		name: 'wrong vault',
		world: created,
		call: (w) =>
			w.domain.acceptInvite(w.guardian(0), w.now, {
				vaultId: w.vaultId + 1n,
				secret: w.secrets[0]!
			}),
		kind: 'NotFound'
	},
	{
		name: 'expired invite',
		world: created,
		call: (w) =>
			w.domain.acceptInvite(w.guardian(0), w.now + LIMITS.inviteValidityNs, {
				vaultId: w.vaultId,
				secret: w.secrets[0]!
			}),
		kind: 'InviteExpired'
	},
	{
		name: 'reused invite',
		world: accepted,
		call: (w) =>
			w.domain.acceptInvite(newPrincipal(), w.now, { vaultId: w.vaultId, secret: w.secrets[0]! }),
		kind: 'InviteUsed'
	},
	{
		name: 'owner as guardian',
		world: created,
		call: (w) =>
			w.domain.acceptInvite(w.owner, w.now, { vaultId: w.vaultId, secret: w.secrets[0]! }),
		kind: 'OwnerCannotGuard'
	},
	{
		name: 'already a guardian',
		world: () => {
			const w = created();
			ok(
				w.domain.acceptInvite(w.guardian(0), w.now, { vaultId: w.vaultId, secret: w.secrets[0]! })
			);
			return w;
		},
		call: (w) =>
			w.domain.acceptInvite(w.guardian(0), w.now, { vaultId: w.vaultId, secret: w.secrets[1]! }),
		kind: 'AlreadyGuardian'
	},
	// update guardians
	{
		name: 'keep index out of range',
		world: sealed,
		call: updateGuardians([{ keep: 0 }, { keep: 3 }]),
		kind: 'InvalidInput'
	},
	{
		name: 'keep index negative',
		world: sealed,
		call: updateGuardians([{ keep: 0 }, { keep: -1 }]),
		kind: 'InvalidInput'
	},
	{
		name: 'slot kept twice',
		world: sealed,
		call: updateGuardians([{ keep: 0 }, { keep: 0 }]),
		kind: 'InvalidInput'
	},
	{ name: 'one slot', world: sealed, call: updateGuardians([{ keep: 0 }]), kind: 'InvalidInput' },
	{
		name: 'new invite with a bad label',
		world: sealed,
		call: updateGuardians([{ keep: 0 }, { invite: { label: '', inviteHash: randomBytes(32) } }]),
		kind: 'InvalidInput'
	},
	{
		name: 'new invite repeating a kept hash',
		world: sealed,
		call: (w) =>
			updateGuardians([
				{ keep: 0 },
				{ invite: { label: 'X', inviteHash: inviteHash(w.secrets[0]!) } }
			])(w),
		kind: 'InvalidInput'
	},
	// seal
	{
		name: 'seal before all accepted',
		world: created,
		call: (w) => w.domain.seal(w.phraseIdentity, w.now, { ...w.sealArgs(2), shares: [] }),
		kind: 'NotAllAccepted'
	},
	{ name: 'threshold 1', world: accepted, call: sealWith(() => ({}), 1), kind: 'InvalidInput' },
	{
		name: 'threshold above n',
		world: accepted,
		call: sealWith(() => ({}), 4),
		kind: 'InvalidInput'
	},
	{
		name: 'threshold not an integer',
		world: accepted,
		call: sealWith(() => ({}), 2.5),
		kind: 'InvalidInput'
	},
	{
		name: 'commitment 31 bytes',
		world: accepted,
		call: sealWith((a) => ({ commitment: a.commitment.slice(1) })),
		kind: 'InvalidInput'
	},
	{
		name: 'one share missing',
		world: accepted,
		call: sealWith((a) => ({ shares: a.shares.slice(1) })),
		kind: 'InvalidInput'
	},
	{
		name: 'share ciphertext too small',
		world: accepted,
		call: sealWith((a) => ({
			shares: a.shares.map((s) => ({ ...s, ciphertext: new Uint8Array(136) }))
		})),
		kind: 'InvalidInput'
	},
	{
		name: 'share ciphertext too large',
		world: accepted,
		call: sealWith((a) => ({
			shares: a.shares.map((s) => ({
				...s,
				ciphertext: new Uint8Array(LIMITS.maxShareCiphertextBytes + 1)
			}))
		})),
		kind: 'InvalidInput'
	},
	{
		name: 'check principal not self-authenticating (opaque)',
		world: accepted,
		call: sealWith((a) => ({
			shares: a.shares.map((s, i) => ({
				...s,
				// An opaque id (tag 0x01, like a canister's): no key stands behind it.
				checkPrincipal:
					i === 0 ? Principal.fromText('rrkah-fqaaa-aaaaa-aaaaq-cai') : s.checkPrincipal
			}))
		})),
		kind: 'InvalidInput'
	},
	{
		name: 'check principal anonymous',
		world: accepted,
		call: sealWith((a) => ({
			shares: a.shares.map((s) => ({ ...s, checkPrincipal: Principal.anonymous() }))
		})),
		kind: 'InvalidInput'
	},
	{
		name: 'check principal of 28 bytes ending in 0x02',
		world: accepted,
		call: sealWith((a) => ({
			shares: a.shares.map((s) => ({
				...s,
				checkPrincipal: Principal.fromUint8Array(s.checkPrincipal.toUint8Array().slice(1))
			}))
		})),
		kind: 'InvalidInput'
	},
	{
		name: 'two shares with the same check principal',
		world: accepted,
		call: sealWith((a) => ({
			shares: a.shares.map((s) => ({ ...s, checkPrincipal: a.shares[0]!.checkPrincipal }))
		})),
		kind: 'InvalidInput'
	},
	{
		name: 'seal of an unknown vault',
		world: accepted,
		call: (w) => w.domain.seal(w.phraseIdentity, w.now, { ...w.sealArgs(2), vaultId: 99n }),
		kind: 'NotFound'
	}
];

describe('bad input (vaults): typed error, nothing changes', () => {
	for (const c of CASES) it(c.name, () => expectRefused(c));

	it('property: arbitrary labels are stored only when valid, else refused without change', () => {
		fc.assert(
			fc.property(fc.string({ maxLength: 40, unit: 'binary' }), (text) => {
				const w = fresh();
				const before = w.digest();
				const result = createWithInvites(label(text))(w);
				const bytes = new TextEncoder().encode(text).length;
				const valid =
					text.trim() === text &&
					text.length > 0 &&
					bytes <= 32 &&
					// eslint-disable-next-line no-control-regex
					!/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(text) &&
					!/\p{Cf}/u.test(text) && // format characters: bidi controls, zero-width
					text.normalize('NFC') === text; // e.g. U+F900 is not NFC (it becomes U+8C48)
				expect(result.ok).toBe(valid);
				if (!result.ok) expect(w.digest()).toBe(before);
			}),
			// kept: a CJK compatibility ideograph (not NFC) and a zero-width space (format character)
			{ numRuns: 60, examples: [['\uF900'], ['a\u200Bb']] }
		);
	}, 30_000);
});
