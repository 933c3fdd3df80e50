import { describe, expect, it } from 'vitest';
import {
	ENVELOPE_BYTES,
	MAX_RELEASE_IDENTITY_BYTES,
	VETKD_CONTEXT_RELEASE,
	VETKD_CONTEXT_SHARES
} from './protocol';

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

describe('protocol module', () => {
	it('fixes the vetKD contexts and the envelope size', () => {
		expect(new TextDecoder().decode(VETKD_CONTEXT_SHARES)).toBe('tessera/v1/shares');
		expect(new TextDecoder().decode(VETKD_CONTEXT_RELEASE)).toBe('tessera/v1/release');
		expect(ENVELOPE_BYTES).toBe(49);
		expect(MAX_RELEASE_IDENTITY_BYTES).toBe(37);
	});

	it('keeps what the canister imports free of vetkeys, agent, identity and DOM code', () => {
		const canisterSide = ['./protocol.ts', './bytes.ts', './result.ts'];
		const allowed =
			/^(@noble\/(hashes|curves)\/|@dfinity\/principal$|\.\/(protocol|bytes|result)$)/u;
		for (const file of canisterSide) {
			const source = sources[file];
			expect(source, file).toBeDefined();
			for (const specifier of importsOf(source ?? '')) expect(specifier, file).toMatch(allowed);
			expect(source).not.toMatch(/\b(window|document|localStorage)\b/u);
		}
	});

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
