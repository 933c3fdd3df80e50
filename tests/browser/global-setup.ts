// Playwright's global setup: starts the browser tests' world (scripts/e2e-env.ts: devnet, the
// canisters, the app built for them and served) in a child process, hands it to the workers as
// environment variables, and returns the teardown that stops it. When the environment already
// names a running world (see scripts/e2e-env.ts), that one is used and left running.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { READY_LINE, worldFromEnv, worldToEnv, type E2eWorld } from '../../scripts/e2e-world';
import { SCREENSHOTS } from './support/screens';

/** Building the canisters and the app on a loaded 2-core machine takes a while. */
const START_TIMEOUT_MS = 10 * 60_000;

/**
 * A world named by the environment must still be up: its app, its local II window (where every
 * sign-in goes) and its devnet each answer, or the run stops here saying which one does not.
 */
async function answers(world: E2eWorld): Promise<void> {
	const parts = {
		app: world.appUrl,
		'local II window': world.iiUrl,
		devnet: new URL('/api/v2/status', world.devnetUrl).href
	};
	for (const [part, url] of Object.entries(parts)) {
		const response = await fetch(url).catch((error: unknown) => String(error));
		if (typeof response === 'string' || !response.ok) {
			const why = typeof response === 'string' ? response : `HTTP ${response.status}`;
			throw new Error(
				`the e2e world named by the environment is down: its ${part} at ${url} does not answer (${why}); start it again (npx tsx scripts/e2e-env.ts) or unset the TESSERA_E2E_* variables`
			);
		}
	}
}

export default async function globalSetup(): Promise<() => Promise<void>> {
	// screenshots are this run's artifacts only
	rmSync(SCREENSHOTS, { recursive: true, force: true });
	const named = worldFromEnv();
	if (named) {
		await answers(named);
		return async () => {};
	}

	const started = performance.now();
	const child = spawn(
		process.execPath,
		['--import', 'tsx', 'scripts/e2e-env.ts', '--with-parent'],
		{
			stdio: ['pipe', 'pipe', 'pipe']
		}
	);
	let log = '';
	child.stderr.on('data', (chunk: Buffer) => (log += String(chunk)));
	const exited = new Promise<number | null>((done) => child.once('exit', done));

	const world = await new Promise<E2eWorld>((resolve, reject) => {
		let output = '';
		const timer = setTimeout(
			() => reject(new Error('the e2e world did not start in time')),
			START_TIMEOUT_MS
		);
		child.stdout.on('data', (chunk: Buffer) => {
			output += String(chunk);
			const line = output.split('\n').find((l) => l.startsWith(READY_LINE));
			if (line) {
				clearTimeout(timer);
				resolve(JSON.parse(line.slice(READY_LINE.length)) as E2eWorld);
			}
		});
		void exited.then((code) => {
			clearTimeout(timer);
			reject(new Error(`the e2e world stopped while starting (${code}):\n${output}\n${log}`));
		});
	}).catch((error: unknown) => {
		child.kill('SIGTERM');
		throw error;
	});
	child.stdout.removeAllListeners('data').resume();
	child.stderr.removeAllListeners('data').resume();
	Object.assign(process.env, worldToEnv(world));
	const seconds = ((performance.now() - started) / 1000).toFixed(1);
	console.log(`e2e world: app ${world.appUrl}, devnet ${world.devnetUrl} (up in ${seconds} s)`);

	return async () => {
		if (child.exitCode !== null) return;
		child.kill('SIGTERM');
		await exited;
	};
}
