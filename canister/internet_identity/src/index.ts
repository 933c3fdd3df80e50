// Local stand-in for Internet Identity, for development and tests only: on mainnet Tessera talks
// to the real II (rdmx6-jaaaa-aaaaa-aaadq-cai). Speaks the same Candid as II for the subset
// Tessera uses (domain/idl.ts) and enforces II's rules (domain/). This class only wires the
// Candid methods to domain/candid_api.ts, supplying caller and time, and replies or traps as
// that module decides. State lives in stable maps (src/stable_store.ts), never in fields.
import {
	canisterSelf,
	certifiedDataSet,
	dataCertificate,
	IDL,
	msgArgData,
	msgCaller,
	msgReply,
	query,
	time,
	trap,
	update
} from 'azle';

import type { GenericIdlFuncArgs, GenericIdlFuncRets } from '@dfinity/candid';
import type { Principal } from '@dfinity/principal';

import { CandidApi, type Outcome } from '../domain/candid_api';
import {
	ii2Methods as v2,
	iiMethods,
	localOnlyMethods,
	type AnchorCredentialsValue,
	type AuthnMethodSecuritySettingsReplaceResultValue,
	type AuthnMethodSecuritySettingsValue,
	type DeviceDataValue,
	type IdentityAnchorInfoValue,
	type Opt
} from '../domain/idl';
import { IdentityApi } from '../domain/identity-api';
import { InternetIdentity } from '../domain/service';
import { SignInApi } from '../domain/sign-in';
import { signInMethods, type GetDelegationResponseValue } from '../domain/sign-in-idl';
import { ensureSalt, salt, SALT_NOT_SET } from './salt';
import { StableAnchorStore } from './stable_store';
import type * as Ii from '@tessera/contract/internet-identity';

const ii = new InternetIdentity(new StableAnchorStore());
const api = new CandidApi(ii);
const identityApi = new IdentityApi(ii);
/** Signatures live on the heap, as II's: an upgrade drops them and clients sign in again. */
let signIn: SignInApi | undefined;
const signInApi = (): SignInApi => (signIn ??= new SignInApi(ii, canisterSelf()));

function saltOrTrap(): Uint8Array {
	const current = salt();
	if (!current) trap(SALT_NOT_SET);
	return current;
}

function replyOrTrap<T>(outcome: Outcome<T>): T {
	if (outcome.kind === 'trap') trap(outcome.message);
	return outcome.value;
}

const local = localOnlyMethods.create_anchor_for_local_development;
const settings = iiMethods.authn_method_security_settings_replace;
const phraseLookup = iiMethods.lookup_caller_identity_by_recovery_phrase;
const { prepare_delegation: prepare, get_delegation: getDelegation } = signInMethods;
const getPrincipal = signInMethods.get_principal;
const localEmail = localOnlyMethods.email_recovery_credential_add_for_local_development;

export default class LocalInternetIdentity {
	/** Local development only: mainnet II has no such method (it registers with a captcha). */
	@update(local.args, local.results[0])
	create_anchor_for_local_development(devices: DeviceDataValue[]): bigint {
		return replyOrTrap(api.create_anchor_for_local_development(msgCaller(), time(), devices));
	}

	@update(iiMethods.add.args)
	add(anchor: bigint, device: DeviceDataValue): void {
		replyOrTrap(api.add(msgCaller(), time(), anchor, device));
	}

	@update(iiMethods.update.args)
	update(anchor: bigint, key: Uint8Array, device: DeviceDataValue): void {
		replyOrTrap(api.update(msgCaller(), time(), anchor, key, device));
	}

	@update(iiMethods.replace.args)
	replace(anchor: bigint, key: Uint8Array, device: DeviceDataValue): void {
		replyOrTrap(api.replace(msgCaller(), time(), anchor, key, device));
	}

	@update(iiMethods.remove.args)
	remove(anchor: bigint, key: Uint8Array): void {
		replyOrTrap(api.remove(msgCaller(), time(), anchor, key));
	}

	@query(iiMethods.lookup.args, iiMethods.lookup.results[0])
	lookup(anchor: bigint): DeviceDataValue[] {
		return replyOrTrap(api.lookup(anchor));
	}

	@query(iiMethods.get_anchor_credentials.args, iiMethods.get_anchor_credentials.results[0])
	get_anchor_credentials(anchor: bigint): AnchorCredentialsValue {
		return replyOrTrap(api.get_anchor_credentials(anchor));
	}

	@update(iiMethods.get_anchor_info.args, iiMethods.get_anchor_info.results[0])
	get_anchor_info(anchor: bigint): IdentityAnchorInfoValue {
		return replyOrTrap(api.get_anchor_info(msgCaller(), time(), anchor));
	}

	@update(settings.args, settings.results[0])
	authn_method_security_settings_replace(
		identity: bigint,
		key: Uint8Array,
		newSettings: AuthnMethodSecuritySettingsValue
	): AuthnMethodSecuritySettingsReplaceResultValue {
		return replyOrTrap(
			api.authn_method_security_settings_replace(msgCaller(), time(), identity, key, newSettings)
		);
	}

	@update(phraseLookup.args, phraseLookup.results[0])
	lookup_caller_identity_by_recovery_phrase(): Opt<bigint> {
		return replyOrTrap(api.lookup_caller_identity_by_recovery_phrase(msgCaller()));
	}

	/**
	 * II's prepare_delegation has two results (user key, expiration), which Azle's decorators
	 * cannot declare: the method decodes and replies itself, and `declaresTwoResults` below
	 * gives the interface (and so the generated .did) II's signature.
	 */
	@update(prepare.args, undefined, { manual: true })
	async prepare_delegation(): Promise<void> {
		const caller = msgCaller(); // before the await, as II
		const [anchor, origin, sessionKey, maxTimeToLive] = IDL.decode(prepare.args, msgArgData()) as [
			bigint,
			string,
			Uint8Array,
			[] | [bigint]
		];
		const currentSalt = await ensureSalt();
		const api = signInApi();
		const prepared = replyOrTrap(
			api.prepare_delegation(caller, time(), currentSalt, anchor, origin, sessionKey, maxTimeToLive)
		);
		certifiedDataSet(api.rootHash());
		msgReply(new Uint8Array(IDL.encode(prepare.results, prepared)));
	}

	/** Runs after the method decorators: prepare_delegation's Candid as II declares it. */
	private readonly declaresTwoResults = declareResults(this, 'prepare_delegation', prepare);

	@query(getDelegation.args, getDelegation.results[0])
	get_delegation(
		anchor: bigint,
		origin: string,
		sessionKey: Uint8Array,
		expiration: bigint
	): GetDelegationResponseValue {
		const certificate = dataCertificate();
		if (!certificate) trap('get_delegation must be called as a query: no data certificate');
		return replyOrTrap(
			signInApi().get_delegation(
				msgCaller(),
				time(),
				saltOrTrap(),
				certificate,
				anchor,
				origin,
				sessionKey,
				expiration
			)
		);
	}

	@query(getPrincipal.args, getPrincipal.results[0])
	get_principal(anchor: bigint, origin: string): Principal {
		return replyOrTrap(
			signInApi().get_principal(msgCaller(), time(), saltOrTrap(), anchor, origin)
		);
	}

	// --- II 2.0: identity API, registration mode, OpenID credentials, recovery e-mail ----------

	@update(v2.identity_info.args, v2.identity_info.results[0])
	identity_info(identity: bigint) {
		return replyOrTrap(identityApi.identity_info(msgCaller(), time(), identity));
	}

	@query(v2.identity_authn_info.args, v2.identity_authn_info.results[0])
	identity_authn_info(identity: bigint) {
		return replyOrTrap(identityApi.identity_authn_info(identity));
	}

	@update(v2.authn_method_add.args, v2.authn_method_add.results[0])
	authn_method_add(identity: bigint, data: Ii.AuthnMethodData) {
		return replyOrTrap(identityApi.authn_method_add(msgCaller(), time(), identity, data));
	}

	@update(v2.authn_method_replace.args, v2.authn_method_replace.results[0])
	authn_method_replace(identity: bigint, key: Uint8Array, data: Ii.AuthnMethodData) {
		return replyOrTrap(identityApi.authn_method_replace(msgCaller(), time(), identity, key, data));
	}

	@update(v2.authn_method_remove.args, v2.authn_method_remove.results[0])
	authn_method_remove(identity: bigint, key: Uint8Array) {
		return replyOrTrap(identityApi.authn_method_remove(msgCaller(), time(), identity, key));
	}

	@update(v2.authn_method_metadata_replace.args, v2.authn_method_metadata_replace.results[0])
	authn_method_metadata_replace(identity: bigint, key: Uint8Array, metadata: Ii.MetadataMapV2) {
		return replyOrTrap(
			identityApi.authn_method_metadata_replace(msgCaller(), time(), identity, key, metadata)
		);
	}

	@update(
		v2.authn_method_registration_mode_enter.args,
		v2.authn_method_registration_mode_enter.results[0]
	)
	authn_method_registration_mode_enter(identity: bigint, _registrationId: Opt<string>) {
		return replyOrTrap(
			identityApi.authn_method_registration_mode_enter(msgCaller(), time(), identity)
		);
	}

	@update(
		v2.authn_method_registration_mode_exit.args,
		v2.authn_method_registration_mode_exit.results[0]
	)
	authn_method_registration_mode_exit(identity: bigint, _data: Opt<Ii.AuthnMethodData>) {
		return replyOrTrap(
			identityApi.authn_method_registration_mode_exit(msgCaller(), time(), identity)
		);
	}

	@update(v2.authn_method_register.args, v2.authn_method_register.results[0])
	authn_method_register(identity: bigint, data: Ii.AuthnMethodData) {
		return replyOrTrap(identityApi.authn_method_register(time(), identity, data));
	}

	@update(v2.authn_method_confirm.args, v2.authn_method_confirm.results[0])
	authn_method_confirm(identity: bigint, code: string) {
		return replyOrTrap(identityApi.authn_method_confirm(msgCaller(), time(), identity, code));
	}

	@update(v2.enter_device_registration_mode.args, v2.enter_device_registration_mode.results[0])
	enter_device_registration_mode(anchor: bigint): bigint {
		return replyOrTrap(identityApi.enter_device_registration_mode(msgCaller(), time(), anchor));
	}

	@update(v2.exit_device_registration_mode.args)
	exit_device_registration_mode(anchor: bigint): void {
		replyOrTrap(identityApi.exit_device_registration_mode(msgCaller(), time(), anchor));
	}

	@update(v2.add_tentative_device.args, v2.add_tentative_device.results[0])
	add_tentative_device(anchor: bigint, device: DeviceDataValue) {
		return replyOrTrap(identityApi.add_tentative_device(time(), anchor, device));
	}

	@update(v2.verify_tentative_device.args, v2.verify_tentative_device.results[0])
	verify_tentative_device(anchor: bigint, code: string) {
		return replyOrTrap(identityApi.verify_tentative_device(msgCaller(), time(), anchor, code));
	}

	/** Accepts only the devnet test issuer's tokens (domain/openid.ts); the salt is not used here. */
	@update(v2.openid_credential_add.args, v2.openid_credential_add.results[0])
	openid_credential_add(identity: bigint, jwt: string, _salt: Uint8Array, _domain: Opt<string>) {
		return replyOrTrap(identityApi.openid_credential_add(msgCaller(), time(), identity, jwt));
	}

	@update(v2.openid_credential_remove.args, v2.openid_credential_remove.results[0])
	openid_credential_remove(identity: bigint, key: [string, string, string]) {
		return replyOrTrap(identityApi.openid_credential_remove(msgCaller(), time(), identity, key));
	}

	/** Local development only: II binds a recovery e-mail through a DKIM-verified e-mail. */
	@update(localEmail.args, localEmail.results[0])
	email_recovery_credential_add_for_local_development(
		identity: bigint,
		address: string,
		signInKey: Uint8Array
	) {
		return replyOrTrap(
			identityApi.email_recovery_credential_add_for_local_development(
				msgCaller(),
				time(),
				identity,
				address,
				signInKey
			)
		);
	}

	@update(v2.email_recovery_credential_remove.args, v2.email_recovery_credential_remove.results[0])
	email_recovery_credential_remove(identity: bigint, address: string) {
		return replyOrTrap(
			identityApi.email_recovery_credential_remove(msgCaller(), time(), identity, address)
		);
	}
}

interface AzleClassMeta {
	canisterMethodIdlParamTypes: Record<string, IDL.FuncClass>;
}

/** Sets a method's Candid type in Azle's class metadata, from which the .did is generated. */
function declareResults(
	canister: object,
	name: string,
	method: { args: IDL.Type[]; results: IDL.Type[] }
): true {
	const meta = (canister.constructor as { _azleCanisterClassMeta?: AzleClassMeta })
		._azleCanisterClassMeta;
	if (meta)
		meta.canisterMethodIdlParamTypes[name] = IDL.Func(
			method.args as GenericIdlFuncArgs,
			method.results as GenericIdlFuncRets
		);
	return true;
}
