// The recovery phrase key exactly as Internet Identity derives it (frontend
// src/lib/utils/recoveryPhrase.ts): BIP39 seed of the words joined by single spaces, no
// passphrase -> SLIP-0010 Ed25519 along m/44'/223'/0'/0'/0' -> Ed25519KeyIdentity.generate(key).
import { Ed25519KeyIdentity } from '@dfinity/identity';
import type { Principal } from '@dfinity/principal';
import { hmac } from '@noble/hashes/hmac';
import { sha512 } from '@noble/hashes/sha2';
import { mnemonicToSeedWebcrypto } from '@scure/bip39';
import { utf8 } from '@tessera/contract';
import { wipe } from './bytes';
import { phraseFromEntropy } from './phrase';

/** II's IC_DERIVATION_PATH; every level is hardened. */
export const II_DERIVATION_PATH: readonly number[] = [44, 223, 0, 0, 0];
const HARDENED = 0x80000000;

export interface Slip10Node {
	readonly privateKey: Uint8Array;
	readonly chainCode: Uint8Array;
}

/** SLIP-0010 Ed25519 private derivation; `path` entries are hardened (Ed25519 has no other). */
export function slip10Ed25519(seed: Uint8Array, path: readonly number[]): Slip10Node {
	let node = splitNode(hmac(sha512, utf8('ed25519 seed'), seed));
	for (const index of path) {
		if (!Number.isInteger(index) || index < 0 || index >= HARDENED) {
			throw new RangeError(`bad SLIP-0010 path index: ${index}`);
		}
		const data = new Uint8Array(37);
		data.set(node.privateKey, 1); // 0x00 || ser256(k_par) || ser32(i + 2^31)
		new DataView(data.buffer).setUint32(33, index + HARDENED, false);
		const child = splitNode(hmac(sha512, node.chainCode, data));
		wipe(data, node.privateKey, node.chainCode);
		node = child;
	}
	return node;
}

function splitNode(digest: Uint8Array): Slip10Node {
	const node = { privateKey: digest.slice(0, 32), chainCode: digest.slice(32) };
	wipe(digest);
	return node;
}

export interface PhraseKey {
	/** Signs IC requests and Tessera operations as the phrase (II's seed_phrase device). */
	readonly identity: Ed25519KeyIdentity;
	/** DER public key: what II stores as the recovery phrase device's pubkey. */
	readonly publicKeyDer: Uint8Array;
	/** Self-authenticating principal of the phrase key. */
	readonly principal: Principal;
}

/** The phrase key for a recovery phrase, given as its 32-byte entropy. */
export async function derivePhraseKey(entropy: Uint8Array): Promise<PhraseKey> {
	const mnemonic = phraseFromEntropy(entropy).join(' ');
	const seed = await mnemonicToSeedWebcrypto(mnemonic);
	const node = slip10Ed25519(seed, II_DERIVATION_PATH);
	const identity = Ed25519KeyIdentity.generate(node.privateKey); // copies the key
	wipe(seed, node.privateKey, node.chainCode);
	return {
		identity,
		publicKeyDer: new Uint8Array(identity.getPublicKey().toDer()),
		principal: identity.getPrincipal()
	};
}
