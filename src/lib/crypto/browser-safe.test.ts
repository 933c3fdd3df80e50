import { describe, expect, it } from 'vitest';

const sources = import.meta.glob<string>(['./*.ts', '!./*.test.ts'], {
	query: '?raw',
	import: 'default',
	eager: true
});

function importsOf(source: string): string[] {
	return [...source.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+'([^']+)'/gmu)].map(
		([, specifier]) => specifier ?? ''
	);
}

describe('client crypto', () => {
	it('runs in browsers: no node: imports and no Svelte anywhere in src/lib/crypto', () => {
		expect(Object.keys(sources).length).toBeGreaterThan(10);
		for (const [file, source] of Object.entries(sources)) {
			for (const specifier of importsOf(source)) {
				expect(specifier, file).not.toMatch(/^(node:|svelte|\$app|crypto$)/u);
			}
			expect(source, file).not.toMatch(/console\.(log|info|debug|warn|error)/u);
		}
	});
});
