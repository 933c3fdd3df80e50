// Local stand-in for Internet Identity, for development and tests only: on mainnet Tessera talks
// to the real II (rdmx6-jaaaa-aaaaa-aaadq-cai). Speaks the same Candid as II for the subset
// Tessera uses (domain/idl.ts) and enforces II's rules (domain/). This class only maps Candid
// values to domain calls and turns domain errors into traps or result variants exactly where
// II traps or returns them.
import { msgCaller, query, time, trap, update } from 'azle';

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
import { iiErrorMessage, type Result } from '../domain/errors';
import { InternetIdentity } from '../domain/service';
import {
	anchorInfoToWire,
	credentialsToWire,
	deviceFromWire,
	deviceToWire,
	securitySettingsFromWire
} from '../domain/wire';
import { StableAnchorStore } from './stable_store';

const ii = new InternetIdentity(new StableAnchorStore());

/** II's legacy API traps on every error, with II's message. */
function orTrap<T>(result: Result<T>): T {
	if (!result.ok) trap(iiErrorMessage(result.error));
	return result.value;
}

export default class LocalInternetIdentity {
	/** Local development only: mainnet II has no such method (it registers with a captcha). */
	@update(
		localOnlyMethods.create_anchor_for_local_development.args,
		localOnlyMethods.create_anchor_for_local_development.results[0]
	)
	create_anchor_for_local_development(devices: DeviceDataValue[]): bigint {
		return orTrap(ii.createAnchor(msgCaller(), devices.map(deviceFromWire), time()));
	}

	@update(iiMethods.add.args)
	add(anchorNumber: bigint, device: DeviceDataValue): void {
		orTrap(ii.add(msgCaller(), anchorNumber, deviceFromWire(device), time()));
	}

	@update(iiMethods.update.args)
	update(anchorNumber: bigint, key: Uint8Array, device: DeviceDataValue): void {
		orTrap(ii.update(msgCaller(), anchorNumber, key, deviceFromWire(device), time()));
	}

	@update(iiMethods.replace.args)
	replace(anchorNumber: bigint, key: Uint8Array, device: DeviceDataValue): void {
		orTrap(ii.replace(msgCaller(), anchorNumber, key, deviceFromWire(device), time()));
	}

	@update(iiMethods.remove.args)
	remove(anchorNumber: bigint, key: Uint8Array): void {
		orTrap(ii.remove(msgCaller(), anchorNumber, key, time()));
	}

	@query(iiMethods.lookup.args, iiMethods.lookup.results[0])
	lookup(anchorNumber: bigint): DeviceDataValue[] {
		return ii.lookup(anchorNumber).map(deviceToWire);
	}

	@query(iiMethods.get_anchor_credentials.args, iiMethods.get_anchor_credentials.results[0])
	get_anchor_credentials(anchorNumber: bigint): AnchorCredentialsValue {
		return credentialsToWire(ii.getAnchorCredentials(anchorNumber));
	}

	@update(iiMethods.get_anchor_info.args, iiMethods.get_anchor_info.results[0])
	get_anchor_info(anchorNumber: bigint): IdentityAnchorInfoValue {
		return anchorInfoToWire(orTrap(ii.getAnchorInfo(msgCaller(), anchorNumber, time())));
	}

	@update(
		iiMethods.authn_method_security_settings_replace.args,
		iiMethods.authn_method_security_settings_replace.results[0]
	)
	authn_method_security_settings_replace(
		identityNumber: bigint,
		key: Uint8Array,
		settings: AuthnMethodSecuritySettingsValue
	): AuthnMethodSecuritySettingsReplaceResultValue {
		const result = ii.replaceSecuritySettings(
			msgCaller(),
			identityNumber,
			key,
			securitySettingsFromWire(settings),
			time()
		);
		// The one error II returns as a variant; every other error traps, as in II.
		if (!result.ok && result.error.kind === 'AuthnMethodNotFound') {
			return { Err: { AuthnMethodNotFound: null } };
		}
		orTrap(result);
		return { Ok: null };
	}

	@update(
		iiMethods.lookup_caller_identity_by_recovery_phrase.args,
		iiMethods.lookup_caller_identity_by_recovery_phrase.results[0]
	)
	lookup_caller_identity_by_recovery_phrase(): Opt<bigint> {
		const anchorNumber = ii.lookupCallerByRecoveryPhrase(msgCaller());
		return anchorNumber === undefined ? [] : [anchorNumber];
	}
}
