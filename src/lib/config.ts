// The app's configuration, fixed at build time from Vite env vars (`npm start` sets them for
// devnet; a mainnet build sets none and gets the defaults). Read once; pure parsing for tests.
import { Principal } from '@dfinity/principal';

export const MAINNET_HOST = 'https://icp-api.io';
export const MAINNET_II_CANISTER_ID = 'rdmx6-jaaaa-aaaaa-aaadq-cai';
/**
 * II 2.0's sign-in page. Which II domain a user signs in at does not change their principals:
 * II derives them from the anchor and the *app's* origin (derivationOrigin when set), not its own.
 */
export const MAINNET_II_URL = 'https://id.ai';
/** vetKD key names the vault canister is installed with, per network. */
export const VETKD_KEY_NAMES = { local: 'dfx_test_key', ic: 'key_1' } as const;

export type Network = 'local' | 'ic';

export interface AppConfig {
	network: Network;
	/** The IC API host the agent talks to. */
	host: string;
	/** Undefined when the build names no vault canister (the app then says so). */
	vaultCanisterId: Principal | undefined;
	/**
	 * The vault canister's controller that installs only announced upgrades; undefined when the
	 * build names none (the app then shows no upgrade notice).
	 */
	upgradeCanisterId?: Principal;
	internetIdentityCanisterId: Principal;
	/**
	 * II's sign-in page (auth-client's identity provider): id.ai on mainnet; on devnet the local II
	 * window `npm start` serves. Undefined only in a devnet build without one (sign-in says so).
	 */
	iiUrl: string | undefined;
	/**
	 * II derives a principal per origin: pin it (e.g. https://<canister>.icp0.io) so guardian
	 * principals, and thus their shares, survive a change of domain.
	 */
	derivationOrigin: string | undefined;
	vetKdKeyName: string;
	/**
	 * A local replica's vetKD master public key (hex), when the build names it: then the
	 * canister's reported keys are verified against it too (see services/vetkd-trust.ts).
	 */
	localVetKdMasterKeyHex: string | undefined;
}

/** The env vars the app reads (all optional). */
export interface AppEnv {
	VITE_IC_HOST?: string;
	VITE_CANISTER_ID_VAULT?: string;
	VITE_CANISTER_ID_UPGRADE?: string;
	VITE_CANISTER_ID_INTERNET_IDENTITY?: string;
	VITE_II_URL?: string;
	VITE_II_DERIVATION_ORIGIN?: string;
	VITE_VETKD_MASTER_PUBLIC_KEY?: string;
}

export class ConfigError extends Error {
	constructor(
		readonly variable: keyof AppEnv,
		reason: string
	) {
		super(`${variable}: ${reason}`);
		this.name = 'ConfigError';
	}
}

const LOCAL_HOSTNAMES = new Set(['localhost', '127.0.0.1', '[::1]']);

function present(value: string | undefined): string | undefined {
	const trimmed = value?.trim();
	return trimmed ? trimmed : undefined;
}

function parseUrl(variable: keyof AppEnv, value: string): URL {
	let url: URL;
	try {
		url = new URL(value);
	} catch {
		throw new ConfigError(variable, `not a URL: ${value}`);
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') {
		throw new ConfigError(variable, `must be http(s): ${value}`);
	}
	return url;
}

function isLocal(url: URL): boolean {
	return LOCAL_HOSTNAMES.has(url.hostname) || url.hostname.endsWith('.localhost');
}

function parsePrincipal(variable: keyof AppEnv, value: string): Principal {
	try {
		return Principal.fromText(value);
	} catch {
		throw new ConfigError(variable, `not a canister id: ${value}`);
	}
}

/** Builds the configuration from env vars; a malformed value throws a `ConfigError`. */
export function readConfig(env: AppEnv): AppConfig {
	const host = parseUrl('VITE_IC_HOST', present(env.VITE_IC_HOST) ?? MAINNET_HOST);
	const network: Network = isLocal(host) ? 'local' : 'ic';
	if (network === 'ic' && host.protocol !== 'https:') {
		throw new ConfigError('VITE_IC_HOST', 'a non-local host must use https');
	}
	const vault = present(env.VITE_CANISTER_ID_VAULT);
	const upgrade = present(env.VITE_CANISTER_ID_UPGRADE);
	const ii = present(env.VITE_CANISTER_ID_INTERNET_IDENTITY);
	const iiUrlText = present(env.VITE_II_URL) ?? (network === 'ic' ? MAINNET_II_URL : undefined);
	const derivation = present(env.VITE_II_DERIVATION_ORIGIN);
	const iiUrl = iiUrlText === undefined ? undefined : parseUrl('VITE_II_URL', iiUrlText);
	return {
		network,
		host: host.origin,
		vaultCanisterId: vault ? parsePrincipal('VITE_CANISTER_ID_VAULT', vault) : undefined,
		upgradeCanisterId: upgrade ? parsePrincipal('VITE_CANISTER_ID_UPGRADE', upgrade) : undefined,
		internetIdentityCanisterId: parsePrincipal(
			'VITE_CANISTER_ID_INTERNET_IDENTITY',
			ii ?? MAINNET_II_CANISTER_ID
		),
		iiUrl: iiUrl?.href,
		derivationOrigin: derivation
			? parseUrl('VITE_II_DERIVATION_ORIGIN', derivation).origin
			: undefined,
		vetKdKeyName: VETKD_KEY_NAMES[network],
		localVetKdMasterKeyHex: present(env.VITE_VETKD_MASTER_PUBLIC_KEY)
	};
}

/** This build's configuration (Vite inlines `import.meta.env`; plain Node has none). */
export const config: AppConfig = readConfig(
	((import.meta as ImportMeta & { env?: AppEnv }).env ?? {}) as AppEnv
);
