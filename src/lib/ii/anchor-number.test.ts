import { expect, test } from 'vitest';
import { checkAnchorNumber, parseAnchorNumber } from './anchor-number';
import { IiError } from './errors';
import { iiCanisterId, II_MAINNET_CANISTER_ID } from './network';

test('parseAnchorNumber reads digits, ignoring surrounding spaces', () => {
	expect(parseAnchorNumber(' 10042 ')).toBe(10_042n);
	expect(parseAnchorNumber('18446744073709551615')).toBe((1n << 64n) - 1n);
});

test('parseAnchorNumber refuses anything else with a typed error', () => {
	for (const text of [
		'',
		'abc',
		'-1',
		'1.5',
		'10 042',
		'1e5',
		'18446744073709551616',
		'1'.repeat(21)
	]) {
		expect(() => parseAnchorNumber(text), text).toThrow(IiError);
	}
	expect(() => parseAnchorNumber('x')).toThrow(expect.objectContaining({ kind: 'InvalidRequest' }));
});

test('checkAnchorNumber keeps II numbers within nat64', () => {
	expect(checkAnchorNumber(0n)).toBe(0n);
	expect(() => checkAnchorNumber(-1n)).toThrow(IiError);
	expect(() => checkAnchorNumber(1n << 64n)).toThrow(IiError);
});

test('iiCanisterId: the real II on mainnet, the configured one on devnet', () => {
	expect(II_MAINNET_CANISTER_ID).toBe('rdmx6-jaaaa-aaaaa-aaadq-cai');
	expect(iiCanisterId('ic')).toBe(II_MAINNET_CANISTER_ID);
	expect(iiCanisterId('ic', II_MAINNET_CANISTER_ID)).toBe(II_MAINNET_CANISTER_ID);
	expect(() => iiCanisterId('ic', 'bkyz2-fmaaa-aaaaa-qaaaq-cai')).toThrow(/on mainnet/);
	expect(iiCanisterId('local', 'bkyz2-fmaaa-aaaaa-qaaaq-cai')).toBe('bkyz2-fmaaa-aaaaa-qaaaq-cai');
	expect(() => iiCanisterId('local')).toThrow(/must be configured/);
});
