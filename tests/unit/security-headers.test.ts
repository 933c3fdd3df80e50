// The app's doors: one CSP source (security-headers.js) for the page's <meta> (svelte.config.js)
// and the asset canister's headers (.ic-assets.json5, written by scripts/write-ic-assets.ts).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
	cspDirectives,
	HEADER_ONLY_CSP,
	icAssetsConfig,
	SECURITY_HEADERS
} from '../../security-headers.js';
import { metaCsp, writeIcAssets } from '../../scripts/write-ic-assets';

const LOCAL = /localhost|127\.0\.0\.1|\[::1\]/;

/** svelte.config.js as a build with `icHost` (unset: the mainnet build) loads it. */
async function svelteCsp(
	icHost: string | undefined
): Promise<Record<string, string[] | undefined>> {
	vi.resetModules();
	if (icHost === undefined) vi.stubEnv('VITE_IC_HOST', undefined as unknown as string);
	else vi.stubEnv('VITE_IC_HOST', icHost);
	const { default: config } = await import('../../svelte.config.js');
	return (config.kit?.csp?.directives ?? {}) as Record<string, string[] | undefined>;
}

afterEach(() => {
	vi.unstubAllEnvs();
});

describe('Content-Security-Policy', () => {
	it("the mainnet build's connect-src names no local host", async () => {
		const directives = await svelteCsp(undefined);
		expect(directives['connect-src']).toContain('https://icp-api.io');
		expect(directives['connect-src']?.filter((source) => LOCAL.test(source))).toEqual([]);
		expect(cspDirectives()['connect-src']?.some((source) => LOCAL.test(source))).toBe(false);
		expect(cspDirectives({ icHost: 'https://icp-api.io' })['connect-src']).toEqual(
			cspDirectives()['connect-src']
		);
	});

	it("a devnet build's connect-src adds the devnet, on its own port too", async () => {
		const directives = await svelteCsp('http://127.0.0.1:40123');
		expect(directives['connect-src']).toContain('http://127.0.0.1:40123');
		expect(directives['connect-src']).toContain('http://localhost:4943');
	});

	it('keeps scripts to our own origin and nothing may frame or embed', () => {
		const directives = cspDirectives();
		expect(directives['script-src']).toEqual(['self']);
		expect(directives['object-src']).toEqual(['none']);
		expect(directives['frame-src']).toEqual(['none']);
	});
});

describe('.ic-assets.json5', () => {
	const PAGE_CSP =
		"default-src 'self'; script-src 'self' 'sha256-abc='; connect-src 'self' https://icp-api.io";
	const page = (policy: string) =>
		`<!doctype html><html><head><meta http-equiv="content-security-policy" content="${policy.replaceAll("'", '&#39;')}"></head></html>`;

	it('is written from the built pages, parses, and carries every security header', () => {
		const build = mkdtempSync(join(tmpdir(), 'tessera-build-'));
		writeFileSync(join(build, 'index.html'), page(PAGE_CSP));
		const offline = "default-src 'none'; script-src 'sha256-off='";
		writeFileSync(join(build, 'offline.html'), page(offline));
		const text = readFileSync(writeIcAssets(build), 'utf8');
		// JSON5 allows comments; the rest of the file is plain JSON.
		const rules = JSON.parse(text.replace(/^\/\/.*\n/, '')) as {
			match: string;
			headers: Record<string, string>;
			allow_raw_access?: boolean;
		}[];
		const all = rules.find((rule) => rule.match === '**/*');
		expect(all?.headers['Content-Security-Policy']).toBe(`${PAGE_CSP}; ${HEADER_ONLY_CSP}`);
		expect(all?.headers['Content-Security-Policy']).toContain("frame-ancestors 'none'");
		expect(all?.headers['Strict-Transport-Security']).toMatch(/^max-age=\d{8,}/);
		expect(all?.headers['X-Content-Type-Options']).toBe('nosniff');
		expect(all?.headers['Referrer-Policy']).toBe('no-referrer');
		expect(all?.headers['Permissions-Policy']).toContain('camera=()');
		expect(all?.allow_raw_access).toBe(false);
		expect(rules.find((rule) => rule.match === 'offline.html')?.headers).toEqual({
			'Content-Security-Policy': `${offline}; ${HEADER_ONLY_CSP}`
		});
		expect(rules.find((rule) => rule.match === 'index.html')).toBeUndefined();
	});

	it('refuses a build whose index.html has no policy', () => {
		const build = mkdtempSync(join(tmpdir(), 'tessera-build-'));
		writeFileSync(join(build, 'index.html'), '<!doctype html><html></html>');
		expect(() => writeIcAssets(build)).toThrow(/no Content-Security-Policy/);
	});

	it("reads SvelteKit's meta tag, entities decoded", () => {
		expect(metaCsp(page(PAGE_CSP))).toBe(PAGE_CSP);
		expect(metaCsp('<html></html>')).toBeUndefined();
	});

	it('sets the headers on every path', () => {
		const [all] = icAssetsConfig("default-src 'self'");
		expect(all).toMatchObject({ match: '**/*', headers: SECURITY_HEADERS });
	});
});
