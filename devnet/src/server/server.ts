// devnet as a local replica: node:http on top of DevnetHttpHandler, with body limits, CORS,
// checkpoints of the state, wall-clock time with timers firing, and an optional loopback-only
// admin endpoint for test control of the clock.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { rmSync } from 'node:fs';
import { Devnet } from '../devnet';
import { readAttachment } from '../persistence';
import { CORS_HEADERS, errorResponse, HttpRequestError, MAX_INGRESS_BYTES } from '../http/index';
import { handleAdmin, ADMIN_PREFIX } from './admin';
import { Checkpointer } from './checkpoint';
import { ServerClock } from './clock';
import { DevnetHttpHandler, type HttpAnswer } from './handler';
import { encodeIngressHistory, INGRESS_HISTORY_FILE, restoreIngressHistory } from './ingress-file';

export interface DevnetServerOptions {
	host?: string;
	/** 0 picks a free port. */
	port?: number;
	/** Keep the state here (loaded on start, checkpointed while running); none: memory only. */
	stateDirectory?: string;
	/** Start empty, deleting the saved state. */
	clean?: boolean;
	/** Serve the loopback-only admin endpoint (clock control for tests). */
	admin?: boolean;
	checkpointIntervalMs?: number;
	onDebugPrint?: (canisterId: string, message: string) => void;
}

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 4943;
const TICK_INTERVAL_MS = 1000;

/**
 * devnet as a local replica: the IC HTTP interface on a Devnet, with checkpoints of its state and
 * a clock that follows wall-clock time (moved ahead by the admin endpoint).
 *
 * @example
 * const server = await DevnetServer.start({ port: 0 });
 * const agent = await HttpAgent.create({ host: server.url });
 */
export class DevnetServer {
	private constructor(
		readonly devnet: Devnet,
		readonly handler: DevnetHttpHandler,
		readonly checkpoints: Checkpointer | undefined,
		private readonly server: Server,
		private readonly ticker: ReturnType<typeof setInterval>
	) {}

	/**
	 * Starts listening (default 127.0.0.1:4943); loads the state in `stateDirectory` if there is
	 * one, and checkpoints it there while running.
	 *
	 * @example
	 * const server = await DevnetServer.start({ port: 0, stateDirectory: '.devnet/state', admin: true });
	 */
	static async start(options: DevnetServerOptions = {}): Promise<DevnetServer> {
		const { stateDirectory } = options;
		if (options.clean && stateDirectory) rmSync(stateDirectory, { recursive: true, force: true });
		const devnet = await Devnet.create({ stateDirectory, onDebugPrint: options.onDebugPrint });
		let checkpoints: Checkpointer | undefined;
		const handler = new DevnetHttpHandler(devnet, new ServerClock(), () =>
			checkpoints?.markDirty()
		);
		if (stateDirectory) {
			const savedHistory = readAttachment(stateDirectory, INGRESS_HISTORY_FILE);
			if (savedHistory !== undefined) {
				restoreIngressHistory(savedHistory, handler.history, devnet.engine.timeNanos);
			}
			checkpoints = new Checkpointer(
				() =>
					handler.lock.run(() =>
						devnet.saveState(stateDirectory, {
							[INGRESS_HISTORY_FILE]: encodeIngressHistory(handler.history, devnet.engine.timeNanos)
						})
					),
				options.checkpointIntervalMs ?? 500
			);
			checkpoints.markDirty(); // the keys of a new state are saved at once
			await checkpoints.flush();
		}
		const server = createServer((request, response) => {
			void serve(handler, options.admin ?? false, request, response, () =>
				checkpoints?.markDirty()
			);
		});
		await new Promise<void>((resolve, reject) => {
			server.once('error', reject);
			server.listen(options.port ?? DEFAULT_PORT, options.host ?? DEFAULT_HOST, resolve);
		});
		const ticker = setInterval(() => {
			void handler.lock.run(() => handler.syncClock()).catch(() => undefined);
		}, TICK_INTERVAL_MS);
		ticker.unref();
		return new DevnetServer(devnet, handler, checkpoints, server, ticker);
	}

	/**
	 * The address it listens on, e.g. `http://127.0.0.1:4943`.
	 *
	 * @example
	 * await HttpAgent.create({ host: server.url, shouldFetchRootKey: true });
	 */
	get url(): string {
		const address = this.server.address() as AddressInfo;
		const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
		return `http://${host}:${address.port}`;
	}

	/**
	 * Stops accepting requests, lets running ones finish, and writes a last checkpoint.
	 *
	 * @example
	 * afterAll(() => server.close());
	 */
	async close(): Promise<void> {
		clearInterval(this.ticker);
		const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
		this.server.closeIdleConnections();
		await this.handler.lock.run(() => undefined);
		this.server.closeAllConnections();
		await closed;
		this.checkpoints?.markDirty(); // the clock moved, and with it canister time
		await this.checkpoints?.flush();
	}
}

async function readBody(request: IncomingMessage): Promise<Uint8Array> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of request as AsyncIterable<Buffer>) {
		size += chunk.length;
		if (size > MAX_INGRESS_BYTES) {
			request.resume(); // discard the rest
			throw new HttpRequestError(
				'payload_too_large',
				`Request body is larger than ${MAX_INGRESS_BYTES} bytes.`
			);
		}
		chunks.push(chunk);
	}
	return new Uint8Array(Buffer.concat(chunks));
}

/**
 * Server-Timing (W3C): `devnet` is the whole handling of the request (body read to answer
 * ready), `execution` the canister code in it; the difference is devnet's own overhead (shown by
 * browser devtools, measured by bench:devnet).
 */
function serverTiming(answer: HttpAnswer, startedMs: number): string {
	const devnet = `devnet;dur=${(performance.now() - startedMs).toFixed(3)}`;
	if (answer.executionMs === undefined) return devnet;
	return `${devnet}, execution;dur=${answer.executionMs.toFixed(3)}`;
}

function send(response: ServerResponse, answer: HttpAnswer, startedMs: number): void {
	const headers: Record<string, string> = {
		...CORS_HEADERS,
		'server-timing': serverTiming(answer, startedMs),
		'timing-allow-origin': '*'
	};
	if (answer.contentType) headers['content-type'] = answer.contentType;
	else if (typeof answer.body === 'string' && answer.body) headers['content-type'] = 'text/plain';
	if (answer.status === 413) headers.connection = 'close';
	response.writeHead(answer.status, headers);
	response.end(answer.body);
}

async function serve(
	handler: DevnetHttpHandler,
	admin: boolean,
	request: IncomingMessage,
	response: ServerResponse,
	onStateChanged: () => void
): Promise<void> {
	const started = performance.now();
	try {
		const url = request.url ?? '/';
		const body = await readBody(request);
		if (url.startsWith(ADMIN_PREFIX)) {
			send(response, await handleAdmin(handler, admin, request, body, onStateChanged), started);
			return;
		}
		send(response, await handler.handle(request.method ?? 'GET', url, body), started);
	} catch (error) {
		if (error instanceof HttpRequestError) {
			send(response, errorResponse(error), started);
			return;
		}
		console.error('devnet: internal error:', error);
		send(response, { status: 500, body: `devnet internal error: ${String(error)}` }, started);
	}
}
