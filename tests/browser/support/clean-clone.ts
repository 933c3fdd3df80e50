// A clean clone of this repository's current commit, as a new user gets it, and the README's
// `npm start` run inside it. Only committed files are in the clone: the test checks what a new
// user would get, not this checkout's uncommitted changes.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { readCanisterIds } from '../../../scripts/app-env';
import type { E2eWorld } from '../../../scripts/e2e-world';

/** A TCP port nothing listens on right now (the OS picks it). */
export function freePort(): Promise<number> {
	return new Promise((done, fail) => {
		const server = createServer();
		server.once('error', fail);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => done(port));
		});
	});
}

function sh(command: string, args: string[], cwd?: string): void {
	const result = spawnSync(command, args, { cwd, encoding: 'utf8' });
	if (result.status !== 0) {
		throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr || result.error}`);
	}
}

export interface CleanClone {
	readonly directory: string;
	remove(): void;
}

/**
 * `git clone` of this checkout's HEAD into a temporary directory. Instead of `npm install`
 * (network, minutes) its node_modules is hard-linked from this checkout's: the same packages
 * that lockfile installs, at no cost. Workspace links in node_modules are relative, so they
 * point into the clone.
 */
export function cleanClone(source = resolve('.')): CleanClone {
	const directory = mkdtempSync(join(tmpdir(), 'tessera-clone-'));
	try {
		sh('git', ['clone', '--quiet', source, directory]);
		sh('cp', ['-al', join(source, 'node_modules'), join(directory, 'node_modules')]);
	} catch (error) {
		rmSync(directory, { recursive: true, force: true });
		throw error;
	}
	return { directory, remove: () => rmSync(directory, { recursive: true, force: true }) };
}

export interface NpmStart {
	/** The app's address from the "Tessera ready at" line. */
	readonly appUrl: string;
	/** From spawning `npm start` to its ready line. */
	readonly readyAfterMs: number;
	/** What it started, as the browser tests' world: devnet, the local II window, the ids. */
	readonly world: E2eWorld;
	/** Everything it printed so far (stdout and stderr). */
	output(): string;
	/** Ctrl-C, as a user stops it; resolves once `npm start` exited. */
	stop(): Promise<void>;
}

const READY = /Tessera ready at (http:\/\/\S+)/;

/** Runs `npm start` in `directory` and resolves at its ready line; rejects if it exits first. */
export async function npmStart(
	directory: string,
	env: Record<string, string>,
	timeoutMs: number
): Promise<NpmStart> {
	const started = performance.now();
	const child: ChildProcess = spawn('npm', ['start'], {
		cwd: directory,
		env: { ...process.env, ...env },
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: true // its own process group: Ctrl-C reaches npm and everything it started
	});
	let log = '';
	child.stdout?.on('data', (chunk: Buffer) => (log += String(chunk)));
	child.stderr?.on('data', (chunk: Buffer) => (log += String(chunk)));
	const exited = new Promise<number | null>((done) => child.once('exit', done));
	const stop = async () => {
		if (child.exitCode === null && child.signalCode === null && child.pid) {
			process.kill(-child.pid, 'SIGINT');
		}
		await exited;
	};
	const appUrl = await new Promise<string>((done, fail) => {
		const timer = setTimeout(() => fail(new Error(`no ready line in ${timeoutMs} ms`)), timeoutMs);
		const look = () => {
			const match = READY.exec(log);
			if (match?.[1]) {
				clearTimeout(timer);
				done(match[1]);
			}
		};
		child.stdout?.on('data', look);
		void exited.then((code) => {
			clearTimeout(timer);
			fail(new Error(`npm start exited (${code}) before it was ready`));
		});
	}).catch(async (error: unknown) => {
		await stop();
		throw new Error(`${(error as Error).message}:\n${log}`);
	});
	const readyAfterMs = performance.now() - started;
	const iiUrl = /Local Internet Identity \(devnet only\) at (http:\/\/\S+)/.exec(log)?.[1];
	const devnetUrl = /devnet ready at (http:\/\/\S+)/.exec(stripVTControlCharacters(log))?.[1];
	if (!iiUrl || !devnetUrl) {
		await stop();
		throw new Error(`npm start named no local II window or devnet:\n${log}`);
	}
	const canisterIds = readCanisterIds(join(directory, '.devnet', 'canister_ids.json'));
	const world: E2eWorld = { appUrl, iiUrl, devnetUrl, canisterIds };
	return { appUrl, readyAfterMs, world, output: () => log, stop };
}
