// What an identity holds besides its devices in II 2.0 (dfinity/internet-identity
// storage/anchor.rs `Anchor`: openid_credentials, email recovery, the registration state of
// anchor_management/registration): every one of these is a way in, so the sweep must see it.
import type { Device, MetadataMap } from './device';

/** A linked OpenID account (II: `OpenIdCredential`, keyed by iss, sub, aud). */
export interface OpenIdCredential {
	readonly iss: string;
	readonly sub: string;
	readonly aud: string;
	/** What II shows the owner: the account's e-mail and name claims. */
	readonly email?: string;
	readonly name?: string;
	/**
	 * Local only: the DER public key whose self-authenticating principal signs in with this
	 * credential. On mainnet that principal comes from II's OpenID delegation (a canister
	 * signature over the credential); no JWT issuer exists offline, so the test issuer names it.
	 */
	readonly signInKey: Uint8Array;
	readonly lastUsage?: bigint;
}

/** A recovery e-mail bound to the identity (II: `EmailRecoveryCredential`). */
export interface EmailRecovery {
	readonly address: string;
	readonly createdAt: bigint;
	readonly lastUsed?: bigint;
	/**
	 * Local only: the DER public key that signs in through this address. On mainnet II issues a
	 * delegation after a DKIM-verified e-mail; there is no SMTP here.
	 */
	readonly signInKey: Uint8Array;
}

/** A device waiting for its verification code (II: tentative device / authn method). */
export interface TentativeDevice {
	readonly device: Device;
	readonly code: string;
	readonly retriesLeft: number;
}

/** Registration mode (II: `DeviceRegistrationInfo` / `AuthnMethodRegistrationInfo`). */
export interface Registration {
	readonly expiration: bigint;
	readonly tentative?: TentativeDevice;
}

/** II's registration mode lasts 15 minutes (anchor_management/tentative_device_registration.rs). */
export const REGISTRATION_MODE_DURATION_NS = 15n * 60n * 1_000_000_000n;
/** II allows 3 wrong codes (MAX_DEVICE_REGISTRATION_ATTEMPTS), then the tentative device is dropped. */
export const MAX_REGISTRATION_ATTEMPTS = 3;

/** The parts of an identity beyond `devices`, all optional in the stored form. */
export interface IdentityExtras {
	readonly openidCredentials?: readonly OpenIdCredential[];
	readonly emailRecovery?: EmailRecovery;
	readonly registration?: Registration;
	/** Identity metadata (II 2.0: `identity_info.metadata`), counted in the 2,500-byte limit. */
	readonly metadata?: MetadataMap;
}

/** Registration mode is on only until its expiration. */
export function activeRegistration(
	registration: Registration | undefined,
	now: bigint
): Registration | undefined {
	return registration !== undefined && now < registration.expiration ? registration : undefined;
}
