// The canister's methods on Candid values: decodes arguments into domain values, calls the
// domain, and says whether to reply or to trap, exactly where II replies or traps. The Azle
// class (src/index.ts) only supplies caller and time and performs the reply or the trap.
import type { Principal } from '@dfinity/principal';
import { iiErrorMessage, type Result } from './errors';
import type {
	AnchorCredentialsValue,
	AuthnMethodSecuritySettingsReplaceResultValue,
	AuthnMethodSecuritySettingsValue,
	DeviceDataValue,
	IdentityAnchorInfoValue,
	Opt
} from './idl';
import type { InternetIdentity } from './service';
import {
	anchorInfoToWire,
	credentialsToWire,
	deviceFromWire,
	deviceToWire,
	securitySettingsFromWire
} from './wire';

export type Outcome<T> = { kind: 'reply'; value: T } | { kind: 'trap'; message: string };

const reply = <T>(value: T): Outcome<T> => ({ kind: 'reply', value });

/** II's legacy API traps on every error, with II's message. */
function replyOrTrap<T, R>(result: Result<T>, toWire: (value: T) => R): Outcome<R> {
	return result.ok
		? reply(toWire(result.value))
		: { kind: 'trap', message: iiErrorMessage(result.error) };
}

const nothing = (): null => null;

export class CandidApi {
	constructor(private readonly ii: InternetIdentity) {}

	create_anchor_for_local_development(
		caller: Principal,
		now: bigint,
		devices: DeviceDataValue[]
	): Outcome<bigint> {
		return replyOrTrap(this.ii.createAnchor(caller, devices.map(deviceFromWire), now), (n) => n);
	}

	add(caller: Principal, now: bigint, anchor: bigint, device: DeviceDataValue): Outcome<null> {
		return replyOrTrap(this.ii.add(caller, anchor, deviceFromWire(device), now), nothing);
	}

	update(
		caller: Principal,
		now: bigint,
		anchor: bigint,
		key: Uint8Array,
		device: DeviceDataValue
	): Outcome<null> {
		return replyOrTrap(this.ii.update(caller, anchor, key, deviceFromWire(device), now), nothing);
	}

	replace(
		caller: Principal,
		now: bigint,
		anchor: bigint,
		key: Uint8Array,
		device: DeviceDataValue
	): Outcome<null> {
		return replyOrTrap(this.ii.replace(caller, anchor, key, deviceFromWire(device), now), nothing);
	}

	remove(caller: Principal, now: bigint, anchor: bigint, key: Uint8Array): Outcome<null> {
		return replyOrTrap(this.ii.remove(caller, anchor, key, now), nothing);
	}

	lookup(anchor: bigint): Outcome<DeviceDataValue[]> {
		return reply(this.ii.lookup(anchor).map(deviceToWire));
	}

	get_anchor_credentials(anchor: bigint): Outcome<AnchorCredentialsValue> {
		return reply(credentialsToWire(this.ii.getAnchorCredentials(anchor)));
	}

	get_anchor_info(
		caller: Principal,
		now: bigint,
		anchor: bigint
	): Outcome<IdentityAnchorInfoValue> {
		return replyOrTrap(this.ii.getAnchorInfo(caller, anchor, now), anchorInfoToWire);
	}

	authn_method_security_settings_replace(
		caller: Principal,
		now: bigint,
		identity: bigint,
		key: Uint8Array,
		settings: AuthnMethodSecuritySettingsValue
	): Outcome<AuthnMethodSecuritySettingsReplaceResultValue> {
		const result = this.ii.replaceSecuritySettings(
			caller,
			identity,
			key,
			securitySettingsFromWire(settings),
			now
		);
		// The one error II returns as a variant; every other error traps, as in II.
		if (!result.ok && result.error.kind === 'AuthnMethodNotFound') {
			return reply({ Err: { AuthnMethodNotFound: null } });
		}
		return replyOrTrap(result, () => ({ Ok: null }));
	}

	lookup_caller_identity_by_recovery_phrase(caller: Principal): Outcome<Opt<bigint>> {
		const anchor = this.ii.lookupCallerByRecoveryPhrase(caller);
		return reply(anchor === undefined ? [] : [anchor]);
	}
}
