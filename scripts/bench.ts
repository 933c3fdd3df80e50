#!/usr/bin/env -S npx tsx
// `npm run bench`: runs every `bench:*` script of package.json in turn, in one process tree, so
// the figures of one run can be compared with each other.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const { scripts } = JSON.parse(readFileSync('package.json', 'utf8')) as {
	scripts: Record<string, string>;
};
const benches = Object.keys(scripts).filter((name) => name.startsWith('bench:'));
if (benches.length === 0) {
	console.log('No benchmarks defined yet (add `bench:<area>` scripts to package.json).');
}
let failed = 0;
for (const name of benches) {
	console.log(`\n# ${name}`);
	if (spawnSync('npm', ['run', '--silent', name], { stdio: 'inherit' }).status !== 0) failed += 1;
}
process.exit(failed > 0 ? 1 : 0);
