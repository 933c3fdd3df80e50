// Ed25519 key pairs for the test actors: the phrase key and the shares' check keys. The canister
// never sees a signature (the IC verifies requests); it sees the keys' principals as callers.
import { ed25519 } from '@noble/curves/ed25519';

export interface KeyPair {
	secretKey: Uint8Array;
	publicKey: Uint8Array;
}

export function newKeyPair(): KeyPair {
	const secretKey = ed25519.utils.randomPrivateKey();
	return { secretKey, publicKey: ed25519.getPublicKey(secretKey) };
}
