// The authorization matrix: every update method x every role. A role the table allows must
// succeed; every other role must get an authorization error and change nothing.
import { Principal } from '@dfinity/principal';
import { randomBytes } from '@noble/hashes/utils';
import { describe, expect, it } from 'vitest';
import {
	allowedRoles,
	AUTHORIZATION,
	LIMITS,
	ROLES,
	type DomainError,
	type Operation,
	type Result,
	type Role
} from '../../../canister/guardian/domain/index';
import { newKeyPair, type KeyPair } from './signing';
import { newPrincipal, ok, SHARE_CIPHERTEXT_BYTES, World } from './world';

type Scenario = 'fresh' | 'invited' | 'accepted' | 'settled' | 'open' | 'releasable';

/** Builds the state an operation needs, so only the caller's role decides the outcome. */
function build(scenario: Scenario): World {
	const w = new World(3);
	if (scenario === 'fresh') return w;
	w.create();
	if (scenario === 'invited') {
		// Every slot accepted except the last, whose secret the attempt uses.
		for (let i = 0; i < 2; i++) {
			ok(
				w.domain.acceptInvite(w.guardian(i), w.now, {
					vaultId: w.vaultId,
					secret: w.secrets[i] as Uint8Array
				})
			);
		}
		return w;
	}
	w.acceptAll();
	if (scenario === 'accepted') return w;
	w.seal(2).open();
	if (scenario === 'open') return w;
	w.approve(1).approve(2).advance(LIMITS.defaultDelayNs);
	if (scenario === 'releasable') return w;
	// settled: the requester's earlier request was released; the vault is idle and sealed.
	ok(w.domain.release(w.requester, w.now, { requestId: w.requestId }));
	return w;
}

interface Actor {
	principal: Principal;
	/** The Ed25519 key the actor can sign with: only phraseSigned holds the phrase key. */
	key: KeyPair;
}

function actor(w: World, role: Role): Actor {
	const own = { key: newKeyPair() };
	switch (role) {
		case 'anonymous':
			return { principal: Principal.anonymous(), ...own };
		case 'stranger':
		case 'controller': // the domain gives controllers no power: a controller is a stranger
			return { principal: newPrincipal(), ...own };
		case 'owner':
			return { principal: w.owner, ...own };
		case 'guardian':
			return { principal: w.guardian(0), key: w.checkKeys[0] as KeyPair };
		case 'requester':
			return { principal: w.requester, ...own };
		case 'phraseSigned':
			return { principal: newPrincipal(), key: w.phrase };
	}
}

type Attempt = (w: World, a: Actor) => Result<unknown>;

const ATTEMPTS: Record<Operation, { scenario: Scenario; attempt: Attempt }> = {
	createVault: {
		scenario: 'fresh',
		attempt: (w, a) => {
			const args = w.createArgs({ key: a.key }, a.principal);
			return w.domain.createVault(a.principal, w.now, args);
		}
	},
	updateGuardians: {
		scenario: 'settled',
		attempt: (w, a) => {
			const slots = [{ keep: 0 }, { keep: 1 }];
			const op = w.sign({ purpose: 'set_guardians', slots }, { key: a.key });
			return w.domain.updateGuardians(a.principal, w.now, { vaultId: w.vaultId, slots, op });
		}
	},
	acceptInvite: {
		scenario: 'invited',
		attempt: (w, a) =>
			w.domain.acceptInvite(a.principal, w.now, {
				vaultId: w.vaultId,
				secret: w.secrets[2] as Uint8Array
			})
	},
	seal: {
		scenario: 'accepted',
		attempt: (w, a) => w.domain.seal(a.principal, w.now, w.sealArgs(2, { key: a.key }))
	},
	setDelay: {
		scenario: 'settled',
		attempt: (w, a) => {
			const delayNs = LIMITS.minDelayNs;
			const op = w.sign({ purpose: 'set_policy', delayNs }, { key: a.key });
			return w.domain.setDelay(a.principal, w.now, { vaultId: w.vaultId, delayNs, op });
		}
	},
	deleteVault: {
		scenario: 'settled',
		attempt: (w, a) => {
			const op = w.sign({ purpose: 'delete_vault' }, { key: a.key });
			return w.domain.deleteVault(a.principal, w.now, { vaultId: w.vaultId, op });
		}
	},
	resign: {
		scenario: 'settled',
		attempt: (w, a) => w.domain.resign(a.principal, w.now, { vaultId: w.vaultId })
	},
	checkIn: {
		scenario: 'settled',
		attempt: (w, a) => w.domain.checkIn(a.principal, w.now, w.checkInArgs(0, { key: a.key }))
	},
	openRecovery: {
		scenario: 'settled',
		attempt: (w, a) => w.domain.openRecovery(a.principal, w.now, { anchor: w.anchor })
	},
	approveRecovery: {
		scenario: 'open',
		attempt: (w, a) =>
			w.domain.approveRecovery(a.principal, w.now, {
				requestId: w.requestId,
				ciphertext: randomBytes(SHARE_CIPHERTEXT_BYTES)
			})
	},
	declineRecovery: {
		scenario: 'open',
		attempt: (w, a) => w.domain.declineRecovery(a.principal, w.now, { requestId: w.requestId })
	},
	raiseAlarm: {
		scenario: 'open',
		attempt: (w, a) => w.domain.raiseAlarm(a.principal, w.now, { requestId: w.requestId })
	},
	cancelRecovery: {
		scenario: 'open',
		attempt: (w, a) => {
			const op = w.sign({ purpose: 'cancel_recovery', requestId: w.requestId }, { key: a.key });
			return w.domain.cancelRecovery(a.principal, w.now, { requestId: w.requestId, op });
		}
	},
	release: {
		scenario: 'releasable',
		attempt: (w, a) => w.domain.release(a.principal, w.now, { requestId: w.requestId })
	}
};

/** Errors that mean "not you": a denial must be one of these, not a broken scenario. */
const DENIALS: DomainError['kind'][] = [
	'AnonymousCaller',
	'Unauthorized',
	'BadSignature',
	'OwnerCannotGuard',
	'AlreadyGuardian'
];

describe('authorization matrix', () => {
	it('covers every operation of the table', () => {
		expect(Object.keys(ATTEMPTS).sort()).toEqual(Object.keys(AUTHORIZATION).sort());
	});

	const operations = Object.keys(AUTHORIZATION) as Operation[];
	for (const operation of operations) {
		const { rule } = AUTHORIZATION[operation];
		for (const role of ROLES) {
			const allowed = allowedRoles(rule).includes(role);
			it(`${operation} (${rule}) by ${role}: ${allowed ? 'allowed' : 'denied'}`, () => {
				const { scenario, attempt } = ATTEMPTS[operation];
				const w = build(scenario);
				const before = w.digest();
				const result = attempt(w, actor(w, role));
				if (allowed) {
					expect(result).toMatchObject({ ok: true });
					expect(w.digest()).not.toBe(before);
				} else {
					expect(result.ok).toBe(false);
					if (!result.ok) expect(DENIALS).toContain(result.error.kind);
					expect(w.digest()).toBe(before);
				}
			});
		}
	}
});

describe('query and vetKD authorization', () => {
	type Check = (w: World, a: Actor) => Result<unknown>;
	const QUERIES: { name: string; scenario: Scenario; allowed: Role[]; check: Check }[] = [
		{
			name: 'requestStatus',
			scenario: 'open',
			allowed: ['owner', 'guardian', 'requester'],
			check: (w, a) => w.domain.requestStatus(a.principal, w.now, { requestId: w.requestId })
		},
		{
			name: 'auditLog',
			scenario: 'open',
			allowed: ['owner', 'guardian'],
			check: (w, a) => w.domain.auditLog(a.principal, w.now, { vaultId: w.vaultId })
		},
		{
			name: 'authorizeSharesKey',
			scenario: 'settled',
			allowed: ['guardian'],
			check: (w, a) => w.domain.authorizeSharesKey(a.principal, w.now, undefined)
		},
		{
			name: 'authorizeReleaseKey',
			scenario: 'releasable',
			allowed: ['requester'],
			check: (w, a) => w.domain.authorizeReleaseKey(a.principal, w.now, { requestId: w.requestId })
		}
	];
	for (const query of QUERIES) {
		for (const role of ROLES) {
			const allowed = query.allowed.includes(role);
			it(`${query.name} by ${role}: ${allowed ? 'allowed' : 'denied'}`, () => {
				const w = build(query.scenario);
				const before = w.digest();
				const result = query.check(w, actor(w, role));
				expect(result.ok).toBe(allowed);
				if (!result.ok) expect(DENIALS).toContain(result.error.kind);
				expect(w.digest()).toBe(before);
			});
		}
	}

	it('the shares key is refused to a principal whose only tie is a pending invite', () => {
		const w = build('invited');
		expect(w.domain.authorizeSharesKey(w.guardian(2), w.now, undefined)).toMatchObject({
			ok: false,
			error: { kind: 'Unauthorized' }
		});
	});
});
