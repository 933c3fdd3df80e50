// Local stand-in for Internet Identity, for development and tests only: on mainnet Tessera talks
// to the real II (rdmx6-jaaaa-aaaaa-aaadq-cai). Speaks the same Candid as II for the subset
// Tessera uses (domain/idl.ts) and enforces II's rules (domain/). This class only wires the
// Candid methods to domain/candid_api.ts, supplying caller and time, and replies or traps as
// that module decides. State lives in stable maps (src/stable_store.ts), never in fields.
import { msgCaller, query, time, trap, update } from 'azle';

import { CandidApi, type Outcome } from '../domain/candid_api';
import {
	iiMethods,
	localOnlyMethods,
	type AnchorCredentialsValue,
	type AuthnMethodSecuritySettingsReplaceResultValue,
	type AuthnMethodSecuritySettingsValue,
	type DeviceDataValue,
	type IdentityAnchorInfoValue,
	type Opt
} from '../domain/idl';
import { InternetIdentity } from '../domain/service';
import { StableAnchorStore } from './stable_store';

const api = new CandidApi(new InternetIdentity(new StableAnchorStore()));

function replyOrTrap<T>(outcome: Outcome<T>): T {
	if (outcome.kind === 'trap') trap(outcome.message);
	return outcome.value;
}

const local = localOnlyMethods.create_anchor_for_local_development;
const settings = iiMethods.authn_method_security_settings_replace;
const phraseLookup = iiMethods.lookup_caller_identity_by_recovery_phrase;

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
}
