import { IDL } from '@dfinity/candid';
import { Principal } from '@dfinity/principal';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { initArg } from '../../../canister/vault/devnet-init-arg';
import { InitArgs } from '@tessera/contract/vault/idl';

describe("the guardian's init argument on devnet", () => {
	const ii = 'bnz7o-iuaaa-aaaaa-qaaaa-cai';

	it('names the local vetKD key and the internet_identity canister deployed beside it', () => {
		const [decoded] = IDL.decode([InitArgs], initArg({ canisterIds: { internet_identity: ii } }));
		expect(decoded).toEqual({
			vetKdKeyName: 'dfx_test_key',
			internetIdentity: Principal.fromText(ii)
		});
	});

	it('refuses to guess when internet_identity is not deployed', () => {
		expect(() => initArg({ canisterIds: {} })).toThrow(/internet_identity/);
	});

	it('is the module dfx.json names, and II is never deployed to mainnet', () => {
		const dfx = JSON.parse(readFileSync('dfx.json', 'utf8'));
		expect(dfx.canisters.vault.custom.devnet_init_arg).toBe('canister/vault/devnet-init-arg.ts');
		expect(dfx.canisters.internet_identity.remote.id.ic).toBe('rdmx6-jaaaa-aaaaa-aaadq-cai');
	});
});
