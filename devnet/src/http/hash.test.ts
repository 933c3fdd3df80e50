import { hashOfMap as agentHashOfMap, requestIdOf } from '@dfinity/agent';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
	hashOfMap,
	hashValue,
	requestId,
	signedLeb128,
	unsignedLeb128,
	type HashableMap,
	type HashableValue
} from './hash';

describe('LEB128', () => {
	test('matches the spec examples', () => {
		expect(bytesToHex(unsignedLeb128(0n))).toBe('00');
		expect(bytesToHex(unsignedLeb128(624485n))).toBe('e58e26');
		expect(bytesToHex(signedLeb128(0n))).toBe('00');
		expect(bytesToHex(signedLeb128(-123456n))).toBe('c0bb78');
		expect(bytesToHex(signedLeb128(63n))).toBe('3f');
		expect(bytesToHex(signedLeb128(64n))).toBe('c000');
		expect(bytesToHex(signedLeb128(-64n))).toBe('40');
		expect(bytesToHex(signedLeb128(-65n))).toBe('bf7f');
	});

	test('refuses a negative number as unsigned', () => {
		expect(() => unsignedLeb128(-1n)).toThrow(RangeError);
	});
});

describe('representation-independent hash', () => {
	test('reproduces the request id example of the IC interface spec', () => {
		const content = {
			request_type: 'call',
			sender: Uint8Array.of(0x04),
			ingress_expiry: 1685570400000000000n,
			canister_id: hexToBytes('00000000000004d2'),
			method_name: 'hello',
			arg: hexToBytes('4449444c00fd2a') // "DIDL\x00\xFD*"
		};
		expect(bytesToHex(requestId(content))).toBe(
			'1d1091364d6bb8a6c16b203ee75467d59ead468f523eb058880ae8ec80e2b101'
		);
	});

	test('omits undefined fields', () => {
		expect(hashOfMap({ a: 'x', b: undefined })).toEqual(hashOfMap({ a: 'x' }));
	});

	test('refuses numbers that are not safe integers', () => {
		expect(() => hashValue(1.5)).toThrow(RangeError);
	});

	const value: fc.Arbitrary<HashableValue> = fc.letrec<{ value: HashableValue }>((tie) => ({
		value: fc.oneof(
			{ depthSize: 'small', withCrossShrink: true },
			fc.uint8Array({ maxLength: 40 }),
			fc.string({ unit: 'binary', maxLength: 20 }),
			fc.bigInt({ min: 0n, max: 2n ** 130n }),
			fc.nat(),
			fc.array(tie('value'), { maxLength: 4 }),
			fc.dictionary(fc.string({ maxLength: 12 }), tie('value'), { maxKeys: 5 })
		)
	})).value;
	const map = fc.dictionary(fc.string({ maxLength: 16 }), value, { maxKeys: 8 });

	test('equals @dfinity/agent hashOfMap over nested maps, arrays, blobs, text and naturals', () => {
		fc.assert(
			fc.property(map, (m: HashableMap) => {
				expect(bytesToHex(hashOfMap(m))).toBe(bytesToHex(agentHashOfMap(m as never)));
			}),
			{ numRuns: 500 }
		);
	});

	test('equals @dfinity/agent requestIdOf over read_state-like contents with nested paths', () => {
		const paths = fc.array(fc.array(fc.uint8Array({ maxLength: 32 }), { maxLength: 5 }), {
			maxLength: 5
		});
		const content = fc.record(
			{
				request_type: fc.constantFrom('call', 'query', 'read_state'),
				sender: fc.uint8Array({ minLength: 1, maxLength: 29 }),
				ingress_expiry: fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }),
				nonce: fc.uint8Array({ maxLength: 32 }),
				paths
			},
			{ requiredKeys: ['request_type', 'sender', 'ingress_expiry'] }
		);
		fc.assert(
			fc.property(content, (c) => {
				expect(bytesToHex(requestId(c))).toBe(bytesToHex(requestIdOf(c as never)));
			}),
			{ numRuns: 300 }
		);
	});
});
