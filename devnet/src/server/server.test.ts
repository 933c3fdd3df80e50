// The server in-process over real HTTP: status, routes, body limit, the admin endpoint's
// switches (off by default, loopback only, forward-only clock), checkpoints on close, --clean.
import * as cbor from '@dfinity/cbor';
import { IDL } from '@dfinity/candid';
import { Ed25519KeyIdentity } from '@dfinity/identity';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { captureOne } from '../http/testing/agent-requests';
import { setupProbe } from '../../test/probe';
import { ADMIN_TIME_PATH } from './admin';
import { INGRESS_HISTORY_FILE, IngressFileError } from './ingress-file';
import { DevnetServer } from './server';

const directory = mkdtempSync(join(tmpdir(), 'devnet-server-test-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

async function withServer<T>(
	options: Parameters<typeof DevnetServer.start>[0],
	run: (server: DevnetServer) => Promise<T>
): Promise<T> {
	const server = await DevnetServer.start({ port: 0, ...options });
	try {
		return await run(server);
	} finally {
		await server.close();
	}
}

const adminPost = (server: DevnetServer, body: string) =>
	fetch(new URL(ADMIN_TIME_PATH, server.url), { method: 'POST', body });

describe('HTTP basics', () => {
	test('status carries the root key; unknown routes are 404; bodies over 2 MiB are 413', () =>
		withServer({}, async (server) => {
			const status = await fetch(new URL('/api/v2/status', server.url));
			expect(status.status).toBe(200);
			expect(status.headers.get('content-type')).toBe('application/cbor');
			const body = cbor.decode(new Uint8Array(await status.arrayBuffer())) as {
				root_key: Uint8Array;
			};
			expect(new Uint8Array(body.root_key)).toEqual(server.devnet.rootKey);
			expect((await fetch(new URL('/api/v9/nothing', server.url))).status).toBe(404);
			const large = await fetch(new URL('/api/v3/canister/aaaaa-aa/call', server.url), {
				method: 'POST',
				body: new Uint8Array(2 * 1024 * 1024 + 10)
			});
			expect(large.status).toBe(413);
		}));
});

describe('admin endpoint', () => {
	test('does not exist without --admin', () =>
		withServer({}, async (server) => {
			expect((await adminPost(server, '{"advanceMs":1000}')).status).toBe(404);
			expect((await fetch(new URL(ADMIN_TIME_PATH, server.url))).status).toBe(404);
		}));

	test('moves the clock forward only, and refuses malformed commands', () =>
		withServer({ admin: true }, async (server) => {
			const before = await server.devnet.getTime();
			const advanced = await adminPost(server, '{"advanceMs":3600000}');
			expect(advanced.status).toBe(200);
			const { timeMs } = (await advanced.json()) as { timeMs: number };
			expect(timeMs - before).toBeGreaterThanOrEqual(3_600_000);
			expect((await adminPost(server, `{"setMs":${before}}`)).status).toBe(400);
			expect((await adminPost(server, '{"advanceMs":-5}')).status).toBe(400);
			expect((await adminPost(server, 'not json')).status).toBe(400);
			expect((await adminPost(server, '{"advanceMs":1,"setMs":2}')).status).toBe(400);
			const put = await fetch(new URL(ADMIN_TIME_PATH, server.url), { method: 'PUT' });
			expect(put.status).toBe(405);
		}));

	const external = Object.values(networkInterfaces())
		.flat()
		.find((address) => address && address.family === 'IPv4' && !address.internal)?.address;

	// Needs a non-loopback interface to connect from; skipped on machines without one.
	test.runIf(external)('answers loopback clients only', () =>
		withServer({ admin: true, host: '0.0.0.0' }, async (server) => {
			const port = new URL(server.url).port;
			const response = await fetch(`http://${external}:${port}${ADMIN_TIME_PATH}`);
			expect(response.status).toBe(403);
		})
	);
});

describe('state directory', () => {
	test('close writes a checkpoint with the keys; a restart keeps them; --clean starts anew', async () => {
		const state = join(directory, 'state');
		const rootKey = await withServer({ stateDirectory: state }, async (server) => {
			await server.devnet.createCanister();
			return server.devnet.rootKey;
		});
		expect(existsSync(join(state, 'devnet.json'))).toBe(true);
		await withServer({ stateDirectory: state }, async (server) => {
			expect(server.devnet.rootKey).toEqual(rootKey);
			expect(server.devnet.canisterIds()).toHaveLength(1);
		});
		await withServer({ stateDirectory: state, clean: true }, async (server) => {
			expect(server.devnet.rootKey).not.toEqual(rootKey);
			expect(server.devnet.canisterIds()).toHaveLength(0);
		});
	});

	test('a damaged ingress history file stops the start with a typed error, state kept', async () => {
		const state = join(directory, 'damaged');
		await withServer({ stateDirectory: state }, async (server) => {
			await server.devnet.createCanister();
		});
		const manifest = readFileSync(join(state, 'devnet.json'), 'utf8');
		expect(JSON.parse(readFileSync(join(state, INGRESS_HISTORY_FILE), 'utf8'))).toEqual({
			format: 1,
			requests: []
		});
		writeFileSync(join(state, INGRESS_HISTORY_FILE), '{"format":1,"requests":[{}]}');
		await expect(DevnetServer.start({ port: 0, stateDirectory: state })).rejects.toThrow(
			IngressFileError
		);
		expect(readFileSync(join(state, 'devnet.json'), 'utf8')).toBe(manifest);
	});
});

describe('Server-Timing', () => {
	const timings = (response: Response) => {
		const header = response.headers.get('server-timing') ?? '';
		const duration = (name: string) => {
			const match = new RegExp(`(?:^|, )${name};dur=([0-9]+\\.[0-9]{3})(?:,|$)`).exec(header);
			return match ? Number(match[1]) : undefined;
		};
		return { devnet: duration('devnet'), execution: duration('execution') };
	};

	test('every answer has devnet handling time; queries and calls the execution within it', () =>
		withServer({}, async (server) => {
			const { canisterId } = await setupProbe(server.devnet);
			const status = timings(await fetch(new URL('/api/v2/status', server.url)));
			expect(status.devnet).toBeGreaterThan(0);
			expect(status.execution).toBeUndefined();

			const identity = Ed25519KeyIdentity.generate();
			const query = await captureOne(identity, (agent) =>
				agent.query(canisterId, {
					methodName: 'greet',
					arg: new Uint8Array(IDL.encode([IDL.Text], ['timing']))
				})
			);
			const call = await captureOne(identity, (agent) =>
				agent.call(canisterId, {
					methodName: 'put',
					arg: new Uint8Array(IDL.encode([IDL.Text, IDL.Text], ['timing', 'v']))
				})
			);
			const post = async (request: { url: string; body: Uint8Array }) => {
				const response = await fetch(new URL(request.url, server.url), {
					method: 'POST',
					headers: { 'content-type': 'application/cbor' },
					body: new Uint8Array(request.body)
				});
				expect(response.status).toBe(200);
				return timings(response);
			};
			for (const request of [query, call]) {
				const { devnet, execution } = await post(request);
				expect(execution).toBeGreaterThan(0);
				expect(devnet).toBeGreaterThanOrEqual(execution as number);
			}
			// a resubmitted call is answered from the ingress history: nothing executes
			expect((await post(call)).execution).toBe(0);
		}));
});
