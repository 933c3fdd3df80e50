// Test helpers: real Ed25519 keys (so callers are genuine self-authenticating principals),
// devices shaped like II's, and II's recovery-phrase key derivation.
import { Ed25519KeyIdentity } from '@dfinity/identity';
import type { Principal } from '@dfinity/principal';
import { hmac } from '@noble/hashes/hmac';
import { sha512 } from '@noble/hashes/sha2';
import { mnemonicToSeedSync } from '@scure/bip39';
import type { Device } from '../../../canister/internet_identity/domain/device';
import type { Result } from '../../../canister/internet_identity/domain/errors';
import { InternetIdentity } from '../../../canister/internet_identity/domain/service';
import { InMemoryAnchorStore } from '../../../canister/internet_identity/domain/store';

/** A deterministic Ed25519 key for test party `n`. */
export function keyOf(n: number): Ed25519KeyIdentity {
	return Ed25519KeyIdentity.generate(new Uint8Array(32).fill(n));
}

export function der(identity: Ed25519KeyIdentity): Uint8Array {
	return new Uint8Array(identity.getPublicKey().toDer());
}

/** A WebAuthn-like authentication device (passkey) for the given key. */
export function passkey(identity: Ed25519KeyIdentity, overrides: Partial<Device> = {}): Device {
	const pubkey = der(identity);
	return {
		pubkey,
		alias: 'Passkey',
		credentialId: pubkey.slice(-16),
		purpose: 'authentication',
		keyType: 'platform',
		protection: 'unprotected',
		origin: 'https://identity.ic0.app',
		...overrides
	};
}

/** A recovery-phrase device for the given key, as II's frontend adds it. */
export function phraseDevice(
	identity: Ed25519KeyIdentity,
	protection: Device['protection'] = 'unprotected'
): Device {
	return {
		pubkey: der(identity),
		alias: 'Recovery phrase',
		purpose: 'recovery',
		keyType: 'seed_phrase',
		protection
	};
}

/** SLIP-0010 Ed25519 derivation (hardened indices only), as II derives recovery-phrase keys. */
export function slip10Ed25519(seed: Uint8Array, path: readonly number[]): Uint8Array {
	let node = hmac(sha512, new TextEncoder().encode('ed25519 seed'), seed);
	for (const index of path) {
		const data = new Uint8Array(37);
		data.set(node.slice(0, 32), 1);
		new DataView(data.buffer).setUint32(33, (index | 0x80000000) >>> 0);
		node = hmac(sha512, node.slice(32), data);
	}
	return node.slice(0, 32);
}

/** II's recovery-phrase derivation path m/44'/223'/0'/0'/0'. */
export const II_PHRASE_PATH = [44, 223, 0, 0, 0] as const;

/** The key II derives from a recovery phrase (BIP39 seed, no passphrase, SLIP-0010). */
export function phraseIdentity(mnemonic: string): Ed25519KeyIdentity {
	return Ed25519KeyIdentity.generate(slip10Ed25519(mnemonicToSeedSync(mnemonic), II_PHRASE_PATH));
}

export function newIi(): { ii: InternetIdentity; store: InMemoryAnchorStore } {
	const store = new InMemoryAnchorStore();
	return { ii: new InternetIdentity(store), store };
}

/** Creates an anchor holding `devices`, signed by the first device's key. */
export function anchorWith(
	ii: InternetIdentity,
	caller: Principal,
	devices: Device[],
	now = 1n
): bigint {
	return unwrap(ii.createAnchor(caller, devices, now));
}

export function unwrap<T, E>(result: Result<T, E>): T {
	if (!result.ok) throw new Error(`unexpected error: ${JSON.stringify(result.error)}`);
	return result.value;
}

export function errorOf<T, E>(result: Result<T, E>): E {
	if (result.ok) throw new Error('expected an error, got success');
	return result.error;
}
