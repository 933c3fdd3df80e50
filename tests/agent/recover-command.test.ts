// `npm run recover` (scripts/recover.ts) end to end on devnet with no browser: the owner seals
// through the app's services, the command (a child process, as a person runs it) makes its key
// and prints the recovery link and code, guardians (agent identities) open from the link's
// requester principal after typing the code and approve through the app's guardian services,
// devnet's clock passes the time-lock, and the command releases, checks and prints the phrase.
// The end-to-end run is from a clean clone of this commit (only committed files, as a new user
// gets them; node_modules hard-linked instead of `npm install`).
// The bad paths: too few approvals, and one guardian's garbage share (named, then repaired).
import { Ed25519KeyIdentity } from '@dfinity/identity';
import { Principal } from '@dfinity/principal';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, onTestFinished, test } from 'vitest';
import { SHARE_CIPHERTEXT_BYTES } from '@tessera/contract';
import { deployCanisters } from '@tessera/devnet/server';
import { createAgent } from '../../src/lib/canisters/agent';
import { vaultCanister, type VaultCanister } from '../../src/lib/canisters/vault.canister';
import { readConfig } from '../../src/lib/config';
import { derivePhraseKey } from '../../src/lib/crypto/ii-key';
import { phraseFromEntropy } from '../../src/lib/crypto/phrase';
import { readTypedCode } from '../../src/lib/crypto/verification-code';
import { approveRequest, loadGuardedVaults, openFromLink } from '../../src/lib/services/guardian';
import { parseInviteFragment } from '../../src/lib/services/invite-link';
import { createVault, ownerContext } from '../../src/lib/services/owner';
import { sealVault } from '../../src/lib/services/owner-seal';
import { parseRecoveryFragment, type OpenedLink } from '../../src/lib/services/recovery-link';
import { vetKdTrustFor } from '../../src/lib/services/vetkd-trust';
import { cleanClone } from '../browser/support/clean-clone';
import buildWasm from '../canister/global-setup';
import { newAnchor, newDevice } from './ii/story';
import { agentFor, startTarget, type Target } from './target';

const APP = 'http://localhost:4173';
const DELAY_HOURS = 24;
const PAST_DELAY_MS = (DELAY_HOURS * 60 + 10) * 60_000;

let target: Target;
let vaultCanisterId: Principal;
let iiId: Principal;

beforeAll(async () => {
	buildWasm();
	target = await startTarget();
	const agent = await agentFor(target.url, Ed25519KeyIdentity.generate());
	const { ids } = await deployCanisters({ agent, root: '.', ids: {} });
	vaultCanisterId = Principal.fromText(ids.vault?.local ?? '');
	iiId = Principal.fromText(ids.internet_identity?.local ?? '');
}, 600_000);

afterAll(async () => {
	await target?.close();
});

async function vaultAs(identity: Ed25519KeyIdentity): Promise<VaultCanister> {
	return vaultCanister(
		await createAgent(identity, { host: target.url, network: 'local' }),
		vaultCanisterId
	);
}

interface Sealed {
	anchor: bigint;
	vaultId: bigint;
	phrase: string;
	guardians: Ed25519KeyIdentity[];
}

/** An anchor with a protected phrase, its vault 2-of-3 with a 24 h delay, accepted and sealed. */
async function sealedVault(): Promise<Sealed> {
	const entropy = new Uint8Array(randomBytes(32));
	const phraseKey = await derivePhraseKey(entropy);
	const anchor = await newAnchor(target.url, iiId, newDevice('Owner laptop'), {
		phrase: phraseKey,
		phraseProtected: true
	});
	const config = {
		...readConfig({ VITE_IC_HOST: target.url }),
		vaultCanisterId,
		internetIdentityCanisterId: iiId
	};
	const context = await ownerContext(Ed25519KeyIdentity.generate(), APP, config);
	const { vaultId, invitations } = await createVault(context, {
		anchor,
		phraseKey,
		guardians: ['Alice', 'Bob', 'Carol'],
		delayHours: DELAY_HOURS
	});
	const guardians = invitations.map(() => Ed25519KeyIdentity.generate());
	for (const [i, invitation] of invitations.entries()) {
		const link = parseInviteFragment(new URL(invitation.url).hash);
		if (!link.ok) throw new Error('invitation link');
		await (await vaultAs(guardians[i]!)).acceptInvite(link.value);
	}
	await sealVault(context, { vaultId, threshold: 2, entropy, phraseKey }, () => {});
	return { anchor, vaultId, phrase: phraseFromEntropy(entropy).join(' '), guardians };
}

interface Run {
	/** Resolves with the first stdout line matching `pattern`. */
	line(pattern: RegExp): Promise<string>;
	done: Promise<{ code: number | null; stdout: string; stderr: string; ms: number }>;
}

/** The command as a person runs it: `npm run recover -- ...` is `tsx scripts/recover.ts ...`. */
function recover(args: string[], cwd = '.'): Run {
	const started = performance.now();
	const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/recover.ts', ...args], {
		cwd,
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let stdout = '';
	let stderr = '';
	const waiting: { pattern: RegExp; resolve: (line: string) => void }[] = [];
	const check = () => {
		for (const wait of [...waiting]) {
			const found = stdout.split('\n').find((line) => wait.pattern.test(line));
			if (found !== undefined) {
				waiting.splice(waiting.indexOf(wait), 1);
				wait.resolve(found);
			}
		}
	};
	child.stdout.on('data', (chunk: Buffer) => {
		stdout += String(chunk);
		check();
	});
	child.stderr.on('data', (chunk: Buffer) => (stderr += String(chunk)));
	const done = new Promise<{ code: number | null; stdout: string; stderr: string; ms: number }>(
		(resolve) =>
			child.once('close', (code) =>
				resolve({ code, stdout, stderr, ms: Math.round(performance.now() - started) })
			)
	);
	return {
		line: (pattern) =>
			new Promise((resolve, reject) => {
				waiting.push({ pattern, resolve });
				check();
				void done.then(({ stdout: out, stderr: err }) =>
					reject(new Error(`recover exited before ${pattern}:\n${out}\n${err}`))
				);
			}),
		done
	};
}

/** What the guardian's app reads from the printed link, and the code the owner reads out. */
async function linkAndCode(run: Run): Promise<{ link: OpenedLink; code: string }> {
	// the whole link with --app, else its path and fragment (the fragment is what the app reads)
	const link = (await run.line(/\/guardian\/open#a=/u)).trim();
	const code = (await run.line(/^ {2}[a-z]+( [a-z]+){3}$/u)).trim();
	const parsed = parseRecoveryFragment(link.slice(link.indexOf('#')));
	if (!parsed.ok) throw new Error(`recovery link: ${parsed.error.kind}`);
	return { link: parsed.value, code };
}

const trust = () =>
	vetKdTrustFor({ network: 'local', vetKdKeyName: 'dfx_test_key', canisterId: vaultCanisterId });

/** The guardian's app: type the code, open the request from the link (first guardian only). */
async function openAsGuardian(
	guardian: Ed25519KeyIdentity,
	link: OpenedLink,
	code: string
): Promise<bigint> {
	const wrapper = await vaultAs(guardian);
	// the guardian port, as the app wires it (its cancel is the sponsor's own)
	const calls = { ...wrapper, cancelRecovery: wrapper.cancelOwnRecovery };
	const guarded = (await loadGuardedVaults(calls)).find((v) => v.vault.anchor === link.anchor);
	const typed = readTypedCode(code, link.code);
	expect(typed.matches).toBe(true);
	return (await openFromLink(calls, guarded, link, typed.matches)).requestId;
}

/** The guardian's app: approve the listed request, re-encrypting its share to the requester. */
async function approveAsGuardian(guardian: Ed25519KeyIdentity, vaultId: bigint, requestId: bigint) {
	const wrapper = await vaultAs(guardian);
	// the guardian port, as the app wires it (its cancel is the sponsor's own)
	const calls = { ...wrapper, cancelRecovery: wrapper.cancelOwnRecovery };
	const guarded = (await loadGuardedVaults(calls)).find((v) => v.vault.vaultId === vaultId);
	const listed = guarded?.requests.find((r) => r.request.requestId === requestId)?.request;
	if (!guarded || !listed) throw new Error('the guardian does not see the request');
	await approveRequest(calls, trust(), guardian.getPrincipal(), guarded.vault, listed);
}

function words(stdout: string): string {
	return [...stdout.matchAll(/\b\d{1,2}\. ([a-z]+)/gu)].map((match) => match[1]).join(' ');
}

describe('npm run recover', () => {
	test('recovers a sealed vault end to end: link, code, guardians open and approve, time-lock, release', async () => {
		const vault = await sealedVault();
		const state = join(mkdtempSync(join(tmpdir(), 'tessera-recover-')), 'recovery.json');
		const clone = cleanClone();
		onTestFinished(() => clone.remove());
		const run = recover(
			[
				'--url',
				target.url,
				'--vault-canister',
				vaultCanisterId.toText(),
				'--anchor',
				vault.anchor.toString(),
				'--state',
				state,
				'--app',
				APP,
				'--ii-canister',
				iiId.toText(),
				'--every',
				'1'
			],
			clone.directory
		);
		const { link, code } = await linkAndCode(run);
		expect(link.anchor).toBe(vault.anchor);
		await run.line(/is a SECRET while the request is open/u);
		await run.line(/No guardian has opened a request for this key yet/u);
		// the key file is readable by its owner only
		expect(statSync(state).mode & 0o777).toBe(0o600);
		expect(JSON.parse(readFileSync(state, 'utf8'))).toMatchObject({
			tessera: 'recovery-requester-key',
			anchor: vault.anchor.toString(),
			vaultId: vault.vaultId.toString()
		});

		const [alice, bob] = vault.guardians;
		const requestId = await openAsGuardian(alice!, link, code);
		await run.line(new RegExp(`Request ${requestId}: 0 of 2 approvals`, 'u'));
		await approveAsGuardian(alice!, vault.vaultId, requestId);
		await approveAsGuardian(bob!, vault.vaultId, requestId);
		await run.line(/2 of 2 approvals; the waiting period ends/u);
		const releasable = performance.now();
		await target.advanceTime(PAST_DELAY_MS);

		const result = await run.done;
		const releaseMs = Math.round(performance.now() - releasable);
		expect(result.stderr).not.toMatch(/did not match/u);
		expect(result.code).toBe(0);
		expect(words(result.stdout)).toBe(vault.phrase);
		expect(result.stdout).toContain('it matches the commitment the owner sealed');
		expect(result.stdout).toContain(
			`Internet Identity confirms: this is the recovery phrase of identity ${vault.anchor}, and it is protected.`
		);
		const calls = /calls: (.*)/u.exec(result.stderr)?.[1] ?? '';
		expect(calls).toMatch(/anchor_status 1/u);
		expect(calls).toMatch(/vetkd_public_keys 1/u);
		expect(calls).toMatch(/release_recovery 1\b/u);
		// one release, one vetKD derivation, as the canister counts them
		expect((await (await vaultAs(alice!)).recoveryRequest(requestId)).derivations).toBe(1);
		console.log(
			`recover, end to end on devnet: ${result.ms} ms (releasable to phrase: ${releaseMs} ms); ${calls}`
		);
	}, 600_000);

	test('too few approvals: a plain message and exit 3; a garbage share: named, too few good, exit 1; one more approval: recovered', async () => {
		const vault = await sealedVault();
		const state = join(mkdtempSync(join(tmpdir(), 'tessera-recover-')), 'recovery.json');
		const first = recover([
			'--url',
			target.url,
			'--vault-canister',
			vaultCanisterId.toText(),
			'--anchor',
			vault.anchor.toString(),
			'--state',
			state,
			'--once'
		]);
		const { link, code } = await linkAndCode(first);
		expect((await first.done).code).toBe(3);

		const [alice, bob, carol] = vault.guardians;
		const requestId = await openAsGuardian(alice!, link, code);
		await approveAsGuardian(alice!, vault.vaultId, requestId);
		await target.advanceTime(PAST_DELAY_MS);

		// resumed from the state file alone; one approval of two, waiting period over
		const tooFew = await recover(['--state', state, '--once']).done;
		expect(tooFew.stdout).toContain('Resuming the recovery of identity');
		expect(tooFew.stdout).toContain(
			`Request ${requestId}: 1 of 2 approvals; the waiting period is over. Waiting for 1 more.`
		);
		expect(tooFew.code).toBe(3);

		// Bob's approval is garbage of the right size (sent by his agent, past his app's checks)
		await (
			await vaultAs(bob!)
		).approveRecovery({
			requestId,
			ciphertext: Uint8Array.from(randomBytes(SHARE_CIPHERTEXT_BYTES))
		});
		const garbage = await recover(['--state', state, '--once']).done;
		expect(garbage.stderr).toContain('Only 1 good share of the 2 needed.');
		expect(garbage.stderr).toContain(
			'The share from guardian 2 did not match what the owner sealed, so it was not used.'
		);
		expect(words(garbage.stdout)).toBe('');
		expect(garbage.code).toBe(1);

		// Carol approves: two good shares of three; Bob's is named and the phrase comes back
		await approveAsGuardian(carol!, vault.vaultId, requestId);
		const repaired = await recover(['--state', state, '--once']).done;
		expect(repaired.stdout).toContain('The share from guardian 2 did not match');
		expect(repaired.code).toBe(0);
		expect(words(repaired.stdout)).toBe(vault.phrase);
		expect(repaired.stdout).not.toMatch(/Internet Identity( confirms|:)/u); // locally: only when named
		// the failed release and the repaired one: two of the request's three derivations
		expect((await (await vaultAs(carol!)).recoveryRequest(requestId)).derivations).toBe(2);
	}, 600_000);
});
