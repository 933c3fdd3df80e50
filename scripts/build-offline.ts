#!/usr/bin/env -S npx tsx
// Builds the offline recovery page (offline/) into one self-contained HTML file: script and
// styles inline, a Content-Security-Policy of `default-src 'none'` that allows exactly those two
// inline blocks by hash, so the page can reach nothing, opened from file:// or anywhere else.
// Written to static/ (the app serves it for download) with its sha256 beside it.
import { svelte, vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import tailwindcss from '@tailwindcss/vite';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';
import { OFFLINE_RECOVERY_FILE as OFFLINE_FILE } from '../src/lib/content/offline-recovery';

const OUT_DIRECTORY = resolve('static');
const PLACEHOLDER = '__CONTENT_SECURITY_POLICY__';

const sha256 = (text: string, encoding: 'base64' | 'hex') =>
	createHash('sha256').update(text, 'utf8').digest(encoding);

/** The text of every inline element `tag` (what a CSP hash covers). */
function inlineBlocks(html: string, tag: 'script' | 'style'): string[] {
	const pattern = new RegExp(`<${tag}\\b[^>]*>([\\s\\S]*?)</${tag}>`, 'g');
	return [...html.matchAll(pattern)].map((match) => match[1] ?? '');
}

export function contentSecurityPolicy(html: string): string {
	const hashes = (tag: 'script' | 'style') =>
		inlineBlocks(html, tag)
			.map((text) => `'sha256-${sha256(text, 'base64')}'`)
			.join(' ');
	return [
		"default-src 'none'",
		`script-src ${hashes('script')}`,
		`style-src ${hashes('style')}`,
		'img-src data:',
		"base-uri 'none'",
		"form-action 'none'"
	].join('; ');
}

export async function buildOfflinePage(): Promise<{ path: string; sha256: string }> {
	const outDir = mkdtempSync(join(tmpdir(), 'tessera-offline-'));
	try {
		await build({
			root: resolve('offline'),
			configFile: false,
			logLevel: 'warn',
			resolve: { alias: { $lib: resolve('src/lib') } },
			plugins: [
				tailwindcss(),
				svelte({
					configFile: false,
					preprocess: vitePreprocess(),
					compilerOptions: { runes: true }
				}),
				viteSingleFile()
			],
			build: { outDir, emptyOutDir: true, reportCompressedSize: false }
		});
		const built = readFileSync(join(outDir, 'index.html'), 'utf8');
		if (!built.includes(PLACEHOLDER))
			throw new Error('offline/index.html lost its CSP placeholder');
		const html = built.replace(PLACEHOLDER, contentSecurityPolicy(built));
		const path = join(OUT_DIRECTORY, OFFLINE_FILE);
		const digest = sha256(html, 'hex');
		writeFileSync(path, html);
		writeFileSync(`${path}.sha256`, `${digest}  ${OFFLINE_FILE}\n`);
		return { path, sha256: digest };
	} finally {
		rmSync(outDir, { recursive: true, force: true });
	}
}

if (process.argv[1] && resolve(process.argv[1]) === resolve('scripts/build-offline.ts')) {
	const { path, sha256: digest } = await buildOfflinePage();
	console.log(`offline recovery page: ${path}\nsha256: ${digest}`);
}
