// II 2.0's identity API on the stand-in (domain/identity-api.ts), rule by rule, each against
// the II source the rule comes from (dfinity/internet-identity, src/internet_identity/src/...).
// Callers are real self-authenticating principals of Ed25519 keys; the store is in memory.
import { Principal } from '@dfinity/principal';
import { describe, expect, it } from 'vitest';
import { deviceToAuthnMethod } from '../../../canister/internet_identity/domain/authn-methods';
import type { Outcome } from '../../../canister/internet_identity/domain/candid_api';
import { deviceToWire } from '../../../canister/internet_identity/domain/wire';
import { decodeAnchor, encodeAnchor } from '../../../canister/internet_identity/domain/wire';
import { IdentityApi } from '../../../canister/internet_identity/domain/identity-api';
import { REGISTRATION_MODE_DURATION_NS } from '../../../canister/internet_identity/domain/identity-state';
import { TEST_ISSUER, testIssuerJwt } from '../../../canister/internet_identity/domain/openid';
import { anchorWith, der, keyOf, newIi, passkey, phraseDevice } from './helpers';

const owner = keyOf(1);
const phrase = keyOf(2);
const thief = keyOf(3);
const thiefGoogle = keyOf(4);
const thiefMail = keyOf(5);
const stranger = keyOf(6);
const NOW = 1_000_000_000_000n;

function replyOf<T>(outcome: Outcome<T>): T {
	if (outcome.kind === 'trap') throw new Error(`unexpected trap: ${outcome.message}`);
	return outcome.value;
}
function trapOf(outcome: Outcome<unknown>): string {
	if (outcome.kind !== 'trap')
		throw new Error(
			`expected a trap, got ${JSON.stringify(outcome.value, (_, v) => (typeof v === 'bigint' ? String(v) : v))}`
		);
	return outcome.message;
}

function setup() {
	const { ii, store } = newIi();
	const identity = anchorWith(ii, owner.getPrincipal(), [
		passkey(owner),
		phraseDevice(phrase, 'protected')
	]);
	return { ii, store, api: new IdentityApi(ii), identity };
}

const jwt = (sub = 'thief-sub', key = thiefGoogle) =>
	testIssuerJwt({
		sub,
		aud: 'ii-devnet',
		email: 'thief@example.com',
		name: 'T. Hief',
		exp: Number(NOW / 1_000_000_000n) + 3600,
		sign_in_key: Buffer.from(der(key)).toString('hex')
	});

describe('identity_info (main.rs v2_api identity_info; authz_utils.rs check_authorization)', () => {
	it('lists authn methods as II converts devices (AuthnMethodData from DeviceWithUsage)', () => {
		const { api, identity } = setup();
		const info = replyOf(api.identity_info(owner.getPrincipal(), NOW, identity));
		if (!('Ok' in info)) throw new Error('expected Ok');
		expect(info.Ok.authn_methods).toHaveLength(2);
		const [key, phraseMethod] = info.Ok.authn_methods;
		expect(key?.metadata).toContainEqual(['alias', { String: 'Passkey' }]);
		expect(key?.metadata).toContainEqual(['authenticator_attachment', { String: 'platform' }]);
		expect('WebAuthn' in key!.authn_method).toBe(true);
		expect(phraseMethod?.metadata).toContainEqual(['usage', { String: 'recovery_phrase' }]);
		expect(phraseMethod?.security_settings).toEqual({
			protection: { Protected: null },
			purpose: { Recovery: null }
		});
		expect(key?.last_authentication).toEqual([NOW]);
		expect(info.Ok.created_at).toEqual([1n]);
	});

	it('a stranger gets Err(Unauthorized(caller))', () => {
		const { api, identity } = setup();
		expect(replyOf(api.identity_info(stranger.getPrincipal(), NOW, identity))).toEqual({
			Err: { Unauthorized: stranger.getPrincipal() }
		});
	});

	it('identity_authn_info is public and splits authentication from recovery methods', () => {
		const { api, identity } = setup();
		const info = replyOf(api.identity_authn_info(identity));
		if (!('Ok' in info)) throw new Error('expected Ok');
		expect(info.Ok.authn_methods).toHaveLength(1);
		expect(info.Ok.recovery_authn_methods).toEqual([{ PubKey: { pubkey: der(phrase) } }]);
		expect(replyOf(api.identity_authn_info(99n))).toEqual({ Err: null });
	});
});

describe('authn_method_* (main.rs v2_api: they call the legacy add/replace/remove, which trap)', () => {
	it('authn_method_add adds; its device errors trap with the legacy text', () => {
		const { api, identity } = setup();
		const method = deviceToAuthnMethod(passkey(thief, { alias: 'Thief' }));
		expect(replyOf(api.authn_method_add(owner.getPrincipal(), NOW, identity, method))).toEqual({
			Ok: null
		});
		expect(trapOf(api.authn_method_add(owner.getPrincipal(), NOW, identity, method))).toMatch(
			/^failed to add device: Device with key [0-9a-f]+ already exists on this anchor\.$/
		);
	});

	it('metadata entries of the DeviceData fields must be strings (InvalidMetadata)', () => {
		const { api, identity } = setup();
		const method = deviceToAuthnMethod(passkey(thief));
		method.metadata = [['alias', { Bytes: new Uint8Array([1]) }]];
		expect(replyOf(api.authn_method_add(owner.getPrincipal(), NOW, identity, method))).toEqual({
			Err: { InvalidMetadata: "metadata key 'alias' is expected to be a string" }
		});
	});

	it('the protected phrase can be removed or replaced only by itself (storage/anchor.rs check_mutation_allowed)', () => {
		const { api, identity } = setup();
		expect(
			trapOf(api.authn_method_remove(owner.getPrincipal(), NOW, identity, der(phrase)))
		).toMatch(
			/^failed to remove device: Device is locked\. Must be authenticated with this device to mutate/
		);
		const replacement = deviceToAuthnMethod(phraseDevice(thief));
		expect(
			trapOf(
				api.authn_method_replace(owner.getPrincipal(), NOW, identity, der(phrase), replacement)
			)
		).toMatch(/^failed to replace device: Device is locked\./);
		expect(
			trapOf(
				api.authn_method_metadata_replace(owner.getPrincipal(), NOW, identity, der(phrase), [])
			)
		).toMatch(/^failed to modify device: Device is locked\./);
		expect(
			replyOf(api.authn_method_remove(phrase.getPrincipal(), NOW, identity, der(owner)))
		).toEqual({ Ok: null });
	});

	it('authn_method_metadata_replace of an unknown key is Err(AuthnMethodNotFound)', () => {
		const { api, identity } = setup();
		expect(
			replyOf(
				api.authn_method_metadata_replace(owner.getPrincipal(), NOW, identity, der(thief), [])
			)
		).toEqual({
			Err: { AuthnMethodNotFound: null }
		});
	});
});

describe('registration mode and tentative devices (anchor_management/tentative_device_registration.rs)', () => {
	it('off by default; on for 15 minutes; one tentative device; the right code adds it', () => {
		const { api, identity } = setup();
		const newcomer = deviceToWire(passkey(thief, { alias: 'New phone' }));
		expect(replyOf(api.add_tentative_device(NOW, identity, newcomer))).toEqual({
			device_registration_mode_off: null
		});
		const expiration = replyOf(
			api.enter_device_registration_mode(owner.getPrincipal(), NOW, identity)
		);
		expect(expiration).toBe(NOW + REGISTRATION_MODE_DURATION_NS);
		const added = replyOf(api.add_tentative_device(NOW, identity, newcomer));
		if (!('added_tentatively' in added)) throw new Error('expected added_tentatively');
		expect(added.added_tentatively.verification_code).toMatch(/^\d{6}$/);
		expect(
			replyOf(api.add_tentative_device(NOW, identity, deviceToWire(passkey(stranger))))
		).toEqual({
			another_device_tentatively_added: null
		});
		const info = replyOf(api.identity_info(owner.getPrincipal(), NOW, identity));
		if (!('Ok' in info)) throw new Error('expected Ok');
		expect(info.Ok.authn_method_registration[0]?.authn_method).toHaveLength(1);
		expect(
			replyOf(
				api.verify_tentative_device(
					owner.getPrincipal(),
					NOW,
					identity,
					added.added_tentatively.verification_code
				)
			)
		).toEqual({ verified: null });
		const after = replyOf(api.identity_info(owner.getPrincipal(), NOW, identity));
		if (!('Ok' in after)) throw new Error('expected Ok');
		expect(after.Ok.authn_methods).toHaveLength(3);
		expect(after.Ok.authn_method_registration).toEqual([]);
	});

	it('three wrong codes end the mode; the mode expires by itself', () => {
		const { api, identity } = setup();
		replyOf(api.enter_device_registration_mode(owner.getPrincipal(), NOW, identity));
		replyOf(api.add_tentative_device(NOW, identity, deviceToWire(passkey(thief))));
		const wrong = (code: string) =>
			replyOf(api.verify_tentative_device(owner.getPrincipal(), NOW, identity, code));
		expect(wrong('x')).toEqual({ wrong_code: { retries_left: 2 } });
		expect(wrong('x')).toEqual({ wrong_code: { retries_left: 1 } });
		expect(wrong('x')).toEqual({ wrong_code: { retries_left: 0 } });
		expect(wrong('x')).toEqual({ device_registration_mode_off: null });
		replyOf(api.enter_device_registration_mode(owner.getPrincipal(), NOW, identity));
		const later = NOW + REGISTRATION_MODE_DURATION_NS;
		expect(
			replyOf(api.add_tentative_device(later, identity, deviceToWire(passkey(thief))))
		).toEqual({
			device_registration_mode_off: null
		});
	});

	it('the v2 calls drive the same state; exit ends it; strangers are Unauthorized', () => {
		const { api, identity } = setup();
		expect(
			replyOf(api.authn_method_registration_mode_enter(stranger.getPrincipal(), NOW, identity))
		).toEqual({
			Err: { Unauthorized: stranger.getPrincipal() }
		});
		replyOf(api.authn_method_registration_mode_enter(owner.getPrincipal(), NOW, identity));
		const code = replyOf(
			api.authn_method_register(NOW, identity, deviceToAuthnMethod(passkey(thief)))
		);
		if (!('Ok' in code)) throw new Error('expected Ok');
		expect(replyOf(api.authn_method_confirm(owner.getPrincipal(), NOW, identity, 'nope'))).toEqual({
			Err: { WrongCode: { retries_left: 2 } }
		});
		expect(
			replyOf(api.authn_method_registration_mode_exit(owner.getPrincipal(), NOW, identity))
		).toEqual({ Ok: null });
		expect(
			replyOf(
				api.authn_method_confirm(owner.getPrincipal(), NOW, identity, code.Ok.confirmation_code)
			)
		).toEqual({
			Err: { RegistrationModeOff: null }
		});
		expect(
			trapOf(api.enter_device_registration_mode(stranger.getPrincipal(), NOW, identity))
		).toMatch(/could not be authenticated\.$/);
	});
});

describe('OpenID credentials (openid.rs; authz_utils.rs: a linked credential authorizes)', () => {
	it('links a test-issuer credential, which then signs in; II shows provider and e-mail', () => {
		const { api, identity } = setup();
		expect(replyOf(api.openid_credential_add(owner.getPrincipal(), NOW, identity, jwt()))).toEqual({
			Ok: null
		});
		const info = replyOf(api.identity_info(thiefGoogle.getPrincipal(), NOW + 1n, identity));
		if (!('Ok' in info)) throw new Error('expected Ok');
		const [credential] = info.Ok.openid_credentials[0] ?? [];
		expect(credential).toMatchObject({
			iss: TEST_ISSUER,
			sub: 'thief-sub',
			aud: 'ii-devnet',
			last_usage_timestamp: [NOW + 1n]
		});
		expect(credential?.metadata).toContainEqual(['email', { String: 'thief@example.com' }]);
		expect(replyOf(api.openid_credential_add(owner.getPrincipal(), NOW, identity, jwt()))).toEqual({
			Err: { OpenIdCredentialAlreadyRegistered: null }
		});
	});

	it('refuses other issuers, tampered and expired tokens', () => {
		const { api, identity } = setup();
		const other = jwt().replace(/^[^.]+\.[^.]+/, (m) => m.replace(/.$/, 'A'));
		expect(replyOf(api.openid_credential_add(owner.getPrincipal(), NOW, identity, other))).toEqual({
			Err: { JwtVerificationFailed: null }
		});
		expect(
			replyOf(api.openid_credential_add(owner.getPrincipal(), NOW, identity, 'a.b.c'))
		).toEqual({ Err: { JwtVerificationFailed: null } });
		expect(
			replyOf(
				api.openid_credential_add(
					owner.getPrincipal(),
					NOW + 3601n * 1_000_000_000n,
					identity,
					jwt()
				)
			)
		).toEqual({
			Err: { JwtExpired: null }
		});
		expect(
			replyOf(api.openid_credential_add(stranger.getPrincipal(), NOW, identity, jwt()))
		).toEqual({
			Err: { Unauthorized: stranger.getPrincipal() }
		});
	});

	it('removal: Ok once, then OpenIdCredentialNotFound; the credential no longer authorizes', () => {
		const { api, identity } = setup();
		replyOf(api.openid_credential_add(owner.getPrincipal(), NOW, identity, jwt()));
		const key: [string, string, string] = [TEST_ISSUER, 'thief-sub', 'ii-devnet'];
		expect(
			replyOf(api.openid_credential_remove(phrase.getPrincipal(), NOW, identity, key))
		).toEqual({ Ok: null });
		expect(
			replyOf(api.openid_credential_remove(phrase.getPrincipal(), NOW, identity, key))
		).toEqual({
			Err: { OpenIdCredentialNotFound: null }
		});
		expect(replyOf(api.identity_info(thiefGoogle.getPrincipal(), NOW, identity))).toEqual({
			Err: { Unauthorized: thiefGoogle.getPrincipal() }
		});
	});
});

describe('recovery e-mail (II: email_recovery in identity_info, email_recovery_credential_remove)', () => {
	it('attached locally, it authorizes; one per identity; II`s remove takes it away', () => {
		const { api, identity } = setup();
		const attach = (address: string, key = thiefMail) =>
			replyOf(
				api.email_recovery_credential_add_for_local_development(
					owner.getPrincipal(),
					NOW,
					identity,
					address,
					der(key)
				)
			);
		expect(attach('not an address')).toEqual({ Err: { InvalidEmailAddress: 'not an address' } });
		expect(attach('thief@example.com')).toEqual({ Ok: null });
		expect(attach('other@example.com', stranger)).toEqual({ Err: { LimitReached: { limit: 1 } } });
		const info = replyOf(api.identity_info(thiefMail.getPrincipal(), NOW + 5n, identity));
		if (!('Ok' in info)) throw new Error('expected Ok');
		expect(info.Ok.email_recovery).toEqual([
			[{ address: 'thief@example.com', created_at: NOW, last_used: [NOW + 5n] }]
		]);
		expect(
			replyOf(api.email_recovery_credential_remove(phrase.getPrincipal(), NOW, identity, 'x@y.z'))
		).toEqual({
			Err: { AddressNotRegistered: null }
		});
		expect(
			replyOf(
				api.email_recovery_credential_remove(
					phrase.getPrincipal(),
					NOW,
					identity,
					'thief@example.com'
				)
			)
		).toEqual({ Ok: null });
		expect(replyOf(api.identity_info(thiefMail.getPrincipal(), NOW, identity))).toEqual({
			Err: { Unauthorized: thiefMail.getPrincipal() }
		});
	});
});

describe('stored form', () => {
	it('version 2 keeps credentials, e-mail and registration across encode/decode; v1 still decodes', () => {
		const { api, store, identity } = setup();
		replyOf(api.openid_credential_add(owner.getPrincipal(), NOW, identity, jwt()));
		replyOf(
			api.email_recovery_credential_add_for_local_development(
				owner.getPrincipal(),
				NOW,
				identity,
				'a@b.c',
				der(thiefMail)
			)
		);
		replyOf(api.enter_device_registration_mode(owner.getPrincipal(), NOW, identity));
		replyOf(api.add_tentative_device(NOW, identity, deviceToWire(passkey(thief))));
		const anchor = store.get(identity)!;
		expect(decodeAnchor(encodeAnchor(anchor))).toEqual(anchor);
		expect(Principal.selfAuthenticating(anchor.openidCredentials![0]!.signInKey).toText()).toBe(
			thiefGoogle.getPrincipal().toText()
		);
	});
});
