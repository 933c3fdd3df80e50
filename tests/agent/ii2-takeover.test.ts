// The takeover story on II 2.0, agent -> devnet -> the local II's wasm, every call signed for
// real: the thief, signed in with the owner's stolen phone, opens every door II 2.0 has (his own
// passkey, a linked OpenID account, a recovery e-mail, registration mode with a waiting device),
// and cannot remove or replace the protected phrase. The owner, with the phrase alone (no anchor
// number), finds the identity, sweeps, and the re-read shows nothing of the thief's. Afterwards
// each of the thief's routes is tried and fails to authorize.
// The OpenID credential comes from the stand-in's devnet-only test issuer and the recovery e-mail
// from its local-only attach method: no Google and no SMTP exist offline
// (canister/internet_identity/README.md).
import { Actor } from '@dfinity/agent';
import { Ed25519KeyIdentity } from '@dfinity/identity';
import type { Principal } from '@dfinity/principal';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { deviceToAuthnMethod } from '../../canister/internet_identity/domain/authn-methods';
import { idlFactory as standInFactory } from '../../canister/internet_identity/domain/idl';
import { testIssuerJwt } from '../../canister/internet_identity/domain/openid';
import type { InternetIdentityService } from '@tessera/contract/internet-identity';
import {
	createIiClient,
	toIiError,
	recoveryPhraseDeviceData,
	type IiClient
} from '../../src/lib/ii';
import { phraseWatch } from '../../src/lib/ii/phrase-watch';
import { deployLocalIi } from './ii/local-ii';
import { newAnchor, newDevice, newPhrase } from './ii/story';
import { agentFor, startTarget, type Target } from './target';

let target: Target;
let canisterId: Principal;
let ii: IiClient;

beforeAll(async () => {
	target = await startTarget();
	canisterId = await deployLocalIi(target.url);
	ii = createIiClient({ agent: await agentFor(target.url), canisterId });
}, 240_000);
afterAll(async () => {
	await target?.close();
});

interface LocalEmail {
	email_recovery_credential_add_for_local_development(
		identity: bigint,
		address: string,
		key: Uint8Array
	): Promise<{ Ok: null } | { Err: Record<string, unknown> }>;
}
type StandIn = InternetIdentityService & LocalEmail;

async function actorFor(identity: Ed25519KeyIdentity) {
	const agent = await agentFor(target.url, identity);
	return Actor.createActor<StandIn>(standInFactory, { agent, canisterId });
}
const der = (identity: Ed25519KeyIdentity) => new Uint8Array(identity.getPublicKey().toDer());
const rejected = async (call: Promise<unknown>) =>
	toIiError(
		await call.then(
			() => undefined,
			(e: unknown) => e
		)
	);

test('II 2.0: the thief opens every door; the owner with the phrase alone closes them all', async () => {
	const laptop = newDevice('Laptop');
	const phone = newDevice('Phone'); // stolen
	const phrase = await newPhrase();
	const anchor = await newAnchor(target.url, canisterId, laptop, {
		others: [phone],
		phrase,
		phraseProtected: true
	});

	// --- the thief, signed in with the phone ---
	const thief = await actorFor(phone.identity);
	const thiefPasskey = newDevice('iPhone');
	expect(
		await thief.authn_method_add(
			anchor,
			deviceToAuthnMethod({
				pubkey: thiefPasskey.key,
				alias: 'iPhone',
				purpose: 'authentication',
				keyType: 'browser_storage_key',
				protection: 'unprotected'
			})
		)
	).toEqual({ Ok: null });
	const thiefGoogle = Ed25519KeyIdentity.generate();
	const jwt = testIssuerJwt({
		sub: 'thief-123',
		aud: 'devnet-ii',
		email: 'thief@example.com',
		exp: Math.floor(Date.now() / 1000) + 3600,
		sign_in_key: Buffer.from(der(thiefGoogle)).toString('hex')
	});
	expect(await thief.openid_credential_add(anchor, jwt, new Uint8Array(32), [])).toEqual({
		Ok: null
	});
	const thiefMail = Ed25519KeyIdentity.generate();
	expect(
		await thief.email_recovery_credential_add_for_local_development(
			anchor,
			'thief@example.com',
			der(thiefMail)
		)
	).toEqual({ Ok: null });
	expect('Ok' in (await thief.authn_method_registration_mode_enter(anchor, []))).toBe(true);
	const waiting = newDevice('Waiting');
	const anyone = await actorFor(waiting.identity);
	const tentative = await anyone.add_tentative_device(anchor, waiting.data);
	expect('added_tentatively' in tentative).toBe(true);
	// each new route signs in on its own
	expect('Ok' in (await (await actorFor(thiefGoogle)).identity_info(anchor))).toBe(true);
	expect('Ok' in (await (await actorFor(thiefMail)).identity_info(anchor))).toBe(true);
	// he cannot remove or replace the protected phrase, by either API
	expect((await rejected(thief.authn_method_remove(anchor, phrase.publicKeyDer))).kind).toBe(
		'ProtectedDevice'
	);
	expect((await rejected(thief.remove(anchor, phrase.publicKeyDer))).kind).toBe('ProtectedDevice');
	const thiefPhrase = await newPhrase();
	expect(
		(
			await rejected(
				thief.replace(
					anchor,
					phrase.publicKeyDer,
					recoveryPhraseDeviceData(thiefPhrase.publicKeyDer, { protected: false })
				)
			)
		).kind
	).toBe('ProtectedDevice');
	expect(
		(await rejected((await actorFor(thiefGoogle)).authn_method_remove(anchor, phrase.publicKeyDer)))
			.kind
	).toBe('ProtectedDevice');
	// and locks the owner's laptop out
	await thief.remove(anchor, laptop.key);

	// --- the owner, with the phrase alone ---
	expect(await ii.findIdentityByPhrase(phrase.identity)).toBe(anchor);
	const withPhrase = ii.signedBy(phrase.identity);
	const listing = await withPhrase.listDevices(anchor);
	expect(listing.waysIn?.openidCredentials).toMatchObject([
		{ provider: 'Devnet test issuer (local only)', email: 'thief@example.com' }
	]);
	expect(listing.waysIn?.openidCredentials[0]?.lastUsage).toBeInstanceOf(Date);
	expect(listing.waysIn?.recoveryEmail).toMatchObject({ address: 'thief@example.com' });
	expect(listing.waysIn?.registration).toMatchObject({ pendingDevice: 'Waiting' });
	const fresh = newDevice('New laptop');
	const report = await withPhrase.sweep(anchor, {
		remove: listing.devices.filter((d) => !d.isThisPhrase).map((d) => d.pubkey),
		removeOpenId: listing.waysIn?.openidCredentials.map((c) => c.id) ?? [],
		removeRecoveryEmail: true,
		add: fresh.data
	});
	expect(report.outcomes.map((o) => [o.step.kind, o.status])).toEqual([
		['end-registration', 'done'],
		['remove', 'done'],
		['remove', 'done'],
		['remove-openid', 'done'],
		['remove-email', 'done'],
		['add', 'done'],
		['verify', 'done']
	]);
	expect(report).toMatchObject({
		complete: true,
		phraseProtected: true,
		stillPresent: [],
		appeared: []
	});
	expect(report.otherWaysLeft).toEqual({ openidCredentials: [] });
	expect(report.final?.devices.map((d) => d.alias).sort()).toEqual([
		'New laptop',
		'Recovery phrase'
	]);
	expect(report.final?.waysIn).toEqual({ openidCredentials: [] });

	// --- afterwards every one of the thief's routes is tried, and none authorizes ---
	for (const key of [phone.identity, thiefPasskey.identity, thiefGoogle, thiefMail]) {
		const actor = await actorFor(key);
		const info = await actor.identity_info(anchor);
		expect(info).toEqual({ Err: { Unauthorized: key.getPrincipal() } });
		expect((await rejected(actor.get_anchor_info(anchor))).kind).toBe('NotADevice');
		expect(
			(
				await rejected(
					actor.authn_method_add(
						anchor,
						deviceToAuthnMethod({
							pubkey: der(key),
							alias: 'again',
							purpose: 'authentication',
							keyType: 'browser_storage_key',
							protection: 'unprotected'
						})
					)
				)
			).kind
		).toBe('NotADevice');
		expect(await actor.authn_method_registration_mode_enter(anchor, [])).toEqual({
			Err: { Unauthorized: key.getPrincipal() }
		});
		expect(await actor.openid_credential_add(anchor, jwt, new Uint8Array(32), [])).toEqual({
			Err: { Unauthorized: key.getPrincipal() }
		});
	}
	// the waiting device can no longer be confirmed: registration mode is over
	expect(await (await actorFor(phrase.identity)).verify_tentative_device(anchor, '000000')).toEqual(
		{
			device_registration_mode_off: null
		}
	);
	expect(await anyone.add_tentative_device(anchor, waiting.data)).toEqual({
		device_registration_mode_off: null
	});
	// the owner's new device works
	const fromFresh = await ii.signedBy(fresh.identity).listDevices(anchor);
	expect(fromFresh.devices.find((d) => d.isCaller)?.alias).toBe('New laptop');

	// --- II 2.0's "Unlock and reset": the phrase replaces itself with a new, unprotected one ---
	expect(phraseWatch(await ii.checkPhrase(anchor, phrase))).toBe('protected');
	const newPhraseKey = await newPhrase();
	const phraseActor = await actorFor(phrase.identity);
	await phraseActor.replace(
		anchor,
		phrase.publicKeyDer,
		recoveryPhraseDeviceData(newPhraseKey.publicKeyDer, { protected: false })
	);
	// the watch, reading II with the vault's (old) phrase key, says so
	expect(phraseWatch(await ii.checkPhrase(anchor, phrase))).toBe('replaced');
	expect(phraseWatch(await ii.checkPhrase(anchor, newPhraseKey))).toBe('unprotected');
}, 240_000);
