// Test helpers: real Ed25519 keys (so callers are genuine self-authenticating principals),
// devices shaped like II's, and phrase keys derived as II derives them.
import { Ed25519KeyIdentity } from '@dfinity/identity';
import type { Principal } from '@dfinity/principal';
import { mnemonicToEntropy } from '@scure/bip39';
import { wordlist } from '@scure/bip39/wordlists/english.js';
import { derivePhraseKey } from '../../../src/lib/crypto/ii-key';
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

/** The key II derives from a recovery phrase: Tessera's own derivation (src/lib/crypto). */
export async function phraseIdentity(mnemonic: string): Promise<Ed25519KeyIdentity> {
	return (await derivePhraseKey(mnemonicToEntropy(mnemonic, wordlist))).identity;
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
