// Every II method the app calls type-checks against II's own Candid, vendored in
// contract/internet-identity (commit in its README): the app's actor is built from that IDL, and
// the local stand-in's service is a Candid subtype of II's for each of these methods, so a
// client written against II works against the stand-in and the other way round.
import { IDL } from '@dfinity/candid';
import {
	idlFactory as vendoredFactory,
	type IiAppService,
	type InternetIdentityService
} from '@tessera/contract/internet-identity';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
	idlFactory as standInFactory,
	iiMethods,
	ii2Methods
} from '../../../canister/internet_identity/domain/idl';

/** The II methods the app calls (src/lib/ii/actor.ts types its actor with exactly these). */
const APP_METHODS = [
	'add',
	'update',
	'replace',
	'remove',
	'lookup',
	'get_anchor_credentials',
	'get_anchor_info',
	'authn_method_security_settings_replace',
	'lookup_caller_identity_by_recovery_phrase',
	'identity_info',
	'openid_credential_remove',
	'email_recovery_credential_remove',
	'authn_method_registration_mode_exit'
] as const satisfies readonly (keyof InternetIdentityService)[];

/** The sign-in methods the local II window calls (as II's own frontend does). */
const SIGN_IN_METHODS = [
	'prepare_delegation',
	'get_delegation',
	'get_principal'
] as const satisfies readonly (keyof InternetIdentityService)[];

function methods(factory: IDL.InterfaceFactory): Map<string, IDL.FuncClass> {
	return new Map(factory({ IDL })._fields);
}

const vendored = methods(vendoredFactory);
const standIn = methods(standInFactory);

describe('II methods the app calls, against the vendored internet_identity.did', () => {
	it('the app types its actor with exactly these methods', () => {
		expectTypeOf<keyof IiAppService>().toEqualTypeOf<(typeof APP_METHODS)[number]>();
		const served = [...Object.keys(iiMethods), ...Object.keys(ii2Methods)];
		for (const name of [...APP_METHODS, ...SIGN_IN_METHODS]) expect(served, name).toContain(name);
	});

	it.each([...APP_METHODS, ...SIGN_IN_METHODS])(
		'%s: II declares it, and the stand-in is a subtype',
		(name) => {
			const ii = vendored.get(name);
			const local = standIn.get(name);
			expect(ii, `II has ${name}`).toBeDefined();
			expect(local, `the stand-in has ${name}`).toBeDefined();
			expect(IDL.subtype(local as IDL.FuncClass, ii as IDL.FuncClass)).toBe(true);
			expect(local?.annotations).toEqual(ii?.annotations);
		}
	);

	it.each(Object.keys(ii2Methods))(
		'%s (II 2.0, served by the stand-in): the very type II declares',
		(name) => {
			const ii = vendored.get(name) as IDL.FuncClass;
			const local = standIn.get(name) as IDL.FuncClass;
			expect(IDL.subtype(local, ii) && IDL.subtype(ii, local)).toBe(true);
			expect(local.annotations).toEqual(ii.annotations);
		}
	);

	it('a method with another shape is not a subtype (the check can fail)', () => {
		const wrong = IDL.Func([IDL.Nat64], [IDL.Vec(IDL.Text)], ['query']);
		expect(IDL.subtype(wrong, vendored.get('lookup') as IDL.FuncClass)).toBe(false);
	});
});
