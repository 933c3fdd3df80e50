#!/usr/bin/env -S npx tsx
// The browser tests' world, as `npm start` builds it but throw-away: devnet on a free port with
// a temporary state directory and clock control (--admin), the vault and the local Internet
// Identity deployed on it, the app built for that devnet (VITE_IC_HOST, VITE_CANISTER_ID_*) into
// its own directory and served on a free localhost port, and the local Internet Identity window
// (local-ii/) built for that devnet and served on another port: its own origin, as II's is. The
// app signs in through it (VITE_II_URL).
//
// Run alone (`npx tsx scripts/e2e-env.ts`) it keeps the world up until Ctrl-C and prints the
// variables that make `npx playwright test` reuse it instead of starting its own.
// With --with-parent it stops when its stdin closes (the parent process ended).
// Prints one line READY_LINE + the world as JSON (E2eWorld) when everything is up.
import { HttpAgent } from '@dfinity/agent';
import { Ed25519KeyIdentity } from '@dfinity/identity';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { deployCanisters } from '@tessera/devnet/server';
import buildCanistersIfStale from '../tests/canister/global-setup';
import { startTarget } from '../tests/agent/target';
import { appBuildEnv } from './app-env';
import { buildLocalIi } from './build-local-ii';
import { serveStatic } from './e2e-serve';
import { READY_LINE, worldToEnv, type E2eWorld } from './e2e-world';

/**
 * Each world builds the app and the local II window into its own fresh directory, removed when
 * it stops. A shared directory let one world's build replace the files another, still running,
 * world serves: that world's app then opened the II window of a world long gone (a refused
 * connection, chrome-error://chromewebdata in the popup).
 */
function worldDirectories(): { root: string; app: string; ii: string } {
	const root = mkdtempSync(join(tmpdir(), 'tessera-e2e-world-'));
	return { root, app: join(root, 'app'), ii: join(root, 'local-ii') };
}

async function buildApp(env: NodeJS.ProcessEnv): Promise<void> {
	// stdout to stderr: this script's stdout carries only the ready line
	const child = spawn('npm', ['run', '--silent', 'build'], {
		env,
		stdio: ['ignore', process.stderr, 'inherit']
	});
	const code = await new Promise<number | null>((done) => child.once('exit', done));
	if (code !== 0) throw new Error(`building the app failed (${code})`);
}

export async function startE2eEnvironment(): Promise<E2eWorld & { close(): Promise<void> }> {
	buildCanistersIfStale();
	const directories = worldDirectories();
	const removeDirectories = () => rmSync(directories.root, { recursive: true, force: true });
	const devnet = await startTarget();
	try {
		const agent = await HttpAgent.create({
			host: devnet.url,
			identity: Ed25519KeyIdentity.generate()
		});
		await agent.fetchRootKey();
		const { ids } = await deployCanisters({ agent, root: resolve('.'), ids: {} });
		const canisterIds = Object.fromEntries(Object.entries(ids).map(([n, id]) => [n, id.local]));

		const devnetEnv = appBuildEnv(devnet.url, canisterIds);
		await buildLocalIi(directories.ii, devnetEnv);
		const ii = await serveStatic(directories.ii);
		const appEnv: NodeJS.ProcessEnv = {
			...process.env,
			TESSERA_BUILD_DIR: directories.app,
			...devnetEnv,
			VITE_II_URL: ii.url
		};
		await buildApp(appEnv);
		const app = await serveStatic(directories.app);
		return {
			appUrl: app.url,
			iiUrl: ii.url,
			devnetUrl: devnet.url,
			canisterIds,
			async close() {
				await app.close();
				await ii.close();
				await devnet.close();
				removeDirectories();
			}
		};
	} catch (error) {
		await devnet.close();
		removeDirectories();
		throw error;
	}
}

if (process.argv[1] && resolve(process.argv[1]) === resolve('scripts/e2e-env.ts')) {
	const environment = await startE2eEnvironment();
	const { close, ...world } = environment;
	let closing = false;
	const stop = () => {
		if (closing) return;
		closing = true;
		void close().then(() => process.exit(0));
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
	if (process.argv.includes('--with-parent')) {
		// started by the Playwright setup: go down with it, even if it dies without a word
		process.stdin.on('close', stop).resume();
	}
	const variables = Object.entries(worldToEnv(world)).map(([name, value]) => `${name}='${value}'`);
	process.stderr.write(`To reuse this world: ${variables.join(' ')} npx playwright test\n`);
	console.log(`${READY_LINE}${JSON.stringify(world)}`);
}
