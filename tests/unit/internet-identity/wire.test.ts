// Candid values <-> domain, through real Candid encoding with the canister's IDL types, and the
// stored form of anchors.
import { IDL } from '@dfinity/candid';
import { describe, expect, it } from 'vitest';
import type { Anchor } from '../../../canister/internet_identity/domain/anchor';
import type { Device } from '../../../canister/internet_identity/domain/device';
import {
	AuthnMethodSecuritySettings,
	DeviceData,
	IdentityAnchorInfo,
	type DeviceDataValue
} from '../../../canister/internet_identity/domain/idl';
import {
	anchorInfoToWire,
	decodeAnchor,
	decodeAnchorNumber,
	deviceFromWire,
	deviceToWire,
	encodeAnchor,
	encodeAnchorNumber,
	securitySettingsFromWire
} from '../../../canister/internet_identity/domain/wire';
import { keyOf, passkey, phraseDevice } from './helpers';

const richDevice: Device = passkey(keyOf(1), {
	aaguid: new Uint8Array(16).fill(3),
	keyType: 'cross_platform',
	purpose: 'recovery',
	metadata: new Map([
		['name', { kind: 'string', value: 'YubiKey' }],
		['raw', { kind: 'bytes', value: new Uint8Array([1, 2, 3]) }],
		['nested', { kind: 'map', value: new Map([['x', { kind: 'string', value: 'y' }]]) }]
	])
});

function throughCandid(device: Device): Device {
	const bytes = IDL.encode([DeviceData], [deviceToWire(device)]);
	const [decoded] = IDL.decode([DeviceData], bytes) as unknown as [DeviceDataValue];
	return deviceFromWire(decoded);
}

describe('devices on the wire', () => {
	it.each([
		['a passkey with every optional field', richDevice],
		['a bare recovery phrase', phraseDevice(keyOf(2), 'protected')]
	])('round-trips %s through Candid', (_name, device) => {
		expect(throughCandid(device)).toEqual(device);
	});

	it('keeps the last value of a repeated metadata key, like II', () => {
		const value: DeviceDataValue = {
			...deviceToWire(passkey(keyOf(1))),
			metadata: [
				[
					['k', { string: 'first' }],
					['k', { string: 'second' }]
				]
			]
		};
		expect(deviceFromWire(value).metadata).toEqual(
			new Map([['k', { kind: 'string', value: 'second' }]])
		);
	});

	it('accepts byte arrays given as number arrays', () => {
		// II's type says blob (Uint8Array); an in-process caller may still hand over plain numbers.
		const pubkey = [1, 2, 3] as unknown as Uint8Array;
		const value: DeviceDataValue = { ...deviceToWire(passkey(keyOf(1))), pubkey };
		expect(deviceFromWire(value).pubkey).toEqual(new Uint8Array([1, 2, 3]));
	});

	it('encodes anchor info as II does, with last usage and creation time', () => {
		const anchor: Anchor = {
			number: 10_000n,
			createdAt: 5n,
			devices: [{ ...richDevice, lastUsage: 7n }]
		};
		const info = anchorInfoToWire(anchor);
		expect(info.devices[0]?.last_usage).toEqual([7n]);
		expect(info.created_at).toEqual([5n]);
		expect(() => IDL.encode([IdentityAnchorInfo], [info])).not.toThrow();
	});

	it('maps the v2 security settings to legacy protection and purpose', () => {
		const bytes = IDL.encode(
			[AuthnMethodSecuritySettings],
			[{ protection: { Protected: null }, purpose: { Recovery: null } }]
		);
		const [decoded] = IDL.decode([AuthnMethodSecuritySettings], bytes) as unknown as [
			Parameters<typeof securitySettingsFromWire>[0]
		];
		expect(securitySettingsFromWire(decoded)).toEqual({
			protection: 'protected',
			purpose: 'recovery'
		});
		expect(
			securitySettingsFromWire({
				protection: { Unprotected: null },
				purpose: { Authentication: null }
			})
		).toEqual({ protection: 'unprotected', purpose: 'authentication' });
	});

	it('rejects a value that is not a DeviceData at the Candid layer', () => {
		const bytes = IDL.encode([IDL.Record({ pubkey: IDL.Text })], [{ pubkey: 'x' }]);
		expect(() => IDL.decode([DeviceData], bytes)).toThrow();
	});
});

describe('stored anchors', () => {
	it('round-trips an anchor with usage times', () => {
		const anchor: Anchor = {
			number: 10_042n,
			createdAt: 1_700_000_000_000_000_000n,
			devices: [{ ...richDevice, lastUsage: 9n }, phraseDevice(keyOf(2), 'protected')]
		};
		expect(decodeAnchor(encodeAnchor(anchor))).toEqual(anchor);
	});

	it('orders anchor-number keys numerically by their bytes', () => {
		const numbers = [10_000n, 10_001n, 10_255n, 10_256n, 2n ** 40n];
		const keys = numbers.map(encodeAnchorNumber);
		const sorted = [...keys].sort(Buffer.compare);
		expect(sorted.map(decodeAnchorNumber)).toEqual(numbers);
	});

	it('rejects stored bytes that are not an anchor', () => {
		expect(() => decodeAnchor(new Uint8Array([1, 2, 3]))).toThrow();
	});
});
