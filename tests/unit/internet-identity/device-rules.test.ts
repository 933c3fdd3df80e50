// II's device and anchor rules on one anchor, rule by rule, mirroring II's own unit tests
// (dfinity/internet-identity, src/internet_identity/src/storage/anchor/tests.rs).
import { describe, expect, it } from 'vitest';
import {
	addDevice,
	devicePrincipal,
	modifyDevice,
	removeDevice,
	recordUsage,
	type Anchor
} from '../../../canister/internet_identity/domain/anchor';
import {
	RESERVED_METADATA_KEYS,
	type Device,
	type MetadataMap
} from '../../../canister/internet_identity/domain/device';
import { anchorErrorMessage } from '../../../canister/internet_identity/domain/errors';
import { der, errorOf, keyOf, passkey, phraseDevice, unwrap } from './helpers';

const owner = keyOf(1);
const stranger = keyOf(99);
const empty: Anchor = { number: 10_000n, devices: [], createdAt: 0n };

/** A device with `n` in every byte of its key, 100-byte key and 64-byte credential id. */
function device(n: number): Device {
	return {
		pubkey: new Uint8Array(100).fill(n),
		alias: `test alias ${n}`,
		credentialId: new Uint8Array(64).fill(n),
		purpose: 'authentication',
		keyType: 'platform',
		protection: 'unprotected',
		origin: `https://foo${n}.bar`
	};
}

/** A device whose variable-length fields take 512 bytes (as II's `large_device`). */
function largeDevice(n: number): Device {
	return {
		pubkey: new Uint8Array(300).fill(n),
		alias: 'alias12chars',
		credentialId: new Uint8Array(200).fill(n),
		purpose: 'authentication',
		keyType: 'unknown',
		protection: 'unprotected',
		origin: 'https://rdmx6-jaaaa-aaaaa-aaadq-cai.foobar.icp0.io',
		metadata: new Map([['key', { kind: 'string', value: 'a'.repeat(40) }]])
	};
}

function recoveryPhrase(n: number, protection: Device['protection']): Device {
	return {
		pubkey: new Uint8Array(96).fill(n),
		alias: `recovery phrase ${n}`,
		purpose: 'recovery',
		keyType: 'seed_phrase',
		protection
	};
}

const withDevices = (...devices: Device[]): Anchor => ({ ...empty, devices });

describe('adding devices', () => {
	it('adds a device', () => {
		expect(unwrap(addDevice(empty, device(1))).devices).toEqual([device(1)]);
	});

	it('enforces at most 10 devices per anchor', () => {
		let anchor = empty;
		for (let i = 0; i < 10; i++) anchor = unwrap(addDevice(anchor, device(i)));
		const error = errorOf(addDevice(anchor, device(10)));
		expect(error).toEqual({ kind: 'TooManyDevices', numDevices: 11, limit: 10 });
		expect(anchorErrorMessage(error)).toBe(
			'Anchor device limit exceeded: num devices 11, limit 10'
		);
	});

	it('enforces unique device keys', () => {
		const anchor = unwrap(addDevice(empty, device(1)));
		const error = errorOf(addDevice(anchor, { ...device(1), alias: 'other' }));
		expect(error.kind).toBe('DuplicateDevice');
		expect(anchorErrorMessage(error)).toMatch(/^Device with key [0-9a-f]+ already exists/);
	});

	it.each([
		['pubkey', { pubkey: new Uint8Array(301) }, 301, 300],
		['credential_id', { credentialId: new Uint8Array(351) }, 351, 350],
		['alias', { alias: 'a'.repeat(65) }, 65, 64],
		['origin', { origin: 'o'.repeat(51) }, 51, 50],
		['aaguid', { aaguid: new Uint8Array(17) }, 17, 16]
	] as const)('enforces the %s limit', (field, overrides, length, limit) => {
		const error = errorOf(addDevice(empty, { ...device(1), ...overrides }));
		expect(error).toEqual({ kind: 'DeviceLimitExceeded', field, length, limit });
		expect(anchorErrorMessage(error)).toBe(
			`${field} limit exceeded: length ${length}, limit ${limit}`
		);
	});

	it.each([0, 1, 15])('refuses an aaguid of %i bytes: it must be exactly 16', (length) => {
		const error = errorOf(addDevice(empty, { ...device(1), aaguid: new Uint8Array(length) }));
		expect(error).toEqual({ kind: 'InvalidAaguid', length });
		expect(anchorErrorMessage(error)).toBe(`aaguid must be exactly 16 bytes: length ${length}`);
	});

	it('accepts every field at its limit', () => {
		const atLimits = {
			...device(1),
			pubkey: new Uint8Array(300).fill(1),
			credentialId: new Uint8Array(350),
			alias: 'a'.repeat(64),
			origin: 'o'.repeat(50),
			aaguid: new Uint8Array(16)
		};
		expect(unwrap(addDevice(empty, atLimits)).devices).toHaveLength(1);
	});

	it('counts the alias in UTF-8 bytes, as Rust does', () => {
		const error = errorOf(addDevice(empty, { ...device(1), alias: '€'.repeat(22) }));
		expect(error).toEqual({ kind: 'DeviceLimitExceeded', field: 'alias', length: 66, limit: 64 });
	});

	it('enforces the cumulative size of variable-length fields', () => {
		let anchor = empty;
		for (let i = 0; i < 4; i++) anchor = unwrap(addDevice(anchor, largeDevice(i)));
		const error = errorOf(
			addDevice(anchor, {
				...device(9),
				alias: 'a'.repeat(64),
				credentialId: new Uint8Array(100),
				origin: undefined
			})
		);
		expect(error).toEqual({ kind: 'CumulativeDataLimitExceeded', length: 2684, limit: 2500 });
		expect(anchorErrorMessage(error)).toBe(
			'Cumulative size of variable sized fields exceeds limit: length 2684, limit 2500.'
		);
		expect(anchor.devices).toHaveLength(4);
	});

	it('allows only one recovery phrase', () => {
		const anchor = unwrap(addDevice(empty, recoveryPhrase(0, 'unprotected')));
		const error = errorOf(addDevice(anchor, recoveryPhrase(1, 'unprotected')));
		expect(anchorErrorMessage(error)).toBe(
			'There is already a recovery phrase and only one is allowed.'
		);
	});

	it.each(['unknown', 'platform', 'cross_platform', 'browser_storage_key'] as const)(
		'allows protection only on recovery phrases, not on %s',
		(keyType) => {
			const error = errorOf(addDevice(empty, { ...device(1), keyType, protection: 'protected' }));
			expect(error).toEqual({ kind: 'InvalidDeviceProtection', keyType });
		}
	);

	it('names the key type as II does when refusing protection', () => {
		const error = errorOf(
			addDevice(empty, { ...device(1), keyType: 'cross_platform', protection: 'protected' })
		);
		expect(anchorErrorMessage(error)).toBe(
			'Only recovery phrases can be locked but key type is CrossPlatform'
		);
	});

	it('accepts a protected recovery phrase', () => {
		expect(unwrap(addDevice(empty, recoveryPhrase(1, 'protected'))).devices).toHaveLength(1);
	});

	it('refuses a recovery phrase with a credential id', () => {
		const error = errorOf(addDevice(empty, { ...device(1), keyType: 'seed_phrase' }));
		expect(anchorErrorMessage(error)).toBe(
			'Devices with key type seed_phrase must not have a credential id.'
		);
	});

	it.each(RESERVED_METADATA_KEYS)('refuses the reserved metadata key %s', (key) => {
		const metadata: MetadataMap = new Map([[key, { kind: 'string', value: 'value' }]]);
		const error = errorOf(addDevice(empty, { ...device(1), metadata }));
		expect(anchorErrorMessage(error)).toBe(`Metadata key '${key}' is reserved and cannot be used.`);
	});

	it('keeps unreserved metadata', () => {
		const metadata: MetadataMap = new Map([['key', { kind: 'string', value: 'value' }]]);
		expect(unwrap(addDevice(empty, { ...device(1), metadata })).devices[0]?.metadata).toEqual(
			metadata
		);
	});

	it('refuses metadata nested deeper than 8 levels (local guard)', () => {
		let metadata: MetadataMap = new Map([['', { kind: 'string', value: '' }]]);
		for (let i = 0; i < 8; i++) metadata = new Map([['', { kind: 'map', value: metadata }]]);
		const error = errorOf(addDevice(empty, { ...device(1), metadata }));
		expect(error).toEqual({
			kind: 'DeviceLimitExceeded',
			field: 'metadata depth',
			length: 9,
			limit: 8
		});
	});

	it('refuses any addition while the anchor violates a rule', () => {
		const broken = withDevices(recoveryPhrase(1, 'unprotected'), recoveryPhrase(2, 'unprotected'));
		expect(errorOf(addDevice(broken, device(3))).kind).toBe('MultipleRecoveryPhrases');
	});
});

describe('removing devices', () => {
	it('removes a device', () => {
		const anchor = unwrap(addDevice(empty, device(1)));
		expect(unwrap(removeDevice(anchor, device(1).pubkey, stranger.getPrincipal())).devices).toEqual(
			[]
		);
	});

	it('does not remove an unknown device', () => {
		const anchor = withDevices(device(1));
		const error = errorOf(removeDevice(anchor, device(2).pubkey, owner.getPrincipal()));
		expect(anchorErrorMessage(error)).toBe(`Device with key ${'02'.repeat(100)} not found.`);
	});

	it('allows removal while the anchor violates a rule', () => {
		const broken = withDevices(recoveryPhrase(1, 'unprotected'), recoveryPhrase(2, 'unprotected'));
		const fixed = unwrap(
			removeDevice(broken, recoveryPhrase(1, 'unprotected').pubkey, owner.getPrincipal())
		);
		expect(fixed.devices).toHaveLength(1);
	});

	it('refuses to remove a protected device for any other caller', () => {
		const phrase = phraseDevice(owner, 'protected');
		const anchor = withDevices(phrase);
		const error = errorOf(removeDevice(anchor, phrase.pubkey, stranger.getPrincipal()));
		expect(error.kind).toBe('MutationNotAllowed');
		expect(anchorErrorMessage(error)).toBe(
			`Device is locked. Must be authenticated with this device to mutate: authorized principal ${owner.getPrincipal().toText()}, actual principal ${stranger.getPrincipal().toText()}`
		);
	});

	it('removes a protected device when the caller is that device', () => {
		const phrase = phraseDevice(owner, 'protected');
		expect(
			unwrap(removeDevice(withDevices(phrase), phrase.pubkey, owner.getPrincipal())).devices
		).toEqual([]);
	});
});

describe('modifying devices', () => {
	it('modifies a device', () => {
		const modified = { ...device(1), alias: 'modified alias' };
		const anchor = unwrap(
			modifyDevice(withDevices(device(1)), device(1).pubkey, modified, owner.getPrincipal())
		);
		expect(anchor.devices).toEqual([modified]);
	});

	it('does not modify an unknown device', () => {
		const error = errorOf(
			modifyDevice(withDevices(device(0)), device(1).pubkey, device(1), owner.getPrincipal())
		);
		expect(error.kind).toBe('NotFound');
	});

	it('never changes a device key', () => {
		const error = errorOf(
			modifyDevice(withDevices(device(0)), device(0).pubkey, device(1), owner.getPrincipal())
		);
		expect(anchorErrorMessage(error)).toBe('Device key cannot be updated.');
	});

	it('refuses to give a recovery phrase a credential id', () => {
		const phrase = recoveryPhrase(1, 'unprotected');
		const error = errorOf(
			modifyDevice(
				withDevices(phrase),
				phrase.pubkey,
				{ ...phrase, credentialId: new Uint8Array([1, 2, 3]) },
				owner.getPrincipal()
			)
		);
		expect(error.kind).toBe('RecoveryPhraseCredentialIdMismatch');
	});

	it('refuses a modification that leaves a rule violated', () => {
		const phrase = recoveryPhrase(1, 'unprotected');
		const broken = withDevices(phrase, recoveryPhrase(2, 'unprotected'));
		const error = errorOf(
			modifyDevice(broken, phrase.pubkey, { ...phrase, alias: 'new alias' }, owner.getPrincipal())
		);
		expect(error.kind).toBe('MultipleRecoveryPhrases');
	});

	it('refuses to modify a protected device for any other caller', () => {
		const phrase = phraseDevice(owner, 'protected');
		const error = errorOf(
			modifyDevice(
				withDevices(phrase),
				phrase.pubkey,
				{ ...phrase, alias: 'new alias' },
				stranger.getPrincipal()
			)
		);
		expect(error.kind).toBe('MutationNotAllowed');
	});

	it('modifies a protected device when the caller is that device', () => {
		const phrase = phraseDevice(owner, 'protected');
		const anchor = unwrap(
			modifyDevice(
				withDevices(phrase),
				phrase.pubkey,
				{ ...phrase, alias: 'new alias' },
				owner.getPrincipal()
			)
		);
		expect(anchor.devices[0]?.alias).toBe('new alias');
	});

	it('refuses to protect a passkey', () => {
		const key = passkey(owner);
		const error = errorOf(
			modifyDevice(
				withDevices(key),
				key.pubkey,
				{ ...key, protection: 'protected' },
				owner.getPrincipal()
			)
		);
		expect(error).toEqual({ kind: 'InvalidDeviceProtection', keyType: 'platform' });
	});
});

it('records the last usage of one device only', () => {
	const anchor = recordUsage(withDevices(device(1), device(2)), device(2).pubkey, 7896546556n);
	expect(anchor.devices.map((d) => d.lastUsage)).toEqual([undefined, 7896546556n]);
});

it('authenticates a device as the self-authenticating principal of its DER key', () => {
	expect(der(owner)).toHaveLength(44);
	expect(devicePrincipal(passkey(owner)).toText()).toBe(owner.getPrincipal().toText());
	expect(devicePrincipal(passkey(stranger)).toText()).not.toBe(owner.getPrincipal().toText());
});
