// The anchor watch's schedule and records (pure; the canister adapter is not built yet).
import { sha256 } from '@noble/hashes/sha2';
import { describe, expect, test } from 'vitest';
import {
	ANCHOR_WATCH,
	plan,
	record,
	TICKS_PER_PERIOD,
	type AnchorCredentialsSeen
} from '../../../canister/vault/domain/anchor-watch';

const key = (n: number) => new Uint8Array(32).fill(n);
const phraseKey = key(1);
const passkey = key(9);
const protectedPhrase: AnchorCredentialsSeen = {
	phrases: [{ key: phraseKey, protected: true }],
	others: [passkey]
};

describe('anchor watch schedule', () => {
	test('10,000 vaults are each checked within one period, no tick over its bound', () => {
		const vaults = 10_000;
		const checked = new Uint32Array(vaults);
		let cursor = 0;
		let largestTick = 0;
		for (let tick = 0; tick < TICKS_PER_PERIOD; tick++) {
			const { positions, next } = plan(vaults, cursor);
			largestTick = Math.max(largestTick, positions.length);
			positions.forEach((p) => (checked[p] = (checked[p] as number) + 1));
			cursor = next;
		}
		expect(TICKS_PER_PERIOD).toBe(288);
		expect(largestTick).toBe(35); // ceil(10,000 / 288)
		expect(largestTick).toBeLessThanOrEqual(ANCHOR_WATCH.maxChecksPerTick);
		expect(checked.every((count) => count >= 1)).toBe(true);
	});

	test('few vaults: one a tick, none twice in a tick; none: nothing', () => {
		expect(plan(3, 2)).toEqual({ positions: [2], next: 0 });
		expect(plan(0, 5)).toEqual({ positions: [], next: 0 });
		const { positions } = plan(1_000_000, 999_990);
		expect(positions).toHaveLength(ANCHOR_WATCH.maxChecksPerTick);
		expect(new Set(positions).size).toBe(positions.length);
	});
});

describe('anchor watch records', () => {
	test('present and protected; then replaced; then found again', () => {
		const first = record(undefined, phraseKey, protectedPhrase, 10n, sha256);
		expect(first).toMatchObject({ phrasePresent: true, phraseProtected: true, checkedAt: 10n });
		expect(first.credentialsChangedAt).toBeUndefined();

		const replaced = { phrases: [{ key: key(2), protected: true }], others: [passkey] };
		const second = record(first, phraseKey, replaced, 20n, sha256);
		expect(second).toMatchObject({
			phrasePresent: false,
			phraseProtected: false,
			phraseMissingSince: 20n,
			credentialsChangedAt: 20n
		});
		const third = record(second, phraseKey, replaced, 30n, sha256);
		expect(third.phraseMissingSince).toBe(20n);
		expect(third.credentialsChangedAt).toBe(20n);

		const back = record(third, phraseKey, protectedPhrase, 40n, sha256);
		expect(back.phraseMissingSince).toBeUndefined();
		expect(back.phrasePresent).toBe(true);
	});

	test('unprotecting the phrase is recorded, and changes the digest', () => {
		const first = record(undefined, phraseKey, protectedPhrase, 10n, sha256);
		const unprotected = { phrases: [{ key: phraseKey, protected: false }], others: [passkey] };
		const second = record(first, phraseKey, unprotected, 20n, sha256);
		expect(second).toMatchObject({
			phrasePresent: true,
			phraseProtected: false,
			unprotectedSince: 20n,
			credentialsChangedAt: 20n
		});
	});

	test('a new passkey changes the digest only; the order of credentials does not', () => {
		const first = record(undefined, phraseKey, protectedPhrase, 10n, sha256);
		const reordered = { ...protectedPhrase, others: [passkey] };
		expect(record(first, phraseKey, reordered, 20n, sha256).credentialsChangedAt).toBeUndefined();
		const added = { ...protectedPhrase, others: [key(7), passkey] };
		const second = record(first, phraseKey, added, 30n, sha256);
		expect(second).toMatchObject({
			phrasePresent: true,
			phraseProtected: true,
			credentialsChangedAt: 30n
		});
		const swapped = { ...protectedPhrase, others: [passkey, key(7)] };
		expect(record(second, phraseKey, swapped, 40n, sha256).credentialsChangedAt).toBe(30n);
	});
});
