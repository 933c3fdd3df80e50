// The DeviceData records the app sends to II. Which builder to use depends on the network: on
// mainnet a passkey (WebAuthn), on devnet a key the app generates. The app decides.
import type { SignIdentity } from '@dfinity/agent';
import type { WebAuthnIdentity } from '@dfinity/identity';
import type {
	DeviceData as DeviceDataValue,
	KeyType as KeyTypeValue
} from '@tessera/contract/internet-identity';

/** II's limit on aliases, in UTF-8 bytes. */
export const MAX_ALIAS_BYTES = 64;
/** II's limit on origins, in UTF-8 bytes. */
export const MAX_ORIGIN_BYTES = 50;

function checkedAlias(alias: string): string {
	const trimmed = alias.trim();
	const length = new TextEncoder().encode(trimmed).length;
	if (length === 0 || length > MAX_ALIAS_BYTES) {
		throw new RangeError(`a device name must have 1 to ${MAX_ALIAS_BYTES} bytes`);
	}
	return trimmed;
}

function checkedOrigin(origin: string): string {
	const url = new URL(origin);
	if (url.origin !== origin || new TextEncoder().encode(origin).length > MAX_ORIGIN_BYTES) {
		throw new RangeError(`not a web origin of at most ${MAX_ORIGIN_BYTES} bytes: ${origin}`);
	}
	return origin;
}

function keyTypeOfAttachment(attachment: AuthenticatorAttachment | undefined): KeyTypeValue {
	if (attachment === 'platform') return { platform: null };
	if (attachment === 'cross-platform') return { cross_platform: null };
	return { unknown: null };
}

/**
 * A passkey the owner just created with `WebAuthnIdentity.create(...)` (mainnet). II stores the
 * DER-wrapped COSE key and the credential id; `origin` is the origin whose rp id the passkey is
 * bound to (II signs in only with passkeys of its own origins: see README).
 */
export function passkeyDeviceData(
	passkey: WebAuthnIdentity,
	options: { alias: string; origin: string }
): DeviceDataValue {
	return {
		pubkey: new Uint8Array(passkey.getPublicKey().toDer()),
		alias: checkedAlias(options.alias),
		credential_id: [new Uint8Array(passkey.rawId)],
		aaguid: [],
		purpose: { authentication: null },
		key_type: keyTypeOfAttachment(passkey.getAuthenticatorAttachment()),
		protection: { unprotected: null },
		origin: [checkedOrigin(options.origin)],
		metadata: []
	};
}

/**
 * A key the app generated (devnet: no passkeys there), e.g. `Ed25519KeyIdentity.generate()`.
 * II's type for such keys is `browser_storage_key`.
 */
export function generatedKeyDeviceData(
	identity: SignIdentity,
	options: { alias: string }
): DeviceDataValue {
	return {
		pubkey: new Uint8Array(identity.getPublicKey().toDer()),
		alias: checkedAlias(options.alias),
		credential_id: [],
		aaguid: [],
		purpose: { authentication: null },
		key_type: { browser_storage_key: null },
		protection: { unprotected: null },
		origin: [],
		metadata: []
	};
}

/** A recovery phrase device as II's frontend registers it (no credential id, recovery purpose). */
export function recoveryPhraseDeviceData(
	publicKeyDer: Uint8Array,
	options: { protected: boolean; alias?: string }
): DeviceDataValue {
	return {
		pubkey: new Uint8Array(publicKeyDer),
		alias: checkedAlias(options.alias ?? 'Recovery phrase'),
		credential_id: [],
		aaguid: [],
		purpose: { recovery: null },
		key_type: { seed_phrase: null },
		protection: options.protected ? { protected: null } : { unprotected: null },
		origin: [],
		metadata: []
	};
}
