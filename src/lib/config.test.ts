import { describe, expect, test } from 'vitest';
import {
	ConfigError,
	MAINNET_HOST,
	MAINNET_II_CANISTER_ID,
	MAINNET_II_URL,
	readConfig
} from './config';

const GUARDIAN = 'bkyz2-fmaaa-aaaaa-qaaaq-cai';
const LOCAL_II = 'bd3sg-teaaa-aaaaa-qaaba-cai';

describe('readConfig', () => {
	test('no env: mainnet, real II, sign-in through II', () => {
		const config = readConfig({});
		expect(config).toMatchObject({
			network: 'ic',
			host: MAINNET_HOST,
			vaultCanisterId: undefined,
			iiUrl: `${MAINNET_II_URL}/`,
			derivationOrigin: undefined,
			vetKdKeyName: 'key_1'
		});
		expect(config.internetIdentityCanisterId.toText()).toBe(MAINNET_II_CANISTER_ID);
	});

	test('devnet as npm start sets it: local network, the local II window, local vetKD key', () => {
		const config = readConfig({
			VITE_IC_HOST: 'http://127.0.0.1:4943',
			VITE_CANISTER_ID_VAULT: GUARDIAN,
			VITE_CANISTER_ID_INTERNET_IDENTITY: LOCAL_II,
			VITE_II_URL: 'http://localhost:4174'
		});
		expect(config).toMatchObject({
			network: 'local',
			host: 'http://127.0.0.1:4943',
			iiUrl: 'http://localhost:4174/',
			vetKdKeyName: 'dfx_test_key'
		});
		expect(config.vaultCanisterId?.toText()).toBe(GUARDIAN);
		expect(config.internetIdentityCanisterId.toText()).toBe(LOCAL_II);
	});

	test('a devnet build without VITE_II_URL names no II (never mainnet II for a local replica)', () => {
		expect(readConfig({ VITE_IC_HOST: 'http://127.0.0.1:4943' }).iiUrl).toBeUndefined();
	});

	test('localhost and *.localhost hosts are local', () => {
		expect(readConfig({ VITE_IC_HOST: 'http://localhost:8080' }).network).toBe('local');
		expect(readConfig({ VITE_IC_HOST: 'http://x.localhost:4943' }).network).toBe('local');
	});

	test('a local replica with an II URL (dfx) signs in through II with the derivation origin', () => {
		const config = readConfig({
			VITE_IC_HOST: 'http://localhost:4943',
			VITE_II_URL: 'http://ii.localhost:4943',
			VITE_II_DERIVATION_ORIGIN: 'https://tessera.example/some/path'
		});
		expect(config.iiUrl).toBe('http://ii.localhost:4943/');
		expect(config.derivationOrigin).toBe('https://tessera.example');
	});

	test('blank values count as absent', () => {
		expect(readConfig({ VITE_IC_HOST: '  ', VITE_CANISTER_ID_VAULT: '' })).toMatchObject({
			network: 'ic',
			vaultCanisterId: undefined
		});
	});

	test.each([
		[{ VITE_IC_HOST: 'not a url' }, 'VITE_IC_HOST'],
		[{ VITE_IC_HOST: 'ftp://localhost' }, 'VITE_IC_HOST'],
		[{ VITE_IC_HOST: 'http://icp-api.io' }, 'VITE_IC_HOST'],
		[{ VITE_CANISTER_ID_VAULT: 'guardian' }, 'VITE_CANISTER_ID_VAULT'],
		[{ VITE_CANISTER_ID_INTERNET_IDENTITY: 'abc' }, 'VITE_CANISTER_ID_INTERNET_IDENTITY'],
		[{ VITE_II_URL: 'identity' }, 'VITE_II_URL'],
		[{ VITE_II_DERIVATION_ORIGIN: 'tessera' }, 'VITE_II_DERIVATION_ORIGIN']
	] as const)('a malformed %o is a ConfigError naming %s', (env, variable) => {
		expect(() => readConfig(env)).toThrow(ConfigError);
		expect(() => readConfig(env)).toThrow(new RegExp(`^${variable}:`));
	});
});
