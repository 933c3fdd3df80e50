#!/usr/bin/env -S npx tsx
// devnet's command line (npm run devnet -- <command>):
//   start  [--host H] [--port P] [--state DIR] [--clean] [--admin]
//   deploy [--url URL] [--no-build]            builds dfx.json's canisters, installs/upgrades them
//   time   get | set <ISO date | epoch ms> | advance <n[ms|s|m|h|d]>  [--url URL]  (needs --admin)
// Every command's default port is $DEVNET_PORT (else 4943), its default URL $DEVNET_URL (else
// http://127.0.0.1:<that port>).
import { HttpAgent } from '@dfinity/agent';
import { Ed25519KeyIdentity } from '@dfinity/identity';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
	DEFAULT_HOST,
	DEFAULT_PORT,
	deployCanisters,
	DevnetClockClient,
	DevnetServer,
	type CanisterIds
} from './server';

const DEVNET_DIRECTORY = resolve('.devnet');
const CANISTER_IDS = join(DEVNET_DIRECTORY, 'canister_ids.json');
const DEPLOYER_KEY = join(DEVNET_DIRECTORY, 'deployer-key.json');
const PORT = process.env.DEVNET_PORT || String(DEFAULT_PORT);
const DEFAULT_URL = process.env.DEVNET_URL || `http://${DEFAULT_HOST}:${PORT}`;

const USAGE = `usage: npm run devnet -- <command>
  start  [--host ${DEFAULT_HOST}] [--port ${PORT}] [--state .devnet/state] [--clean] [--admin]
  deploy [--url ${DEFAULT_URL}] [--no-build]
  time   get | set <ISO date | epoch ms> | advance <n[ms|s|m|h|d]> [--url ${DEFAULT_URL}]`;

async function start(args: string[]): Promise<void> {
	const { values } = parseArgs({
		args,
		options: {
			host: { type: 'string', default: DEFAULT_HOST },
			port: { type: 'string', default: PORT },
			state: { type: 'string', default: join(DEVNET_DIRECTORY, 'state') },
			clean: { type: 'boolean', default: false },
			admin: { type: 'boolean', default: false }
		}
	});
	const port = Number(values.port);
	if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('--port: 0..65535');
	const server = await DevnetServer.start({
		host: values.host,
		port,
		stateDirectory: resolve(values.state),
		clean: values.clean,
		admin: values.admin,
		onDebugPrint: (canisterId, message) => console.log(`[${canisterId}] ${message}`)
	});
	console.log(`devnet ready at ${server.url}`);
	let stopping = false;
	const stop = () => {
		if (stopping) return;
		stopping = true;
		void server.close().then(() => process.exit(0));
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

/** The deployer's key, kept like dfx's default identity (local development only). */
function deployerIdentity(): Ed25519KeyIdentity {
	if (existsSync(DEPLOYER_KEY)) {
		return Ed25519KeyIdentity.fromJSON(readFileSync(DEPLOYER_KEY, 'utf8'));
	}
	const identity = Ed25519KeyIdentity.generate();
	mkdirSync(DEVNET_DIRECTORY, { recursive: true });
	writeFileSync(DEPLOYER_KEY, JSON.stringify(identity.toJSON()), { mode: 0o600 });
	chmodSync(DEPLOYER_KEY, 0o600);
	return identity;
}

async function deploy(args: string[]): Promise<void> {
	const { values } = parseArgs({
		args,
		options: {
			url: { type: 'string', default: DEFAULT_URL },
			'no-build': { type: 'boolean', default: false }
		}
	});
	if (!values['no-build']) {
		const build = spawnSync('npx', ['tsx', 'scripts/build-canisters.ts'], { stdio: 'inherit' });
		if (build.status !== 0) throw new Error('building the canisters failed');
	}
	const agent = await HttpAgent.create({ host: values.url, identity: deployerIdentity() });
	await agent.fetchRootKey();
	const known = existsSync(CANISTER_IDS)
		? (JSON.parse(readFileSync(CANISTER_IDS, 'utf8')) as CanisterIds)
		: {};
	const { ids, deployed } = await deployCanisters({ agent, root: resolve('.'), ids: known });
	mkdirSync(dirname(CANISTER_IDS), { recursive: true });
	writeFileSync(CANISTER_IDS, `${JSON.stringify(ids, null, 2)}\n`);
	for (const { name, canisterId, action } of deployed) {
		console.log(`${name}: ${canisterId.toText()} (${action})`);
	}
	console.log(`canister ids written to ${CANISTER_IDS}`);
}

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

export function parseDuration(text: string): number {
	const match = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)?$/.exec(text);
	if (!match) throw new Error(`not a duration: ${text} (e.g. 90s, 10m, 2h, 3d)`);
	return Number(match[1]) * (UNIT_MS[match[2] ?? 'ms'] as number);
}

async function time(args: string[]): Promise<void> {
	const { values, positionals } = parseArgs({
		args,
		allowPositionals: true,
		options: { url: { type: 'string', default: DEFAULT_URL } }
	});
	const [command, value] = positionals;
	const clock = new DevnetClockClient(values.url);
	let timeMs: number;
	if (command === 'set' && value) {
		const ms = /^\d+$/.test(value) ? Number(value) : Date.parse(value);
		if (Number.isNaN(ms)) throw new Error(`not a date: ${value}`);
		timeMs = await clock.setTime(ms);
	} else if (command === 'advance' && value) {
		timeMs = await clock.advanceTime(parseDuration(value));
	} else if (command === 'get') {
		timeMs = await clock.getTime();
	} else {
		throw new Error(USAGE);
	}
	console.log(new Date(timeMs).toISOString());
}

const [command, ...rest] = process.argv.slice(2);
const commands: Record<string, (args: string[]) => Promise<void>> = { start, deploy, time };
const run = command ? commands[command] : undefined;
if (!run) {
	console.error(USAGE);
	process.exit(2);
}
run(rest).catch((error: unknown) => {
	console.error(`devnet ${command}: ${error instanceof Error ? error.message : String(error)}`);
	process.exit(1);
});
