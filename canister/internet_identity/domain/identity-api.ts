// II 2.0's identity API on the stand-in: Candid values in, reply or trap out, exactly where II
// replies with a variant and where it traps (II's v2 methods call the legacy device functions, so
// their device errors trap with the legacy texts: dfinity/internet-identity
// src/internet_identity/src/main.rs `mod v2_api`). Authorization is the stand-in's
// check_authorization over every route (routes.ts).
import type { Principal } from '@dfinity/principal';
import type * as Ii from '@tessera/contract/internet-identity';
import type { Anchor } from './anchor';
import { authnMethodOf, authnMethodToDevice, deviceToAuthnMethod } from './authn-methods';
import type { Outcome } from './candid_api';
import { sameKey, type Device } from './device';
import { addEmailRecovery, removeEmailRecovery } from './email-recovery';
import { iiErrorMessage, type IiError, type Result } from './errors';
import { activeRegistration, type OpenIdCredential } from './identity-state';
import { addOpenIdCredential, removeOpenIdCredential, verifyTestIssuerJwt } from './openid';
import {
	addTentativeDevice,
	enterRegistrationMode,
	exitRegistrationMode,
	randomVerificationCode,
	verifyTentativeDevice
} from './registration';
import type { InternetIdentity } from './service';
import { deviceFromWire } from './wire';

type Ok = { Ok: null };
const reply = <T>(value: T): Outcome<T> => ({ kind: 'reply', value });
const trap = (error: IiError): Outcome<never> => ({ kind: 'trap', message: iiErrorMessage(error) });
const okReply: Outcome<Ok> = reply({ Ok: null });
const opt = <T>(value: T | undefined): [] | [T] => (value === undefined ? [] : [value]);

/** Legacy device results trap on error (II's v2 methods call the legacy functions). */
function trapOr<T>(result: Result<void>, value: T): Outcome<T> {
	return result.ok ? reply(value) : trap(result.error);
}

function openIdToWire(c: OpenIdCredential): Ii.OpenIdCredential {
	const metadata: Ii.MetadataMapV2 = [];
	if (c.email !== undefined) metadata.push(['email', { String: c.email }]);
	if (c.name !== undefined) metadata.push(['name', { String: c.name }]);
	return {
		iss: c.iss,
		sub: c.sub,
		aud: c.aud,
		metadata,
		last_usage_timestamp: opt(c.lastUsage),
		sso_domain: [],
		sso_name: []
	};
}

export function identityInfoToWire(anchor: Anchor, now: bigint): Ii.IdentityInfo {
	const registration = activeRegistration(anchor.registration, now);
	const email = anchor.emailRecovery;
	return {
		authn_methods: anchor.devices.map(deviceToAuthnMethod),
		authn_method_registration: registration
			? [
					{
						expiration: registration.expiration,
						authn_method: registration.tentative
							? [deviceToAuthnMethod(registration.tentative.device)]
							: [],
						session: []
					}
				]
			: [],
		openid_credentials: [(anchor.openidCredentials ?? []).map(openIdToWire)],
		metadata: [],
		name: [],
		created_at: [anchor.createdAt],
		email_recovery: email
			? [[{ address: email.address, created_at: email.createdAt, last_used: opt(email.lastUsed) }]]
			: [],
		verified_emails: [],
		browsers: [],
		mcp_config: []
	};
}

export class IdentityApi {
	constructor(private readonly ii: InternetIdentity) {}

	/** Authorizes, then applies `change`; writes the anchor (with the route's usage) either way. */
	private withAuth<T>(
		caller: Principal,
		now: bigint,
		identity: bigint,
		change: (anchor: Anchor) => { anchor?: Anchor; outcome: Outcome<T> },
		unauthorized?: (principal: Principal) => Outcome<T>
	): Outcome<T> {
		const auth = this.ii.authorize(caller, identity, now);
		if (!auth.ok) {
			return auth.error.kind === 'Unauthorized' && unauthorized
				? unauthorized(caller)
				: trap(auth.error);
		}
		const { anchor, outcome } = change(auth.value);
		this.ii.commitChange(auth.value, anchor ?? auth.value);
		return outcome;
	}

	identity_info(
		caller: Principal,
		now: bigint,
		identity: bigint
	): Outcome<{ Ok: Ii.IdentityInfo } | { Err: Ii.IdentityInfoError }> {
		return this.withAuth<{ Ok: Ii.IdentityInfo } | { Err: Ii.IdentityInfoError }>(
			caller,
			now,
			identity,
			(anchor) => ({ outcome: reply({ Ok: identityInfoToWire(anchor, now) }) }),
			(p) => reply({ Err: { Unauthorized: p } })
		);
	}

	identity_authn_info(identity: bigint): Outcome<{ Ok: Ii.IdentityAuthnInfo } | { Err: null }> {
		const anchor = this.ii.read(identity);
		if (!anchor) return reply({ Err: null });
		const of = (purpose: Device['purpose']) =>
			anchor.devices.filter((d) => d.purpose === purpose).map(authnMethodOf);
		return reply({
			Ok: { authn_methods: of('authentication'), recovery_authn_methods: of('recovery') }
		});
	}

	authn_method_add(
		caller: Principal,
		now: bigint,
		identity: bigint,
		data: Ii.AuthnMethodData
	): Outcome<Ok | { Err: Ii.AuthnMethodAddError }> {
		const device = authnMethodToDevice(data);
		if (!device.ok) return reply({ Err: { InvalidMetadata: device.error } });
		return trapOr(this.ii.add(caller, identity, device.value, now), { Ok: null });
	}

	authn_method_replace(
		caller: Principal,
		now: bigint,
		identity: bigint,
		key: Uint8Array,
		data: Ii.AuthnMethodData
	): Outcome<Ok | { Err: Ii.AuthnMethodReplaceError }> {
		const device = authnMethodToDevice(data);
		if (!device.ok) return reply({ Err: { InvalidMetadata: device.error } });
		return trapOr(this.ii.replace(caller, identity, key, device.value, now), { Ok: null });
	}

	authn_method_remove(
		caller: Principal,
		now: bigint,
		identity: bigint,
		key: Uint8Array
	): Outcome<Ok> {
		return trapOr(this.ii.remove(caller, identity, key, now), { Ok: null });
	}

	authn_method_metadata_replace(
		caller: Principal,
		now: bigint,
		identity: bigint,
		key: Uint8Array,
		metadata: Ii.MetadataMapV2
	): Outcome<Ok | { Err: Ii.AuthnMethodMetadataReplaceError }> {
		const auth = this.ii.authorize(caller, identity, now);
		if (!auth.ok) return trap(auth.error);
		const device = auth.value.devices.find((d) => sameKey(d.pubkey, key));
		if (!device) return reply({ Err: { AuthnMethodNotFound: null } });
		const modified = authnMethodToDevice({ ...deviceToAuthnMethod(device), metadata });
		if (!modified.ok) return reply({ Err: { InvalidMetadata: modified.error } });
		// The key type is the device's, not the client's to change through metadata.
		const device2 = { ...modified.value, keyType: device.keyType };
		return trapOr(this.ii.update(caller, identity, key, device2, now), { Ok: null });
	}

	authn_method_registration_mode_enter(
		caller: Principal,
		now: bigint,
		identity: bigint
	): Outcome<{ Ok: { expiration: bigint } } | { Err: Ii.AuthnMethodRegistrationModeEnterError }> {
		return this.withAuth<
			{ Ok: { expiration: bigint } } | { Err: Ii.AuthnMethodRegistrationModeEnterError }
		>(
			caller,
			now,
			identity,
			(anchor) => {
				const entered = enterRegistrationMode(anchor, now);
				return {
					anchor: entered.anchor,
					outcome: reply({ Ok: { expiration: entered.expiration } })
				};
			},
			(p) => reply({ Err: { Unauthorized: p } })
		);
	}

	authn_method_registration_mode_exit(
		caller: Principal,
		now: bigint,
		identity: bigint
	): Outcome<Ok | { Err: Ii.AuthnMethodRegistrationModeExitError }> {
		return this.withAuth<Ok | { Err: Ii.AuthnMethodRegistrationModeExitError }>(
			caller,
			now,
			identity,
			(anchor) => ({ anchor: exitRegistrationMode(anchor), outcome: okReply }),
			(p) => reply({ Err: { Unauthorized: p } })
		);
	}

	/** Unauthenticated, as in II: the new device offers itself while registration mode is on. */
	authn_method_register(
		now: bigint,
		identity: bigint,
		data: Ii.AuthnMethodData
	): Outcome<{ Ok: Ii.AuthnMethodConfirmationCode } | { Err: Ii.AuthnMethodRegisterError }> {
		const device = authnMethodToDevice(data);
		if (!device.ok) return reply({ Err: { InvalidMetadata: device.error } });
		const tentative = this.offer(now, identity, device.value);
		if (!tentative.ok) {
			const error = tentative.error;
			if (error.kind === 'trap') return error.outcome;
			return reply({
				Err:
					error.kind === 'RegistrationModeOff'
						? { RegistrationModeOff: null }
						: error.kind === 'AnotherDeviceTentativelyAdded'
							? { RegistrationAlreadyInProgress: null }
							: { PasskeyWithThisPublicKeyIsAlreadyUsed: null }
			});
		}
		return reply({
			Ok: { confirmation_code: tentative.value.code, expiration: tentative.value.expiration }
		});
	}

	authn_method_confirm(
		caller: Principal,
		now: bigint,
		identity: bigint,
		code: string
	): Outcome<Ok | { Err: Ii.AuthnMethodConfirmationError }> {
		return this.withAuth<Ok | { Err: Ii.AuthnMethodConfirmationError }>(
			caller,
			now,
			identity,
			(anchor) => {
				const result = verifyTentativeDevice(anchor, code, now);
				switch (result.kind) {
					case 'verified':
						return { anchor: result.anchor, outcome: okReply };
					case 'wrong_code':
						return {
							anchor: result.anchor,
							outcome: reply({ Err: { WrongCode: { retries_left: result.retriesLeft } } })
						};
					case 'device_registration_mode_off':
						return { outcome: reply({ Err: { RegistrationModeOff: null } }) };
					case 'no_device_to_verify':
						return { outcome: reply({ Err: { NoAuthnMethodToConfirm: null } }) };
					case 'invalid_device':
						return {
							outcome: trap({
								kind: 'DeviceOperationFailed',
								operation: 'add',
								error: result.error
							})
						};
				}
			},
			(p) => reply({ Err: { Unauthorized: p } })
		);
	}

	enter_device_registration_mode(
		caller: Principal,
		now: bigint,
		identity: bigint
	): Outcome<bigint> {
		return this.withAuth<bigint>(caller, now, identity, (anchor) => {
			const entered = enterRegistrationMode(anchor, now);
			return { anchor: entered.anchor, outcome: reply(entered.expiration) };
		});
	}

	exit_device_registration_mode(caller: Principal, now: bigint, identity: bigint): Outcome<null> {
		return this.withAuth<null>(caller, now, identity, (anchor) => ({
			anchor: exitRegistrationMode(anchor),
			outcome: reply(null)
		}));
	}

	add_tentative_device(
		now: bigint,
		identity: bigint,
		device: Ii.DeviceData
	): Outcome<Ii.AddTentativeDeviceResponse> {
		const tentative = this.offer(now, identity, deviceFromWire(device));
		if (!tentative.ok) {
			const error = tentative.error;
			if (error.kind === 'trap') return error.outcome;
			return reply(
				error.kind === 'RegistrationModeOff'
					? { device_registration_mode_off: null }
					: error.kind === 'AnotherDeviceTentativelyAdded'
						? { another_device_tentatively_added: null }
						: { passkey_with_this_public_key_is_already_used: null }
			);
		}
		return reply({
			added_tentatively: {
				verification_code: tentative.value.code,
				device_registration_timeout: tentative.value.expiration
			}
		});
	}

	verify_tentative_device(
		caller: Principal,
		now: bigint,
		identity: bigint,
		code: string
	): Outcome<Ii.VerifyTentativeDeviceResponse> {
		return this.withAuth<Ii.VerifyTentativeDeviceResponse>(caller, now, identity, (anchor) => {
			const result = verifyTentativeDevice(anchor, code, now);
			switch (result.kind) {
				case 'verified':
					return { anchor: result.anchor, outcome: reply({ verified: null }) };
				case 'wrong_code':
					return {
						anchor: result.anchor,
						outcome: reply({ wrong_code: { retries_left: result.retriesLeft } })
					};
				case 'device_registration_mode_off':
					return { outcome: reply({ device_registration_mode_off: null }) };
				case 'no_device_to_verify':
					return { outcome: reply({ no_device_to_verify: null }) };
				case 'invalid_device':
					return {
						outcome: trap({ kind: 'DeviceOperationFailed', operation: 'add', error: result.error })
					};
			}
		});
	}

	openid_credential_add(
		caller: Principal,
		now: bigint,
		identity: bigint,
		jwt: string
	): Outcome<Ok | { Pending: null } | { Err: Ii.OpenIdCredentialAddError }> {
		return this.withAuth<Ok | { Pending: null } | { Err: Ii.OpenIdCredentialAddError }>(
			caller,
			now,
			identity,
			(anchor) => {
				const verified = verifyTestIssuerJwt(jwt, now);
				if (!verified.ok) {
					return {
						outcome: reply({
							Err:
								verified.error === 'JwtExpired'
									? { JwtExpired: null }
									: { JwtVerificationFailed: null }
						})
					};
				}
				const added = addOpenIdCredential(anchor, verified.value);
				if (!added.ok)
					return { outcome: reply({ Err: { OpenIdCredentialAlreadyRegistered: null } }) };
				return { anchor: added.value, outcome: okReply };
			},
			(p) => reply({ Err: { Unauthorized: p } })
		);
	}

	openid_credential_remove(
		caller: Principal,
		now: bigint,
		identity: bigint,
		key: [string, string, string]
	): Outcome<Ok | { Err: Ii.OpenIdCredentialRemoveError }> {
		const [iss, sub, aud] = key;
		return this.withAuth<Ok | { Err: Ii.OpenIdCredentialRemoveError }>(
			caller,
			now,
			identity,
			(anchor) => {
				const removed = removeOpenIdCredential(anchor, { iss, sub, aud });
				if (!removed.ok) return { outcome: reply({ Err: { OpenIdCredentialNotFound: null } }) };
				return { anchor: removed.value, outcome: okReply };
			},
			(p) => reply({ Err: { Unauthorized: p } })
		);
	}

	/** Local development only: II binds an address through a DKIM-verified e-mail (no SMTP here). */
	email_recovery_credential_add_for_local_development(
		caller: Principal,
		now: bigint,
		identity: bigint,
		address: string,
		signInKey: Uint8Array
	): Outcome<Ok | { Err: Ii.EmailChallengeError }> {
		return this.withAuth<Ok | { Err: Ii.EmailChallengeError }>(
			caller,
			now,
			identity,
			(anchor) => {
				const added = addEmailRecovery(anchor, {
					address,
					createdAt: now,
					signInKey: Uint8Array.from(signInKey)
				});
				if (!added.ok) {
					const error: Ii.EmailChallengeError =
						added.error === 'InvalidEmailAddress'
							? { InvalidEmailAddress: address }
							: added.error === 'LimitReached'
								? { LimitReached: { limit: 1 } }
								: { AddressAlreadyRegistered: null };
					return { outcome: reply({ Err: error }) };
				}
				return { anchor: added.value, outcome: okReply };
			},
			(p) => reply({ Err: { Unauthorized: p } })
		);
	}

	email_recovery_credential_remove(
		caller: Principal,
		now: bigint,
		identity: bigint,
		address: string
	): Outcome<Ok | { Err: Ii.EmailChallengeError }> {
		return this.withAuth<Ok | { Err: Ii.EmailChallengeError }>(
			caller,
			now,
			identity,
			(anchor) => {
				const removed = removeEmailRecovery(anchor, address);
				if (!removed.ok) return { outcome: reply({ Err: { AddressNotRegistered: null } }) };
				return { anchor: removed.value, outcome: okReply };
			},
			(p) => reply({ Err: { Unauthorized: p } })
		);
	}

	/** A tentative device offered by an unauthenticated caller (shared by both APIs). */
	private offer(
		now: bigint,
		identity: bigint,
		device: Device
	): Result<
		{ code: string; expiration: bigint },
		| { kind: 'RegistrationModeOff' | 'AnotherDeviceTentativelyAdded' | 'KeyInUse' }
		| { kind: 'trap'; outcome: Outcome<never> }
	> {
		const anchor = this.ii.read(identity);
		if (!anchor) {
			const range = this.ii.anchorRange;
			return {
				ok: false,
				error: {
					kind: 'trap',
					outcome: trap({ kind: 'AnchorNotFound', anchorNumber: identity, range })
				}
			};
		}
		if (this.ii.keyUsedElsewhere(device.pubkey, identity))
			return { ok: false, error: { kind: 'KeyInUse' } };
		const added = addTentativeDevice(anchor, device, randomVerificationCode(), now);
		if (!added.ok) return { ok: false, error: { kind: added.error } };
		this.ii.commitChange(anchor, added.value.anchor);
		return {
			ok: true,
			value: {
				code: added.value.registration.tentative?.code ?? '',
				expiration: added.value.registration.expiration
			}
		};
	}
}
