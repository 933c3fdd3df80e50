// The lint rule that keeps the app and the canisters apart (eslint.config.js): each import below
// is linted as if it were written in the named file, and must be refused.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function restrictedImports(filePath: string, source: string): Promise<number> {
	const [result] = await eslint.lintText(source, { filePath });
	return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').length;
}

// Loading the config (Svelte and TypeScript parsers) takes a few seconds on first use.
describe('import boundaries', { timeout: 60_000 }, () => {
	it.each([
		['src/lib/ii/x.ts', "import { x } from '../../../canister/internet_identity/domain/idl';"],
		['src/lib/canisters/x.ts', "export { x } from '../../../canister/vault/idl';"],
		['canister/vault/domain/x.ts', "import { x } from '../../../src/lib/crypto/bytes';"],
		['canister/vault/src/x.ts', "import { x } from '$lib/crypto/protocol';"],
		['contract/vault/x.ts', "import { x } from '../../canister/vault/candid';"],
		['contract/x.ts', "import { x } from '../src/lib/config';"]
	])('%s: %s is refused', async (file, source) => {
		expect(await restrictedImports(file, source)).toBe(1);
	});

	it('allows the contract on both sides', async () => {
		const source = "import { LIMITS } from '@tessera/contract';";
		expect(await restrictedImports('src/lib/x.ts', source)).toBe(0);
		expect(await restrictedImports('canister/vault/domain/x.ts', source)).toBe(0);
	});
});
