// The Internet Identity client (src/lib/ii) against the local II canister on the test replica,
// through HttpAgent with real request signatures: the seeds' story end to end, then every error
// path the client maps.
import { Actor, HttpAgent } from '@dfinity/agent';
import { Ed25519KeyIdentity } from '@dfinity/identity';
import type { Principal } from '@dfinity/principal';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import type { PhraseKey } from '../../src/lib/crypto/ii-key';
import {
	createIiClient,
	IiError,
	recoveryPhraseDeviceData,
	toIiError,
	type IiClient,
	type IiErrorKind
} from '../../src/lib/ii';
import { idlFactory, type IiAppService as IiService } from '@tessera/contract/internet-identity';
import { deployLocalIi } from './ii/local-ii';
import { newAnchor, newDevice, newPhrase, type Device } from './ii/story';
import { agentFor, startTarget, type Target } from './target';

let target: Target;
let canisterId: Principal;
let ii: IiClient;

beforeAll(async () => {
	target = await startTarget();
	canisterId = await deployLocalIi(target.url);
	// the app's own agent: its identity only makes public reads
	ii = createIiClient({ agent: await agentFor(target.url), canisterId });
}, 240_000);
afterAll(async () => {
	await target?.close();
});

/** The IiError a promise rejects with. */
async function failure(promise: Promise<unknown>): Promise<IiError> {
	const error = await promise.then(
		() => undefined,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(IiError);
	return error as IiError;
}

async function expectKind(promise: Promise<unknown>, kind: IiErrorKind): Promise<void> {
	expect((await failure(promise)).kind).toBe(kind);
}

/** A raw actor signed by `device`, for calls the client deliberately does not offer. */
async function rawActor(identity: Ed25519KeyIdentity) {
	const agent = await agentFor(target.url, identity);
	return Actor.createActor<IiService>(idlFactory, { agent, canisterId });
}

const ids = (devices: readonly { id: string }[]) => devices.map((d) => d.id).sort();
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

test("the seeds' story: the thief cannot take the locked phrase, the owner sweeps the thief out", async () => {
	const laptop = newDevice('Laptop');
	const phone = newDevice('Phone'); // stolen by the thief
	const phrase = await newPhrase();
	const anchor = await newAnchor(target.url, canisterId, laptop, { others: [phone], phrase });

	// Bind: the phrase is the anchor's, unprotected (II's newest frontend creates it so)
	expect(await ii.checkPhrase(anchor, phrase)).toMatchObject({
		onAnchor: true,
		protected: false,
		anchorHasPhrase: true,
		device: { keyType: 'seed_phrase', purpose: 'recovery', protected: false }
	});
	expect(await ii.protectPhrase(anchor, phrase.identity)).toEqual({ changed: true });
	expect(await ii.protectPhrase(anchor, phrase.identity)).toEqual({ changed: false });
	expect(await ii.checkPhrase(anchor, phrase)).toMatchObject({ onAnchor: true, protected: true });

	// The thief, holding the phone's key, cannot remove or alter the locked phrase...
	const thief = ii.signedBy(phone.identity);
	const [phraseRemoval] = await thief.removeDevices(anchor, [phrase.publicKeyDer]);
	expect(phraseRemoval).toMatchObject({ ok: false, error: { kind: 'ProtectedDevice' } });
	const thiefActor = await rawActor(phone.identity);
	const unlocked = recoveryPhraseDeviceData(phrase.publicKeyDer, { protected: false });
	for (const attempt of [
		thiefActor.update(anchor, phrase.publicKeyDer, unlocked),
		thiefActor.replace(anchor, phrase.publicKeyDer, newDevice('Mine').data)
	]) {
		expect(toIiError(await attempt.catch((e: unknown) => e)).kind).toBe('ProtectedDevice');
	}
	// ...but removes the owner's laptop and adds a device of their own, named to look harmless
	const thiefExtra = newDevice('Laptop');
	expect(await thief.removeDevices(anchor, [laptop.key])).toMatchObject([{ ok: true }]);
	await thief.addDevice(anchor, thiefExtra.data);
	await expectKind(ii.signedBy(laptop.identity).listDevices(anchor), 'NotADevice');

	// Recovery (Tessera gave the phrase back): list with the phrase, sweep the thief out
	const withPhrase = ii.signedBy(phrase.identity);
	const listing = await withPhrase.listDevices(anchor);
	expect(ids(listing.devices)).toEqual([phone.id, thiefExtra.id, hex(phrase.publicKeyDer)].sort());
	const phraseInfo = listing.devices.find((d) => d.isThisPhrase);
	expect(phraseInfo).toMatchObject({ protected: true, keyType: 'seed_phrase', isCaller: true });
	const phoneInfo = listing.devices.find((d) => d.id === phone.id);
	expect(phoneInfo).toMatchObject({ alias: 'Phone', keyType: 'browser_storage_key' });
	expect(phoneInfo?.lastUsage).toBeInstanceOf(Date); // the thief used it
	expect(listing.createdAt).toBeInstanceOf(Date);

	const fresh = newDevice('New laptop');
	const progress: [string, number, number][] = [];
	const report = await withPhrase.sweep(
		anchor,
		{
			remove: listing.devices.filter((d) => !d.isThisPhrase).map((d) => d.pubkey),
			add: fresh.data
		},
		(step, done, total) => progress.push([step, done, total])
	);
	expect(report.outcomes.map((o) => [o.step.kind, o.status])).toEqual([
		['remove', 'done'],
		['remove', 'done'],
		['add', 'done'],
		['verify', 'done']
	]);
	expect(report).toMatchObject({
		complete: true,
		phraseProtected: true,
		stillPresent: [],
		appeared: []
	});
	expect(progress.map(([, done, total]) => [done, total])).toEqual([
		[0, 4],
		[1, 4],
		[2, 4],
		[3, 4],
		[4, 4]
	]);
	expect(ids(report.final?.devices ?? [])).toEqual([hex(phrase.publicKeyDer), fresh.id].sort());

	// The owner's fresh device works; the thief's keys no longer do
	const fromFresh = await ii.signedBy(fresh.identity).listDevices(anchor);
	expect(fromFresh.devices.find((d) => d.isCaller)?.alias).toBe('New laptop');
	await expectKind(thief.listDevices(anchor), 'NotADevice');
	await expectKind(
		ii.signedBy(thiefExtra.identity).addDevice(anchor, newDevice('x').data),
		'NotADevice'
	);
	expect(await ii.checkPhrase(anchor, phrase)).toMatchObject({ onAnchor: true, protected: true });
});

test('a sweep with an unprotected phrase locks it before removing anything', async () => {
	const owner = newDevice('Owner');
	const intruder = newDevice('Intruder');
	const phrase = await newPhrase();
	const anchor = await newAnchor(target.url, canisterId, owner, { others: [intruder], phrase });
	const report = await ii.signedBy(phrase.identity).sweep(anchor, { remove: [intruder.key] });
	expect(report.outcomes.map((o) => o.step.kind)).toEqual(['protect', 'remove', 'verify']);
	expect(report).toMatchObject({ complete: true, phraseProtected: true });
	expect(ids(report.final?.devices ?? [])).toEqual([owner.id, hex(phrase.publicKeyDer)].sort());
});

describe('refusals', () => {
	let owner: Device;
	let phrase: PhraseKey;
	let anchor: bigint;

	beforeAll(async () => {
		owner = newDevice('Owner');
		phrase = await newPhrase();
		anchor = await newAnchor(target.url, canisterId, owner, { phrase, phraseProtected: true });
	});

	test('a wrong phrase is not on the anchor and cannot sign for it', async () => {
		const wrong = await newPhrase();
		expect(await ii.checkPhrase(anchor, wrong)).toEqual({
			onAnchor: false,
			protected: false,
			anchorHasPhrase: true,
			device: undefined
		});
		await expectKind(ii.signedBy(wrong.identity).listDevices(anchor), 'NotADevice');
		await expectKind(ii.protectPhrase(anchor, wrong.identity), 'NotADevice');
		await expectKind(ii.signedBy(wrong.identity).sweep(anchor, { remove: [] }), 'NotADevice');
	});

	test('an unknown anchor has no phrase and cannot be listed', async () => {
		const unknown = anchor + 100_000n;
		expect(await ii.checkPhrase(unknown, phrase)).toMatchObject({
			onAnchor: false,
			anchorHasPhrase: false
		});
		await expectKind(ii.signedBy(phrase.identity).listDevices(unknown), 'AnchorNotFound');
		await expectKind(ii.signedBy(phrase.identity).listDevices(5n), 'AnchorNotFound');
		await expectKind(ii.checkPhrase(1n << 64n, phrase), 'InvalidRequest');
	});

	test('a caller that is no device of the anchor is refused every change', async () => {
		const stranger = ii.signedBy(Ed25519KeyIdentity.generate());
		const results = await stranger.removeDevices(anchor, [owner.key]);
		expect(results).toMatchObject([{ ok: false, error: { kind: 'NotADevice' } }]);
		await expectKind(stranger.addDevice(anchor, newDevice('x').data), 'NotADevice');
		await expectKind(stranger.ensureProtected(anchor), 'NotADevice');
		const listing = await ii.signedBy(phrase.identity).listDevices(anchor);
		expect(listing.devices).toHaveLength(2);
	});

	test('removal goes on after a failure and never removes the signing key', async () => {
		const extra = newDevice('Extra');
		const manager = ii.signedBy(phrase.identity);
		await manager.addDevice(anchor, extra.data);
		const results = await manager.removeDevices(anchor, [
			newDevice('never added').key,
			phrase.publicKeyDer,
			extra.key
		]);
		expect(results.map((r) => (r.ok ? 'ok' : r.error.kind))).toEqual([
			'DeviceNotFound',
			'InvalidRequest',
			'ok'
		]);
		expect((await manager.listDevices(anchor)).devices).toHaveLength(2);
	});

	test('only the recovery phrase can be locked', async () => {
		await expectKind(ii.protectPhrase(anchor, owner.identity), 'InvalidRequest');
		const locked = { ...owner.data, protection: { protected: null } };
		const actor = await rawActor(owner.identity);
		const error = await actor.update(anchor, owner.key, locked).catch((e) => e);
		expect(toIiError(error).kind).toBe('InvalidDevice');
	});

	test('duplicate keys, keys of other anchors and an eleventh device are refused', async () => {
		const manager = ii.signedBy(phrase.identity);
		await expectKind(manager.addDevice(anchor, owner.data), 'DuplicateDevice');
		const elsewhere = newDevice('Elsewhere');
		await newAnchor(target.url, canisterId, elsewhere);
		await expectKind(manager.addDevice(anchor, elsewhere.data), 'KeyInUse');

		const extras = Array.from({ length: 8 }, (_, i) => newDevice(`Extra ${i}`));
		for (const extra of extras) await manager.addDevice(anchor, extra.data);
		expect((await manager.listDevices(anchor)).devices).toHaveLength(10);
		await expectKind(manager.addDevice(anchor, newDevice('Eleventh').data), 'TooManyDevices');
		// the sweep refuses such a plan before any call, and makes room when asked to
		await expectKind(
			manager.sweep(anchor, { remove: [], add: newDevice('New').data }),
			'TooManyDevices'
		);
		const report = await manager.sweep(anchor, {
			remove: extras.map((e) => e.key),
			add: newDevice('New').data
		});
		expect(report.complete).toBe(true);
		expect(report.final?.devices).toHaveLength(3);
	});

	test('an unreachable replica is a network error', async () => {
		const rootKey = (await agentFor(target.url)).rootKey ?? undefined;
		const offline = HttpAgent.createSync({ host: 'http://127.0.0.1:9', rootKey, retryTimes: 0 });
		const client = createIiClient({ agent: offline, canisterId });
		// the agent logs each failed fetch to the console; the errors are asserted below
		const quiet = [vi.spyOn(console, 'error'), vi.spyOn(console, 'warn'), vi.spyOn(console, 'log')];
		for (const spy of quiet) spy.mockImplementation(() => {});
		await expectKind(client.checkPhrase(anchor, phrase), 'Network');
		await expectKind(client.signedBy(phrase.identity).listDevices(anchor), 'Network');
		for (const spy of quiet) spy.mockRestore();
	});
});
