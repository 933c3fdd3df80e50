// What the sweep screen lists: every way into the identity ("door") a thief may have opened on
// II 2.0 (devices and passkeys, linked OpenID accounts, the recovery e-mail) with what the owner
// can recognise it by, and the owner's choice turned into a sweep request. Pure: no calls.
import type { AnchorDevices, DeviceInfo } from '$lib/ii';
import type { OpenIdInfo, RecoveryEmailInfo } from '$lib/ii/ways-in';

export type Door =
	| { readonly kind: 'device'; readonly id: string; readonly device: DeviceInfo }
	| { readonly kind: 'openid'; readonly id: string; readonly credential: OpenIdInfo }
	| { readonly kind: 'email'; readonly id: string; readonly email: RecoveryEmailInfo };

/** What the owner chose on the sweep screen. */
export interface SweepChoice {
	/** DER keys of the devices to remove (never the phrase). */
	readonly remove: readonly Uint8Array[];
	/** OpenIdInfo ids of the accounts to unlink. */
	readonly removeOpenId: readonly string[];
	readonly removeRecoveryEmail: boolean;
	/** Add the owner's fresh device (devnet only). */
	readonly addFresh: boolean;
}

const sameKey = (a: Uint8Array, b: Uint8Array) =>
	a.length === b.length && a.every((byte, i) => byte === b[i]);

/** Every door but the protected phrase itself, which the sweep always keeps. */
export function doorsOf(listing: AnchorDevices): Door[] {
	const ways = listing.waysIn;
	return [
		...listing.devices
			.filter((device) => !device.isThisPhrase)
			.map((device): Door => ({ kind: 'device', id: `device:${device.id}`, device })),
		...(ways?.openidCredentials ?? []).map((credential): Door => ({
			kind: 'openid',
			id: `openid:${credential.id}`,
			credential
		})),
		...(ways?.recoveryEmail
			? [{ kind: 'email', id: 'email', email: ways.recoveryEmail } as const]
			: [])
	];
}

/** Whether the door is the device this recovery added for the owner. */
export function isOwnDevice(door: Door, ownDevice: Uint8Array | undefined): boolean {
	return (
		door.kind === 'device' && ownDevice !== undefined && sameKey(door.device.pubkey, ownDevice)
	);
}

/**
 * Selected for removal by default: every door except the owner's own new device. After a
 * recovery the owner has lost their devices, so whatever is on the identity besides the phrase
 * is, until the owner says otherwise, a way in someone else may hold.
 */
export function defaultSelection(
	listing: AnchorDevices,
	ownDevice: Uint8Array | undefined
): string[] {
	return doorsOf(listing)
		.filter((door) => !isOwnDevice(door, ownDevice))
		.map((door) => door.id);
}

export function choiceOf(
	listing: AnchorDevices,
	selected: readonly string[],
	addFresh: boolean
): SweepChoice {
	const chosen = doorsOf(listing).filter((door) => selected.includes(door.id));
	return {
		remove: chosen.flatMap((door) => (door.kind === 'device' ? [door.device.pubkey] : [])),
		removeOpenId: chosen.flatMap((door) => (door.kind === 'openid' ? [door.credential.id] : [])),
		removeRecoveryEmail: chosen.some((door) => door.kind === 'email'),
		addFresh
	};
}

/** The name the owner knows the door by. */
export function doorName(door: Door): string {
	switch (door.kind) {
		case 'device':
			return door.device.alias || 'Unnamed device';
		case 'openid':
			return `${door.credential.provider} account ${door.credential.email ?? door.credential.name ?? ''}`.trim();
		case 'email':
			return `Recovery e-mail ${door.email.address}`;
	}
}

/** What kind of door it is, in plain words. */
export function doorType(door: Door): string {
	switch (door.kind) {
		case 'device':
			return `${door.device.kindLabel} · ${door.device.purpose === 'recovery' ? 'recovery' : 'sign-in'}`;
		case 'openid':
			return 'Linked account (signs in without a passkey)';
		case 'email':
			return 'Recovery e-mail (can get into the identity by e-mail)';
	}
}

/** When the door was last used to sign in, if II recorded it. */
export function doorLastUsed(door: Door): Date | undefined {
	switch (door.kind) {
		case 'device':
			return door.device.lastUsage;
		case 'openid':
			return door.credential.lastUsage;
		case 'email':
			return door.email.lastUsed;
	}
}
