// The browser tests' hands on devnet, from Node: its clock, and anchors on the local Internet
// Identity with a known recovery phrase, the owner's device and an attacker's device.
import { Actor, HttpAgent, type ActorSubclass, type Identity } from '@dfinity/agent';
import { Ed25519KeyIdentity } from '@dfinity/identity';
import { Principal } from '@dfinity/principal';
import { sha256 } from '@noble/hashes/sha2';
import { randomUUID } from 'node:crypto';
import {
	idlFactory as iiIdlFactory,
	type DeviceDataValue,
	type IdentityAnchorInfoValue
} from '../../../canister/internet_identity/domain/idl';
import { deviceToAuthnMethod } from '../../../canister/internet_identity/domain/authn-methods';
import { testIssuerJwt } from '../../../canister/internet_identity/domain/openid';
import type { InternetIdentityService } from '@tessera/contract/internet-identity';
import { idlFactory as vaultIdlFactory } from '@tessera/contract/vault/idl';
import { ADMIN_TIME_PATH } from '@tessera/devnet/server';
import { utf8 } from '@tessera/contract';
import { derivePhraseKey, type PhraseKey } from '../../../src/lib/crypto/ii-key';
import { phraseFromEntropy } from '../../../src/lib/crypto/phrase';
import type { E2eWorld } from '../../../scripts/e2e-world';

/** Moves devnet's clock (needs devnet started with --admin, as scripts/e2e-env.ts does). */
export async function advanceDevnetClock(world: E2eWorld, milliseconds: number): Promise<Date> {
	const response = await fetch(new URL(ADMIN_TIME_PATH, world.devnetUrl), {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ advanceMs: milliseconds })
	});
	const answer = (await response.json()) as { timeMs?: number; error?: string };
	if (!response.ok || answer.timeMs === undefined) {
		throw new Error(`advancing devnet's clock failed: ${response.status} ${answer.error ?? ''}`);
	}
	return new Date(answer.timeMs);
}

/**
 * An agent for devnet whose clock follows devnet's: the tests move devnet's clock ahead of this
 * machine's, and devnet refuses signed requests that expire before its own time.
 */
/** An agent on devnet whose requests follow devnet's clock (it may be days ahead of ours). */
export async function devnetAgent(
	world: E2eWorld,
	canisterId: string,
	identity?: Identity
): Promise<HttpAgent> {
	const agent = await HttpAgent.create({ host: world.devnetUrl, identity });
	await agent.fetchRootKey();
	await agent.syncTime(Principal.fromText(canisterId));
	return agent;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Method = (...args: any[]) => Promise<any>;
type IiActor = ActorSubclass<{
	create_anchor_for_local_development: (devices: DeviceDataValue[]) => Promise<bigint>;
	get_anchor_info: (anchor: bigint) => Promise<IdentityAnchorInfoValue>;
	[name: string]: Method;
}>;

async function iiActor(world: E2eWorld, identity: Ed25519KeyIdentity): Promise<IiActor> {
	const canisterId = world.canisterIds.internet_identity;
	if (!canisterId) throw new Error('the local internet_identity canister is not deployed');
	const agent = await devnetAgent(world, canisterId, identity);
	return Actor.createActor(iiIdlFactory, { agent, canisterId }) as IiActor;
}

// II refuses a key already on another anchor; a run id keeps runs against one world apart.
const RUN = randomUUID();
/** A seed for a named key of this run. */
const seedFor = (purpose: string, label: string) =>
	sha256(utf8(`tessera/e2e/${RUN}/${purpose}/${label}`));

export const DEVICE_ALIASES = {
	owner: 'My laptop',
	phrase: 'Recovery phrase',
	attacker: 'Unknown phone'
} as const;

export interface TestAnchor {
	readonly number: bigint;
	/** The 24 words of the anchor's recovery phrase (II shows them with the anchor number). */
	readonly words: readonly string[];
	readonly phraseKey: PhraseKey;
	/** The owner's everyday device (a passkey in real life). */
	readonly ownerDevice: Ed25519KeyIdentity;
	/** The device a thief added with a stolen session. */
	readonly attackerDevice: Ed25519KeyIdentity;
	/** The anchor's devices as II reports them to the owner's device. */
	devices(): Promise<IdentityAnchorInfoValue['devices']>;
}

function device(
	pubkey: Uint8Array,
	alias: string,
	kind: 'passkey' | 'phrase',
	credentialId?: Uint8Array
): DeviceDataValue {
	return {
		pubkey,
		alias,
		credential_id: credentialId ? [credentialId] : [],
		aaguid: [],
		purpose: kind === 'phrase' ? { recovery: null } : { authentication: null },
		key_type: kind === 'phrase' ? { seed_phrase: null } : { platform: null },
		// II's newest frontend creates recovery phrases unprotected; Tessera must protect it.
		protection: { unprotected: null },
		origin: kind === 'phrase' ? [] : ['https://identity.ic0.app'],
		metadata: []
	};
}

/**
 * Creates an anchor on the local II with three devices: the owner's, the recovery phrase
 * (unprotected, as II's newest frontend leaves it) and an attacker's. Use one label per anchor.
 */
export async function createTestAnchor(world: E2eWorld, label: string): Promise<TestAnchor> {
	const entropy = seedFor('phrase', label);
	const phraseKey = await derivePhraseKey(entropy);
	const ownerDevice = Ed25519KeyIdentity.generate(seedFor('owner-device', label));
	const attackerDevice = Ed25519KeyIdentity.generate(seedFor('attacker-device', label));
	const der = (identity: Ed25519KeyIdentity) => new Uint8Array(identity.getPublicKey().toDer());
	const owner = await iiActor(world, ownerDevice);
	const number = await owner.create_anchor_for_local_development([
		device(der(ownerDevice), DEVICE_ALIASES.owner, 'passkey', seedFor('owner-cred', label)),
		device(phraseKey.publicKeyDer, DEVICE_ALIASES.phrase, 'phrase'),
		device(der(attackerDevice), DEVICE_ALIASES.attacker, 'passkey', seedFor('thief-cred', label))
	]);
	return {
		number,
		words: phraseFromEntropy(entropy),
		phraseKey,
		ownerDevice,
		attackerDevice,
		// A fresh agent per read: its clock must follow devnet's, which the story moves ahead.
		devices: async () => (await (await iiActor(world, ownerDevice)).get_anchor_info(number)).devices
	};
}

export interface AnchorStatus {
	vaultId: [] | [bigint];
	sealed: boolean;
}

export interface RequestStatus {
	requestId: bigint;
	requester: Principal;
	status: string;
	approvals: number;
	declines: number;
	/** Approvals needed and guardians holding shares, as sealed. */
	threshold: number;
	guardianCount: number;
	/** Nanoseconds on devnet's clock. */
	openedAt: bigint;
	releasableAt: bigint;
	alarmRaisedAt: [] | [bigint];
}

/**
 * What the vault canister says, through its queries: the check behind the UI, so a story does
 * not trust the screen alone. `as` must be a party (owner or guardian) to read a request.
 */
export async function vaultCanister(world: E2eWorld, as?: Identity) {
	const canisterId = world.canisterIds.vault;
	if (!canisterId) throw new Error('the vault canister is not deployed');
	const agent = await devnetAgent(world, canisterId, as);
	const actor = Actor.createActor(vaultIdlFactory, { agent, canisterId }) as ActorSubclass<{
		anchor_status: Method;
		recovery_request: Method;
		guardian_vaults: Method;
		approve_recovery: Method;
	}>;
	const ok = <T>(result: { Ok: T } | { Err: unknown }, what: string): T => {
		if ('Err' in result)
			throw new Error(`${what}: ${JSON.stringify(Object.keys(result.Err as object))}`);
		return result.Ok;
	};
	return {
		async anchorStatus(anchor: bigint): Promise<AnchorStatus> {
			return ok<AnchorStatus>(await actor.anchor_status(anchor), 'anchor_status');
		},
		/** The anchor's newest live request id, if any (`as` must guard the vault). */
		async activeRequest(anchor: bigint): Promise<bigint | undefined> {
			const vaults = ok<{ anchor: bigint; requests: { request: { requestId: bigint } }[] }[]>(
				await actor.guardian_vaults(),
				'guardian_vaults'
			);
			const ids = vaults
				.find((vault) => vault.anchor === anchor)
				?.requests.map(({ request }) => request.requestId);
			return ids?.sort((a, b) => Number(b - a))[0];
		},
		/**
		 * approve_recovery sent by `as` straight through the agent, with whatever bytes the test
		 * chooses: how a faulty or malicious guardian's app would approve.
		 */
		async approveWith(requestId: bigint, ciphertext: Uint8Array): Promise<void> {
			ok(await actor.approve_recovery({ requestId, ciphertext }), 'approve_recovery');
		},
		/** recovery_request: an update call, as the guardians' app reads it. */
		async request(requestId: bigint): Promise<RequestStatus> {
			return ok<RequestStatus>(await actor.recovery_request(requestId), 'recovery_request');
		}
	};
}

/** Devnet's clock now (nanoseconds, as canisters see it). */
export async function devnetTimeNs(world: E2eWorld): Promise<bigint> {
	const response = await fetch(new URL(ADMIN_TIME_PATH, world.devnetUrl));
	const { timeMs } = (await response.json()) as { timeMs: number };
	return BigInt(timeMs) * 1_000_000n;
}

/** The ways in a thief opened with the stolen device: his keys for each, to try them afterwards. */
export interface ThiefDoors {
	readonly passkey: Ed25519KeyIdentity;
	readonly openId: Ed25519KeyIdentity;
	readonly email: Ed25519KeyIdentity;
	readonly address: string;
}

/**
 * As the thief, signed in with the anchor's attacker device (agent calls to the local II): adds
 * his passkey, links an OpenID account from the stand-in's devnet-only test issuer, attaches a
 * recovery e-mail (the stand-in's local-only method: no SMTP offline) and opens registration mode.
 */
export async function thiefOpensDoors(world: E2eWorld, anchor: TestAnchor): Promise<ThiefDoors> {
	const der = (identity: Ed25519KeyIdentity) => new Uint8Array(identity.getPublicKey().toDer());
	const thief = await standIn(world, anchor.attackerDevice);
	const doors: ThiefDoors = {
		passkey: Ed25519KeyIdentity.generate(seedFor('thief-passkey', anchor.number.toString())),
		openId: Ed25519KeyIdentity.generate(seedFor('thief-openid', anchor.number.toString())),
		email: Ed25519KeyIdentity.generate(seedFor('thief-email', anchor.number.toString())),
		address: `thief-${anchor.number}@example.com`
	};
	const expectOk = (what: string, result: unknown) => {
		if (typeof result !== 'object' || result === null || !('Ok' in result)) {
			throw new Error(
				`${what}: ${JSON.stringify(result, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))}`
			);
		}
	};
	expectOk(
		'authn_method_add',
		await thief.authn_method_add(
			anchor.number,
			deviceToAuthnMethod({
				pubkey: der(doors.passkey),
				alias: 'Thief iPhone',
				purpose: 'authentication',
				keyType: 'platform',
				protection: 'unprotected',
				origin: 'https://id.ai'
			})
		)
	);
	const jwt = testIssuerJwt({
		sub: `thief-${anchor.number}`,
		aud: 'devnet-ii',
		email: doors.address,
		name: 'Mallory',
		// devnet's clock, which other tests in the same world move ahead of this machine's
		exp: Number((await devnetTimeNs(world)) / 1_000_000_000n) + 24 * 3600,
		sign_in_key: Buffer.from(der(doors.openId)).toString('hex')
	});
	expectOk(
		'openid_credential_add',
		await thief.openid_credential_add(anchor.number, jwt, new Uint8Array(32), [])
	);
	expectOk(
		'email_recovery_credential_add_for_local_development',
		await thief.email_recovery_credential_add_for_local_development(
			anchor.number,
			doors.address,
			der(doors.email)
		)
	);
	expectOk(
		'authn_method_registration_mode_enter',
		await thief.authn_method_registration_mode_enter(anchor.number, [])
	);
	return doors;
}

/** identity_info as `as` sees it (an update call: certified), or Err when `as` is no way in. */
export async function identityInfo(
	world: E2eWorld,
	anchor: bigint,
	as: Ed25519KeyIdentity
): Promise<Awaited<ReturnType<InternetIdentityService['identity_info']>>> {
	return (await standIn(world, as)).identity_info(anchor);
}

/** II's own methods, plus the stand-in's local-only way to attach a recovery e-mail. */
type StandIn = InternetIdentityService & {
	email_recovery_credential_add_for_local_development(
		identity: bigint,
		address: string,
		key: Uint8Array
	): Promise<{ Ok: null } | { Err: Record<string, unknown> }>;
};

async function standIn(world: E2eWorld, identity: Ed25519KeyIdentity): Promise<StandIn> {
	return (await iiActor(world, identity)) as unknown as StandIn;
}
