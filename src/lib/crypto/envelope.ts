// The share envelope: what a guardian's IBE ciphertext and a paper share carry.
import { sha256 } from '@noble/hashes/sha2';
import {
	concat,
	constantTimeEqual,
	lengthPrefixed,
	readU64be,
	u64be,
	utf8
} from '@tessera/contract';
import {
	DOMAIN,
	ENVELOPE_BYTES,
	ENVELOPE_CHECKSUM_BYTES,
	ENVELOPE_VERSION,
	MAX_GUARDIANS,
	MIN_THRESHOLD,
	SHARE_BYTES
} from '@tessera/contract';
import { err, ok, type Result } from './result';

/**
 * Envelope v1 (49 bytes):
 *   u8 version | u64_be vault id | u8 index (1..n) | u8 m | u8 n | share (33) | checksum (4)
 * checksum = sha256(lp("tessera/v1/envelope-checksum") || the 45 bytes before it)[0..4].
 * The share is shamir-secret-sharing's layout: 32 bytes of y values then the x coordinate.
 */
export interface ShareEnvelope {
	readonly vaultId: bigint;
	/** The guardian slot, 1..n. */
	readonly index: number;
	readonly threshold: number;
	readonly total: number;
	readonly share: Uint8Array;
}

export type EnvelopeError =
	| { kind: 'wrong-length'; actual: number }
	| { kind: 'unknown-version'; version: number }
	| { kind: 'bad-checksum' }
	| { kind: 'bad-parameters' };

const BODY_BYTES = ENVELOPE_BYTES - ENVELOPE_CHECKSUM_BYTES;
const CHECKSUM_DOMAIN = lengthPrefixed(utf8(DOMAIN.envelopeChecksum));

function checksum(body: Uint8Array): Uint8Array {
	return sha256(concat(CHECKSUM_DOMAIN, body)).subarray(0, ENVELOPE_CHECKSUM_BYTES);
}

export function validParameters(index: number, threshold: number, total: number): boolean {
	return (
		Number.isInteger(index) &&
		Number.isInteger(threshold) &&
		Number.isInteger(total) &&
		MIN_THRESHOLD <= threshold &&
		threshold <= total &&
		total <= MAX_GUARDIANS &&
		1 <= index &&
		index <= total
	);
}

export function encodeEnvelope(envelope: ShareEnvelope): Uint8Array {
	const { vaultId, index, threshold, total, share } = envelope;
	if (!validParameters(index, threshold, total)) throw new RangeError('bad envelope parameters');
	if (share.length !== SHARE_BYTES) throw new RangeError('share must be 33 bytes');
	const body = concat(
		Uint8Array.of(ENVELOPE_VERSION),
		u64be(vaultId),
		Uint8Array.of(index, threshold, total),
		share
	);
	const out = concat(body, checksum(body));
	body.fill(0);
	return out;
}

export function decodeEnvelope(bytes: Uint8Array): Result<ShareEnvelope, EnvelopeError> {
	if (bytes.length !== ENVELOPE_BYTES) return err({ kind: 'wrong-length', actual: bytes.length });
	const version = bytes[0] ?? 0;
	if (version !== ENVELOPE_VERSION) return err({ kind: 'unknown-version', version });
	const body = bytes.subarray(0, BODY_BYTES);
	if (!constantTimeEqual(checksum(body), bytes.subarray(BODY_BYTES))) {
		return err({ kind: 'bad-checksum' });
	}
	const [index = 0, threshold = 0, total = 0] = bytes.subarray(9, 12);
	if (!validParameters(index, threshold, total)) return err({ kind: 'bad-parameters' });
	return ok({
		vaultId: readU64be(bytes, 1),
		index,
		threshold,
		total,
		share: bytes.slice(12, 12 + SHARE_BYTES)
	});
}
