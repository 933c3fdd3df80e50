import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { appBuildEnv, canisterIdVariable, readCanisterIds } from '../../scripts/app-env';

describe('the app build environment of npm start', () => {
	const directories: string[] = [];
	const idsFile = (content: string) => {
		const directory = mkdtempSync(join(tmpdir(), 'tessera-ids-'));
		directories.push(directory);
		const path = join(directory, 'canister_ids.json');
		writeFileSync(path, content);
		return path;
	};
	afterEach(() => directories.splice(0).forEach((d) => rmSync(d, { recursive: true })));

	it('names each canister by its dfx.json name, whatever it is', () => {
		expect(canisterIdVariable('vault')).toBe('VITE_CANISTER_ID_VAULT');
		expect(canisterIdVariable('vault')).toBe('VITE_CANISTER_ID_VAULT');
		expect(canisterIdVariable('internet_identity')).toBe('VITE_CANISTER_ID_INTERNET_IDENTITY');
		expect(canisterIdVariable('my-frontend')).toBe('VITE_CANISTER_ID_MY_FRONTEND');
	});

	it('carries devnet’s URL and every id of the file devnet deploy writes', () => {
		const path = idsFile(
			JSON.stringify({ vault: { local: 'bkyz2-fmaaa-aaaaa-qaaaq-cai' }, frontend: { ic: 'x' } })
		);
		expect(appBuildEnv('http://127.0.0.1:4943', readCanisterIds(path))).toEqual({
			VITE_IC_HOST: 'http://127.0.0.1:4943',
			VITE_CANISTER_ID_VAULT: 'bkyz2-fmaaa-aaaaa-qaaaq-cai'
		});
	});

	it('refuses a missing file or one without local ids, instead of building an app without them', () => {
		expect(() => readCanisterIds('/nonexistent/canister_ids.json')).toThrow(/does not exist/);
		expect(() => readCanisterIds(idsFile('{"frontend":{"ic":"x"}}'))).toThrow(/no local canister/);
	});
});
