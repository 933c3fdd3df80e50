// Phrase-signed operations: the client signs an operation message with the phrase key (Ed25519);
// the canister verifies it. Pure (noble + protocol.ts), so the guardian canister imports it too.
import type { Principal } from '@dfinity/principal';
import { ed25519 } from '@noble/curves/ed25519';
import { constantTimeEqual } from './bytes';
import {
	ED25519_DER_PREFIX,
	ED25519_PUBLIC_KEY_DER_BYTES,
	MAX_OPERATION_TTL_NS,
	decodeOperationMessage,
	encodeOperationMessage,
	type OperationMessage,
	type OperationPurpose
} from './protocol';
import { err, ok, type Result } from './result';

export interface SignedOperation {
	/** encodeOperationMessage bytes: sent as is, so the canister checks exactly what was signed. */
	readonly message: Uint8Array;
	/** 64-byte Ed25519 signature by the phrase key. */
	readonly signature: Uint8Array;
}

/** Anything that signs like the phrase key (an @dfinity/identity Ed25519KeyIdentity does). */
export interface MessageSigner {
	sign(message: Uint8Array): Promise<Uint8Array>;
}

export async function signOperation(
	signer: MessageSigner,
	message: OperationMessage
): Promise<SignedOperation> {
	const bytes = encodeOperationMessage(message);
	return { message: bytes, signature: new Uint8Array(await signer.sign(bytes)) };
}

/** What the canister knows independently of the caller's message. */
export interface ExpectedOperation {
	readonly purpose: OperationPurpose;
	readonly canisterId: Principal;
	readonly vaultId: bigint;
	/** The vault's current operation counter. */
	readonly nonce: bigint;
	/** hashOperationPayload of the canonical payload the canister rebuilt from the call. */
	readonly payloadHash: Uint8Array;
	/** The canister's clock, ns since epoch. */
	readonly nowNs: bigint;
}

export type OperationError =
	| { kind: 'malformed'; reason: string }
	| { kind: 'bad-public-key' }
	| { kind: 'wrong-purpose'; expected: OperationPurpose; actual: OperationPurpose }
	| { kind: 'wrong-canister' }
	| { kind: 'wrong-vault' }
	| { kind: 'wrong-nonce'; expected: bigint; actual: bigint }
	| { kind: 'wrong-payload' }
	| { kind: 'expired' }
	| { kind: 'expiry-too-far' }
	| { kind: 'bad-signature' };

/** The 32-byte key inside II's DER encoding, or undefined for anything else. */
export function ed25519KeyFromDer(der: Uint8Array): Uint8Array | undefined {
	if (der.length !== ED25519_PUBLIC_KEY_DER_BYTES) return undefined;
	if (!ED25519_DER_PREFIX.every((byte, i) => der[i] === byte)) return undefined;
	return der.slice(ED25519_DER_PREFIX.length);
}

/**
 * Verifies a phrase-signed operation against what the canister expects. Cheap field checks run
 * before the signature check; the signature is checked over the exact received bytes.
 */
export function verifyOperation(
	signed: SignedOperation,
	phrasePublicKeyDer: Uint8Array,
	expected: ExpectedOperation
): Result<OperationMessage, OperationError> {
	const decoded = decodeOperationMessage(signed.message);
	if (!decoded.ok) return decoded;
	const message = decoded.value;
	const publicKey = ed25519KeyFromDer(phrasePublicKeyDer);
	if (!publicKey) return err({ kind: 'bad-public-key' });
	if (message.purpose !== expected.purpose) {
		return err({ kind: 'wrong-purpose', expected: expected.purpose, actual: message.purpose });
	}
	if (message.canisterId.compareTo(expected.canisterId) !== 'eq') {
		return err({ kind: 'wrong-canister' });
	}
	if (message.vaultId !== expected.vaultId) return err({ kind: 'wrong-vault' });
	if (message.nonce !== expected.nonce) {
		return err({ kind: 'wrong-nonce', expected: expected.nonce, actual: message.nonce });
	}
	if (!constantTimeEqual(message.payloadHash, expected.payloadHash)) {
		return err({ kind: 'wrong-payload' });
	}
	if (message.expiryNs < expected.nowNs) return err({ kind: 'expired' });
	if (message.expiryNs - expected.nowNs > MAX_OPERATION_TTL_NS) {
		return err({ kind: 'expiry-too-far' });
	}
	if (!verifyEd25519(signed.signature, signed.message, publicKey)) {
		return err({ kind: 'bad-signature' });
	}
	return ok(message);
}

function verifyEd25519(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean {
	if (signature.length !== 64) return false;
	try {
		// zip215: false = RFC 8032 strict verification, as the IC verifies Ed25519.
		return ed25519.verify(signature, message, publicKey, { zip215: false });
	} catch {
		return false;
	}
}
