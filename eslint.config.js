import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

const CANISTER = {
	regex: '(^|/)canister(/|$)',
	message: 'Import what the app and the canisters share from @tessera/contract.'
};
const APP = {
	regex: '(^|/)src/|^\\$lib(/|$)',
	message: 'Canisters and the contract never import the app (src/).'
};

/** A config block that forbids, in `files`, imports matching any of `patterns`. */
function restrictImports(files, patterns) {
	return { files, rules: { 'no-restricted-imports': ['error', { patterns }] } };
}

export default ts.config(
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'.azle/',
			'.devnet/',
			'.dfx/',
			'test-results/',
			'playwright-report/',
			'artifacts/',
			'conformance/azle-0.33.0/',
			// Generated Candid bindings (scripts/bindings.ts).
			'contract/**/declarations/'
		]
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
			]
		}
	},
	// devnet is a package (@tessera/devnet): outside devnet/, only its three entry points; inside,
	// nothing of the app's or the canisters' code. The typescript-eslint variant of the rule, so
	// that these patterns add to the base rule's patterns elsewhere instead of replacing them.
	{
		ignores: ['devnet/**'],
		rules: {
			'@typescript-eslint/no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							regex: '^((\\./|(\\.\\./)+)devnet(/|$)|@tessera/devnet/(?!(server|testing)$))',
							message:
								"Import devnet through its package surface: '@tessera/devnet', '@tessera/devnet/server' or '@tessera/devnet/testing'."
						}
					]
				}
			]
		}
	},
	{
		files: ['devnet/**'],
		rules: {
			'@typescript-eslint/no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							regex: '^((\\.\\./)+(canister|contract|src/lib)/|\\$lib|@tessera/contract)',
							message:
								'devnet stands alone: it does not import the app, the canisters or the contract.'
						}
					]
				}
			]
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	// The app and the canisters share only the contract (@tessera/contract): the app never
	// imports canister/, the canisters never import src/, the contract imports neither.
	restrictImports(['src/**/*.{ts,js,svelte}'], [CANISTER]),
	restrictImports(['canister/**/*.ts'], [APP]),
	restrictImports(['contract/**/*.ts'], [APP, CANISTER])
);
