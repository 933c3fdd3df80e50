// `npm run devnet -- <command>` as a user runs it, from a project directory of its own: start,
// deploy and time all find devnet through $DEVNET_PORT, and deploy keeps working after the clock
// was moved past the ingress expiry an agent gives by default.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { PROBE_WASM } from './probe-wasm';

const CLI = fileURLToPath(new URL('../cli.ts', import.meta.url));
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const project = mkdtempSync(join(tmpdir(), 'devnet-cli-'));
let port: number;
let devnet: ChildProcess;

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer().listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
		server.once('error', reject);
	});
}

const env = () => ({ ...process.env, DEVNET_PORT: String(port), DEVNET_URL: '' });

/** Runs `devnet <args>` in the project directory; resolves with everything it printed. */
async function cli(...args: string[]): Promise<string> {
	const { stdout, stderr } = await promisify(execFile)(
		process.execPath,
		['--import', TSX, CLI, ...args],
		{ cwd: project, env: env() }
	);
	return stdout + stderr;
}

beforeAll(async () => {
	port = await freePort();
	const probe = { type: 'azle', custom: { devnet_init_arg: 'init-arg.mts' } };
	writeFileSync(join(project, 'dfx.json'), JSON.stringify({ canisters: { probe } }));
	const candid = createRequire(import.meta.url).resolve('@dfinity/candid');
	writeFileSync(
		join(project, 'init-arg.mts'),
		`import { IDL } from '${pathToFileURL(candid).href}';\n` +
			`export const initArg = () => new Uint8Array(IDL.encode([IDL.Text], ['Hi']));\n`
	);
	mkdirSync(join(project, '.azle', 'probe'), { recursive: true });
	copyFileSync(PROBE_WASM, join(project, '.azle', 'probe', 'probe.wasm'));
	devnet = spawn(process.execPath, ['--import', TSX, CLI, 'start', '--admin'], {
		cwd: project,
		env: env(),
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	devnet.stderr?.on('data', (chunk: Buffer) => (output += String(chunk)));
	await new Promise<void>((resolve, reject) => {
		devnet.stdout?.on('data', (chunk: Buffer) => {
			output += String(chunk);
			if (output.includes('devnet ready at')) resolve();
		});
		devnet.once('exit', (code) => reject(new Error(`devnet exited (${code}): ${output}`)));
	});
	expect(output.trim()).toBe(`devnet ready at http://127.0.0.1:${port}`);
}, 60_000);

afterAll(async () => {
	if (devnet.exitCode === null) {
		const exited = new Promise((resolve) => devnet.once('exit', resolve));
		devnet.kill('SIGTERM');
		await exited;
	}
	rmSync(project, { recursive: true, force: true });
});

test('deploy and time use $DEVNET_PORT; deploy works after the clock moved 6 minutes', async () => {
	const first = await cli('deploy', '--no-build');
	expect(first).toMatch(/^probe: \S+ \(created and installed\)$/m);
	expect(first).not.toContain('Expected to find result');

	const before = Date.parse((await cli('time', 'get')).trim());
	const advanced = Date.parse((await cli('time', 'advance', '6m')).trim());
	expect(advanced - before).toBeGreaterThanOrEqual(6 * 60_000);

	// a changed module (a custom section appended), so the deploy has to upgrade
	const wasm = join(project, '.azle', 'probe', 'probe.wasm');
	const name = Buffer.from('cli-test');
	const section = Buffer.concat([Buffer.of(0, name.length + 2, name.length), name, Buffer.of(1)]);
	writeFileSync(wasm, Buffer.concat([readFileSync(wasm), section]));
	const second = await cli('deploy', '--no-build');
	expect(second).toMatch(/^probe: \S+ \(upgraded\)$/m);
	expect(second).not.toContain('Expected to find result');
}, 300_000); // four CLI processes (tsx start-up each) on a shared 2-core machine
