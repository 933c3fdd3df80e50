import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	ENVELOPE_BYTES,
	MAX_RELEASE_IDENTITY_BYTES,
	VETKD_CONTEXT_RELEASE,
	VETKD_CONTEXT_SHARES
} from '@tessera/contract';

const CONTRACT = join(import.meta.dirname, '../../../contract');

/** The contract's own sources (generated declarations included), by path inside contract/. */
function sources(dir = ''): [string, string][] {
	return readdirSync(join(CONTRACT, dir), { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return sources(path);
		return /\.(ts|js)$/u.test(entry.name)
			? [[path, readFileSync(join(CONTRACT, path), 'utf8')]]
			: [];
	});
}

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
		const files = sources();
		expect(files.length).toBeGreaterThan(8);
		// Type-only imports of @dfinity/agent (ActorMethod) erase at build time.
		const allowed = /^(@noble\/hashes\/|@dfinity\/(principal|candid)$|\.\.?\/[\w./-]+$)/u;
		for (const [file, source] of files) {
			for (const specifier of importsOf(source.replace(/^import type .*$/gmu, ''))) {
				expect(specifier, file).toMatch(allowed);
			}
			// Comments may say anything (II's .did text mentions documents).
			const code = source.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gmu, '');
			expect(code, file).not.toMatch(/\b(window|document|localStorage)\b/u);
			expect(source, file).not.toMatch(/from '(azle|svelte|\$lib|\$app)/u);
		}
	});
});
