// Stored bytes per vault, record encodings (round trip, strictness) and what happens when a
// stored record is corrupt.
import { Principal } from '@dfinity/principal';
import { randomBytes } from '@noble/hashes/utils';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	appendAuditEvent,
	decodeAuditLog,
	decodeRequest,
	decodeVault,
	encodeAuditLog,
	encodeRequest,
	encodeVault
} from '../../../canister/vault/domain/record-codec';
import { AUDIT_KINDS, type AuditEvent } from '@tessera/contract/vault';
import {
	InvariantError,
	LIMITS,
	MEMORY_IDS,
	STORE_NAMES,
	storedBytes,
	type RequestRecord,
	type VaultRecord
} from '../../../canister/vault/domain/index';
import { err, newPrincipal, ok, World } from './world';

const auditEvent: fc.Arbitrary<AuditEvent> = fc.record({
	kind: fc.constantFrom(...AUDIT_KINDS),
	at: fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }),
	index: fc.nat(255),
	ref: fc.bigInt({ min: 0n, max: 2n ** 64n - 1n })
});

/** The bound docs/storage.md states for one vault with n = 5 and its requests at their maximum. */
const LIMITS_BYTES_PER_VAULT = 16 * 1024;

describe('storage', () => {
	it('appendAuditEvent writes what decode, append, keep the newest, encode writes', () => {
		fc.assert(
			fc.property(
				fc.option(fc.array(auditEvent, { maxLength: 40 }), { nil: undefined }),
				auditEvent,
				fc.integer({ min: 1, max: 40 }),
				(events, event, max) => {
					const log = events && encodeAuditLog(events);
					const expected = encodeAuditLog([...(events ?? []), event].slice(-max));
					expect(appendAuditEvent(log, event, max)).toEqual(expected);
					expect(decodeAuditLog(appendAuditEvent(log, event, max)).at(-1)).toEqual(event);
				}
			),
			{ numRuns: 300 }
		);
	});

	it('appendAuditEvent refuses a log of another version or length (InvariantError)', () => {
		const event: AuditEvent = { kind: 'sealed', at: 1n, index: 0, ref: 0n };
		const log = encodeAuditLog([event, event]);
		const wrongVersion = Uint8Array.from(log, (b, i) => (i === 0 ? 9 : b));
		expect(() => appendAuditEvent(wrongVersion, event, 32)).toThrow(InvariantError);
		expect(() => appendAuditEvent(log.slice(0, -1), event, 32)).toThrow(InvariantError);
		expect(() => appendAuditEvent(new Uint8Array(), event, 32)).toThrow(InvariantError);
	});

	it('a vault with n = 5 in its heaviest state (5 live requests, all approved) fits in 16 KiB', () => {
		const w = World.sealed(5, 3);
		// Every share holder sponsors one request (the most a vault stores), every guardian
		// approves every one of them, the owner raises the alarm on each.
		const requests = [0, 1, 2, 3, 4].map((sponsor) => w.openAs(sponsor, newPrincipal()));
		for (const requestId of requests) {
			for (let i = 0; i < 5; i++)
				w.approve(i, requestId, randomBytes(LIMITS.maxShareCiphertextBytes));
			ok(w.domain.raiseAlarm(w.owner, w.now, { requestId }));
		}
		// Fill the audit log to its bound with check-ins.
		const logLength = () => ok(w.domain.auditLog(w.owner, w.now, { vaultId: w.vaultId })).length;
		for (let round = 0n; logLength() < LIMITS.maxAuditEvents; round++) {
			for (let i = 0; i < 5; i++) ok(w.checkIn(i, round));
		}
		const sizes = storedBytes(w.stores);
		const total = Object.values(sizes).reduce((a, b) => a + b, 0);
		console.log(
			`bytes per vault (n = 5, m = 3, 5 live requests x 5 approvals of 320 B, full audit log): ${total} B`
		);
		console.log(`  by store: ${JSON.stringify(sizes)}`);
		expect(total).toBeLessThanOrEqual(LIMITS_BYTES_PER_VAULT);
		expect(sizes.auditLogs).toBeGreaterThan(0);
	});

	it('memory ids are distinct and cover every store', () => {
		const ids = Object.values(MEMORY_IDS);
		expect(new Set(ids).size).toBe(ids.length);
		expect(Object.keys(MEMORY_IDS).sort()).toEqual([...STORE_NAMES].sort());
		ids.forEach((id) => expect(id).toBeLessThanOrEqual(253));
	});

	const principal = fc
		.uint8Array({ minLength: 0, maxLength: 29 })
		.map((bytes) => Principal.fromUint8Array(bytes));
	const u64 = fc.bigInt({ min: 0n, max: (1n << 64n) - 1n });
	const bytes = (n: number) => fc.uint8Array({ minLength: n, maxLength: n });
	const slot = fc.oneof(
		fc.record({
			state: fc.constant('invited' as const),
			label: fc.string({ maxLength: 8 }),
			inviteHash: bytes(32),
			inviteExpiresAt: u64
		}),
		fc.record({
			state: fc.constant('accepted' as const),
			label: fc.string({ maxLength: 8 }),
			inviteHash: bytes(32),
			guardian: principal,
			acceptedAt: u64
		})
	);
	const share = fc.record({
		guardian: principal,
		ciphertext: fc.uint8Array({ maxLength: 320 }),
		checkPrincipal: principal,
		checkInNonce: u64,
		lastCheckInAt: u64,
		commitment: bytes(32)
	});
	const vault: fc.Arbitrary<VaultRecord> = fc.record({
		id: u64,
		anchor: u64,
		owner: principal,
		phrasePrincipal: principal,
		createdAt: u64,
		nonce: u64,
		delayNs: u64,
		slots: fc.array(slot, { maxLength: 10 }),
		seal: fc.option(
			fc.record({
				threshold: fc.integer({ min: 0, max: 10 }),
				commitment: bytes(32),
				sealedAt: u64,
				shares: fc.array(share, { maxLength: 10 })
			}),
			{ nil: undefined }
		),
		ownerName: fc.string({ maxLength: 8 }),
		confirmed: fc.boolean(),
		requestIds: fc.array(u64, { maxLength: 10 })
	});
	const vote = fc.record({ shareIndex: fc.integer({ min: 0, max: 9 }), at: u64 });
	const request: fc.Arbitrary<RequestRecord> = fc.record({
		id: u64,
		vaultId: u64,
		requester: principal,
		sponsor: principal,
		openedAt: u64,
		releasableAt: u64,
		expiresAt: u64,
		threshold: fc.integer({ min: 0, max: 10 }),
		guardianCount: fc.integer({ min: 0, max: 10 }),
		status: fc.constantFrom(
			'open' as const,
			'released' as const,
			'failed' as const,
			'cancelled' as const
		),
		closedAt: u64,
		alarmAt: u64,
		releasedAt: u64,
		derivations: fc.integer({ min: 0, max: 255 }),
		approvals: fc.array(
			fc.record({
				shareIndex: fc.integer({ min: 0, max: 9 }),
				at: u64,
				ciphertext: fc.uint8Array({ maxLength: 320 })
			}),
			{ maxLength: 10 }
		),
		declines: fc.array(vote, { maxLength: 10 })
	});

	const comparable = (value: unknown) =>
		JSON.parse(
			JSON.stringify(value, (_, v: unknown) =>
				typeof v === 'bigint'
					? `n${v}`
					: v instanceof Uint8Array
						? Array.from(v)
						: v instanceof Principal
							? v.toText()
							: v
			)
		);

	it('property: vault and request records round-trip exactly', () => {
		fc.assert(
			fc.property(vault, (record) => {
				expect(comparable(decodeVault(encodeVault(record)))).toEqual(comparable(record));
			}),
			{ numRuns: 200 }
		);
		fc.assert(
			fc.property(request, (record) => {
				expect(comparable(decodeRequest(encodeRequest(record)))).toEqual(comparable(record));
			}),
			{ numRuns: 200 }
		);
	});

	it('property: any truncated or extended record is an InvariantError', () => {
		fc.assert(
			fc.property(vault, fc.integer({ min: 1, max: 40 }), (record, cut) => {
				const encoded = encodeVault(record);
				const truncated = encoded.slice(0, Math.max(0, encoded.length - cut));
				expect(() => decodeVault(truncated)).toThrow(InvariantError);
				const extended = new Uint8Array([...encoded, 0]);
				expect(() => decodeVault(extended)).toThrow(InvariantError);
			}),
			{ numRuns: 100 }
		);
	});

	it('an unknown record version is an InvariantError', () => {
		const w = World.sealed();
		const stored = w.stores.vaults.get(w.vaultId) as Uint8Array;
		const future = stored.slice();
		future[0] = 4;
		expect(() => decodeVault(future)).toThrow(/version 4/);
	});

	it('a corrupt record makes the call throw (adapter traps) and nothing is written', () => {
		const w = World.sealed();
		const stored = w.stores.vaults.get(w.vaultId) as Uint8Array;
		w.stores.vaults.insert(w.vaultId, stored.slice(0, 20));
		const before = w.digest();
		const args = { vaultId: w.vaultId, requester: w.requester };
		expect(() => w.domain.openRecovery(w.guardian(0), w.now, args)).toThrow(InvariantError);
		expect(w.digest()).toBe(before);
		// Other vaults keep working.
		const other = World.sealed(3, 2, 77n, w);
		other.open();
		err(w.release(12345n), 'NotFound');
	});

	it('shares keep their exact bytes through seal, approval and release', () => {
		const w = World.sealed(3, 2).open();
		const reEncrypted = [randomBytes(186), randomBytes(200)];
		reEncrypted.forEach((ciphertext, i) =>
			ok(w.domain.approveRecovery(w.guardian(i), w.now, { requestId: w.requestId, ciphertext }))
		);
		w.advance(LIMITS.defaultDelayNs);
		const released = ok(w.release());
		expect(released.approvals.map((s) => s.ciphertext)).toEqual(reEncrypted);
	});
});
