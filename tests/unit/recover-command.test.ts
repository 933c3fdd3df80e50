// `npm run recover` before it reaches a canister: its flags, its state file (the requester key,
// a secret: written 0600, never overwritten, refused when it belongs to another recovery) and its
// exit codes. The recovery itself runs against devnet in tests/agent/recover-command.test.ts.
import { Ed25519KeyIdentity } from '@dfinity/identity';
import { Principal } from '@dfinity/principal';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT, runRecover, USAGE } from '../../scripts/recover/run';
import { readState, writeNewState, type RecoveryState } from '../../scripts/recover/state';

const CANISTER = 'uxrrr-q7777-77774-qaaaq-cai';

async function run(args: string[]) {
	const out: string[] = [];
	const err: string[] = [];
	const code = await runRecover(args, {
		out: (line) => out.push(line),
		err: (line) => err.push(line),
		sleep: async () => {}
	});
	return { code, out: out.join('\n'), err: err.join('\n') };
}

const directory = () => mkdtempSync(join(tmpdir(), 'tessera-recover-unit-'));

function state(anchor = 10_000n): RecoveryState {
	return {
		url: 'http://127.0.0.1:4943',
		vaultCanister: Principal.fromText(CANISTER),
		anchor,
		vaultId: 3n,
		requester: Ed25519KeyIdentity.generate()
	};
}

describe('npm run recover: flags', () => {
	it('--help prints the usage and exits 0', async () => {
		expect(await run(['--help'])).toEqual({ code: EXIT.recovered, out: USAGE, err: '' });
	});

	it.each([
		[[], '--state <file> is required.'],
		[['--state', 'x.json', '--anchor', 'ten'], '--anchor must be an anchor number, not ten.'],
		[['--state', 'x.json', '--every', '0'], '--every must be a number of seconds, at least 1.'],
		[['--state', 'x.json', '--colour'], "Unknown option '--colour'"]
	])('%j is a usage error (exit 2): %s', async (args, message) => {
		const result = await run(args);
		expect(result.code).toBe(EXIT.usage);
		expect(result.err).toContain(message);
		expect(result.err).toContain(USAGE);
	});

	it('a first run needs the URL, the vault canister and the anchor', async () => {
		const path = join(directory(), 'recovery.json');
		const result = await run(['--state', path, '--anchor', '10000']);
		expect(result.code).toBe(EXIT.usage);
		expect(result.err).toContain(
			`${path} does not exist yet: the first run needs --url, --vault-canister and --anchor.`
		);
	});

	it('a bad URL or canister id is named by its flag', async () => {
		const path = join(directory(), 'recovery.json');
		const base = ['--state', path, '--anchor', '1'];
		const ftp = await run([...base, '--url', 'ftp://example.org', '--vault-canister', CANISTER]);
		expect(ftp.err).toContain('--url: must be http(s): ftp://example.org');
		const plain = await run([...base, '--url', 'http://example.org', '--vault-canister', CANISTER]);
		expect(plain.err).toContain('--url: a non-local host must use https');
		const id = await run([...base, '--url', 'http://127.0.0.1:4943', '--vault-canister', 'nope']);
		expect(id.err).toContain('--vault-canister: not a canister id: nope');
		expect([ftp.code, plain.code, id.code]).toEqual([EXIT.usage, EXIT.usage, EXIT.usage]);
	});

	it('no replica at the URL: the plain network message, exit 1, and no key file made', async () => {
		const path = join(directory(), 'recovery.json');
		const result = await run([
			...['--state', path, '--anchor', '1', '--vault-canister', CANISTER],
			...['--url', 'http://127.0.0.1:9']
		]);
		expect(result.code).toBe(EXIT.failed);
		expect(result.err).toContain('Tessera could not reach the Internet Computer.');
		expect(() => statSync(path)).toThrow();
	});
});

describe('npm run recover: the state file', () => {
	it('holds the requester key for its owner only and reads back the same key', () => {
		const path = join(directory(), 'recovery.json');
		const written = state();
		writeNewState(path, written);
		expect(statSync(path).mode & 0o777).toBe(0o600);
		const read = readState(path);
		expect(read.requester.getPrincipal().toText()).toBe(written.requester.getPrincipal().toText());
		expect(read).toMatchObject({ url: written.url, anchor: 10_000n, vaultId: 3n });
		expect(read.vaultCanister.toText()).toBe(CANISTER);
	});

	it('is never overwritten: that would lose an open request’s key', () => {
		const path = join(directory(), 'recovery.json');
		writeNewState(path, state());
		expect(() => writeNewState(path, state())).toThrow(/EEXIST/u);
	});

	it('of another recovery is refused before any call (exit 2)', async () => {
		const path = join(directory(), 'recovery.json');
		writeNewState(path, state(10_000n));
		const other = await run(['--state', path, '--anchor', '10001']);
		expect(other.code).toBe(EXIT.usage);
		expect(other.err).toContain(
			`${path} belongs to another recovery (anchor 10000 at http://127.0.0.1:4943).`
		);
		const elsewhere = await run(['--state', path, '--url', 'https://icp-api.io']);
		expect(elsewhere.code).toBe(EXIT.usage);
	});

	it('that is damaged or not ours is named, exit 1', async () => {
		const path = join(directory(), 'recovery.json');
		writeFileSync(path, '{"tessera":"something-else"}');
		const foreign = await run(['--state', path]);
		expect(foreign).toMatchObject({ code: EXIT.failed });
		expect(foreign.err).toBe(`${path} is not a Tessera recovery state file of version 1.`);
		writeFileSync(path, 'not json');
		expect((await run(['--state', path])).err).toBe(
			`${path} is not a Tessera recovery state file.`
		);
	});
});
