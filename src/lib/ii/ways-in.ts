// The ways into an identity besides its devices, as II 2.0's `identity_info` shows them: linked
// OpenID accounts, the recovery e-mail and an open registration (a device may be waiting for
// its code). Each is a door a thief can open with one stolen device; the sweep must see all of
// them. Pure: no agent, no calls.
import type { IdentityInfo, MetadataMapV2 } from '@tessera/contract/internet-identity';
import { dateFromNanos } from './devices';

/** A linked OpenID account; `key` is II's OpenIdCredentialKey (iss, sub, aud). */
export interface OpenIdInfo {
	readonly key: readonly [iss: string, sub: string, aud: string];
	/** A stable id for lists in the UI. */
	readonly id: string;
	/** The provider as the owner knows it, e.g. "Google". */
	readonly provider: string;
	readonly email?: string;
	readonly name?: string;
	readonly lastUsage?: Date;
}

export interface RecoveryEmailInfo {
	readonly address: string;
	readonly createdAt: Date;
	readonly lastUsed?: Date;
}

/** Registration mode is on: until `expiration`, a new device can be added with a code. */
export interface RegistrationInfo {
	readonly expiration: Date;
	/** The name of a device waiting for its code, if one is. */
	readonly pendingDevice?: string;
}

export interface WaysIn {
	readonly openidCredentials: readonly OpenIdInfo[];
	readonly recoveryEmail?: RecoveryEmailInfo;
	readonly registration?: RegistrationInfo;
}

/** Issuers II links today, by the name its own frontend shows; anything else by its host. */
const providers: Record<string, string> = {
	'https://accounts.google.com': 'Google',
	'https://appleid.apple.com': 'Apple',
	'https://login.microsoftonline.com/{tid}/v2.0': 'Microsoft',
	'https://test-issuer.devnet.tessera.invalid': 'Devnet test issuer (local only)'
};

export function providerName(iss: string): string {
	if (providers[iss]) return providers[iss];
	if (iss.startsWith('https://login.microsoftonline.com/')) return 'Microsoft';
	try {
		return new URL(iss).host;
	} catch {
		return iss;
	}
}

function stringEntry(metadata: MetadataMapV2, key: string): string | undefined {
	const entry = metadata.find(([k]) => k === key)?.[1];
	return entry && 'String' in entry ? entry.String : undefined;
}

export function describeWaysIn(info: IdentityInfo): WaysIn {
	const openidCredentials = (info.openid_credentials[0] ?? []).map((c): OpenIdInfo => {
		const lastUsage = c.last_usage_timestamp[0];
		return {
			key: [c.iss, c.sub, c.aud],
			id: `${c.iss} ${c.sub} ${c.aud}`,
			provider: c.sso_name[0] ?? c.sso_domain[0] ?? providerName(c.iss),
			email: stringEntry(c.metadata, 'email'),
			name: stringEntry(c.metadata, 'name'),
			lastUsage: lastUsage === undefined ? undefined : dateFromNanos(lastUsage)
		};
	});
	const email = info.email_recovery[0]?.[0];
	const registration = info.authn_method_registration[0];
	const pending = registration?.authn_method[0];
	return {
		openidCredentials,
		recoveryEmail: email && {
			address: email.address,
			createdAt: dateFromNanos(email.created_at),
			lastUsed: email.last_used[0] === undefined ? undefined : dateFromNanos(email.last_used[0])
		},
		registration: registration && {
			expiration: dateFromNanos(registration.expiration),
			pendingDevice: pending
				? (stringEntry(pending.metadata, 'alias') ?? 'a new device')
				: undefined
		}
	};
}
