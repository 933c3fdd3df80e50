// `npm run demo:anchor` against a port where no devnet runs: one line saying what to do, exit 1.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';

/** A port that was free a moment ago and now has nothing listening on it. */
async function closedPort(): Promise<number> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	await new Promise<void>((resolve) => server.close(() => resolve()));
	if (typeof address !== 'object' || !address) throw new Error('no port');
	return address.port;
}

function run(env: Record<string, string>) {
	return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
		const { DEVNET_URL: _ignored, ...inherited } = process.env;
		const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/demo-anchor.ts'], {
			env: { ...inherited, ...env }
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		child.on('close', (code) => resolve({ code, stdout, stderr }));
	});
}

describe('npm run demo:anchor without a devnet', () => {
	it('says in one line where it looked and what to do, and exits 1', async () => {
		const port = await closedPort();
		const { code, stdout, stderr } = await run({ DEVNET_PORT: String(port) });
		expect(code).toBe(1);
		expect(stdout).toBe('');
		expect(stderr.trim()).toBe(
			`No devnet at http://127.0.0.1:${port}: start it with \`npm start\` (or set DEVNET_PORT/DEVNET_URL to the port it runs on).`
		);
	}, 60_000);
});
