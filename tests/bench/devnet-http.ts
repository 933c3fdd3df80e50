#!/usr/bin/env -S npx tsx
// `npm run bench:devnet` (second part): devnet's HTTP interface, measured in one run against
// in-process execution of the same messages and a raw loopback HTTP round trip. Devnet runs as
// `devnet start` in a child process (as in use); pre-signed request bodies (captured from an
// unmodified HttpAgent, a distinct one for every message) isolate devnet's own cost from the
// agent's signing and verification. The five round trips are measured in interleaved rounds,
// so load from other processes falls on all of them alike and the differences stay fair.
// Prints `name: median unit` lines, then overheads and ratios computed from those medians.
import { Actor, HttpAgent } from '@dfinity/agent';
import { IDL } from '@dfinity/candid';
import { DelegationChain, DelegationIdentity, Ed25519KeyIdentity } from '@dfinity/identity';
import { bls12_381 as noble } from '@noble/curves/bls12-381';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Devnet } from '@tessera/devnet';
import { createCanister, installCode } from '@tessera/devnet/server';
import {
	authenticate,
	BlsSigningKey,
	buildProbe,
	CanisterSignatureIdentity,
	captureOne,
	decodeEnvelope,
	greetingArg,
	probeIdlFactory,
	probeWasm,
	setupProbe,
	SubnetKey,
	type CapturedRequest,
	type Certifier,
	type ProbeService
} from '@tessera/devnet/testing';

const RUNS = 50;
const WARM_UP = 10;
const utf8 = (text: string) => new TextEncoder().encode(text);

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = sorted.length >> 1;
	return sorted.length % 2
		? (sorted[middle] as number)
		: ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

const print = (name: string, value: number, unit = 'ms') =>
	console.log(`${name}: ${value.toFixed(2)} ${unit}`);

/** Runs every task once per round, `runs` rounds after `WARM_UP` unmeasured ones; medians. */
async function interleaved<K extends string>(
	tasks: Record<K, (i: number) => unknown>,
	runs = RUNS
): Promise<Record<K, number>> {
	const samples = Object.fromEntries(Object.keys(tasks).map((k) => [k, [] as number[]]));
	for (let round = 0; round < WARM_UP + runs; round++) {
		for (const [name, task] of Object.entries(tasks) as [K, (i: number) => unknown][]) {
			const started = performance.now();
			await task(round);
			if (round >= WARM_UP) (samples[name] as number[]).push(performance.now() - started);
		}
	}
	return Object.fromEntries(
		Object.entries(samples).map(([k, v]) => [k, median(v as number[])])
	) as Record<K, number>;
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
// the raw loopback server runs in a child process too, so both round trips cross processes
const RAW_SERVER = `
const server = require('node:http').createServer((request, response) => {
	request.resume();
	request.on('end', () => response.end());
});
server.listen(0, '127.0.0.1', () => console.log('raw ready at ' + server.address().port));`;
const raw = spawn(process.execPath, ['-e', RAW_SERVER], { stdio: ['ignore', 'pipe', 'inherit'] });
const rawUrl = await new Promise<string>((resolve) => {
	raw.stdout.on('data', (chunk: Buffer) => {
		const ready = /raw ready at (\d+)/.exec(String(chunk));
		if (ready?.[1]) resolve(`http://127.0.0.1:${ready[1]}/`);
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

	const total = WARM_UP + RUNS;
	const capture = (make: (i: number) => Parameters<typeof captureOne>[1]) =>
		Promise.all(Array.from({ length: total }, (_, i) => captureOne(identity, make(i))));
	const greetArg = (i: number) => new Uint8Array(IDL.encode([IDL.Text], [`bench-${i}`]));
	const putArg = (i: number) =>
		new Uint8Array(IDL.encode([IDL.Text, IDL.Text], [`key-${i}`, 'value']));
	const queries = await capture(
		(i) => (capturing) => capturing.query(canisterId, { methodName: 'greet', arg: greetArg(i) })
	);
	const updates = await capture(
		(i) => (capturing) => capturing.call(canisterId, { methodName: 'put', arg: putArg(i) })
	);
	// devnet's Server-Timing header: its whole handling and the canister execution in it. Per
	// message: in-server overhead (handling - execution) and round trip - execution (the overhead
	// over the execution that really ran, not over a run in this process).
	type Overheads = { inServer: number[]; overExecution: number[] };
	const http = {
		query: { inServer: [], overExecution: [] } as Overheads,
		update: { inServer: [], overExecution: [] } as Overheads
	};
	const timing = (header: string, name: string) =>
		Number(new RegExp(`${name};dur=([0-9.]+)`).exec(header)?.[1] ?? Number.NaN);
	const post = async (request: CapturedRequest | undefined, into: Overheads) => {
		const started = performance.now();
		const response = await fetch(new URL(request?.url ?? '/', url), {
			method: 'POST',
			headers: { 'content-type': 'application/cbor' },
			body: new Uint8Array(request?.body ?? [])
		});
		if (response.status !== 200) throw new Error(`HTTP ${response.status}`);
		await response.arrayBuffer();
		const header = response.headers.get('server-timing') ?? '';
		const execution = timing(header, 'execution');
		into.inServer.push(timing(header, 'devnet') - execution);
		into.overExecution.push(performance.now() - started - execution);
	};

	const round = await interleaved({
		loopback: () =>
			fetch(rawUrl, { method: 'POST', body: new Uint8Array(300) }).then((r) => r.arrayBuffer()),
		localQuery: (i) => local.actor.greet(`bench-${i}`),
		httpQuery: (i) => post(queries[i], http.query),
		localUpdate: (i) => local.actor.put(`key-${i}`, 'value'),
		httpUpdate: (i) => post(updates[i], http.update)
	});
	print(
		'http raw loopback round trip (node:http in a child process, empty answer)',
		round.loopback
	);
	print('devnet in-process query greet (execution)', round.localQuery);
	print('devnet http query greet (pre-signed body)', round.httpQuery);
	print('devnet in-process update put (execution)', round.localUpdate);
	print('devnet http v3 update put (pre-signed body)', round.httpUpdate);
	const queryOverhead = round.httpQuery - round.localQuery;
	const updateOverhead = round.httpUpdate - round.localUpdate;
	print('devnet http query overhead over execution (goal <= 5)', queryOverhead);
	print('devnet http update overhead over execution (goal <= 15)', updateOverhead);
	print('devnet http query overhead beyond loopback', queryOverhead - round.loopback);
	print('devnet http update overhead beyond loopback', updateOverhead - round.loopback);
	// measured inside devnet, so untouched by the client and by scheduling between processes
	const measured = (values: number[]) => median(values.slice(WARM_UP));
	const ownQuery = measured(http.query.inServer);
	const ownUpdate = measured(http.update.inServer);
	print('devnet in-server overhead per http query (Server-Timing: handling - execution)', ownQuery);
	print(
		'devnet in-server overhead per http update (Server-Timing: handling - execution)',
		ownUpdate
	);
	print(
		'devnet http query overhead over its own execution (round trip - Server-Timing execution)',
		measured(http.query.overExecution)
	);
	print(
		'devnet http update overhead over its own execution (round trip - Server-Timing execution)',
		measured(http.update.overExecution)
	);

	// most of an update's own overhead: one BLS-signed certificate per v3 answer
	const secret = noble.utils.randomPrivateKey();
	const signer = new BlsSigningKey(secret);
	const subnetKey = new SubnetKey(secret);
	const statusTree = new Map([['request_status', new Map([[new Uint8Array(32), utf8('ok')]])]]);
	const message = (i: number) => utf8(`\x0dic-state-root${String(i).padStart(32, '0')}`);
	// noble separately: its garbage would land in the others' samples
	const bls = await interleaved(
		{
			mcl: (i) => signer.sign(message(i)),
			certificate: (i) => subnetKey.certifyLabeled(statusTree, BigInt(i))
		},
		100 // cheap now: more samples steady the median on a busy machine
	);
	const before = await interleaved(
		{ noble: (i) => noble.signShortSignature(message(i), secret) },
		20
	);
	print('devnet BLS signature (mcl-wasm, as devnet signs)', bls.mcl);
	print('BLS signature with @noble/curves (before)', before.noble);
	print('devnet certificate (one request status: tree, BLS, CBOR)', bls.certificate);
	print('BLS signing speed-up mcl-wasm over noble', before.noble / bls.mcl, 'x');

	const actor = Actor.createActor<ProbeService>(probeIdlFactory, { agent, canisterId });

	// Sender verification: Ed25519, a canister signature per request (a fresh certificate each
	// time: one BLS verification each), and an Internet Identity session (an Ed25519 session key
	// under one canister-signed delegation, the same certificate with every request). In process
	// (authenticate alone), then as devnet's in-server overhead of an HTTP update (Server-Timing).
	const localKey = new SubnetKey();
	const seed = utf8('bench user at https://app.example');
	const localCertifier: Certifier = (data) =>
		localKey.dataCertificate(canisterId.toUint8Array(), data, BigInt(Date.now()) * 1_000_000n);
	const probeCertifier: Certifier = async (data) => {
		await actor.certify(data);
		const [certificate] = await actor.certificate();
		if (!certificate) throw new Error('no data certificate');
		return certificate;
	};
	const iiSession = async (certify: Certifier) => {
		const session = Ed25519KeyIdentity.generate();
		const root = new CanisterSignatureIdentity(canisterId, seed, certify);
		const expiration = new Date(Date.now() + 30 * 60_000);
		const chain = await DelegationChain.create(root, session.getPublicKey(), expiration);
		return DelegationIdentity.fromDelegation(session, chain);
	};
	const senders = async (certify: Certifier) => ({
		ed25519: Ed25519KeyIdentity.generate(),
		canisterSignature: new CanisterSignatureIdentity(canisterId, seed, certify),
		iiSession: await iiSession(certify)
	});
	type Sender = keyof Awaited<ReturnType<typeof senders>>;
	const putsBy = async (identities: Awaited<ReturnType<typeof senders>>) => {
		const bodies = {} as Record<Sender, CapturedRequest[]>;
		for (const [name, sender] of Object.entries(identities) as [Sender, Ed25519KeyIdentity][]) {
			bodies[name] = [];
			for (let i = 0; i < total; i++) {
				const put = (capturing: HttpAgent) =>
					capturing.call(canisterId, { methodName: 'put', arg: putArg(i) });
				bodies[name].push(await captureOne(sender, put));
			}
		}
		return bodies;
	};
	const offline = await putsBy(await senders(localCertifier));
	const envelopes = (name: Sender) =>
		offline[name].map((request) => decodeEnvelope(request.body, 'call'));
	const verify = (name: Sender) => {
		const all = envelopes(name);
		return (i: number) =>
			authenticate(
				all[i] as (typeof all)[number],
				BigInt(Date.now()) * 1_000_000n,
				localKey.publicKey
			);
	};
	const verification = await interleaved({
		ed25519: verify('ed25519'),
		canisterSignature: verify('canisterSignature'),
		iiSession: verify('iiSession')
	});
	print('sender verification, Ed25519 (authenticate, in process)', verification.ed25519);
	print(
		'sender verification, canister signature, fresh certificate per request (in process)',
		verification.canisterSignature
	);
	print(
		'sender verification, II session: Ed25519 under a canister-signed delegation (in process)',
		verification.iiSession
	);
	const online = await putsBy(await senders(probeCertifier));
	const inServer = { ed25519: [], canisterSignature: [], iiSession: [] } as Record<
		Sender,
		number[]
	>;
	const timed = (name: Sender) => async (i: number) => {
		const overheads: Overheads = { inServer: [], overExecution: [] };
		await post(online[name][i], overheads);
		inServer[name].push(overheads.inServer[0] as number);
	};
	await interleaved({
		ed25519: timed('ed25519'),
		canisterSignature: timed('canisterSignature'),
		iiSession: timed('iiSession')
	});
	const ownBy = (name: Sender) => measured(inServer[name]);
	print('devnet in-server overhead per http update, Ed25519 sender', ownBy('ed25519'));
	print(
		'devnet in-server overhead per http update, canister-signature sender (fresh certificate)',
		ownBy('canisterSignature')
	);
	print('devnet in-server overhead per http update, II session sender', ownBy('iiSession'));
	print(
		'devnet added cost per call, canister-signature sender over Ed25519 (in-server)',
		ownBy('canisterSignature') - ownBy('ed25519')
	);
	print(
		'devnet added cost per call, II session sender over Ed25519 (in-server)',
		ownBy('iiSession') - ownBy('ed25519')
	);

	let key = 0;
	const viaAgent = await interleaved({
		query: () => actor.greet('bench'),
		update: () => actor.put(`agent-${key++}`, 'value')
	});
	print('agent query greet (HttpAgent, query signatures checked)', viaAgent.query);
	print('agent update put (HttpAgent, v3, certificate checked)', viaAgent.update);
} finally {
	raw.kill('SIGTERM');
	devnetProcess.kill('SIGTERM');
	await new Promise((resolve) => devnetProcess.once('exit', resolve));
	rmSync(directory, { recursive: true, force: true });
}
