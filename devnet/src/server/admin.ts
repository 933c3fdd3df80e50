// Test control over HTTP, for browser tests and `devnet time`: read, set or advance devnet's
// clock. Exists only when devnet runs with --admin, and answers loopback clients only.
//   GET  /_/devnet/time                  -> {"timeMs": n}
//   POST /_/devnet/time {"advanceMs": n} -> {"timeMs": n}
//   POST /_/devnet/time {"setMs": n}     -> {"timeMs": n}
import type { IncomingMessage } from 'node:http';
import { isLoopback } from './loopback';
import type { DevnetHttpHandler, HttpAnswer } from './handler';

export const ADMIN_PREFIX = '/_/devnet/';
export const ADMIN_TIME_PATH = `${ADMIN_PREFIX}time`;

const json = (status: number, value: unknown): HttpAnswer => ({
	status,
	contentType: 'application/json',
	body: JSON.stringify(value)
});

function parseTimeCommand(body: Uint8Array): { advanceMs: number } | { setMs: number } {
	let parsed: unknown;
	try {
		parsed = JSON.parse(new TextDecoder().decode(body));
	} catch {
		throw new RangeError('the body must be JSON');
	}
	if (typeof parsed === 'object' && parsed !== null) {
		const { advanceMs, setMs } = parsed as Record<string, unknown>;
		if (typeof advanceMs === 'number' && setMs === undefined) return { advanceMs };
		if (typeof setMs === 'number' && advanceMs === undefined) return { setMs };
	}
	throw new RangeError('expected {"advanceMs": number} or {"setMs": number}');
}

export async function handleAdmin(
	handler: DevnetHttpHandler,
	enabled: boolean,
	request: IncomingMessage,
	body: Uint8Array,
	onStateChanged: () => void
): Promise<HttpAnswer> {
	const path = (request.url ?? '').split('?')[0];
	if (!enabled || path !== ADMIN_TIME_PATH) return { status: 404, body: 'Not found.' };
	if (!isLoopback(request.socket.remoteAddress)) {
		return { status: 403, body: 'The admin endpoint answers loopback clients only.' };
	}
	const engine = handler.devnet.engine;
	if (request.method === 'GET') {
		return handler.lock.run(async () => {
			await handler.syncClock();
			return json(200, { timeMs: Number(engine.timeNanos / 1_000_000n) });
		});
	}
	if (request.method !== 'POST') return { status: 405, body: 'Use GET or POST.' };
	return handler.lock.run(async () => {
		try {
			const command = parseTimeCommand(body);
			if ('advanceMs' in command) handler.clock.advance(command.advanceMs);
			else handler.clock.set(command.setMs, engine.timeNanos);
		} catch (error) {
			return json(400, { error: (error as Error).message });
		}
		await handler.syncClock();
		onStateChanged();
		return json(200, { timeMs: Number(engine.timeNanos / 1_000_000n) });
	});
}
