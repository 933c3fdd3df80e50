#!/usr/bin/env -S npx tsx
// `npm run bench:devnet` (second part): devnet's HTTP interface, measured in one run against
// in-process execution of the same messages and a raw loopback HTTP round trip. Devnet runs as
// `devnet start` in a child process (as in use); pre-signed request bodies (captured from an
// unmodified HttpAgent) isolate devnet's own cost from the agent's signing and verification.
// Prints `name: median unit` lines.
import { Actor, HttpAgent } from '@dfinity/agent';
import { IDL } from '@dfinity/candid';
import { Ed25519KeyIdentity } from '@dfinity/identity';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SubnetKey } from '../../devnet/src/certification/subnet-key';
import { Devnet } from '../../devnet/src/devnet';
import { captureOne } from '../../devnet/src/http/testing/agent-requests';
import { createCanister, installCode } from '../../devnet/src/server/management-client';
import buildProbe from '../../devnet/test/global-setup';
import { greetingArg, probeIdlFactory, probeWasm, setupProbe } from '../../devnet/test/probe';
import type { ProbeService } from '../../devnet/test/probe';

const RUNS = 50;
const utf8 = (text: string) => new TextEncoder().encode(text);

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = sorted.length >> 1;
	return sorted.length % 2
		? (sorted[middle] as number)
		: ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

async function time(name: string, run: (i: number) => unknown, runs = RUNS): Promise<number> {
	for (let i = 0; i < 3; i++) await run(runs + i); // warm up
	const samples: number[] = [];
	for (let i = 0; i < runs; i++) {
		const started = performance.now();
		await run(i);
		samples.push(performance.now() - started);
	}
	const result = median(samples);
	console.log(`${name}: ${result.toFixed(2)} ms`);
	return result;
}

buildProbe();
const directory = mkdtempSync(join(tmpdir(), 'devnet-http-bench-'));
const devnetProcess = spawn(
	process.execPath,
	['--import', 'tsx', 'devnet/cli.ts', 'start', '--port', '0', '--state', join(directory, 'state')],
	{ stdio: ['ignore', 'pipe', 'inherit'] }
);
const url = await new Promise<string>((resolve) => {
	let output = '';
	devnetProcess.stdout.on('data', (chunk: Buffer) => {
		output += String(chunk);
		const ready = /devnet ready at (http:\/\/\S+)/.exec(output);
		if (ready?.[1]) resolve(ready[1]);
	});
});

try {
	// the probe on the HTTP devnet, and the same probe on an in-process devnet
	const identity = Ed25519KeyIdentity.generate();
	const agent = await HttpAgent.create({ host: url, identity });
	await agent.fetchRootKey();
	const canisterId = await createCanister(agent);
	await installCode(agent, {
		canisterId,
		wasm: probeWasm(),
		arg: greetingArg('Hi'),
		mode: 'install'
	});
	const local = await setupProbe(await Devnet.create());

	const raw = createServer((_, response) => response.end());
	await new Promise<void>((resolve) => raw.listen(0, '127.0.0.1', resolve));
	const rawUrl = `http://127.0.0.1:${(raw.address() as AddressInfo).port}/`;
	const loopback = await time('http raw loopback round trip (node:http, empty answer)', () =>
		fetch(rawUrl, { method: 'POST', body: new Uint8Array(100) }).then((r) => r.arrayBuffer())
	);
	raw.close();

	const greetArg = new Uint8Array(IDL.encode([IDL.Text], ['bench']));
	const query = await captureOne(identity, (capturing) =>
		capturing.query(canisterId, { methodName: 'greet', arg: greetArg })
	);
	const updates = await Promise.all(
		Array.from({ length: RUNS + 3 }, (_, i) =>
			captureOne(identity, (capturing) =>
				capturing.call(canisterId, {
					methodName: 'put',
					arg: new Uint8Array(IDL.encode([IDL.Text, IDL.Text], [`key-${i}`, 'value']))
				})
			)
		)
	);
	const post = (path: string, body: Uint8Array) =>
		fetch(new URL(path, url), {
			method: 'POST',
			headers: { 'content-type': 'application/cbor' },
			body: new Uint8Array(body)
		}).then(async (response) => {
			if (response.status !== 200) throw new Error(`HTTP ${response.status}`);
			return response.arrayBuffer();
		});

	const localQuery = await time('devnet in-process query greet (execution)', () =>
		local.actor.greet('bench')
	);
	const httpQuery = await time('devnet http query greet (pre-signed body)', () =>
		post(query.url, query.body)
	);
	let key = 0;
	const localUpdate = await time('devnet in-process update put (execution)', () =>
		local.actor.put(`key-${key++}`, 'value')
	);
	const httpUpdate = await time('devnet http v3 update put (pre-signed body)', (i) => {
		const request = updates[i] as { url: string; body: Uint8Array };
		return post(request.url, request.body);
	});
	console.log(
		`devnet http query overhead over execution: ${(httpQuery - localQuery).toFixed(2)} ms`
	);
	console.log(
		`devnet http update overhead over execution: ${(httpUpdate - localUpdate).toFixed(2)} ms`
	);
	console.log(
		`devnet http query overhead beyond loopback: ${(httpQuery - localQuery - loopback).toFixed(2)} ms`
	);

	// what most of an update's overhead is: one BLS-signed certificate per v3 answer
	const subnetKey = new SubnetKey();
	const statusTree = new Map([['request_status', new Map([[new Uint8Array(32), utf8('ok')]])]]);
	await time('devnet certificate signing (BLS, one request status)', (i) =>
		subnetKey.certifyLabeled(statusTree, BigInt(i))
	);

	const actor = Actor.createActor<ProbeService>(probeIdlFactory, { agent, canisterId });
	await time('agent query greet (HttpAgent, query signatures checked)', () => actor.greet('bench'));
	await time('agent update put (HttpAgent, v3, certificate checked)', () =>
		actor.put(`agent-${key++}`, 'value')
	);
} finally {
	devnetProcess.kill('SIGTERM');
	await new Promise((resolve) => devnetProcess.once('exit', resolve));
	rmSync(directory, { recursive: true, force: true });
}
