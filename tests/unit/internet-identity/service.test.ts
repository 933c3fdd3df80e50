// The local II's calls with II's authorization rules, mirroring II's integration tests
// (dfinity/internet-identity, src/internet_identity/tests/integration/anchor_management/
// device_management.rs and v2_api/authn_method_security_settings.rs). Callers are real
// self-authenticating principals of Ed25519 keys; the store is the in-memory AnchorStore.
import { Principal } from '@dfinity/principal';
import { describe, expect, it } from 'vitest';
import type { Device } from '../../../canister/internet_identity/domain/device';
import { iiErrorMessage } from '../../../canister/internet_identity/domain/errors';
import { ANCHOR_RANGE, InternetIdentity } from '../../../canister/internet_identity/domain/service';
import { InMemoryAnchorStore } from '../../../canister/internet_identity/domain/store';
import { anchorWith, der, errorOf, keyOf, newIi, passkey, phraseDevice, unwrap } from './helpers';

const one = keyOf(1);
const two = keyOf(2);
const three = keyOf(3);
const p1 = one.getPrincipal();
const p2 = two.getPrincipal();

function setup(devices: Device[] = [passkey(one)]) {
	const { ii, store } = newIi();
	const anchor = anchorWith(ii, Principal.selfAuthenticating(devices[0]!.pubkey), devices);
	const devicesOf = (caller = p1) => unwrap(ii.getAnchorInfo(caller, anchor, 2n)).devices;
	return { ii, store, anchor, devicesOf };
}

const withoutUsage = (devices: readonly Device[]) =>
	devices.map(({ lastUsage: _ignored, ...rest }) => rest);
const byKey = (a: Device, b: Device) => Buffer.compare(a.pubkey, b.pubkey);
const authFailure = /^[a-z\d-]+ could not be authenticated\.$/;

describe('creating anchors (local only)', () => {
	it('numbers anchors from 10000 like II', () => {
		const { ii } = newIi();
		expect(anchorWith(ii, p1, [passkey(one)])).toBe(10_000n);
		expect(anchorWith(ii, p2, [passkey(two)])).toBe(10_001n);
	});

	it('requires the caller to be one of the new devices', () => {
		const { ii } = newIi();
		const error = errorOf(ii.createAnchor(p2, [passkey(one)], 1n));
		expect(error.kind).toBe('CallerNotADevice');
		expect(errorOf(ii.createAnchor(p1, [], 1n)).kind).toBe('CallerNotADevice');
		expect(errorOf(ii.createAnchor(Principal.anonymous(), [passkey(one)], 1n)).kind).toBe(
			'CallerNotADevice'
		);
	});

	it('applies the device rules to the initial devices', () => {
		const { ii, store } = newIi();
		const error = errorOf(
			ii.createAnchor(p1, [passkey(one), phraseDevice(two), phraseDevice(three)], 1n)
		);
		expect(iiErrorMessage(error)).toBe(
			'failed to add device: There is already a recovery phrase and only one is allowed.'
		);
		expect(store.count()).toBe(0);
	});

	it('refuses a key already used by another anchor', () => {
		const { ii } = newIi();
		anchorWith(ii, p1, [passkey(one)]);
		const error = errorOf(ii.createAnchor(p2, [passkey(two), passkey(one)], 1n));
		expect(iiErrorMessage(error)).toBe('passkey with this public key is already used');
	});

	it('stops at the end of its anchor range', () => {
		const full = new InternetIdentity(new InMemoryAnchorStore(), [10_000n, 10_001n]);
		unwrap(full.createAnchor(p1, [passkey(one)], 1n));
		expect(errorOf(full.createAnchor(p2, [passkey(two)], 1n)).kind).toBe('AnchorRangeExhausted');
	});
});

describe('lookup and credentials (public queries)', () => {
	it('lookup equals get_anchor_info without alias and metadata', () => {
		const withMetadata = passkey(two, {
			metadata: new Map([['key', { kind: 'string', value: 'value' }]])
		});
		const { ii, anchor, devicesOf } = setup();
		unwrap(ii.add(p1, anchor, withMetadata, 3n));
		unwrap(ii.add(p1, anchor, phraseDevice(three), 4n));
		const info = devicesOf().map((d) => ({ ...d, alias: '', metadata: undefined }));
		expect(ii.lookup(anchor).sort(byKey)).toEqual(info.sort(byKey));
	});

	it('lookup lists the most recently used device first', () => {
		const { ii, anchor } = setup([passkey(one), passkey(two)]);
		unwrap(ii.getAnchorInfo(p1, anchor, 5n));
		unwrap(ii.getAnchorInfo(p2, anchor, 9n));
		expect(ii.lookup(anchor).map((d) => d.lastUsage)).toEqual([9n, 5n]);
	});

	it('lookup of an unknown anchor is empty', () => {
		expect(newIi().ii.lookup(10_000n)).toEqual([]);
	});

	it('sorts credentials into passkeys, recovery passkeys and recovery phrases', () => {
		const recoveryKey = passkey(two, { purpose: 'recovery', keyType: 'cross_platform' });
		const noCredential = passkey(keyOf(4), { credentialId: undefined, keyType: 'unknown' });
		const { ii, anchor } = setup([passkey(one), recoveryKey, phraseDevice(three), noCredential]);
		const credentials = ii.getAnchorCredentials(anchor);
		expect(credentials.credentials).toEqual([
			{ pubkey: der(one), credentialId: passkey(one).credentialId }
		]);
		expect(credentials.recoveryCredentials).toEqual([
			{ pubkey: der(two), credentialId: recoveryKey.credentialId }
		]);
		expect(credentials.recoveryPhrases).toEqual([der(three)]);
	});

	it('an unknown anchor has no credentials', () => {
		expect(newIi().ii.getAnchorCredentials(1234564n)).toEqual({
			credentials: [],
			recoveryCredentials: [],
			recoveryPhrases: []
		});
	});
});

describe('get_anchor_info', () => {
	it('requires authentication', () => {
		const { ii, anchor } = setup();
		expect(iiErrorMessage(errorOf(ii.getAnchorInfo(p2, anchor, 2n)))).toMatch(authFailure);
		expect(iiErrorMessage(errorOf(ii.getAnchorInfo(Principal.anonymous(), anchor, 2n)))).toBe(
			'2vxsx-fae could not be authenticated.'
		);
	});

	it('traps like II for anchors that do not exist', () => {
		const { ii } = setup();
		expect(iiErrorMessage(errorOf(ii.getAnchorInfo(p1, 10_001n, 2n)))).toBe(
			'failed to read device data of user 10001: bad Identity Anchor 10001'
		);
		expect(iiErrorMessage(errorOf(ii.getAnchorInfo(p1, 42n, 2n)))).toBe(
			`failed to read device data of user 42: Identity Anchor 42 is out of range [10000, ${ANCHOR_RANGE[1]})`
		);
	});

	it('records the use of the device that signed', () => {
		const { ii, anchor, devicesOf } = setup([passkey(one), passkey(two)]);
		expect(devicesOf(p2).map((d) => d.lastUsage)).toEqual([undefined, 2n]);
		expect(ii.lookup(anchor).map((d) => d.lastUsage)).toEqual([2n, undefined]);
	});
});

describe('add', () => {
	it('adds a device', () => {
		const { ii, anchor, devicesOf } = setup();
		unwrap(ii.add(p1, anchor, passkey(two), 3n));
		expect(withoutUsage(devicesOf()).sort(byKey)).toEqual([passkey(one), passkey(two)].sort(byKey));
	});

	it('refuses a device that is already on the anchor', () => {
		const { ii, anchor } = setup();
		const message = iiErrorMessage(errorOf(ii.add(p1, anchor, passkey(one), 3n)));
		expect(message).toMatch(
			/^failed to add device: Device with key \w+ already exists on this anchor\.$/
		);
	});

	it('refuses a second recovery phrase', () => {
		const { ii, anchor } = setup();
		unwrap(ii.add(p1, anchor, phraseDevice(two), 3n));
		expect(iiErrorMessage(errorOf(ii.add(p1, anchor, phraseDevice(three), 4n)))).toMatch(
			/There is already a recovery phrase and only one is allowed\.$/
		);
	});

	it('refuses devices for another user', () => {
		const { ii } = setup();
		const other = anchorWith(ii, p2, [passkey(two)]);
		expect(iiErrorMessage(errorOf(ii.add(p1, other, passkey(three), 3n)))).toMatch(authFailure);
	});

	it('refuses a key used on another anchor and frees it once removed there', () => {
		const { ii, anchor } = setup();
		const other = anchorWith(ii, p2, [passkey(two), passkey(three)]);
		expect(errorOf(ii.add(p1, anchor, passkey(three), 3n)).kind).toBe('PublicKeyAlreadyUsed');
		unwrap(ii.remove(p2, other, der(three), 4n));
		unwrap(ii.add(p1, anchor, passkey(three), 5n));
	});

	it('respects the total size limit', () => {
		const { ii, anchor } = setup();
		const large = (n: number) =>
			passkey(one, {
				pubkey: new Uint8Array(300).fill(n),
				alias: 'a'.repeat(64),
				credentialId: new Uint8Array(350).fill(n),
				origin: 'o'.repeat(50)
			});
		for (let i = 0; i < 3; i++) unwrap(ii.add(p1, anchor, large(i), 3n));
		expect(iiErrorMessage(errorOf(ii.add(p1, anchor, large(9), 3n)))).toMatch(
			/^failed to add device: Cumulative size of variable sized fields exceeds limit: length \d+, limit \d+\.$/
		);
	});

	it('stores no client-supplied last usage', () => {
		const { ii, anchor, devicesOf } = setup();
		unwrap(ii.add(p1, anchor, passkey(two, { lastUsage: 999n }), 3n));
		expect(devicesOf().find((d) => d.alias === 'Passkey' && d.lastUsage === 999n)).toBeUndefined();
	});
});

describe('update', () => {
	it('updates a device', () => {
		const { ii, anchor, devicesOf } = setup();
		const renamed = { ...passkey(one), alias: 'Passkey some suffix' };
		unwrap(ii.update(p1, anchor, der(one), renamed, 3n));
		expect(withoutUsage(devicesOf())).toEqual([renamed]);
	});

	it('updates a protected recovery phrase when signed by the phrase', () => {
		const phrase = phraseDevice(one, 'protected');
		const { ii, anchor, devicesOf } = setup([phrase]);
		unwrap(ii.update(p1, anchor, der(one), { ...phrase, alias: 'renamed' }, 3n));
		expect(devicesOf()[0]?.alias).toBe('renamed');
	});

	it('never changes the device key', () => {
		const { ii, anchor } = setup();
		const error = errorOf(ii.update(p1, anchor, der(one), passkey(two), 3n));
		expect(iiErrorMessage(error)).toBe('failed to modify device: Device key cannot be updated.');
	});

	it('refuses to update a device of another user', () => {
		const { ii } = setup();
		const other = anchorWith(ii, p2, [passkey(two)]);
		expect(iiErrorMessage(errorOf(ii.update(p1, other, der(two), passkey(two), 3n)))).toMatch(
			authFailure
		);
	});

	it('refuses to update a protected phrase from another device', () => {
		const phrase = phraseDevice(one, 'protected');
		const { ii, anchor } = setup([phrase, passkey(two)]);
		expect(iiErrorMessage(errorOf(ii.update(p2, anchor, der(one), phrase, 3n)))).toMatch(
			/^failed to modify device: Device is locked\. Must be authenticated with this device to mutate/
		);
	});

	it('refuses to protect a device that is not a recovery phrase', () => {
		const { ii, anchor } = setup([passkey(one, { keyType: 'unknown' })]);
		const protectedKey = passkey(one, { keyType: 'unknown', protection: 'protected' });
		expect(iiErrorMessage(errorOf(ii.update(p1, anchor, der(one), protectedKey, 3n)))).toBe(
			'failed to modify device: Only recovery phrases can be locked but key type is Unknown'
		);
	});

	it('traps like II when the device does not exist', () => {
		const { ii, anchor } = setup();
		expect(iiErrorMessage(errorOf(ii.update(p1, anchor, der(two), passkey(two), 3n)))).toBe(
			'Could not find device to update, check device key'
		);
	});

	it('keeps the last usage recorded by the canister', () => {
		const { ii, anchor, devicesOf } = setup([passkey(one), passkey(two)]);
		unwrap(ii.getAnchorInfo(p2, anchor, 5n));
		unwrap(ii.update(p1, anchor, der(two), { ...passkey(two), alias: 'x' }, 6n));
		expect(devicesOf().find((d) => d.alias === 'x')?.lastUsage).toBe(5n);
	});
});

describe('remove', () => {
	it('removes a device', () => {
		const { ii, anchor, devicesOf } = setup([passkey(one), passkey(two)]);
		unwrap(ii.remove(p1, anchor, der(two), 3n));
		expect(withoutUsage(devicesOf())).toEqual([passkey(one)]);
	});

	it('removes even the last device', () => {
		const { ii, anchor } = setup();
		unwrap(ii.remove(p1, anchor, der(one), 3n));
		expect(ii.getAnchorCredentials(anchor).credentials).toEqual([]);
		expect(iiErrorMessage(errorOf(ii.getAnchorInfo(p1, anchor, 4n)))).toMatch(authFailure);
	});

	it('refuses to remove a device of another user', () => {
		const { ii } = setup();
		const other = anchorWith(ii, p2, [passkey(two)]);
		expect(iiErrorMessage(errorOf(ii.remove(p1, other, der(two), 3n)))).toMatch(authFailure);
	});

	it('refuses to remove a protected phrase from another device', () => {
		const phrase = phraseDevice(one, 'protected');
		const { ii, anchor } = setup([phrase, passkey(two)]);
		expect(iiErrorMessage(errorOf(ii.remove(p2, anchor, der(one), 3n)))).toMatch(
			/^failed to remove device: Device is locked\. Must be authenticated with this device to mutate/
		);
	});

	it('removes an unprotected phrase from any device of the anchor', () => {
		const { ii, anchor, devicesOf } = setup([passkey(one), phraseDevice(two)]);
		unwrap(ii.remove(p1, anchor, der(two), 3n));
		expect(devicesOf()).toHaveLength(1);
	});

	it('reports an unknown device like II', () => {
		const { ii, anchor } = setup();
		expect(iiErrorMessage(errorOf(ii.remove(p1, anchor, der(two), 3n)))).toBe(
			`failed to remove device: Device with key ${Buffer.from(der(two)).toString('hex')} not found.`
		);
	});
});

describe('replace', () => {
	it('replaces a device with another one', () => {
		const { ii, anchor, devicesOf } = setup();
		unwrap(ii.replace(p1, anchor, der(one), passkey(two), 3n));
		expect(withoutUsage(devicesOf(p2))).toEqual([passkey(two)]);
	});

	it('refuses to replace a protected phrase from another device', () => {
		const phrase = phraseDevice(one, 'protected');
		const { ii, anchor } = setup([phrase, passkey(two)]);
		expect(iiErrorMessage(errorOf(ii.replace(p2, anchor, der(one), passkey(three), 3n)))).toMatch(
			/^failed to replace device: Device is locked/
		);
	});

	it('refuses a new key used on another anchor', () => {
		const { ii, anchor } = setup();
		anchorWith(ii, p2, [passkey(two)]);
		expect(errorOf(ii.replace(p1, anchor, der(one), passkey(two), 3n)).kind).toBe(
			'PublicKeyAlreadyUsed'
		);
	});
});

describe('authn_method_security_settings_replace', () => {
	const protect = { protection: 'protected', purpose: 'recovery' } as const;

	it('protects a recovery phrase when signed by the phrase', () => {
		const { ii, anchor, devicesOf } = setup([phraseDevice(one)]);
		unwrap(ii.replaceSecuritySettings(p1, anchor, der(one), protect, 3n));
		expect(devicesOf()[0]?.protection).toBe('protected');
	});

	it('lets another device protect an unprotected phrase, which then only the phrase can change', () => {
		const { ii, anchor, devicesOf } = setup([passkey(one), phraseDevice(two)]);
		unwrap(ii.replaceSecuritySettings(p1, anchor, der(two), protect, 3n));
		expect(devicesOf().find((d) => d.keyType === 'seed_phrase')?.protection).toBe('protected');
		const unprotect = { protection: 'unprotected', purpose: 'recovery' } as const;
		expect(errorOf(ii.replaceSecuritySettings(p1, anchor, der(two), unprotect, 4n)).kind).toBe(
			'DeviceOperationFailed'
		);
		unwrap(ii.replaceSecuritySettings(p2, anchor, der(two), unprotect, 5n));
	});

	it('requires authentication', () => {
		const { ii, anchor } = setup([phraseDevice(one)]);
		const error = errorOf(
			ii.replaceSecuritySettings(Principal.anonymous(), anchor, der(one), protect, 3n)
		);
		expect(iiErrorMessage(error)).toMatch(authFailure);
	});

	it('reports a missing authentication method as AuthnMethodNotFound', () => {
		const { ii, anchor } = setup([phraseDevice(one)]);
		const error = errorOf(
			ii.replaceSecuritySettings(p1, anchor, new Uint8Array([1, 2, 3, 4]), protect, 3n)
		);
		expect(error).toEqual({ kind: 'AuthnMethodNotFound' });
	});

	it('refuses to protect a passkey', () => {
		const { ii, anchor } = setup();
		expect(
			iiErrorMessage(errorOf(ii.replaceSecuritySettings(p1, anchor, der(one), protect, 3n)))
		).toBe('failed to modify device: Only recovery phrases can be locked but key type is Platform');
	});
});

describe('lookup_caller_identity_by_recovery_phrase', () => {
	it('finds the anchor of the phrase that signs', () => {
		const { ii, anchor } = setup([passkey(one), phraseDevice(two)]);
		expect(ii.lookupCallerByRecoveryPhrase(p2)).toBe(anchor);
	});

	it('finds nothing for a passkey, a stranger or the anonymous principal', () => {
		const { ii } = setup([passkey(one), phraseDevice(two)]);
		expect(ii.lookupCallerByRecoveryPhrase(p1)).toBeUndefined();
		expect(ii.lookupCallerByRecoveryPhrase(three.getPrincipal())).toBeUndefined();
		expect(ii.lookupCallerByRecoveryPhrase(Principal.anonymous())).toBeUndefined();
	});

	it('forgets a phrase once it is removed', () => {
		const { ii, anchor } = setup([passkey(one), phraseDevice(two)]);
		unwrap(ii.remove(p1, anchor, der(two), 3n));
		expect(ii.lookupCallerByRecoveryPhrase(p2)).toBeUndefined();
	});
});
