// A static file server for a built SPA, as an assets canister serves it: files by path, and
// index.html for any path that names no file (client-side routes). Loopback only.
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.ico': 'image/x-icon',
	'.woff2': 'font/woff2',
	'.txt': 'text/plain; charset=utf-8',
	'.webmanifest': 'application/manifest+json'
};

export interface StaticServer {
	url: string;
	close(): Promise<void>;
}

/** The file a URL path names inside `root`, or undefined (also for paths that try to escape). */
async function fileFor(root: string, urlPath: string): Promise<string | undefined> {
	let decoded: string;
	try {
		decoded = decodeURIComponent(urlPath);
	} catch {
		return undefined;
	}
	const path = normalize(join(root, decoded));
	if (path !== root && !path.startsWith(root + sep)) return undefined;
	const info = await stat(path).catch(() => undefined);
	if (info?.isFile()) return path;
	if (info?.isDirectory()) return fileFor(root, join(decoded, 'index.html'));
	return undefined;
}

/** Serves `directory` on localhost (port 0 = a free one). */
export async function serveStatic(directory: string, port = 0): Promise<StaticServer> {
	const root = resolve(directory);
	const fallback = join(root, 'index.html');
	const server: Server = createServer((request, response) => {
		const urlPath = new URL(request.url ?? '/', 'http://localhost').pathname;
		void (async () => {
			if (request.method !== 'GET' && request.method !== 'HEAD') {
				response.writeHead(405).end();
				return;
			}
			const file = (await fileFor(root, urlPath)) ?? (extname(urlPath) ? undefined : fallback);
			if (!file) {
				response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
				return;
			}
			const body = await readFile(file);
			response.writeHead(200, {
				'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
				'cache-control': 'no-store'
			});
			response.end(request.method === 'HEAD' ? undefined : body);
		})().catch((error: unknown) => {
			if (!response.headersSent) response.writeHead(500);
			response.end(String(error));
		});
	});
	await new Promise<void>((done) => server.listen(port, 'localhost', done));
	const address = server.address();
	if (address === null || typeof address === 'string') throw new Error('no TCP address');
	return {
		// `localhost`, not 127.0.0.1: WebAuthn and secure-context APIs need it.
		url: `http://localhost:${address.port}`,
		close: () =>
			new Promise((done) => {
				server.closeAllConnections();
				server.close(() => done());
			})
	};
}
