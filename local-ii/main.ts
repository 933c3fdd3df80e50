// The local Internet Identity window (devnet only): the II side of II's client authentication
// protocol, at its own origin as II is. The app (through @dfinity/auth-client) opens it; it
// posts `authorize-ready`, takes `authorize-client` {sessionPublicKey, maxTimeToLive,
// derivationOrigin}, authenticates the user with a passkey or the recovery phrase against the
// local II canister, has the canister sign a delegation to the session key (prepare_delegation,
// get_delegation) and posts `authorize-client-success` {delegations, userPublicKey, authnMethod}
// to the app's origin, or `authorize-client-failure` {text}.
// Passkey senders sign only once: a 15-minute delegation to a key of this window, as II's own
// frontend does, signs the calls.
import { Actor, HttpAgent, type SignIdentity } from '@dfinity/agent';
import {
	DelegationChain,
	DelegationIdentity,
	ECDSAKeyIdentity,
	WebAuthnIdentity
} from '@dfinity/identity';
import { Principal } from '@dfinity/principal';
import type { InternetIdentityService } from '@tessera/contract/internet-identity';
import { idlFactory } from '../canister/internet_identity/domain/idl';
import { derivePhraseKey } from '../src/lib/crypto/ii-key';
import { parseRecoveryPhrase } from '../src/lib/crypto/phrase';
import type { DeviceData } from '@tessera/contract/internet-identity';
import { passkeyDeviceData } from '../src/lib/ii/device-data';
import { AnchorPasskey } from './passkey';

type Ii = Pick<
	InternetIdentityService,
	| 'prepare_delegation'
	| 'get_delegation'
	| 'get_anchor_credentials'
	| 'lookup_caller_identity_by_recovery_phrase'
> & { create_anchor_for_local_development(devices: DeviceData[]): Promise<bigint> };

type AuthnMethod = 'passkey' | 'recovery';

interface AuthorizeClient {
	kind: 'authorize-client';
	sessionPublicKey: Uint8Array;
	maxTimeToLive?: bigint;
	derivationOrigin?: string;
}

/** Baked in by scripts/build-local-ii.ts for one devnet. */
declare const __LOCAL_II_CONFIG__: { host: string; canisterId: string };
const HOST = __LOCAL_II_CONFIG__.host;
const II_ID = __LOCAL_II_CONFIG__.canisterId;
const LAST_ANCHOR_KEY = 'local-ii.last-identity-number';
const WINDOW_SESSION_MS = 15 * 60_000;

const element = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const buttons = ['create', 'passkey', 'with-phrase'].map((id) => element<HTMLButtonElement>(id));
const anchorInput = element<HTMLInputElement>('anchor');
const phraseInput = element<HTMLTextAreaElement>('phrase');
const status = (text: string) => (element('status').textContent = text);
const showError = (text: string) => (element('error').textContent = text);

let request: { client: AuthorizeClient; origin: string } | undefined;
anchorInput.value = localStorage.getItem(LAST_ANCHOR_KEY) ?? '';

/**
 * How far the replica's clock is ahead of this browser's (ms), measured once as the window
 * opens. The window's own delegation expires in the replica's time, which is what the IC checks
 * it against: on mainnet the two clocks agree, on devnet the clock can be moved days ahead.
 */
const replicaOffsetMs: Promise<number> = (async () => {
	const agent = await HttpAgent.create({ host: HOST, shouldFetchRootKey: true });
	await agent.syncTime(Principal.fromText(II_ID));
	return agent.getTimeDiffMsecs();
})();

async function iiAs(identity?: SignIdentity): Promise<Ii> {
	const agent = await HttpAgent.create({ host: HOST, identity, shouldFetchRootKey: true });
	return Actor.createActor<Ii>(idlFactory, { agent, canisterId: II_ID });
}

/** A short delegation from `device` to a key of this window: the device signs once. */
async function windowSession(device: SignIdentity): Promise<DelegationIdentity> {
	const key = await ECDSAKeyIdentity.generate();
	const expiration = new Date(Date.now() + (await replicaOffsetMs) + WINDOW_SESSION_MS);
	const chain = await DelegationChain.create(device, key.getPublicKey(), expiration);
	return DelegationIdentity.fromDelegation(key, chain);
}

/** The delegation to the app's session key, posted to the app: the protocol's last step. */
async function authorize(sender: SignIdentity, anchor: bigint, method: AuthnMethod) {
	if (!request) throw new Error('no sign-in request from an app');
	const { client, origin } = request;
	const ii = await iiAs(sender);
	const sessionKey = new Uint8Array(client.sessionPublicKey);
	const ttl: [] | [bigint] = client.maxTimeToLive === undefined ? [] : [client.maxTimeToLive];
	status('Signing the session for the app…');
	const [userKey, expiration] = await ii.prepare_delegation(anchor, origin, sessionKey, ttl);
	const response = await ii.get_delegation(anchor, origin, sessionKey, expiration);
	if (!('signed_delegation' in response)) throw new Error('the delegation was not ready');
	const { delegation, signature } = response.signed_delegation;
	localStorage.setItem(LAST_ANCHOR_KEY, anchor.toString());
	window.opener?.postMessage(
		{
			kind: 'authorize-client-success',
			delegations: [
				{
					delegation: {
						pubkey: new Uint8Array(delegation.pubkey),
						expiration: delegation.expiration,
						targets: delegation.targets[0]
					},
					signature: new Uint8Array(signature)
				}
			],
			userPublicKey: new Uint8Array(userKey),
			authnMethod: method
		},
		origin
	);
	status(`Signed in to ${origin} as identity ${anchor}.`);
}

async function createWithPasskey() {
	status('Creating a passkey…');
	const passkey = await WebAuthnIdentity.create({
		publicKey: {
			challenge: crypto.getRandomValues(new Uint8Array(16)),
			pubKeyCredParams: [{ type: 'public-key', alg: -7 }],
			rp: { name: 'Local Internet Identity (devnet only)' },
			user: {
				id: crypto.getRandomValues(new Uint8Array(16)),
				name: 'Local Internet Identity',
				displayName: 'Local Internet Identity'
			},
			authenticatorSelection: { userVerification: 'preferred' }
		}
	});
	const sender = await windowSession(passkey);
	const device = passkeyDeviceData(passkey, { alias: 'Passkey', origin: location.origin });
	const anchor = await (await iiAs(sender)).create_anchor_for_local_development([device]);
	anchorInput.value = anchor.toString();
	status(`Created identity ${anchor}.`);
	await authorize(sender, anchor, 'passkey');
}

async function signInWithPasskey() {
	const text = anchorInput.value.trim();
	if (!/^\d+$/.test(text)) throw new Error('Enter your identity number.');
	const anchor = BigInt(text);
	const credentials = await (await iiAs()).get_anchor_credentials(anchor);
	const all = [...credentials.credentials, ...credentials.recovery_credentials].map((c) => ({
		credentialId: new Uint8Array(c.credential_id),
		pubkey: new Uint8Array(c.pubkey)
	}));
	if (all.length === 0) throw new Error(`Identity ${anchor} has no passkey.`);
	status('Waiting for the passkey…');
	await authorize(await windowSession(new AnchorPasskey(all)), anchor, 'passkey');
}

async function signInWithPhrase() {
	const parsed = parseRecoveryPhrase(phraseInput.value);
	if (!parsed.ok) throw new Error('That is not a valid 24-word recovery phrase.');
	const { identity } = await derivePhraseKey(parsed.value.entropy);
	const [anchor] = await (await iiAs(identity)).lookup_caller_identity_by_recovery_phrase();
	if (anchor === undefined) throw new Error('No identity has this recovery phrase.');
	await authorize(identity, anchor, 'recovery');
}

function run(action: () => Promise<void>) {
	return async () => {
		showError('');
		buttons.forEach((b) => (b.disabled = true));
		try {
			await action();
		} catch (error) {
			status('');
			showError(error instanceof Error ? error.message : String(error));
			buttons.forEach((b) => (b.disabled = false));
		}
	};
}

buttons[0]?.addEventListener('click', run(createWithPasskey));
buttons[1]?.addEventListener('click', run(signInWithPasskey));
buttons[2]?.addEventListener('click', run(signInWithPhrase));

window.addEventListener('message', (event: MessageEvent) => {
	const data = event.data as Partial<AuthorizeClient> | undefined;
	if (event.source !== window.opener || data?.kind !== 'authorize-client') return;
	if (!(data.sessionPublicKey instanceof Uint8Array)) return;
	if (data.derivationOrigin !== undefined && data.derivationOrigin !== event.origin) {
		// II would check the derivation origin's /.well-known/ii-alternative-origins
		window.opener?.postMessage(
			{
				kind: 'authorize-client-failure',
				text: 'The local Internet Identity signs in to the opening origin only.'
			},
			event.origin
		);
		return;
	}
	request = { client: data as AuthorizeClient, origin: event.origin };
	element('client').textContent = `Signing in to ${event.origin}`;
	buttons.forEach((b) => (b.disabled = false));
});

if (window.opener) {
	window.opener.postMessage({ kind: 'authorize-ready' }, '*');
} else {
	element('client').textContent =
		'Open this window from an app (its "Sign in" button): it signs in to the app that opened it.';
}
