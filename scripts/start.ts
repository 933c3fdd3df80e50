#!/usr/bin/env -S npx tsx
// `npm start`: builds the app and serves it on localhost. (Until devnet lands, the app runs
// without canisters; this script will then also start devnet and deploy the canisters.)
import { spawn, spawnSync } from 'node:child_process';

const PORT = Number(process.env.PORT ?? 4173);

const build = spawnSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const server = spawn(
	'npx',
	['vite', 'preview', '--host', 'localhost', '--port', String(PORT), '--strictPort'],
	{ stdio: ['ignore', 'pipe', 'inherit'] }
);
let announced = false;
server.stdout.on('data', (chunk) => {
	if (!announced && String(chunk).includes(`localhost:${PORT}`)) {
		announced = true;
		console.log(`Tessera ready at http://localhost:${PORT}`);
	}
});
server.on('exit', (code) => process.exit(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	process.on(signal, () => server.kill('SIGTERM'));
}
