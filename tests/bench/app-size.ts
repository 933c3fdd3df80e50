#!/usr/bin/env -S npx tsx
// `npm run bench:app`: the JavaScript a first visit to the landing page loads, gzipped, as
// Chromium really fetches it (entry, layout, page and every chunk they import before the page
// is idle). Builds the app as `npm run build` does (mainnet configuration) into its own
// directory and serves it statically. Goal: <= 200 KB. Sizes are deterministic for one build,
// so the median of the runs equals every run; the runs only show that nothing varies.
import { chromium } from 'playwright-core';
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import {
	CHROMIUM_ARGS,
	CHROMIUM_MISSING_HELP,
	CHROMIUM_PATH,
	chromiumAvailable
} from '../../scripts/chromium';
import { serveStatic } from '../../scripts/e2e-serve';

const GOAL_KB = 200;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const DIRECTORY = 'test-results/bench-app';
const ROUTES = ['/', '/recover', '/guardian'];

if (!chromiumAvailable()) {
	console.error(CHROMIUM_MISSING_HELP);
	process.exit(1);
}

rmSync(DIRECTORY, { recursive: true, force: true });
const build = spawnSync('npm', ['run', '--silent', 'build'], {
	env: { ...process.env, TESSERA_BUILD_DIR: DIRECTORY },
	stdio: ['ignore', 'ignore', 'inherit']
});
if (build.status !== 0) throw new Error('building the app failed');

interface Loaded {
	files: number;
	raw: number;
	gzip: number;
}

const median = (values: number[]) =>
	[...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

const server = await serveStatic(DIRECTORY);
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
try {
	/** The scripts a fresh visit to `path` loads until the network is idle. */
	async function loadScripts(path: string): Promise<Loaded> {
		const context = await browser.newContext(); // empty cache
		const page = await context.newPage();
		const bodies = new Map<string, Promise<Buffer>>();
		page.on('response', (response) => {
			const type = response.request().resourceType();
			if (type === 'script' || response.url().endsWith('.js')) {
				bodies.set(response.url(), response.body());
			}
		});
		await page.goto(new URL(path, server.url).href, { waitUntil: 'networkidle' });
		const files = await Promise.all(bodies.values());
		await context.close();
		return {
			files: files.length,
			raw: files.reduce((sum, body) => sum + body.length, 0),
			gzip: files.reduce((sum, body) => sum + gzipSync(body, { level: 9 }).length, 0)
		};
	}

	let landingGzip = NaN;
	for (const path of ROUTES) {
		const runs: Loaded[] = [];
		for (let i = 0; i < RUNS; i++) runs.push(await loadScripts(path));
		const gzip = median(runs.map((run) => run.gzip));
		const raw = median(runs.map((run) => run.raw));
		const files = median(runs.map((run) => run.files));
		if (path === '/') landingGzip = gzip;
		console.log(`initial JS ${path} (gzip -9): ${kb(gzip)}`);
		console.log(`initial JS ${path} (raw, ${files} files): ${kb(raw)}`);
	}
	const met = landingGzip <= GOAL_KB * 1024;
	console.log(
		`initial JS / vs goal ${GOAL_KB} KB: ${(landingGzip / (GOAL_KB * 1024)).toFixed(2)} x (${met ? 'met' : 'NOT met'})`
	);
	process.exitCode = met ? 0 : 1;
} finally {
	await browser.close();
	await server.close();
}
