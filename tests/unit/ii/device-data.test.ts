import { Ed25519KeyIdentity, WebAuthnIdentity } from '@dfinity/identity';
import { describe, expect, test } from 'vitest';
import { checkDeviceInvariants } from '../../../canister/internet_identity/domain/device';
import { deviceFromWire } from '../../../canister/internet_identity/domain/wire';
import type { DeviceData as DeviceDataValue } from '@tessera/contract/internet-identity';
import {
	generatedKeyDeviceData,
	passkeyDeviceData,
	recoveryPhraseDeviceData
} from '../../../src/lib/ii/device-data';

// A COSE_Key as an authenticator returns it (EC2, ES256, P-256): the builder only wraps it.
const cose = new Uint8Array([
	0xa5,
	0x01,
	0x02,
	0x03,
	0x26,
	0x20,
	0x01,
	0x21,
	0x58,
	0x20,
	...new Array(32).fill(7),
	0x22,
	0x58,
	0x20,
	...new Array(32).fill(8)
]);
const rawId = new Uint8Array([1, 2, 3, 4]);

/** II's own device rules (the local canister's domain) accept the record. */
function acceptedByIi(data: DeviceDataValue): boolean {
	return checkDeviceInvariants(deviceFromWire(data)) === undefined;
}

describe('passkeyDeviceData', () => {
	test('stores the DER-wrapped COSE key, the credential id and the origin', () => {
		const passkey = new WebAuthnIdentity(rawId, cose, 'platform');
		const data = passkeyDeviceData(passkey, {
			alias: ' My phone ',
			origin: 'https://tessera.example'
		});
		expect(data.pubkey).toEqual(new Uint8Array(passkey.getPublicKey().toDer()));
		expect(data).toMatchObject({
			alias: 'My phone',
			credential_id: [rawId],
			key_type: { platform: null },
			purpose: { authentication: null },
			protection: { unprotected: null },
			origin: ['https://tessera.example']
		});
		expect(acceptedByIi(data)).toBe(true);
	});

	test('the key type follows the authenticator attachment', () => {
		const typeOf = (attachment: AuthenticatorAttachment | undefined) =>
			passkeyDeviceData(new WebAuthnIdentity(rawId, cose, attachment), {
				alias: 'k',
				origin: 'https://a.example'
			}).key_type;
		expect(typeOf('cross-platform')).toEqual({ cross_platform: null });
		expect(typeOf(undefined)).toEqual({ unknown: null });
	});

	test('refuses aliases and origins II would refuse', () => {
		const passkey = new WebAuthnIdentity(rawId, cose, 'platform');
		const build = (alias: string, origin: string) => () =>
			passkeyDeviceData(passkey, { alias, origin });
		expect(build('', 'https://a.example')).toThrow(RangeError);
		expect(build('   ', 'https://a.example')).toThrow(RangeError);
		expect(build('é'.repeat(33), 'https://a.example')).toThrow(RangeError); // 66 bytes
		expect(build('é'.repeat(32), 'https://a.example')).not.toThrow(); // 64 bytes
		expect(build('k', 'https://a.example/path')).toThrow(RangeError);
		expect(build('k', `https://${'a'.repeat(40)}.example`)).toThrow(RangeError);
		expect(build('k', 'not a url')).toThrow();
	});
});

test('generatedKeyDeviceData: a browser-storage key with the DER public key, no credential', () => {
	const identity = Ed25519KeyIdentity.generate();
	const data = generatedKeyDeviceData(identity, { alias: 'Devnet laptop' });
	expect(data.pubkey).toEqual(new Uint8Array(identity.getPublicKey().toDer()));
	expect(data).toMatchObject({
		key_type: { browser_storage_key: null },
		credential_id: [],
		origin: [],
		protection: { unprotected: null }
	});
	expect(acceptedByIi(data)).toBe(true);
});

test('recoveryPhraseDeviceData: seed_phrase, recovery, protected on request', () => {
	const key = new Uint8Array(Ed25519KeyIdentity.generate().getPublicKey().toDer());
	const locked = recoveryPhraseDeviceData(key, { protected: true });
	expect(locked).toMatchObject({
		alias: 'Recovery phrase',
		key_type: { seed_phrase: null },
		purpose: { recovery: null },
		protection: { protected: null },
		credential_id: []
	});
	expect(recoveryPhraseDeviceData(key, { protected: false }).protection).toEqual({
		unprotected: null
	});
	expect(acceptedByIi(locked)).toBe(true);
});
