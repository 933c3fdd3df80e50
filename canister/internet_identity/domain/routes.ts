// Who may act on an identity: II 2.0's check_authorization (authz_utils.rs) accepts a caller that
// signs in through any of the identity's ways in: a device / authentication method, a linked
// OpenID credential, or the recovery e-mail. The usage of the route taken is recorded
// (anchor_management.rs activity_bookkeeping).
import type { Principal } from '@dfinity/principal';
import { devicePrincipal, recordUsage, type Anchor } from './anchor';
import { sameKey, type Device } from './device';
import type { OpenIdCredential } from './identity-state';

export type Route =
	| { readonly kind: 'device'; readonly device: Device }
	| { readonly kind: 'openid'; readonly credential: OpenIdCredential }
	| { readonly kind: 'email'; readonly address: string };

const signsWith = (key: Uint8Array, caller: Principal): boolean =>
	devicePrincipal({ pubkey: key }).toText() === caller.toText();

export const sameOpenIdKey = (
	a: Pick<OpenIdCredential, 'iss' | 'sub' | 'aud'>,
	b: Pick<OpenIdCredential, 'iss' | 'sub' | 'aud'>
): boolean => a.iss === b.iss && a.sub === b.sub && a.aud === b.aud;

/** The route through which `caller` signs in to `anchor`, if any. */
export function authorizingRoute(anchor: Anchor, caller: Principal): Route | undefined {
	const device = anchor.devices.find((d) => signsWith(d.pubkey, caller));
	if (device) return { kind: 'device', device };
	const credential = anchor.openidCredentials?.find((c) => signsWith(c.signInKey, caller));
	if (credential) return { kind: 'openid', credential };
	const email = anchor.emailRecovery;
	if (email && signsWith(email.signInKey, caller)) return { kind: 'email', address: email.address };
	return undefined;
}

/** The anchor with the last use of `route` set to `now`. */
export function recordRouteUsage(anchor: Anchor, route: Route, now: bigint): Anchor {
	switch (route.kind) {
		case 'device':
			return recordUsage(anchor, route.device.pubkey, now);
		case 'openid':
			return {
				...anchor,
				openidCredentials: anchor.openidCredentials?.map((c) =>
					sameOpenIdKey(c, route.credential) ? { ...c, lastUsage: now } : c
				)
			};
		case 'email':
			return anchor.emailRecovery
				? { ...anchor, emailRecovery: { ...anchor.emailRecovery, lastUsed: now } }
				: anchor;
	}
}

/** Whether a key is already a way into the anchor (as a device, or any other route's key). */
export function keyInUse(anchor: Anchor, key: Uint8Array): boolean {
	return (
		anchor.devices.some((d) => sameKey(d.pubkey, key)) ||
		(anchor.openidCredentials ?? []).some((c) => sameKey(c.signInKey, key)) ||
		(anchor.emailRecovery !== undefined && sameKey(anchor.emailRecovery.signInKey, key))
	);
}
