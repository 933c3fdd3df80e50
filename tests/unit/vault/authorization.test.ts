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
} from '../../../canister/vault/domain/index';
import { newPrincipal, ok, SHARE_CIPHERTEXT_BYTES, World } from './world';

type Scenario =
	'fresh' | 'unconfirmed' | 'invited' | 'accepted' | 'sealed' | 'settled' | 'open' | 'releasable';

/** Builds the state an operation needs, so only the caller's role decides the outcome. */
function build(scenario: Scenario): World {
	const w = new World(3);
	if (scenario === 'fresh') return w;
	if (scenario === 'unconfirmed') return w.create({ confirm: false });
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
	w.seal(2);
	if (scenario === 'sealed') return w;
	// Opened by guardian 0 (the 'guardian' role below is also the sponsor).
	w.open();
	if (scenario === 'open') return w;
	w.approve(1).approve(2).advance(LIMITS.defaultDelayNs);
	if (scenario === 'releasable') return w;
	// settled: the requester's earlier request was released and its window is over; the vault
	// is idle and sealed.
	ok(w.release());
	w.advance(LIMITS.releaseWindowNs);
	return w;
}

function actor(w: World, role: Role): Principal {
	switch (role) {
		case 'anonymous':
			return Principal.anonymous();
		case 'stranger':
		case 'controller': // the domain gives controllers no power: a controller is a stranger
			return newPrincipal();
		case 'owner':
			return w.owner;
		case 'guardian':
			return w.guardian(0);
		case 'requester':
			return w.requester;
		case 'phraseIdentity':
			return w.phraseIdentity;
		case 'checkIdentity':
			return w.checkIdentity(0);
	}
}

type Attempt = (w: World, caller: Principal) => Result<unknown>;

const ATTEMPTS: Record<Operation, { scenario: Scenario; attempt: Attempt }> = {
	createVault: {
		scenario: 'fresh',
		attempt: (w, caller) => w.domain.createVault(caller, w.now, w.createArgs())
	},
	updateGuardians: {
		scenario: 'settled',
		attempt: (w, caller) => {
			const args = { vaultId: w.vaultId, nonce: w.vaultNonce(), slots: [{ keep: 0 }, { keep: 1 }] };
			return w.domain.updateGuardians(caller, w.now, args);
		}
	},
	acceptInvite: {
		scenario: 'invited',
		attempt: (w, caller) =>
			w.domain.acceptInvite(caller, w.now, {
				vaultId: w.vaultId,
				secret: w.secrets[2] as Uint8Array
			})
	},
	seal: {
		scenario: 'accepted',
		attempt: (w, caller) => w.domain.seal(caller, w.now, w.sealArgs(2))
	},
	setDelay: {
		scenario: 'settled',
		attempt: (w, caller) => w.setDelay(LIMITS.minDelayNs, caller)
	},
	deleteVault: {
		scenario: 'settled',
		attempt: (w, caller) =>
			w.domain.deleteVault(caller, w.now, { vaultId: w.vaultId, nonce: w.vaultNonce() })
	},
	resign: {
		scenario: 'settled',
		attempt: (w, caller) => w.domain.resign(caller, w.now, { vaultId: w.vaultId })
	},
	checkIn: {
		scenario: 'settled',
		attempt: (w, caller) => w.checkIn(0, 0n, caller)
	},
	confirmVault: {
		scenario: 'unconfirmed',
		attempt: (w, caller) => w.domain.confirmVault(caller, w.now, { vaultId: w.vaultId })
	},
	openRecovery: {
		scenario: 'sealed',
		attempt: (w, caller) =>
			w.domain.openRecovery(caller, w.now, { vaultId: w.vaultId, requester: w.requester })
	},
	approveRecovery: {
		scenario: 'open',
		attempt: (w, caller) =>
			w.domain.approveRecovery(caller, w.now, {
				requestId: w.requestId,
				ciphertext: randomBytes(SHARE_CIPHERTEXT_BYTES)
			})
	},
	declineRecovery: {
		scenario: 'open',
		attempt: (w, caller) => w.domain.declineRecovery(caller, w.now, { requestId: w.requestId })
	},
	raiseAlarm: {
		scenario: 'open',
		attempt: (w, caller) => w.domain.raiseAlarm(caller, w.now, { requestId: w.requestId })
	},
	cancelRecovery: {
		scenario: 'open',
		attempt: (w, caller) =>
			w.domain.cancelRecovery(caller, w.now, { requestId: w.requestId, nonce: w.vaultNonce() })
	},
	releaseRecovery: {
		scenario: 'releasable',
		attempt: (w, caller) => w.domain.releaseRecovery(caller, w.now, { requestId: w.requestId })
	},
	recoveryRequest: {
		scenario: 'open',
		attempt: (w, caller) => w.domain.recoveryRequest(caller, w.now, { requestId: w.requestId })
	},
	requesterRequests: {
		scenario: 'open',
		attempt: (w, caller) => w.domain.requesterRequests(caller, w.now, undefined)
	},
	sharesKey: {
		scenario: 'settled',
		attempt: (w, caller) => w.domain.authorizeSharesKey(caller, w.now, undefined)
	}
};

/** Operations that only read: allowed callers change nothing either. */
const READS: Operation[] = ['recoveryRequest', 'requesterRequests'];

/** Errors that mean "not you": a denial must be one of these, not a broken scenario. */
const DENIALS: DomainError['kind'][] = [
	'AnonymousCaller',
	'Unauthorized',
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
				const baseline = w.digest();
				const result = attempt(w, actor(w, role));
				if (allowed) {
					expect(result).toMatchObject({ ok: true });
					if (READS.includes(operation)) expect(w.digest()).toBe(baseline);
					else expect(w.digest()).not.toBe(baseline);
				} else {
					expect(result.ok).toBe(false);
					if (!result.ok) expect(DENIALS).toContain(result.error.kind);
					expect(w.digest()).toBe(baseline);
				}
			});
		}
	}
});

describe('query and vetKD authorization', () => {
	type Check = (w: World, caller: Principal) => Result<unknown>;
	const QUERIES: { name: string; scenario: Scenario; allowed: Role[]; check: Check }[] = [
		{
			name: 'auditLog',
			scenario: 'open',
			allowed: ['owner', 'guardian'],
			check: (w, caller) => w.domain.auditLog(caller, w.now, { vaultId: w.vaultId })
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
