// Test signing over the protocol's one encoding (src/lib/crypto/protocol.ts). The client's
// signOperation is async (it signs through an identity); these tests sign synchronously with
// the same encodeOperationMessage bytes, and signed-operations.test.ts proves both agree.
import { Principal } from '@dfinity/principal';
import { ed25519 } from '@noble/curves/ed25519';
import {
	encodeCheckInMessage,
	payloadHash,
	type CheckIn,
	type OperationPayload,
	type OperationPurpose,
	type SignedOperation
} from '../../../canister/guardian/domain/index';
import { encodeOperationMessage } from '../../../src/lib/crypto/protocol';
import { CANISTER_ID } from '../../../src/lib/crypto/vectors';

export const TEST_CANISTER_ID = Principal.fromText(CANISTER_ID);

export interface KeyPair {
	secretKey: Uint8Array;
	publicKey: Uint8Array;
}

export function newKeyPair(): KeyPair {
	const secretKey = ed25519.utils.randomPrivateKey();
	return { secretKey, publicKey: ed25519.getPublicKey(secretKey) };
}

export interface OperationFields {
	purpose: OperationPurpose;
	vaultId: bigint;
	nonce: bigint;
	expiresAt: bigint;
	canisterId?: Principal;
}

export function signOperationSync(
	key: KeyPair,
	fields: OperationFields,
	payload: OperationPayload
): SignedOperation {
	const message = encodeOperationMessage({
		purpose: fields.purpose,
		canisterId: fields.canisterId ?? TEST_CANISTER_ID,
		vaultId: fields.vaultId,
		nonce: fields.nonce,
		expiryNs: fields.expiresAt,
		payloadHash: hashOrPlaceholder(payload)
	});
	return { message, signature: ed25519.sign(message, key.secretKey) };
}

export function signCheckIn(key: KeyPair, checkIn: Omit<CheckIn, 'canisterId'>): Uint8Array {
	return ed25519.sign(
		encodeCheckInMessage({ canisterId: TEST_CANISTER_ID, ...checkIn }),
		key.secretKey
	);
}

/**
 * Bad-input tests sign over values the payload encoding cannot hold (negative, fractional): the
 * domain rejects those before it hashes, so any hash will do there.
 */
function hashOrPlaceholder(payload: OperationPayload): Uint8Array {
	try {
		return payloadHash(payload);
	} catch (error) {
		if (error instanceof RangeError) return new Uint8Array(32);
		throw error;
	}
}
