import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bitGroups, packBitGroups } from './bits';
import { U64_MAX, constantTimeEqual, lengthPrefixed, readU64be, u64be } from '@tessera/contract';
import { wipe } from './bytes';

describe('byte helpers', () => {
	it('encodes u64 big-endian and refuses values outside u64', () => {
		expect([...u64be(258n)]).toEqual([0, 0, 0, 0, 0, 0, 1, 2]);
		expect(readU64be(u64be(U64_MAX), 0)).toBe(U64_MAX);
		expect(() => u64be(-1n)).toThrow(RangeError);
		expect(() => u64be(U64_MAX + 1n)).toThrow(RangeError);
	});

	it('length-prefixes with a u64', () => {
		expect([...lengthPrefixed(Uint8Array.of(9, 9))]).toEqual([0, 0, 0, 0, 0, 0, 0, 2, 9, 9]);
	});

	it('compares in constant time by content and length', () => {
		expect(constantTimeEqual(Uint8Array.of(1, 2), Uint8Array.of(1, 2))).toBe(true);
		expect(constantTimeEqual(Uint8Array.of(1, 2), Uint8Array.of(1, 3))).toBe(false);
		expect(constantTimeEqual(Uint8Array.of(1, 2), Uint8Array.of(1))).toBe(false);
	});

	it('wipes every buffer it is given', () => {
		const a = Uint8Array.of(1, 2, 3);
		const b = Uint8Array.of(4);
		wipe(a, undefined, b);
		expect([...a, ...b]).toEqual([0, 0, 0, 0]);
	});
});

describe('bit groups', () => {
	it('reads 11-bit groups most significant bit first', () => {
		expect(bitGroups(Uint8Array.of(0xff, 0xe0, 0x00), 11, 2)).toEqual([2047, 0]);
		expect(() => bitGroups(Uint8Array.of(1), 11, 1)).toThrow(RangeError);
	});

	it('packs back what it reads', () => {
		fc.assert(
			fc.property(fc.uint8Array({ minLength: 1, maxLength: 64 }), (bytes) => {
				const count = Math.floor((bytes.length * 8) / 11);
				const packed = packBitGroups(bitGroups(bytes, 11, count), 11);
				expect(packed).toEqual(bytes.subarray(0, packed.length));
			})
		);
	});
});
