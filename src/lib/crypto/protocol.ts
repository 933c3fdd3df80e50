// Tessera protocol v1: the single source of truth for constants and encodings that the browser
// and the guardian canister share. The canister imports this file (and operation.ts, bytes.ts,
// result.ts) by relative path, so it depends only on @noble/hashes and @dfinity/principal.
import { Principal } from '@dfinity/principal';
import { sha256 } from '@noble/hashes/sha2';
import { concat, lengthPrefixed, readU64be, u64be, utf8 } from './bytes';
import { err, ok, type Result } from './result';

export const PROTOCOL_VERSION = 1;

/** vetKD derivation contexts: shares (identity = guardian principal), release (releaseIdentity). */
export const VETKD_CONTEXT_SHARES = utf8('tessera/v1/shares');
export const VETKD_CONTEXT_RELEASE = utf8('tessera/v1/release');

/** Domain tags: every hash and signature in Tessera starts with one, length-prefixed. */
export const DOMAIN = {
	operation: 'tessera/v1/operation',
	operationPayload: 'tessera/v1/operation-payload',
	commitment: 'tessera/v1/commitment',
	envelopeChecksum: 'tessera/v1/envelope-checksum',
	paperShare: 'tessera/v1/paper-share',
	verificationCode: 'tessera/v1/verification-code'
} as const;

// Sizes and limits.
export const MIN_THRESHOLD = 2;
export const MAX_GUARDIANS = 10;
export const ENTROPY_BYTES = 32; // 24-word BIP39 phrase
export const SHARE_BYTES = ENTROPY_BYTES + 1; // shamir-secret-sharing: y bytes || x coordinate
export const ENVELOPE_VERSION = 1;
export const ENVELOPE_CHECKSUM_BYTES = 4;
export const ENVELOPE_BYTES = 1 + 8 + 3 + SHARE_BYTES + ENVELOPE_CHECKSUM_BYTES; // 49
/** IbeCiphertext.ciphertextSize(ENVELOPE_BYTES): header 8 + G2 point 96 + masked seed 32. */
export const SHARE_CIPHERTEXT_BYTES = ENVELOPE_BYTES + 8 + 96 + 32; // 185
export const COMMITMENT_BYTES = 32;
export const MAX_PRINCIPAL_BYTES = 29;
export const REQUEST_ID_BYTES = 8;
export const MAX_RELEASE_IDENTITY_BYTES = REQUEST_ID_BYTES + MAX_PRINCIPAL_BYTES;
export const VERIFICATION_CODE_WORDS = 3;
export const VERIFICATION_CODE_EMOJI = 3;

/** DER SubjectPublicKeyInfo prefix of an Ed25519 key (RFC 8410), as II stores phrase keys. */
export const ED25519_DER_PREFIX = Uint8Array.from([
	0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00
]);
export const ED25519_PUBLIC_KEY_DER_BYTES = ED25519_DER_PREFIX.length + 32;

/** 64 emoji (6 bits each) with names to read aloud: the verification code's second half. */
export const VERIFICATION_EMOJI: readonly (readonly [emoji: string, name: string])[] = [
	['🐶', 'dog'],
	['🐱', 'cat'],
	['🐭', 'mouse'],
	['🐹', 'hamster'],
	['🐰', 'rabbit'],
	['🦊', 'fox'],
	['🐻', 'bear'],
	['🐼', 'panda'],
	['🐨', 'koala'],
	['🐯', 'tiger'],
	['🦁', 'lion'],
	['🐮', 'cow'],
	['🐷', 'pig'],
	['🐸', 'frog'],
	['🐵', 'monkey'],
	['🐔', 'chicken'],
	['🐧', 'penguin'],
	['🐦', 'bird'],
	['🦆', 'duck'],
	['🦉', 'owl'],
	['🐺', 'wolf'],
	['🐴', 'horse'],
	['🦄', 'unicorn'],
	['🐝', 'bee'],
	['🐛', 'caterpillar'],
	['🦋', 'butterfly'],
	['🐌', 'snail'],
	['🐞', 'ladybug'],
	['🐢', 'turtle'],
	['🐍', 'snake'],
	['🐙', 'octopus'],
	['🦀', 'crab'],
	['🐠', 'tropical fish'],
	['🐬', 'dolphin'],
	['🐳', 'whale'],
	['🦈', 'shark'],
	['🐊', 'crocodile'],
	['🦒', 'giraffe'],
	['🐘', 'elephant'],
	['🦔', 'hedgehog'],
	['🌵', 'cactus'],
	['🌲', 'tree'],
	['🌻', 'sunflower'],
	['🍄', 'mushroom'],
	['🍎', 'apple'],
	['🍐', 'pear'],
	['🍊', 'orange'],
	['🍋', 'lemon'],
	['🍌', 'banana'],
	['🍉', 'watermelon'],
	['🍇', 'grapes'],
	['🍓', 'strawberry'],
	['🍒', 'cherries'],
	['🍍', 'pineapple'],
	['🥕', 'carrot'],
	['🌽', 'corn'],
	['🍞', 'bread'],
	['🧀', 'cheese'],
	['🍕', 'pizza'],
	['🎈', 'balloon'],
	['🔑', 'key'],
	['⚓', 'anchor'],
	['🚲', 'bicycle'],
	['🚀', 'rocket']
];

/**
 * The IBE identity a guardian re-encrypts its share to under the release context:
 * u64_be(request id) || requester principal bytes (fixed-width id, so the split is unambiguous).
 */
export function releaseIdentity(requestId: bigint, requester: Principal): Uint8Array {
	return concat(u64be(requestId), requester.toUint8Array());
}

/** What a phrase-signed operation authorizes. The canister maps each method to one purpose. */
export const OPERATION_PURPOSES = [
	'create_vault',
	'seal_shares',
	'set_guardians',
	'set_policy',
	'cancel_recovery',
	'delete_vault'
] as const;
export type OperationPurpose = (typeof OPERATION_PURPOSES)[number];

/** One canonical payload field: u64, bytes, text or principal, each tagged and length-prefixed. */
export type PayloadField = bigint | Uint8Array | string | Principal;

/**
 * Canonical payload encoding (injective): per field a tag byte then the value —
 * 0x01 u64_be | 0x02 lp(bytes) | 0x03 lp(utf8 text) | 0x04 lp(principal bytes).
 */
export function encodeOperationPayload(fields: readonly PayloadField[]): Uint8Array {
	return concat(
		...fields.map((field) => {
			if (typeof field === 'bigint') return concat(Uint8Array.of(1), u64be(field));
			if (typeof field === 'string') return concat(Uint8Array.of(3), lengthPrefixed(utf8(field)));
			if (field instanceof Uint8Array) return concat(Uint8Array.of(2), lengthPrefixed(field));
			return concat(Uint8Array.of(4), lengthPrefixed(field.toUint8Array()));
		})
	);
}

/** sha256(lp(domain) || payload): what an operation message commits to. */
export function hashOperationPayload(payload: Uint8Array): Uint8Array {
	return sha256(concat(lengthPrefixed(utf8(DOMAIN.operationPayload)), payload));
}

export const OPERATION_MESSAGE_VERSION = 1;
/** The longest a phrase signature may stay valid: expiry at most this far after `now`. */
export const MAX_OPERATION_TTL_NS = 10n * 60n * 1_000_000_000n;

export interface OperationMessage {
	readonly purpose: OperationPurpose;
	readonly canisterId: Principal;
	readonly vaultId: bigint;
	/** The vault's operation counter: each accepted operation increments it, so no replay. */
	readonly nonce: bigint;
	/** Nanoseconds since the Unix epoch, as the IC's `time()`. */
	readonly expiryNs: bigint;
	readonly payloadHash: Uint8Array;
}

const OPERATION_DOMAIN_PREFIX = lengthPrefixed(utf8(DOMAIN.operation));

/**
 * Operation message v1, the exact bytes the phrase key signs (Ed25519) and the canister verifies:
 *   lp(utf8 "tessera/v1/operation") || u8 version || lp(utf8 purpose) || lp(canister id)
 *   || u64_be vault id || u64_be nonce || u64_be expiry ns || sha256 payload hash (32)
 * It starts with a zero length byte, so it can never equal an IC request or delegation
 * signature input ("\x0Aic-request…", "\x1Aic-request-auth-delegation…") of the same key.
 */
export function encodeOperationMessage(message: OperationMessage): Uint8Array {
	if (message.payloadHash.length !== 32) throw new RangeError('payload hash must be 32 bytes');
	return concat(
		OPERATION_DOMAIN_PREFIX,
		Uint8Array.of(OPERATION_MESSAGE_VERSION),
		lengthPrefixed(utf8(message.purpose)),
		lengthPrefixed(message.canisterId.toUint8Array()),
		u64be(message.vaultId),
		u64be(message.nonce),
		u64be(message.expiryNs),
		message.payloadHash
	);
}

export const MAX_OPERATION_MESSAGE_BYTES = 256;

export type OperationDecodeError = { kind: 'malformed'; reason: string };

/** Strict inverse of encodeOperationMessage: any other byte string is rejected. */
export function decodeOperationMessage(
	bytes: Uint8Array
): Result<OperationMessage, OperationDecodeError> {
	const malformed = (reason: string) => err({ kind: 'malformed' as const, reason });
	if (bytes.length > MAX_OPERATION_MESSAGE_BYTES) return malformed('too long');
	const reader = new Reader(bytes);
	const domain = reader.take(OPERATION_DOMAIN_PREFIX.length);
	if (!domain || !domain.every((byte, i) => byte === OPERATION_DOMAIN_PREFIX[i])) {
		return malformed('not an operation message');
	}
	if (reader.take(1)?.[0] !== OPERATION_MESSAGE_VERSION) return malformed('unknown version');
	const purposeBytes = reader.prefixed(32);
	const purpose = OPERATION_PURPOSES.find(
		(known) => purposeBytes !== undefined && sameBytes(utf8(known), purposeBytes)
	);
	if (!purpose) return malformed('unknown purpose');
	const canisterBytes = reader.prefixed(MAX_PRINCIPAL_BYTES);
	if (!canisterBytes) return malformed('bad canister id');
	const vaultId = reader.u64();
	const nonce = reader.u64();
	const expiryNs = reader.u64();
	const payloadHash = reader.take(32);
	if (vaultId === undefined || nonce === undefined || expiryNs === undefined || !payloadHash) {
		return malformed('truncated');
	}
	if (!reader.done()) return malformed('trailing bytes');
	return ok({
		purpose,
		canisterId: Principal.fromUint8Array(canisterBytes),
		vaultId,
		nonce,
		expiryNs,
		payloadHash: payloadHash.slice()
	});
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
	return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

/** A bounds-checked cursor: every read returns undefined instead of running past the end. */
class Reader {
	private offset = 0;
	constructor(private readonly bytes: Uint8Array) {}

	take(length: number): Uint8Array | undefined {
		if (this.offset + length > this.bytes.length) return undefined;
		const out = this.bytes.subarray(this.offset, this.offset + length);
		this.offset += length;
		return out;
	}

	u64(): bigint | undefined {
		const bytes = this.take(8);
		return bytes && readU64be(bytes, 0);
	}

	prefixed(maxLength: number): Uint8Array | undefined {
		const length = this.u64();
		if (length === undefined || length > BigInt(maxLength)) return undefined;
		return this.take(Number(length));
	}

	done(): boolean {
		return this.offset === this.bytes.length;
	}
}
