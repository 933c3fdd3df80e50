// The replica the agent-level tests talk to: $TESSERA_REPLICA_URL (dfx, PocketIC, a running
// devnet) or, by default, a devnet server started here on a free port with a temporary state
// directory. Clock control and restarts exist only for a devnet started here; tests that need
// them skip elsewhere (`describe.runIf(target.controlsDevnet)`).
import { HttpAgent, type Identity } from '@dfinity/agent';
import { Ed25519KeyIdentity } from '@dfinity/identity';
import { IDL } from '@dfinity/candid';
import type { Principal } from '@dfinity/principal';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCanister, installCode } from '@tessera/devnet/server';
import { PROBE_WASM } from '@tessera/devnet/testing';

export const REMOTE_URL = process.env.TESSERA_REPLICA_URL;
/** Whether the tests run their own devnet (clock control, restarts). */
export const controlsDevnet = REMOTE_URL === undefined;

export interface Target {
	url: string;
	/** Moves devnet's clock forward (devnet started here only). */
	advanceTime(milliseconds: number): Promise<void>;
	/**
	 * Stops devnet (SIGTERM, or SIGKILL to simulate a crash) and starts it again on the same
	 * port and state (devnet started here only).
	 */
	restart(options?: { crash?: boolean }): Promise<void>;
	close(): Promise<void>;
}

/** `npm run devnet -- start` as a child process; resolves once it prints its ready line. */
async function startDevnet(args: string[]): Promise<{ child: ChildProcess; url: string }> {
	// node with tsx's loader: one process, so a SIGKILL really kills devnet
	const child = spawn(process.execPath, ['--import', 'tsx', 'devnet/cli.ts', 'start', ...args], {
		stdio: ['ignore', 'pipe', 'inherit']
	});
	const url = await new Promise<string>((resolve, reject) => {
		let output = '';
		child.stdout?.on('data', (chunk: Buffer) => {
			output += String(chunk);
			const ready = /devnet ready at (http:\/\/\S+)/.exec(output);
			if (ready?.[1]) resolve(ready[1]);
		});
		child.once('exit', (code) => reject(new Error(`devnet exited with ${code}: ${output}`)));
	});
	child.stdout?.resume();
	return { child, url };
}

async function stopDevnet(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise((resolve) => child.once('exit', resolve));
	child.kill(signal);
	await exited;
}

export async function startTarget(): Promise<Target> {
	if (REMOTE_URL) {
		const unsupported = async () => {
			throw new Error('needs a devnet started by the tests');
		};
		return {
			url: REMOTE_URL,
			advanceTime: unsupported,
			restart: unsupported,
			close: async () => {}
		};
	}
	const directory = mkdtempSync(join(tmpdir(), 'devnet-agent-'));
	const state = join(directory, 'state');
	let devnet = await startDevnet(['--port', '0', '--state', state, '--admin']);
	const target: Target = {
		url: devnet.url,
		async advanceTime(milliseconds) {
			const response = await fetch(new URL('/_/devnet/time', target.url), {
				method: 'POST',
				body: JSON.stringify({ advanceMs: milliseconds })
			});
			if (!response.ok) throw new Error(`advancing the clock failed: ${response.status}`);
		},
		async restart(options = {}) {
			await stopDevnet(devnet.child, options.crash ? 'SIGKILL' : 'SIGTERM');
			const port = new URL(target.url).port;
			devnet = await startDevnet(['--port', port, '--state', state, '--admin']);
		},
		async close() {
			await stopDevnet(devnet.child);
			rmSync(directory, { recursive: true, force: true });
		}
	};
	return target;
}

/** An unmodified HttpAgent (default settings) after fetchRootKey(). */
export async function agentFor(url: string, identity?: Identity): Promise<HttpAgent> {
	const agent = await HttpAgent.create({ host: url, identity });
	await agent.fetchRootKey();
	return agent;
}

/** Creates and installs the probe canister through the management canister (any replica). */
export async function installProbe(
	url: string,
	greeting = 'Hello'
): Promise<{ canisterId: Principal; controller: Ed25519KeyIdentity }> {
	const controller = Ed25519KeyIdentity.generate();
	const agent = await agentFor(url, controller);
	const canisterId = await createCanister(agent);
	await installCode(agent, {
		canisterId,
		wasm: new Uint8Array(readFileSync(PROBE_WASM)),
		arg: new Uint8Array(IDL.encode([IDL.Text], [greeting])),
		mode: 'install'
	});
	return { canisterId, controller };
}

/** POSTs raw CBOR bytes (e.g. a captured, edited agent request) to the target. */
export function postCbor(url: string, path: string, body: Uint8Array): Promise<Response> {
	return fetch(new URL(path, url), {
		method: 'POST',
		headers: { 'content-type': 'application/cbor' },
		body: new Uint8Array(body)
	});
}
