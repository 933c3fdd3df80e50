import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

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
			'artifacts/'
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
	}
);
