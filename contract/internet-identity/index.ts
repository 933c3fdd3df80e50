// Internet Identity's Candid, vendored from II's own repository (README.md: repository, path,
// commit): the types and the idlFactory generated from internet_identity.did.
import type { _SERVICE } from './declarations/internet_identity.did';

export * from './declarations/internet_identity.did';

/** Every method of II's interface, as an @dfinity/agent actor has them. */
export type InternetIdentityService = _SERVICE;

/** The methods Tessera's app calls on II, with II's own types. */
export type IiAppService = Pick<
	InternetIdentityService,
	| 'add'
	| 'update'
	| 'replace'
	| 'remove'
	| 'lookup'
	| 'get_anchor_credentials'
	| 'get_anchor_info'
	| 'authn_method_security_settings_replace'
	| 'lookup_caller_identity_by_recovery_phrase'
	| 'identity_info'
	| 'openid_credential_remove'
	| 'email_recovery_credential_remove'
	| 'authn_method_registration_mode_exit'
>;

export type Opt<T> = [] | [T];
