// The people of the browser tests, as Internet Identity knows them: each name gets, once per
// test run, an identity (anchor) on the local II with a passkey (a P-256 key made here, put into
// each of the person's browser pages' virtual authenticators) and an Ed25519 device key the
// tests use from Node to act as that person at the app's origin (vault queries), through the
// same canister-signature delegations the app gets. Nothing is derived from the name.
// DER_COSE_OID: AlgorithmIdentifier of OID 1.3.6.1.4.1.56387.1.1, a COSE key as II stores passkeys
import { Actor, DER_COSE_OID, wrapDER, type Identity } from '@dfinity/agent';
import { Ed25519KeyIdentity } from '@dfinity/identity';
import type { DelegationIdentity } from '@dfinity/identity';
import { Principal } from '@dfinity/principal';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import type { E2eWorld } from '../../../scripts/e2e-world';
import { createAnchor } from '../../agent/ii/local-ii';
import { signIn, type SignInService } from '../../agent/ii/sign-in';
import { idlFactory } from '@tessera/contract/internet-identity';
// '../support/devnet', not './devnet': the lint rule keeps `./devnet` for the devnet package
import { devnetAgent } from '../support/devnet';
import { generatedKeyDeviceData } from '../../../src/lib/ii/device-data';

export interface Passkey {
	/** base64url, as CDP's WebAuthn domain takes it. */
	credentialId: string;
	/** PKCS#8, base64. */
	privateKey: string;
}

export interface PersonIdentity {
	anchor: bigint;
	passkey: Passkey;
	device: Ed25519KeyIdentity;
}

const people = new Map<string, Promise<PersonIdentity>>();

/** A COSE_Key (EC2, ES256, P-256) of the public point (x, y), each 32 bytes. */
function coseKey(x: Uint8Array, y: Uint8Array): Uint8Array {
	return Uint8Array.from([
		0xa5,
		0x01,
		0x02,
		0x03,
		0x26,
		0x20,
		0x01,
		0x21,
		0x58,
		0x20,
		...x,
		0x22,
		0x58,
		0x20,
		...y
	]);
}

async function register(world: E2eWorld): Promise<PersonIdentity> {
	const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
	const jwk = publicKey.export({ format: 'jwk' });
	const x = Buffer.from(jwk.x ?? '', 'base64url');
	const y = Buffer.from(jwk.y ?? '', 'base64url');
	const credentialId = new Uint8Array(randomBytes(16));
	const device = Ed25519KeyIdentity.generate();
	const iiId = Principal.fromText(world.canisterIds.internet_identity ?? '');
	const agent = await devnetAgent(world, iiId.toText(), device);
	const anchor = await createAnchor(agent, iiId, [
		generatedKeyDeviceData(device, { alias: 'Test device' }),
		{
			pubkey: new Uint8Array(wrapDER(coseKey(x, y), DER_COSE_OID)),
			alias: 'Passkey',
			credential_id: [credentialId],
			aaguid: [],
			purpose: { authentication: null },
			key_type: { cross_platform: null },
			protection: { unprotected: null },
			origin: [new URL(world.iiUrl).origin],
			metadata: []
		}
	]);
	return {
		anchor,
		device,
		passkey: {
			credentialId: Buffer.from(credentialId).toString('base64url'),
			privateKey: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64')
		}
	};
}

/** The local II's sign-in methods as `device`, on devnet's clock. */
export async function signInActor(world: E2eWorld, device: Identity): Promise<SignInService> {
	const canisterId = world.canisterIds.internet_identity ?? '';
	const agent = await devnetAgent(world, canisterId, device);
	return Actor.createActor<SignInService>(idlFactory, { agent, canisterId });
}

/** The identity of `name` in this run (made on first use). */
export function identityOf(world: E2eWorld, name: string): Promise<PersonIdentity> {
	let person = people.get(name);
	if (!person) {
		person = register(world);
		people.set(name, person);
		person.catch(() => people.delete(name));
	}
	return person;
}

/** `name` signed in at `origin` (the app's by default), as the app's session would be. */
export async function sessionOf(
	world: E2eWorld,
	name: string,
	origin = new URL(world.appUrl).origin
): Promise<DelegationIdentity> {
	const { anchor, device } = await identityOf(world, name);
	const ii = await signInActor(world, device);
	return (await signIn(ii, anchor, origin)).identity;
}

/** What the local II says `name`'s principal is at `origin` (II's get_principal). */
export async function principalAt(world: E2eWorld, name: string, origin: string): Promise<string> {
	const { anchor, device } = await identityOf(world, name);
	const ii = await signInActor(world, device);
	return (await ii.get_principal(anchor, origin)).toText();
}
