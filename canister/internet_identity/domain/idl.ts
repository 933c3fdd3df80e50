// The Candid interface of the Internet Identity subset Tessera uses: the single source of truth
// for the local canister (canister/internet_identity/src) and for clients. Names, field names and
// shapes follow II's internet_identity.did (dfinity/internet-identity); tests/unit/internet-identity
// checks them type by type against a committed excerpt of that file.
//
// The TypeScript types below are the JavaScript values @dfinity/candid produces for these IDL
// types (opt T = [] | [T], variant = single-key object, blob = Uint8Array, nat64 = bigint).
import { IDL, type GenericIdlFuncArgs, type GenericIdlFuncRets } from '@dfinity/candid';
import type * as Ii from '@tessera/contract/internet-identity';
import { idlFactory as vendoredIdlFactory } from '@tessera/contract/internet-identity';
import { signInMethods } from './sign-in-idl';

export const UserNumber = IDL.Nat64;
export const IdentityNumber = IDL.Nat64;
export const Timestamp = IDL.Nat64;
export const PublicKey = IDL.Vec(IDL.Nat8);
export const DeviceKey = PublicKey;
export const CredentialId = IDL.Vec(IDL.Nat8);
export const Aaguid = IDL.Vec(IDL.Nat8);

export const Purpose = IDL.Variant({ recovery: IDL.Null, authentication: IDL.Null });
export const KeyType = IDL.Variant({
	unknown: IDL.Null,
	platform: IDL.Null,
	cross_platform: IDL.Null,
	seed_phrase: IDL.Null,
	browser_storage_key: IDL.Null
});
export const DeviceProtection = IDL.Variant({ protected: IDL.Null, unprotected: IDL.Null });

export const MetadataMap = IDL.Rec();
MetadataMap.fill(
	IDL.Vec(
		IDL.Tuple(
			IDL.Text,
			IDL.Variant({ map: MetadataMap, string: IDL.Text, bytes: IDL.Vec(IDL.Nat8) })
		)
	)
);

export const MetadataMapV2 = IDL.Rec();
MetadataMapV2.fill(
	IDL.Vec(
		IDL.Tuple(
			IDL.Text,
			IDL.Variant({ Map: MetadataMapV2, String: IDL.Text, Bytes: IDL.Vec(IDL.Nat8) })
		)
	)
);

const deviceFields = {
	pubkey: DeviceKey,
	alias: IDL.Text,
	credential_id: IDL.Opt(CredentialId),
	aaguid: IDL.Opt(Aaguid),
	purpose: Purpose,
	key_type: KeyType,
	protection: DeviceProtection,
	origin: IDL.Opt(IDL.Text),
	metadata: IDL.Opt(MetadataMap)
};
export const DeviceData = IDL.Record(deviceFields);
export const DeviceWithUsage = IDL.Record({ ...deviceFields, last_usage: IDL.Opt(Timestamp) });

export const DeviceRegistrationInfo = IDL.Record({
	tentative_device: IDL.Opt(DeviceData),
	tentative_session: IDL.Opt(IDL.Principal),
	expiration: Timestamp
});

export const OpenIdCredential = IDL.Record({
	iss: IDL.Text,
	sub: IDL.Text,
	aud: IDL.Text,
	last_usage_timestamp: IDL.Opt(Timestamp),
	metadata: MetadataMapV2,
	sso_domain: IDL.Opt(IDL.Text),
	sso_name: IDL.Opt(IDL.Text)
});

export const IdentityAnchorInfo = IDL.Record({
	devices: IDL.Vec(DeviceWithUsage),
	device_registration: IDL.Opt(DeviceRegistrationInfo),
	openid_credentials: IDL.Opt(IDL.Vec(OpenIdCredential)),
	name: IDL.Opt(IDL.Text),
	created_at: IDL.Opt(Timestamp)
});

export const WebAuthnCredential = IDL.Record({ credential_id: CredentialId, pubkey: PublicKey });
export const AnchorCredentials = IDL.Record({
	credentials: IDL.Vec(WebAuthnCredential),
	recovery_credentials: IDL.Vec(WebAuthnCredential),
	recovery_phrases: IDL.Vec(PublicKey)
});

export const AuthnMethodProtection = IDL.Variant({ Protected: IDL.Null, Unprotected: IDL.Null });
export const AuthnMethodPurpose = IDL.Variant({ Recovery: IDL.Null, Authentication: IDL.Null });
export const AuthnMethodSecuritySettings = IDL.Record({
	protection: AuthnMethodProtection,
	purpose: AuthnMethodPurpose
});
export const AuthnMethodSecuritySettingsReplaceError = IDL.Variant({
	AuthnMethodNotFound: IDL.Null
});
export const AuthnMethodSecuritySettingsReplaceResult = IDL.Variant({
	Ok: IDL.Null,
	Err: AuthnMethodSecuritySettingsReplaceError
});

/** A method of the II subset: argument types, result types and whether II declares it a query. */
export interface MethodSignature {
	args: IDL.Type[];
	results: IDL.Type[];
	query: boolean;
}

/** The II methods Tessera uses, exactly as II declares them. */
export const iiMethods = {
	add: { args: [UserNumber, DeviceData], results: [], query: false },
	update: { args: [UserNumber, DeviceKey, DeviceData], results: [], query: false },
	replace: { args: [UserNumber, DeviceKey, DeviceData], results: [], query: false },
	remove: { args: [UserNumber, DeviceKey], results: [], query: false },
	lookup: { args: [UserNumber], results: [IDL.Vec(DeviceData)], query: true },
	get_anchor_credentials: { args: [UserNumber], results: [AnchorCredentials], query: true },
	get_anchor_info: { args: [UserNumber], results: [IdentityAnchorInfo], query: false },
	authn_method_security_settings_replace: {
		args: [IdentityNumber, PublicKey, AuthnMethodSecuritySettings],
		results: [AuthnMethodSecuritySettingsReplaceResult],
		query: false
	},
	lookup_caller_identity_by_recovery_phrase: {
		args: [],
		results: [IDL.Opt(IdentityNumber)],
		query: false
	},
	...signInMethods
} satisfies Record<string, MethodSignature>;

/** II 2.0's identity API and the registration / OpenID / recovery e-mail methods the stand-in serves. */
export const II2_METHOD_NAMES = [
	'identity_info',
	'identity_authn_info',
	'authn_method_add',
	'authn_method_replace',
	'authn_method_remove',
	'authn_method_metadata_replace',
	'authn_method_registration_mode_enter',
	'authn_method_registration_mode_exit',
	'authn_method_register',
	'authn_method_confirm',
	'enter_device_registration_mode',
	'exit_device_registration_mode',
	'add_tentative_device',
	'verify_tentative_device',
	'openid_credential_add',
	'openid_credential_remove',
	'email_recovery_credential_remove'
] as const;
export type Ii2MethodName = (typeof II2_METHOD_NAMES)[number];

/** A method's types exactly as II's vendored internet_identity.did declares them. */
function vendoredSignature(func: IDL.FuncClass): MethodSignature {
	return { args: func.argTypes, results: func.retTypes, query: func.annotations.includes('query') };
}

const vendoredService = new Map(vendoredIdlFactory({ IDL })._fields as [string, IDL.FuncClass][]);

/** II 2.0's methods, their types taken from the vendored .did (one source of truth). */
export const ii2Methods = Object.fromEntries(
	II2_METHOD_NAMES.map((name) => {
		const func = vendoredService.get(name);
		if (!func) throw new Error(`the vendored internet_identity.did has no ${name}`);
		return [name, vendoredSignature(func)];
	})
) as Record<Ii2MethodName, MethodSignature>;

/**
 * Local development only: mainnet II has no such method. Creates an anchor holding the given
 * devices; the caller must be one of them (as in II's `register`).
 */
export const localOnlyMethods = {
	create_anchor_for_local_development: {
		args: [IDL.Vec(DeviceData)],
		results: [UserNumber],
		query: false
	},
	/**
	 * Attaches a recovery e-mail whose sign-in key is `blob`. II binds one only after a DKIM-verified
	 * e-mail (no SMTP here); the result is II's `EmailChallengeError` variant.
	 */
	email_recovery_credential_add_for_local_development: {
		args: [IdentityNumber, IDL.Text, PublicKey],
		results: [vendoredService.get('email_recovery_credential_remove')?.retTypes[0] as IDL.Type],
		query: false
	}
} satisfies Record<string, MethodSignature>;

/** The IDL factory clients use to build an actor for this subset (plus the local-only method). */
export const idlFactory: IDL.InterfaceFactory = ({ IDL: idl }) => {
	const service: Record<string, IDL.FuncClass> = {};
	for (const [name, m] of Object.entries({ ...iiMethods, ...ii2Methods, ...localOnlyMethods })) {
		service[name] = idl.Func(
			m.args as GenericIdlFuncArgs,
			m.results as GenericIdlFuncRets,
			m.query ? ['query'] : []
		);
	}
	return idl.Service(service);
};

// --- JavaScript values of the types above -------------------------------------------------------
// II's own types, generated from its vendored internet_identity.did (@tessera/contract), so what
// this canister takes and returns type-checks against the real II.

export type Opt<T> = Ii.Opt<T>;
export type PurposeValue = Ii.Purpose;
export type KeyTypeValue = Ii.KeyType;
export type DeviceProtectionValue = Ii.DeviceProtection;
export type MetadataMapValue = Ii.MetadataMap;
export type DeviceDataValue = Ii.DeviceData;
export type DeviceWithUsageValue = Ii.DeviceWithUsage;
export type IdentityAnchorInfoValue = Ii.IdentityAnchorInfo;
export type WebAuthnCredentialValue = Ii.WebAuthnCredential;
export type AnchorCredentialsValue = Ii.AnchorCredentials;
export type AuthnMethodSecuritySettingsValue = Ii.AuthnMethodSecuritySettings;
export type AuthnMethodSecuritySettingsReplaceResultValue = Awaited<
	ReturnType<Ii.InternetIdentityService['authn_method_security_settings_replace']>
>;
