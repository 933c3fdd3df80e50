import { Ed25519KeyIdentity } from '@dfinity/identity';
import { describe, expect, test } from 'vitest';
import type {
	DeviceWithUsage as DeviceWithUsageValue,
	IdentityAnchorInfo as IdentityAnchorInfoValue
} from '@tessera/contract/internet-identity';

/** II's types say blob (Uint8Array); the agent may still hand over plain numbers. */
const numbers = (bytes: Iterable<number>) => Array.from(bytes) as unknown as Uint8Array;
import {
	dateFromNanos,
	describeAnchor,
	describeDevice,
	lockedPhraseUpdate,
	thisPhrase
} from './devices';
import { IiError } from './errors';

const der = (seed: number) =>
	new Uint8Array(Ed25519KeyIdentity.generate(new Uint8Array(32).fill(seed)).getPublicKey().toDer());
const phraseKey = der(1);
const passkeyKey = der(2);

const phrase = (protectedPhrase: boolean): DeviceWithUsageValue => ({
	pubkey: phraseKey,
	alias: 'Recovery phrase',
	credential_id: [],
	aaguid: [],
	purpose: { recovery: null },
	key_type: { seed_phrase: null },
	protection: protectedPhrase ? { protected: null } : { unprotected: null },
	origin: [],
	metadata: [[['note', { string: 'kept' }]]],
	last_usage: [1_700_000_000_123_456_789n]
});
const passkey: DeviceWithUsageValue = {
	pubkey: numbers(passkeyKey),
	alias: 'Phone',
	credential_id: [numbers([9, 9])],
	aaguid: [],
	purpose: { authentication: null },
	key_type: { platform: null },
	protection: { unprotected: null },
	origin: ['https://identity.ic0.app'],
	metadata: [],
	last_usage: []
};
const info = (devices: DeviceWithUsageValue[]): IdentityAnchorInfoValue => ({
	devices,
	device_registration: [],
	openid_credentials: [],
	name: [],
	created_at: [1_600_000_000_000_000_000n]
});

describe('describeDevice', () => {
	test('a passkey: plain values, bytes as Uint8Array, no usage yet', () => {
		const device = describeDevice(passkey, phraseKey);
		expect(device).toMatchObject({
			alias: 'Phone',
			keyType: 'platform',
			kindLabel: "Passkey (this device's platform)",
			purpose: 'authentication',
			protected: false,
			origin: 'https://identity.ic0.app',
			credentialId: new Uint8Array([9, 9]),
			lastUsage: undefined,
			isThisPhrase: false,
			isCaller: false
		});
		expect(device.pubkey).toEqual(passkeyKey);
		expect(device.id).toBe(Buffer.from(passkeyKey).toString('hex'));
	});

	test('the phrase that signed is flagged; last usage becomes a Date (ns -> ms)', () => {
		const device = describeDevice(phrase(true), phraseKey);
		expect(device).toMatchObject({ isThisPhrase: true, isCaller: true, protected: true });
		expect(device.lastUsage?.getTime()).toBe(1_700_000_000_123);
		expect(describeDevice(phrase(true), passkeyKey).isThisPhrase).toBe(false);
	});

	test('a non-phrase signer is the caller but not "this phrase"', () => {
		expect(describeDevice(passkey, passkeyKey)).toMatchObject({
			isCaller: true,
			isThisPhrase: false
		});
	});

	test('dateFromNanos truncates to milliseconds', () => {
		expect(dateFromNanos(1_999_999n).getTime()).toBe(1);
	});
});

test('describeAnchor keeps the order, the creation time and finds the phrase', () => {
	const listing = describeAnchor(10_000n, info([passkey, phrase(false)]), phraseKey);
	expect(listing.anchor).toBe(10_000n);
	expect(listing.createdAt?.getTime()).toBe(1_600_000_000_000);
	expect(listing.devices.map((d) => d.alias)).toEqual(['Phone', 'Recovery phrase']);
	expect(thisPhrase(listing)?.alias).toBe('Recovery phrase');
	expect(thisPhrase(describeAnchor(10_000n, info([passkey]), phraseKey))).toBeUndefined();
	expect(describeAnchor(1n, { ...info([]), created_at: [] }, phraseKey).createdAt).toBeUndefined();
});

describe('lockedPhraseUpdate', () => {
	test('locks the phrase keeping every other field, without last_usage', () => {
		const update = lockedPhraseUpdate(info([passkey, phrase(false)]), phraseKey);
		expect(update).not.toBe('already protected');
		const { last_usage: _, ...expected } = phrase(false);
		expect(update).toEqual({ ...expected, protection: { protected: null } });
		expect(update).not.toHaveProperty('last_usage');
	});

	test('says so when the phrase is already protected', () => {
		expect(lockedPhraseUpdate(info([phrase(true)]), phraseKey)).toBe('already protected');
	});

	test("refuses a signer that is not the anchor's recovery phrase", () => {
		for (const [devices, signer] of [
			[[passkey, phrase(false)], passkeyKey],
			[[passkey], phraseKey]
		] as const) {
			expect(() => lockedPhraseUpdate(info([...devices]), signer)).toThrow(IiError);
		}
		expect(() => lockedPhraseUpdate(info([passkey]), passkeyKey)).toThrow(
			expect.objectContaining({ kind: 'InvalidRequest' })
		);
	});
});
