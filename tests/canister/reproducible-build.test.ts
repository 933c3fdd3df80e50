// Two fresh checkouts in different folders build byte-identical modules: what an upgrade
// announces (a module's sha256) can be checked by anyone who builds the tagged source. The
// checkouts are copies of the files git knows, with node_modules linked to this one's (the
// workspace packages to the copy's own contract/ and devnet/, as npm install links them).
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
	cpSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	symlinkSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';

const CANISTERS = ['vault', 'upgrade', 'internet_identity'];
const here = resolve('.');
const copies: string[] = [];

function freshCheckout(folderName: string): string {
	const root = join(mkdtempSync(join(tmpdir(), 'tessera-build-')), folderName);
	copies.push(dirname(root));
	const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
		cwd: here,
		encoding: 'utf8'
	})
		.split('\n')
		.filter(Boolean);
	for (const file of files) {
		mkdirSync(dirname(join(root, file)), { recursive: true });
		try {
			cpSync(join(here, file), join(root, file));
		} catch {
			// a file git lists but this checkout deleted
		}
	}
	mkdirSync(join(root, 'node_modules', '@tessera'), { recursive: true });
	for (const entry of readdirSync(join(here, 'node_modules'))) {
		if (entry === '@tessera') continue;
		symlinkSync(join(here, 'node_modules', entry), join(root, 'node_modules', entry));
	}
	symlinkSync('../../contract', join(root, 'node_modules', '@tessera', 'contract'));
	symlinkSync('../../devnet', join(root, 'node_modules', '@tessera', 'devnet'));
	return root;
}

/** Builds in `root` as a user would; the printed sha256 of each module by name. */
function build(root: string): Record<string, string> {
	const result = spawnSync('npx', ['tsx', 'scripts/build-canisters.ts', ...CANISTERS], {
		cwd: root,
		encoding: 'utf8'
	});
	if (result.status !== 0) throw new Error(`build failed in ${root}: ${result.stderr}`);
	const printed = Object.fromEntries(
		[...result.stdout.matchAll(/^sha256 ([0-9a-f]{64}) {2}(\S+)$/gm)].map((m) => [m[2], m[1]])
	);
	for (const name of CANISTERS) {
		const wasm = readFileSync(join(root, '.azle', name, `${name}.wasm`));
		expect(printed[name]).toBe(createHash('sha256').update(wasm).digest('hex'));
	}
	return printed;
}

afterAll(() => copies.forEach((copy) => rmSync(copy, { recursive: true, force: true })));

describe('reproducible builds', () => {
	test('two fresh checkouts in different folders build the same modules', () => {
		const first = build(freshCheckout('tessera'));
		const second = build(freshCheckout('a-much-longer-folder-name-for-tessera'));
		expect(Object.keys(first).sort()).toEqual([...CANISTERS].sort());
		expect(second).toEqual(first);
	}, 600_000);

	test('a debugging variable in the builder’s environment does not change a module', () => {
		const root = freshCheckout('tessera-env');
		const plain = build(root).vault;
		const result = spawnSync('npx', ['tsx', 'scripts/build-canisters.ts', 'vault'], {
			cwd: root,
			encoding: 'utf8',
			env: { ...process.env, AZLE_LOG_ACTIONS: 'true' }
		});
		expect(result.status).toBe(0);
		expect(result.stdout).toContain(`sha256 ${plain}  vault`);
	}, 600_000);
});
