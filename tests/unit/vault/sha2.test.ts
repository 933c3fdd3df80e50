// The canister's SHA-256 / SHA-224 (domain/sha2.ts) against @noble/hashes and FIPS 180-4 vectors.
import { sha224 as nobleSha224, sha256 as nobleSha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha224, sha256 } from '../../../canister/vault/domain/sha2';

describe('canister SHA-2', () => {
	it('known answers (FIPS 180-4 examples)', () => {
		expect(bytesToHex(sha256(utf8ToBytes('abc')))).toBe(
			'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
		);
		expect(bytesToHex(sha224(utf8ToBytes('abc')))).toBe(
			'23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7'
		);
		expect(bytesToHex(sha256(new Uint8Array()))).toBe(
			'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'
		);
	});

	it('equals @noble/hashes at every length across block boundaries (0..300 bytes)', () => {
		for (let length = 0; length <= 300; length++) {
			const message = Uint8Array.from({ length }, (_, i) => (i * 131 + length) & 0xff);
			expect(sha256(message)).toEqual(nobleSha256(message));
			expect(sha224(message)).toEqual(nobleSha224(message));
		}
	});

	it('equals @noble/hashes for random messages (property)', () => {
		fc.assert(
			fc.property(fc.uint8Array({ maxLength: 2000 }), (message) => {
				expect(sha256(message)).toEqual(nobleSha256(message));
				expect(sha224(message)).toEqual(nobleSha224(message));
			}),
			{ numRuns: 300 }
		);
	});
});
