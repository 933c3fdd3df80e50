#!/usr/bin/env -S npx tsx
// `npm test`: every quality gate and every test runner, in order, then one summary line.
// Gates (type-check, lint, canister build, app build) count as one test each; the runners
// (vitest, Playwright) count their own tests from their JSON reports. All steps run even after
// a failure, so one run shows everything that is wrong.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { CHROMIUM_MISSING_HELP, chromiumAvailable } from './chromium.ts';

const RESULTS = 'test-results';
interface Counts {
	passed: number;
	failed: number;
	skipped: number;
}

const totals: Counts = { passed: 0, failed: 0, skipped: 0 };
const failures: string[] = [];

function run(command: string, args: string[]): boolean {
	console.log(`\n$ ${[command, ...args].join(' ')}`);
	return spawnSync(command, args, { stdio: 'inherit', env: process.env }).status === 0;
}

function gate(name: string, command: string, args: string[]): boolean {
	const ok = run(command, args);
	totals[ok ? 'passed' : 'failed'] += 1;
	if (!ok) failures.push(name);
	return ok;
}

function readJson<T>(path: string): T | undefined {
	return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : undefined;
}

function runner<Report>(
	name: string,
	command: string,
	args: string[],
	report: string,
	count: (report: Report) => Counts
): void {
	rmSync(report, { force: true });
	const ok = run(command, args);
	const counted = readJson<Report>(report);
	if (!counted) {
		totals.failed += 1;
		failures.push(`${name} (no report)`);
		return;
	}
	const { passed, failed, skipped } = count(counted);
	totals.passed += passed;
	totals.failed += failed;
	totals.skipped += skipped;
	if (failed > 0 || !ok) failures.push(name);
	if (failed === 0 && !ok) totals.failed += 1; // the runner failed outside any test
}

interface VitestReport {
	numPassedTests: number;
	numFailedTests: number;
	numPendingTests: number;
	numTodoTests: number;
	numRuntimeErrorTestSuites?: number;
}

interface PlaywrightReport {
	stats: { expected: number; unexpected: number; flaky: number; skipped: number };
}

mkdirSync(RESULTS, { recursive: true });

gate('svelte-check and tsc', 'npm', ['run', '--silent', 'check']);
gate('prettier and eslint', 'npm', ['run', '--silent', 'lint']);
gate('canister build (committed .did and bindings up to date)', 'npx', [
	'tsx',
	'scripts/build-canisters.ts',
	'--check'
]);

const vitestCounts = (r: VitestReport): Counts => ({
	passed: r.numPassedTests,
	failed: r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0),
	skipped: r.numPendingTests + r.numTodoTests
});

runner(
	'vitest',
	'npx',
	[
		'vitest',
		'run',
		'--reporter=default',
		'--reporter=json',
		`--outputFile.json=${RESULTS}/vitest.json`
	],
	`${RESULTS}/vitest.json`,
	vitestCounts
);

// Azle's own example tests against devnet (conformance/README.md). It builds some 25 canisters
// on a fresh clone, so only CI (TESSERA_CONFORMANCE=1) adds it to `npm test`.
if (process.env.TESSERA_CONFORMANCE === '1') {
	runner(
		'conformance (Azle examples)',
		'npx',
		[
			'vitest',
			'run',
			'--config',
			'tests/conformance/vitest.config.ts',
			'--reporter=default',
			'--reporter=json',
			`--outputFile.json=${RESULTS}/conformance.json`
		],
		`${RESULTS}/conformance.json`,
		vitestCounts
	);
}

const appBuilt = gate('app build', 'npm', ['run', '--silent', 'build']);

if (!chromiumAvailable() && !process.env.CI) {
	console.warn(`\nSkipping the browser tests. ${CHROMIUM_MISSING_HELP}`);
	totals.skipped += 1;
} else if (!appBuilt) {
	totals.failed += 1;
	failures.push('browser tests (the app did not build)');
} else {
	runner(
		'browser tests',
		'npx',
		['playwright', 'test'],
		`${RESULTS}/playwright.json`,
		(r: PlaywrightReport) => ({
			passed: r.stats.expected,
			failed: r.stats.unexpected + r.stats.flaky,
			skipped: r.stats.skipped
		})
	);
}

const summary = `${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`;
writeFileSync(`${RESULTS}/summary.txt`, `${summary}\n`);
if (failures.length > 0) console.log(`\nFailed: ${failures.join('; ')}`);
console.log(`\n${summary}`);
process.exit(totals.failed > 0 ? 1 : 0);
