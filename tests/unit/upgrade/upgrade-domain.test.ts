// The upgrade canister's rules without Azle: who may announce, cancel and install, the notice
// period, the argument check and the bounded history.
import { Ed25519KeyIdentity } from '@dfinity/identity';
import { Principal } from '@dfinity/principal';
import { sha256 } from '@noble/hashes/sha2';
import { describe, expect, test } from 'vitest';
import { LIMITS, NS_PER_DAY } from '@tessera/contract';
import { UPGRADE_LIMITS, UPGRADE_NOTICE_NS } from '@tessera/contract/upgrade';
import {
	MemoryAnnouncementStore,
	UpgradeDomain
} from '../../../canister/upgrade/domain/upgrade-domain';

const operator = Ed25519KeyIdentity.generate().getPrincipal();
const stranger = Ed25519KeyIdentity.generate().getPrincipal();
const target = Principal.fromText('aaaaa-aa');
const arg = new Uint8Array([1, 2, 3]);
const args = { moduleHash: new Uint8Array(32).fill(7), argHash: sha256(arg), summary: 'v1' };
const chunkHashes = [new Uint8Array(32)];

function domain() {
	return new UpgradeDomain(
		new MemoryAnnouncementStore(),
		() => ({ target, operators: [operator] }),
		sha256
	);
}

describe('upgrade domain', () => {
	test('the notice is the longest delay plus 7 days: 37 days', () => {
		expect(UPGRADE_NOTICE_NS).toBe(LIMITS.maxDelayNs + 7n * NS_PER_DAY);
		expect(UPGRADE_NOTICE_NS).toBe(37n * NS_PER_DAY);
	});

	test('init needs 1 to 5 operators, none anonymous', () => {
		const check = (operators: Principal[]) => UpgradeDomain.checkSettings({ target, operators }).ok;
		expect(check([])).toBe(false);
		expect(check([Principal.anonymous()])).toBe(false);
		expect(check(Array(UPGRADE_LIMITS.maxOperators + 1).fill(operator))).toBe(false);
		expect(check([operator])).toBe(true);
	});

	test('only an operator announces, with 32-byte hashes and a short summary; one at a time', () => {
		const d = domain();
		expect(d.announce(stranger, 0n, args)).toEqual({ ok: false, error: { NotOperator: null } });
		expect(d.announce(operator, 0n, { ...args, moduleHash: new Uint8Array(31) }).ok).toBe(false);
		expect(d.announce(operator, 0n, { ...args, summary: 'x'.repeat(501) }).ok).toBe(false);
		expect(d.announce(operator, 0n, { ...args, summary: 'a\u0007b' }).ok).toBe(false);
		const first = d.announce(operator, 5n, args);
		expect(first.ok && first.value.installableAt).toBe(5n + UPGRADE_NOTICE_NS);
		expect(d.announce(operator, 6n, args)).toEqual({
			ok: false,
			error: { AlreadyPending: { id: 0n } }
		});
	});

	test('install: operator only, after the notice, the announced argument, pending only', () => {
		const d = domain();
		const announced = d.announce(operator, 0n, args);
		if (!announced.ok) throw new Error('not announced');
		const id = announced.value.id;
		const at = announced.value.installableAt;
		expect(d.authorizeInstall(stranger, at, { id, arg, chunkHashes }).ok).toBe(false);
		expect(d.authorizeInstall(operator, at - 1n, { id, arg, chunkHashes })).toEqual({
			ok: false,
			error: { NoticeRunning: { installableAt: at } }
		});
		expect(d.authorizeInstall(operator, at, { id, arg: new Uint8Array([9]), chunkHashes })).toEqual(
			{ ok: false, error: { ArgumentMismatch: null } }
		);
		expect(d.authorizeInstall(operator, at, { id, arg, chunkHashes: [] }).ok).toBe(false);
		expect(d.authorizeInstall(operator, at, { id, arg, chunkHashes }).ok).toBe(true);
		d.markInstalled(id, at);
		expect(d.authorizeInstall(operator, at, { id, arg, chunkHashes })).toEqual({
			ok: false,
			error: { NotPending: { id } }
		});
	});

	test('a cancelled announcement cannot be installed and frees the slot', () => {
		const d = domain();
		const announced = d.announce(operator, 0n, args);
		if (!announced.ok) throw new Error('not announced');
		expect(d.cancel(stranger, 1n, 0n).ok).toBe(false);
		expect(d.cancel(operator, 1n, 0n).ok).toBe(true);
		expect(d.cancel(operator, 2n, 0n).ok).toBe(false);
		const later = announced.value.installableAt;
		expect(d.authorizeInstall(operator, later, { id: 0n, arg, chunkHashes }).ok).toBe(false);
		expect(d.announce(operator, 3n, args).ok).toBe(true);
		expect(d.pending()?.id).toBe(1n);
	});

	test('the history keeps the latest announcements, never dropping a pending one', () => {
		const d = domain();
		for (let i = 0; i < UPGRADE_LIMITS.maxHistory + 10; i++) {
			const announced = d.announce(operator, BigInt(i), args);
			if (!announced.ok) throw new Error('not announced');
			d.cancel(operator, BigInt(i), announced.value.id);
		}
		d.announce(operator, 1000n, args);
		const history = d.announcements();
		expect(history).toHaveLength(UPGRADE_LIMITS.maxHistory);
		expect(history.at(-1)?.state).toEqual({ Pending: null });
		expect(history[0]?.id).toBe(BigInt(UPGRADE_LIMITS.maxHistory + 11 - UPGRADE_LIMITS.maxHistory));
	});
});
