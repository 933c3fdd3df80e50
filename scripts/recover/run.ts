// Recovery without the website: the requester's side of protocol v2 from a terminal, with the
// app's own modules (link and code, certified polling, the one-call release, per-share and
// entropy commitment checks) and no browser. See README "Recovery without the website".
import { Ed25519KeyIdentity } from '@dfinity/identity';
import { parseArgs } from 'node:util';
import { createAgent } from '../../src/lib/canisters/agent';
import { createIiClient } from '../../src/lib/ii/client';
import { vaultCanister, type VaultCanister } from '../../src/lib/canisters/vault.canister';
import { ConfigError, readConfig, type AppConfig, type AppEnv } from '../../src/lib/config';
import { wipe } from '../../src/lib/crypto/bytes';
import { phraseFromEntropy } from '../../src/lib/crypto/phrase';
import { errorKind, errorMessage, FlowError } from '../../src/lib/services/errors';
import type { RequestView, RequesterCalls } from '../../src/lib/services/guardian-calls';
import {
	CLOSED_REASONS,
	formatTime,
	rankRequests,
	releaseErrorMessage,
	requestCode,
	requestStage,
	sealedVaultOf
} from '../../src/lib/services/recovery';
import { RECOVERY_LINK_PATH, recoveryLink } from '../../src/lib/services/recovery-link';
import { checkRecoveredPhrase } from '../../src/lib/services/recovery-sweep';
import { badSharesMessage, releaseAndRecover } from '../../src/lib/services/release';
import { vetKdTrustFor } from '../../src/lib/services/vetkd-trust';
import { readState, stateExists, writeNewState, type RecoveryState } from './state';

export const EXIT = {
	recovered: 0,
	/** Nothing can be recovered this way: a closed request, a refusal, too few good shares. */
	failed: 1,
	usage: 2,
	/** --once, and no request is releasable yet. */
	notYet: 3
} as const;

export interface Io {
	out(line: string): void;
	err(line: string): void;
	sleep(ms: number): Promise<void>;
}

export const USAGE = `Usage: npm run recover -- --state <file> [--url <IC URL> --vault-canister <id> --anchor <number>]
                          [--app <Tessera origin>] [--vetkd-master-key <hex>] [--every <seconds>] [--once]

  --state <file>            the requester key and what it recovers; made on the first run, read on
                            every later one (a run can stop and resume for days). SECRET while the
                            request is open: whoever holds it receives the phrase.
  --url <IC URL>            the Internet Computer API, e.g. https://icp-api.io or devnet's URL
  --vault-canister <id>     the vault canister's id
  --anchor <number>         the Internet Identity (anchor number) to recover
  --app <origin>            the Tessera app the guardian uses, for a whole recovery link
  --vetkd-master-key <hex>  a local network's vetKD master public key (mainnet's is built in)
  --ii-canister <id>        Internet Identity, asked whether the phrase is still the anchor's
                            (default on mainnet: rdmx6-jaaaa-aaaaa-aaadq-cai; locally: not asked)
  --every <seconds>         how often to ask whether the request is releasable (default 60)
  --once                    ask once and exit (3: not releasable yet)

Exit codes: 0 recovered, 1 cannot recover, 2 usage, 3 not yet (--once).`;

interface Options {
	state: string;
	url: string | undefined;
	vaultCanister: string | undefined;
	anchor: bigint | undefined;
	app: string | undefined;
	masterKey: string | undefined;
	iiCanister: string | undefined;
	everyMs: number;
	once: boolean;
}

class UsageError extends Error {
	override name = 'UsageError';
}

function parseOptions(argv: readonly string[]): Options | 'help' {
	let parsed;
	try {
		parsed = parseArgs({
			args: [...argv],
			strict: true,
			options: {
				state: { type: 'string' },
				url: { type: 'string' },
				'vault-canister': { type: 'string' },
				anchor: { type: 'string' },
				app: { type: 'string' },
				'vetkd-master-key': { type: 'string' },
				'ii-canister': { type: 'string' },
				every: { type: 'string' },
				once: { type: 'boolean' },
				help: { type: 'boolean', short: 'h' }
			}
		}).values;
	} catch (error) {
		throw new UsageError(error instanceof Error ? error.message : String(error));
	}
	if (parsed.help) return 'help';
	if (!parsed.state) throw new UsageError('--state <file> is required.');
	const anchorText = parsed.anchor;
	if (anchorText !== undefined && !/^\d{1,20}$/u.test(anchorText)) {
		throw new UsageError(`--anchor must be an anchor number, not ${anchorText}.`);
	}
	const every = Number(parsed.every ?? '60');
	if (!Number.isFinite(every) || every < 1) {
		throw new UsageError('--every must be a number of seconds, at least 1.');
	}
	return {
		state: parsed.state,
		url: parsed.url,
		vaultCanister: parsed['vault-canister'],
		anchor: anchorText === undefined ? undefined : BigInt(anchorText),
		app: parsed.app,
		masterKey: parsed['vetkd-master-key'],
		iiCanister: parsed['ii-canister'],
		everyMs: every * 1000,
		once: parsed.once ?? false
	};
}

const FLAG_OF: Partial<Record<keyof AppEnv, string>> = {
	VITE_IC_HOST: '--url',
	VITE_CANISTER_ID_VAULT: '--vault-canister',
	VITE_CANISTER_ID_INTERNET_IDENTITY: '--ii-canister',
	VITE_VETKD_MASTER_PUBLIC_KEY: '--vetkd-master-key'
};

/** The app's own reading of the flags (network, vetKD key name, II), as its build reads env. */
function configFor(
	url: string,
	vaultCanister: string,
	options: Pick<Options, 'masterKey' | 'iiCanister'>
): AppConfig {
	try {
		return readConfig({
			VITE_IC_HOST: url,
			VITE_CANISTER_ID_VAULT: vaultCanister,
			VITE_CANISTER_ID_INTERNET_IDENTITY: options.iiCanister,
			VITE_VETKD_MASTER_PUBLIC_KEY: options.masterKey
		});
	} catch (error) {
		if (error instanceof ConfigError) {
			const reason = error.message.replace(/^[A-Z_]+: /u, '');
			throw new UsageError(`${FLAG_OF[error.variable] ?? error.variable}: ${reason}`);
		}
		throw error;
	}
}

/** The calls the requester makes, each counted (the command reports them at the end). */
function countedCalls(vault: VaultCanister, counts: Map<string, number>): RequesterCalls {
	const counted =
		<A extends unknown[], R>(name: string, call: (...args: A) => Promise<R>) =>
		(...args: A) => {
			counts.set(name, (counts.get(name) ?? 0) + 1);
			return call(...args);
		};
	return {
		anchorStatus: counted('anchor_status', vault.anchorStatus),
		requestsForRequester: counted('requests_for_requester', vault.requestsForRequester),
		releaseRecovery: counted('release_recovery', vault.releaseRecovery),
		vetkdPublicKeys: counted('vetkd_public_keys', vault.vetkdPublicKeys)
	};
}

async function connect(config: AppConfig, identity?: Ed25519KeyIdentity) {
	const agent = await createAgent(identity, config); // the app's: replica clock, root key
	if (!config.vaultCanisterId) throw new UsageError('--vault-canister is required.');
	return vaultCanister(agent, config.vaultCanisterId);
}

/** The state to work with: the file's, or a new requester key for a sealed vault's anchor. */
async function loadOrCreateState(options: Options, io: Io, counts: Map<string, number>) {
	if (stateExists(options.state)) {
		const state = readState(options.state);
		const url = options.url && configFor(options.url, state.vaultCanister.toText(), options).host;
		const differs =
			(url !== undefined && url !== state.url) ||
			(options.vaultCanister !== undefined &&
				options.vaultCanister !== state.vaultCanister.toText()) ||
			(options.anchor !== undefined && options.anchor !== state.anchor);
		if (differs) {
			throw new UsageError(
				`${options.state} belongs to another recovery (anchor ${state.anchor} at ${state.url}). Use another --state file for a new one.`
			);
		}
		io.out(`Resuming the recovery of identity ${state.anchor} with the key in ${options.state}.`);
		return { state, created: false };
	}
	if (!options.url || !options.vaultCanister || options.anchor === undefined) {
		throw new UsageError(
			`${options.state} does not exist yet: the first run needs --url, --vault-canister and --anchor.`
		);
	}
	const config = configFor(options.url, options.vaultCanister, options);
	const anonymous = await connect(config);
	const vaultId = await sealedVaultOf(countedCalls(anonymous, counts), options.anchor);
	const state: RecoveryState = {
		url: config.host,
		vaultCanister: anonymous.canisterId,
		anchor: options.anchor,
		vaultId,
		requester: Ed25519KeyIdentity.generate()
	};
	writeNewState(options.state, state);
	return { state, created: true };
}

function printLink(io: Io, options: Options, state: RecoveryState): void {
	const requester = state.requester;
	const publicKey = new Uint8Array(requester.getPublicKey().toDer());
	const code = requestCode(state.anchor, requester.getPrincipal());
	const link = recoveryLink(options.app?.replace(/\/+$/u, '') ?? '', {
		anchor: state.anchor,
		publicKey
	});
	io.out('');
	io.out('Send this recovery link to ONE of your guardians (any channel):');
	io.out(`  ${link}`);
	if (!options.app) {
		io.out(
			`  (add it to the address of the Tessera app your guardian uses: https://<app>${RECOVERY_LINK_PATH}#...)`
		);
	}
	io.out('Then call them and read them this verification code; they type it before opening:');
	io.out(`  ${code.text}`);
	io.out(
		`Requester principal (what the guardian opens the request for): ${requester.getPrincipal()}`
	);
	io.out('');
	io.out(
		`${options.state} is a SECRET while the request is open: whoever holds it receives the phrase once guardians approve. Keep it on this computer; delete it after recovery.`
	);
	io.out('');
}

function describeStatus(request: RequestView | undefined): string {
	if (!request) return 'No guardian has opened a request for this key yet.';
	const stage = requestStage(request);
	const head = `Request ${request.requestId}: ${request.approvals} of ${request.threshold} approvals`;
	switch (stage.stage) {
		case 'releasable':
			return `${head}, waiting period over: releasing.`;
		case 'released':
			return `${head}, released before: releasing again (until ${formatTime(request.expiresAt)}).`;
		case 'closed':
			return `${head}. ${CLOSED_REASONS[stage.status] ?? `It is ${stage.status}.`}`;
		case 'waiting':
			return stage.waitOver
				? `${head}; the waiting period is over. Waiting for ${stage.approvalsMissing} more.`
				: `${head}; the waiting period ends ${formatTime(request.releasableAt)}.`;
	}
}

function printPhrase(io: Io, entropy: Uint8Array): void {
	const words = phraseFromEntropy(entropy);
	io.out('');
	io.out('Your recovery phrase (it matches the commitment the owner sealed):');
	for (let row = 0; row < words.length; row += 6) {
		io.out(
			`  ${words
				.slice(row, row + 6)
				.map((word, i) => `${String(row + i + 1).padStart(2)}. ${word.padEnd(9)}`)
				.join(' ')
				.trimEnd()}`
		);
	}
	io.out('');
	io.out(
		'Sign in at Internet Identity with it now, remove devices you do not trust, then make a new recovery phrase and protect it again with Tessera.'
	);
}

/**
 * Is the phrase still the anchor's recovery phrase on II (public queries, nothing signed)? The
 * phrase matched the owner's commitment either way; this says whether it still signs in.
 */
async function reportPhraseCheck(io: Io, config: AppConfig, anchor: bigint, entropy: Uint8Array) {
	try {
		const ii = createIiClient({
			agent: await createAgent(undefined, config),
			canisterId: config.internetIdentityCanisterId
		});
		const { check } = await checkRecoveredPhrase(ii, anchor, entropy);
		io.out(
			check.protected
				? `Internet Identity confirms: this is the recovery phrase of identity ${anchor}, and it is protected.`
				: `Internet Identity confirms: this is the recovery phrase of identity ${anchor}. It is NOT protected: protect it at Internet Identity once you are signed in.`
		);
	} catch (error) {
		io.out(`Internet Identity: ${errorMessage(error)}`);
	}
}

function reportCalls(io: Io, counts: Map<string, number>): void {
	const list = [...counts.entries()].map(([name, count]) => `${name} ${count}`).join(', ');
	io.err(`calls: ${list || 'none'}`);
}

/** The command: returns its exit code. */
export async function runRecover(argv: readonly string[], io: Io): Promise<number> {
	const counts = new Map<string, number>();
	try {
		const options = parseOptions(argv);
		if (options === 'help') {
			io.out(USAGE);
			return EXIT.recovered;
		}
		const { state, created } = await loadOrCreateState(options, io, counts);
		if (created) io.out(`Made a new requester key for identity ${state.anchor}: ${options.state}`);
		printLink(io, options, state);
		const config = configFor(state.url, state.vaultCanister.toText(), options);
		const calls = countedCalls(await connect(config, state.requester), counts);
		const trust = vetKdTrustFor({ ...config, canisterId: state.vaultCanister });
		try {
			return await pollAndRelease(io, { options, state, calls, trust, config });
		} finally {
			reportCalls(io, counts);
		}
	} catch (error) {
		if (error instanceof UsageError) {
			io.err(error.message);
			io.err(USAGE);
			return EXIT.usage;
		}
		// typed errors carry words for people; anything else is shown as it is (a terminal, not a page)
		const typed = errorKind(error) !== undefined || !(error instanceof Error);
		io.err(typed ? errorMessage(error) : error.message);
		return EXIT.failed;
	}
}

interface Session {
	readonly options: Options;
	readonly state: RecoveryState;
	readonly calls: RequesterCalls;
	readonly trust: ReturnType<typeof vetKdTrustFor>;
	readonly config: AppConfig;
}

async function pollAndRelease(io: Io, session: Session): Promise<number> {
	const { options, state, calls } = session;
	let said: string | undefined;
	const say = (line: string) => {
		if (line !== said) io.out(line);
		said = line;
	};
	for (;;) {
		let request: RequestView | undefined;
		try {
			// an update call: what a replica alone answers is never acted on
			[request] = rankRequests(await calls.requestsForRequester(), state.anchor);
		} catch (error) {
			if (options.once) throw error;
			say(`${errorMessage(error)} (asking again in ${options.everyMs / 1000} s)`);
			await io.sleep(options.everyMs);
			continue;
		}
		say(describeStatus(request));
		const stage = request ? requestStage(request).stage : 'none';
		if (request && (stage === 'releasable' || stage === 'released')) {
			const done = await release(io, session, request);
			if (done !== undefined) return done;
		} else if (stage === 'closed') {
			io.err(
				'Ask a guardian to open a new request from the same link (the same key), then run this again.'
			);
			return EXIT.failed;
		}
		if (options.once) return EXIT.notYet;
		await io.sleep(options.everyMs);
	}
}

/** One release: the exit code, or undefined to keep polling (released too early, a lost answer). */
async function release(
	io: Io,
	{ state, calls, trust, config, options }: Session,
	request: RequestView
): Promise<number | undefined> {
	try {
		const recovered = await releaseAndRecover(
			calls,
			trust,
			state.requester.getPrincipal(),
			request,
			{ progress: (step) => io.err(`  ${step}…`) }
		);
		const bad = badSharesMessage(recovered.bad);
		if (bad) io.out(bad);
		printPhrase(io, recovered.entropy);
		// on a local network II is asked only when named (devnet's II has a local id)
		if (config.network === 'ic' || options.iiCanister !== undefined) {
			await reportPhraseCheck(io, config, state.anchor, recovered.entropy);
		}
		wipe(recovered.entropy);
		return EXIT.recovered;
	} catch (error) {
		if (error instanceof FlowError) {
			io.err(error.message);
			return EXIT.failed;
		}
		const kind = errorKind(error);
		io.err(releaseErrorMessage(error));
		if (kind === 'NotReleasable' || kind === 'Network') return undefined;
		return EXIT.failed;
	}
}
