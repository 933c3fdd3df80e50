// Writes <build>/.ic-assets.json5 after `vite build`: the IC's asset canister then sends the
// page's own Content-Security-Policy (read from the built HTML, SvelteKit's script hashes
// included) as a header, with frame-ancestors and the other security headers of
// security-headers.js. A page with a policy of its own (the offline recovery page, a download)
// gets its own rule.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { icAssetsConfig } from '../security-headers.js';

const META_CSP = /<meta http-equiv="content-security-policy" content="([^"]*)"/i;

/** The policy of a page's <meta http-equiv="content-security-policy">, if it has one. */
export function metaCsp(html: string): string | undefined {
	return META_CSP.exec(html)?.[1]?.replaceAll('&#39;', "'").replaceAll('&quot;', '"');
}

/** The file's text: JSON, which is JSON5, with a comment saying where it comes from. */
export function renderIcAssets(
	appPolicy: string,
	ownPolicies: Record<string, string> = {}
): string {
	const note = '// Written by scripts/write-ic-assets.ts from security-headers.js: do not edit.\n';
	return note + JSON.stringify(icAssetsConfig(appPolicy, ownPolicies), null, '\t') + '\n';
}

function htmlFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return htmlFiles(path);
		return entry.name.endsWith('.html') ? [path] : [];
	});
}

export function writeIcAssets(buildDir: string): string {
	const policyOf = (file: string) => metaCsp(readFileSync(join(buildDir, file), 'utf8'));
	const appPolicy = policyOf('index.html');
	if (!appPolicy) throw new Error(`${buildDir}/index.html has no Content-Security-Policy`);
	const ownPolicies: Record<string, string> = {};
	for (const file of htmlFiles(buildDir)) {
		const path = relative(buildDir, file);
		const policy = policyOf(path);
		if (!policy) throw new Error(`${path} has no Content-Security-Policy`);
		if (policy !== appPolicy) ownPolicies[path] = policy;
	}
	const target = join(buildDir, '.ic-assets.json5');
	writeFileSync(target, renderIcAssets(appPolicy, ownPolicies));
	return target;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	console.log(`wrote ${writeIcAssets(process.env.TESSERA_BUILD_DIR ?? 'build')}`);
}
