import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex } from '@noble/hashes/utils';
import { describe, expect, it } from 'vitest';
import { decodeEnvelope, encodeEnvelope, type ShareEnvelope } from './envelope';
import { ENVELOPE_BYTES } from '@tessera/contract';

const share = Uint8Array.from({ length: 33 }, (_, i) => i);
const envelope: ShareEnvelope = { vaultId: 7n, index: 2, threshold: 2, total: 3, share };

describe('share envelope v1', () => {
	it('encodes to the documented layout (vector)', () => {
		const bytes = encodeEnvelope(envelope);
		expect(bytes).toHaveLength(ENVELOPE_BYTES);
		expect(bytesToHex(bytes.subarray(0, 45))).toBe(
			'01' + '0000000000000007' + '020203' + bytesToHex(share)
		);
		// Checksum computed here independently: sha256(u64_be(28) || tag || body)[0..4].
		const tag = new TextEncoder().encode('tessera/v1/envelope-checksum');
		const checksumInput = Uint8Array.from([
			0,
			0,
			0,
			0,
			0,
			0,
			0,
			28,
			...tag,
			...bytes.subarray(0, 45)
		]);
		expect(bytesToHex(bytes.subarray(45))).toBe(bytesToHex(sha256(checksumInput).subarray(0, 4)));
		expect(bytesToHex(bytes.subarray(45))).toBe('56845122');
	});

	it('decodes what it encodes', () => {
		expect(decodeEnvelope(encodeEnvelope(envelope))).toEqual({ ok: true, value: envelope });
	});

	it('rejects a wrong length', () => {
		const bytes = encodeEnvelope(envelope);
		expect(decodeEnvelope(bytes.subarray(1))).toEqual({
			ok: false,
			error: { kind: 'wrong-length', actual: 48 }
		});
	});

	it('rejects an unknown version', () => {
		const bytes = encodeEnvelope(envelope);
		bytes[0] = 2;
		expect(decodeEnvelope(bytes)).toEqual({
			ok: false,
			error: { kind: 'unknown-version', version: 2 }
		});
	});

	it('detects any single corrupted byte after the version', () => {
		const bytes = encodeEnvelope(envelope);
		for (let i = 1; i < bytes.length; i++) {
			const corrupted = bytes.slice();
			corrupted[i] = (corrupted[i] ?? 0) ^ 0x10;
			expect(decodeEnvelope(corrupted)).toEqual({ ok: false, error: { kind: 'bad-checksum' } });
		}
	});

	it('rejects impossible parameters even with a valid checksum', () => {
		for (const [index, threshold, total] of [
			[0, 2, 3],
			[4, 2, 3],
			[1, 1, 3],
			[1, 3, 2],
			[1, 2, 11]
		] as const) {
			expect(() => encodeEnvelope({ ...envelope, index, threshold, total })).toThrow(RangeError);
		}
	});

	it('decodes impossible parameters as bad-parameters even with a valid checksum', () => {
		const tag = new TextEncoder().encode('tessera/v1/envelope-checksum');
		for (const [index, threshold, total] of [
			[0, 2, 3],
			[4, 2, 3],
			[1, 1, 3],
			[1, 3, 2],
			[1, 2, 11]
		]) {
			const body = encodeEnvelope(envelope).subarray(0, 45);
			body.set([index ?? 0, threshold ?? 0, total ?? 0], 9);
			const sum = sha256(Uint8Array.from([0, 0, 0, 0, 0, 0, 0, 28, ...tag, ...body])).subarray(
				0,
				4
			);
			expect(decodeEnvelope(Uint8Array.from([...body, ...sum]))).toEqual({
				ok: false,
				error: { kind: 'bad-parameters' }
			});
		}
	});

	it('refuses to encode a share of the wrong size', () => {
		expect(() => encodeEnvelope({ ...envelope, share: new Uint8Array(32) })).toThrow(RangeError);
	});
});
