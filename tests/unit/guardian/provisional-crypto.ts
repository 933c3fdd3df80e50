// PROVISIONAL test seams: real Ed25519 (@noble/curves) over a provisional message encoding and a
// provisional payload hash. The production encodings come from src/lib/crypto/protocol.ts when
// it is merged (domain tag, purpose, canister id, vault id, nonce, expiry, payload hash); these
// tests only need *a* binding of every field, which this provides.
import type { Principal } from '@dfinity/principal';
import { ed25519 } from '@noble/curves/ed25519';
import { sha256 } from '@noble/hashes/sha2';
import type {
	OperationPayload,
	PayloadHasher,
	Purpose,
	SignedOperation,
	SignedOperationVerifier
} from '../../../canister/guardian/domain/index';

const PROVISIONAL_TAG = 'tessera-provisional-signed-operation/v1';
export const TEST_CANISTER_ID = 'test-canister-id';

function u64(value: bigint): Uint8Array {
	const out = new Uint8Array(8);
	new DataView(out.buffer).setBigUint64(0, value, false);
	return out;
}

function concat(...parts: Uint8Array[]): Uint8Array {
	const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
	let offset = 0;
	for (const part of parts) {
		out.set(part, offset);
		offset += part.length;
	}
	return out;
}

function text(value: string): Uint8Array {
	const bytes = new TextEncoder().encode(value);
	return concat(u64(BigInt(bytes.length)), bytes);
}

export function signedMessage(op: Omit<SignedOperation, 'signature' | 'publicKey'>): Uint8Array {
	return concat(
		text(PROVISIONAL_TAG),
		text(op.purpose),
		text(TEST_CANISTER_ID),
		u64(op.vaultId),
		u64(op.nonce),
		u64(op.expiresAt),
		op.payloadHash
	);
}

export const provisionalVerifier: SignedOperationVerifier = {
	verify(op) {
		try {
			return ed25519.verify(op.signature, signedMessage(op), op.publicKey);
		} catch {
			return false;
		}
	}
};

/** Canonical JSON: bigint -> "n:..", bytes -> "b:hex", Principal -> "p:text". */
function canonical(value: unknown): unknown {
	if (typeof value === 'bigint') return `n:${value}`;
	if (value instanceof Uint8Array) return `b:${Buffer.from(value).toString('hex')}`;
	if (value && typeof (value as Principal).toText === 'function' && '_arr' in (value as object)) {
		return `p:${(value as Principal).toText()}`;
	}
	if (Array.isArray(value)) return value.map(canonical);
	if (value && typeof value === 'object') {
		return Object.fromEntries(
			Object.keys(value)
				.sort()
				.map((key) => [key, canonical((value as Record<string, unknown>)[key])])
		);
	}
	return value;
}

export const provisionalHasher: PayloadHasher = {
	hash(payload: OperationPayload) {
		return sha256(new TextEncoder().encode(JSON.stringify(canonical(payload))));
	}
};

export interface KeyPair {
	secretKey: Uint8Array;
	publicKey: Uint8Array;
}

export function newKeyPair(): KeyPair {
	const secretKey = ed25519.utils.randomPrivateKey();
	return { secretKey, publicKey: ed25519.getPublicKey(secretKey) };
}

export function signOperation(
	key: KeyPair,
	fields: { purpose: Purpose; vaultId: bigint; nonce: bigint; expiresAt: bigint },
	payload: OperationPayload
): SignedOperation {
	const unsigned = { ...fields, payloadHash: provisionalHasher.hash(payload) };
	return {
		...unsigned,
		signature: ed25519.sign(signedMessage(unsigned), key.secretKey),
		publicKey: key.publicKey
	};
}
