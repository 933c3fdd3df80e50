// Every bad input gets a typed error and leaves every stored byte as it was.
import { Principal } from '@dfinity/principal';
import { randomBytes } from '@noble/hashes/utils';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	inviteHash,
	LIMITS,
	type DomainError,
	type Result
} from '../../../canister/guardian/domain/index';
import { err, newPrincipal, ok, SHARE_CIPHERTEXT_BYTES, World } from './world';

const U64_MAX = (1n << 64n) - 1n;

interface Case {
	name: string;
	world: () => World;
	call: (w: World) => Result<unknown>;
	kind: DomainError['kind'];
}

const fresh = () => new World(3);
const created = () => new World(3).create();
const accepted = () => new World(3).create().acceptAll();
const sealed = () => World.sealed(3, 2);
const open = () => World.sealed(3, 2).open();

function createWith(patch: (args: ReturnType<World['createArgs']>, w: World) => object) {
	return (w: World) => {
		const args = w.createArgs();
		return w.domain.createVault(w.owner, w.now, { ...args, ...patch(args, w) });
	};
}

/** create-vault with its invites replaced (re-signed, so only the invites are wrong). */
function createWithInvites(invites: (w: World) => { label: string; inviteHash: Uint8Array }[]) {
	return (w: World) => {
		const list = invites(w);
		const delayNs = LIMITS.defaultDelayNs;
		const payload = {
			purpose: 'create-vault' as const,
			anchor: w.anchor,
			owner: w.owner,
			delayNs,
			invites: list
		};
		const proof = w.sign(payload, { vaultId: 0n, nonce: 0n });
		return w.domain.createVault(w.owner, w.now, {
			anchor: w.anchor,
			phraseKey: w.phrase.publicKey,
			delayNs,
			invites: list,
			proof
		});
	};
}

const label = (text: string) => (w: World) =>
	w.invites().map((invite, i) => (i === 0 ? { ...invite, label: text } : invite));

function sealWith(patch: (args: ReturnType<World['sealArgs']>) => object, threshold = 2) {
	return (w: World) => {
		const args = w.sealArgs(threshold);
		return w.domain.seal(w.owner, w.now, { ...args, ...patch(args) });
	};
}

function updateGuardians(slots: Parameters<World['domain']['updateGuardians']>[2]['slots']) {
	return (w: World) => {
		const op = w.sign({ purpose: 'update-guardians', slots });
		return w.domain.updateGuardians(w.owner, w.now, { vaultId: w.vaultId, slots, op });
	};
}

function approveWith(ciphertext: Uint8Array, requestId?: bigint) {
	return (w: World) =>
		w.domain.approveRecovery(w.guardian(0), w.now, {
			requestId: requestId ?? w.requestId,
			ciphertext
		});
}

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
		name: 'anchor already has a vault',
		world: created,
		call: (w) => w.domain.createVault(newPrincipal(), w.now, w.createArgs()),
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
	{
		name: 'rotation during a recovery',
		world: open,
		call: updateGuardians([{ keep: 0 }, { keep: 1 }]),
		kind: 'RecoveryActive'
	},
	// seal
	{
		name: 'seal before all accepted',
		world: created,
		call: (w) => w.domain.seal(w.owner, w.now, { ...w.sealArgs(2), shares: [] }),
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
		name: 'check key 31 bytes',
		world: accepted,
		call: sealWith((a) => ({
			shares: a.shares.map((s) => ({ ...s, checkKey: s.checkKey.slice(1) }))
		})),
		kind: 'InvalidInput'
	},
	{
		name: 'reseal during a recovery',
		world: open,
		call: (w) => w.domain.seal(w.owner, w.now, w.sealArgs(2)),
		kind: 'RecoveryActive'
	},
	{
		name: 'seal of an unknown vault',
		world: accepted,
		call: (w) => w.domain.seal(w.owner, w.now, { ...w.sealArgs(2), vaultId: 99n }),
		kind: 'NotFound'
	},
	// recovery
	{
		name: 'open: unknown anchor',
		world: sealed,
		call: (w) => w.domain.openRecovery(newPrincipal(), w.now, { anchor: 1n }),
		kind: 'NotFound'
	},
	{
		name: 'open: anchor above u64',
		world: sealed,
		call: (w) => w.domain.openRecovery(newPrincipal(), w.now, { anchor: U64_MAX + 1n }),
		kind: 'InvalidInput'
	},
	{
		name: 'open: vault not sealed',
		world: accepted,
		call: (w) => w.domain.openRecovery(newPrincipal(), w.now, { anchor: w.anchor }),
		kind: 'InvalidState'
	},
	{
		name: 'open: anonymous',
		world: sealed,
		call: (w) => w.domain.openRecovery(Principal.anonymous(), w.now, { anchor: w.anchor }),
		kind: 'AnonymousCaller'
	},
	{
		name: 'approve: ciphertext too small',
		world: open,
		call: approveWith(new Uint8Array(LIMITS.minShareCiphertextBytes - 1)),
		kind: 'InvalidInput'
	},
	{
		name: 'approve: ciphertext too large',
		world: open,
		call: approveWith(new Uint8Array(LIMITS.maxShareCiphertextBytes + 1)),
		kind: 'InvalidInput'
	},
	{
		name: 'approve: unknown request',
		world: open,
		call: approveWith(randomBytes(SHARE_CIPHERTEXT_BYTES), 999n),
		kind: 'NotFound'
	},
	{
		name: 'approve twice',
		world: () => open().approve(0),
		call: approveWith(randomBytes(SHARE_CIPHERTEXT_BYTES)),
		kind: 'AlreadyVoted'
	},
	{
		name: 'decline after approve',
		world: () => open().approve(0),
		call: (w) => w.domain.declineRecovery(w.guardian(0), w.now, { requestId: w.requestId }),
		kind: 'AlreadyVoted'
	},
	{
		name: 'alarm on a closed request',
		world: () => open().cancel(),
		call: (w) => w.domain.raiseAlarm(w.owner, w.now, { requestId: w.requestId }),
		kind: 'RequestClosed'
	},
	{
		name: 'release of an unknown request',
		world: open,
		call: (w) => w.domain.release(w.requester, w.now, { requestId: 42n }),
		kind: 'NotFound'
	},
	{
		name: 'release without approvals',
		world: open,
		call: (w) =>
			w.domain.release(w.requester, w.now + LIMITS.defaultDelayNs, { requestId: w.requestId }),
		kind: 'NotReleasable'
	},
	{
		name: 'resign during a recovery',
		world: open,
		call: (w) => w.domain.resign(w.guardian(0), w.now, { vaultId: w.vaultId }),
		kind: 'RecoveryActive'
	},
	{
		name: 'set delay below minimum',
		world: sealed,
		call: (w) => {
			const delayNs = LIMITS.minDelayNs - 1n;
			return w.domain.setDelay(w.owner, w.now, {
				vaultId: w.vaultId,
				delayNs,
				op: w.sign({ purpose: 'set-delay', delayNs })
			});
		},
		kind: 'InvalidInput'
	}
];

describe('bad input: typed error, nothing changes', () => {
	for (const c of CASES) {
		it(c.name, () => {
			const w = c.world();
			const before = w.digest();
			err(c.call(w), c.kind);
			expect(w.digest()).toBe(before);
		});
	}

	it('property: any ciphertext length outside the bounds is refused without change', () => {
		const w = open();
		const before = w.digest();
		fc.assert(
			fc.property(
				fc.oneof(
					fc.integer({ min: 0, max: LIMITS.minShareCiphertextBytes - 1 }),
					fc.integer({ min: LIMITS.maxShareCiphertextBytes + 1, max: 4096 })
				),
				(length) => {
					err(approveWith(new Uint8Array(length))(w), 'InvalidInput');
					expect(w.digest()).toBe(before);
				}
			),
			{ numRuns: 50 }
		);
	}, 30_000);

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
					!/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(text);
				expect(result.ok).toBe(valid);
				if (!result.ok) expect(w.digest()).toBe(before);
			}),
			{ numRuns: 60 }
		);
	}, 30_000);
});
