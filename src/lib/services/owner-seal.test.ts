import { Principal } from '@dfinity/principal';
import { MasterPublicKey, MasterPublicKeyId } from '@dfinity/vetkeys';
import { describe, expect, test } from 'vitest';
import { VETKD_CONTEXT_SHARES } from '../crypto/protocol';
import { SealError, trustedSharesKey } from './owner-seal';

const CANISTER = Principal.fromText('bkyz2-fmaaa-aaaaa-qaaaq-cai');
const mainnetShares = (canister: Principal) =>
	MasterPublicKey.productionKey(MasterPublicKeyId.KEY_1)
		.deriveCanisterKey(canister.toUint8Array())
		.deriveSubKey(VETKD_CONTEXT_SHARES)
		.publicKeyBytes();

describe('trustedSharesKey', () => {
	const ic = { network: 'ic' as const, vetKdKeyName: 'key_1' };

	test('mainnet: the derivation of key_1 for this canister is accepted', () => {
		const key = trustedSharesKey(mainnetShares(CANISTER), CANISTER, ic);
		expect(key.context).toBe('shares');
		expect(key.key.publicKeyBytes()).toEqual(mainnetShares(CANISTER));
	});

	test('mainnet: another canister’s key (a lying canister) is refused', () => {
		const other = Principal.fromText('aaaaa-aa');
		expect(() => trustedSharesKey(mainnetShares(other), CANISTER, ic)).toThrow(SealError);
	});

	test('mainnet: an unknown key name is refused', () => {
		expect(() =>
			trustedSharesKey(mainnetShares(CANISTER), CANISTER, { network: 'ic', vetKdKeyName: 'x' })
		).toThrow(/does not match/u);
	});

	test('local: the reported key is taken as is when well-formed, refused when malformed', () => {
		const local = { network: 'local' as const, vetKdKeyName: 'dfx_test_key' };
		expect(trustedSharesKey(mainnetShares(CANISTER), CANISTER, local).context).toBe('shares');
		expect(() => trustedSharesKey(new Uint8Array(96).fill(1), CANISTER, local)).toThrow(
			/malformed/u
		);
	});
});
