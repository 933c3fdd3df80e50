import { expect, test } from 'vitest';
import { checkAnchorNumber } from './anchor-number';
import { IiError } from './errors';
import { iiCanisterId, II_MAINNET_CANISTER_ID } from './network';

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
