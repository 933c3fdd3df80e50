#!/usr/bin/env -S npx tsx
// `npm start`: Tessera locally, offline. Builds the canisters, starts devnet (state kept in
// .devnet/state), deploys the canisters (ids in .devnet/canister_ids.json) and, once that is
// done, builds the app with the devnet URL and canister ids as Vite env vars, and serves it:
//   VITE_IC_HOST                         devnet's URL (http://127.0.0.1:4943)
//   VITE_CANISTER_ID_<NAME>              each dfx.json canister's id, e.g. VITE_CANISTER_ID_VAULT
// The local Internet Identity window (local-ii/, devnet only) is built for that devnet into
// .devnet/local-ii and served on its own port (its own origin, as II's is); the app signs in
// through it (VITE_II_URL).
// Ctrl-C stops the app and devnet (which writes a last checkpoint).
// Env: PORT (app, default 4173), II_PORT (the local II window, default 4174), DEVNET_PORT
// (default 4943), DEVNET_ADMIN=1 (devnet's loopback
// clock control, for `npm run devnet -- time advance 72h`).
import { spawn, type ChildProcess } from 'node:child_process';
import { stripVTControlCharacters } from 'node:util';
import { appBuildEnv, readCanisterIds } from './app-env.ts';
import { buildLocalIi } from './build-local-ii.ts';
import { serveStatic } from './e2e-serve.ts';

const PORT = Number(process.env.PORT ?? 4173);
const DEVNET_PORT = Number(process.env.DEVNET_PORT ?? 4943);
const II_PORT = Number(process.env.II_PORT ?? 4174);
const LOCAL_II_DIRECTORY = '.devnet/local-ii';
const CANISTER_IDS = '.devnet/canister_ids.json';
const children: ChildProcess[] = [];

/**
 * Runs a step to completion (asynchronously, so Ctrl-C stops it at once). If it fails, says so
 * in one line (`what`, or the command) and stops everything.
 */
async function run(
	command: string,
	args: string[],
	env = process.env,
	what = `${command} ${args.join(' ')}`
): Promise<void> {
	const child = spawn(command, args, { stdio: 'inherit', env, detached: true });
	children.push(child);
	const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
	if (stopping) await new Promise(() => {}); // shutdown() exits the process
	if (code !== 0) {
		console.error(`npm start: ${what} failed (see above); stopping.`);
		await shutdown(code ?? 1);
	}
}

/** Starts a long-running child and resolves with its first stdout match of `ready`. */
function startChild(command: string, args: string[], ready: RegExp): Promise<RegExpExecArray> {
	const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'], detached: true });
	children.push(child);
	child.on('exit', (code) => {
		if (!stopping) {
			console.error(`${command} ${args[2] ?? args[0] ?? ''} exited (${code})`);
			void shutdown(code ?? 1);
		}
	});
	return new Promise((resolve) => {
		let output = '';
		child.stdout?.on('data', (chunk: Buffer) => {
			process.stdout.write(chunk);
			// colour codes (FORCE_COLOR, as CI and test runners set it) can split the ready text
			output += stripVTControlCharacters(String(chunk));
			const match = ready.exec(output);
			if (match) {
				output = '';
				ready = /$^/; // report once
				resolve(match);
			}
		});
	});
}

let stopping = false;
/** Stops every child (devnet checkpoints on SIGTERM), then exits. */
async function shutdown(code: number): Promise<never> {
	stopping = true;
	const running = children.filter((child) => child.exitCode === null && child.signalCode === null);
	const exits = running.map((child) => new Promise((resolve) => child.once('exit', resolve)));
	// each child leads its own process group: stop the whole group (npx, tsx and their children)
	running.forEach((child) => child.pid && process.kill(-child.pid, 'SIGTERM'));
	await Promise.all(exits);
	process.exit(code);
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void shutdown(0));

await run('npx', ['tsx', 'scripts/build-canisters.ts']);
const [, devnetUrl] = await startChild(
	process.execPath,
	[
		...['--import', 'tsx', 'devnet/cli.ts', 'start', '--port', String(DEVNET_PORT)],
		...(process.env.DEVNET_ADMIN === '1' ? ['--admin'] : [])
	],
	/devnet ready at (http:\/\/\S+)/
);
if (!devnetUrl) throw new Error('devnet did not report its URL');
// The app is built with the canister ids, so the deploy that writes them must finish first.
await run(
	process.execPath,
	['--import', 'tsx', 'devnet/cli.ts', 'deploy', '--no-build', '--url', devnetUrl],
	process.env,
	'deploying the canisters to devnet'
);
let ids: Record<string, string> = {};
try {
	ids = readCanisterIds(CANISTER_IDS);
} catch (error) {
	console.error(`npm start: ${(error as Error).message}; stopping.`);
	await shutdown(1);
}
const devnetEnv = appBuildEnv(devnetUrl, ids);
try {
	await buildLocalIi(LOCAL_II_DIRECTORY, devnetEnv);
	const ii = await serveStatic(LOCAL_II_DIRECTORY, II_PORT);
	devnetEnv.VITE_II_URL = ii.url;
	console.log(`Local Internet Identity (devnet only) at ${ii.url}`);
} catch (error) {
	console.error(`npm start: the local Internet Identity window: ${(error as Error).message}`);
	await shutdown(1);
}
const appEnv = { ...process.env, ...devnetEnv };
await run('npm', ['run', '--silent', 'build'], appEnv, 'building the app');
await startChild(
	'node_modules/.bin/vite', // not through npx: one process to stop
	['preview', '--host', 'localhost', '--port', String(PORT), '--strictPort'],
	new RegExp(`localhost:${PORT}`)
);
console.log(`Tessera ready at http://localhost:${PORT}`);
