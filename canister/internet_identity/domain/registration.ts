// Registration mode and tentative devices (dfinity/internet-identity
// src/internet_identity/src/anchor_management/tentative_device_registration.rs): an
// authenticated caller opens the mode for 15 minutes; anyone may then offer one tentative device,
// which gets a 6-digit code; an authenticated caller who enters the code adds it. Three wrong
// codes end the mode. The v2 authn_method_* calls drive the same state.
import { addDevice, type Anchor } from './anchor';
import type { Device } from './device';
import type { AnchorError } from './errors';
import { err, ok, type Result } from './errors';
import {
	activeRegistration,
	MAX_REGISTRATION_ATTEMPTS,
	REGISTRATION_MODE_DURATION_NS,
	type Registration
} from './identity-state';

export function enterRegistrationMode(
	anchor: Anchor,
	now: bigint
): { anchor: Anchor; expiration: bigint } {
	const current = activeRegistration(anchor.registration, now);
	const registration: Registration = {
		...current,
		expiration: now + REGISTRATION_MODE_DURATION_NS
	};
	return { anchor: { ...anchor, registration }, expiration: registration.expiration };
}

export function exitRegistrationMode(anchor: Anchor): Anchor {
	return { ...anchor, registration: undefined };
}

export type TentativeError = 'RegistrationModeOff' | 'AnotherDeviceTentativelyAdded';

/** A 6-digit code from the canister's randomness (Azle seeds crypto from the IC's raw_rand). */
export function randomVerificationCode(): string {
	const [value] = crypto.getRandomValues(new Uint32Array(1));
	return String((value ?? 0) % 1_000_000).padStart(6, '0');
}

export function addTentativeDevice(
	anchor: Anchor,
	device: Device,
	code: string,
	now: bigint
): Result<{ anchor: Anchor; registration: Registration }, TentativeError> {
	const current = activeRegistration(anchor.registration, now);
	if (!current) return err('RegistrationModeOff');
	if (current.tentative) return err('AnotherDeviceTentativelyAdded');
	const registration: Registration = {
		...current,
		tentative: {
			device: { ...device, lastUsage: undefined },
			code,
			retriesLeft: MAX_REGISTRATION_ATTEMPTS
		}
	};
	return ok({ anchor: { ...anchor, registration }, registration });
}

export type VerifyOutcome =
	| { readonly kind: 'verified'; readonly anchor: Anchor }
	| { readonly kind: 'wrong_code'; readonly anchor: Anchor; readonly retriesLeft: number }
	| { readonly kind: 'device_registration_mode_off' }
	| { readonly kind: 'no_device_to_verify' }
	| { readonly kind: 'invalid_device'; readonly error: AnchorError };

export function verifyTentativeDevice(anchor: Anchor, code: string, now: bigint): VerifyOutcome {
	const current = activeRegistration(anchor.registration, now);
	if (!current) return { kind: 'device_registration_mode_off' };
	const tentative = current.tentative;
	if (!tentative) return { kind: 'no_device_to_verify' };
	if (tentative.code !== code) {
		const retriesLeft = tentative.retriesLeft - 1;
		const registration: Registration | undefined =
			retriesLeft > 0 ? { ...current, tentative: { ...tentative, retriesLeft } } : undefined;
		return { kind: 'wrong_code', anchor: { ...anchor, registration }, retriesLeft };
	}
	const added = addDevice(exitRegistrationMode(anchor), tentative.device);
	return added.ok
		? { kind: 'verified', anchor: added.value }
		: { kind: 'invalid_device', error: added.error };
}
