// The device manager's own logic (sweep order, abort after a fatal error, progress, removal
// results) against the local II's domain code run in-process: the real rules and trap texts,
// with traps turned into the reject errors the agent throws. The network path itself is covered
// by tests/agent/internet-identity.test.ts; here the one thing a replica cannot easily give is
// staged: a thief acting between two steps of the sweep.
import { CertifiedRejectErrorCode, RejectError, ReplicaRejectCode } from '@dfinity/agent';
import { Ed25519KeyIdentity } from '@dfinity/identity';
import { Principal } from '@dfinity/principal';
import { beforeEach, describe, expect, test } from 'vitest';
import { CandidApi, type Outcome } from '../../../canister/internet_identity/domain/candid_api';
import { IdentityApi } from '../../../canister/internet_identity/domain/identity-api';
import { InternetIdentity } from '../../../canister/internet_identity/domain/service';
import { InMemoryAnchorStore } from '../../../canister/internet_identity/domain/store';
import type { IiAppService } from '@tessera/contract/internet-identity';
import type { IiActor } from '../../../src/lib/canisters/internet-identity.canister';
import { generatedKeyDeviceData, recoveryPhraseDeviceData } from '../../../src/lib/ii/device-data';
import { IiDeviceManager } from '../../../src/lib/ii/device-manager';

/** II's methods as plain functions (an actor's methods also have `withOptions`). */
type IiService = {
	[K in keyof IiAppService]: (...args: Parameters<IiAppService[K]>) => ReturnType<IiAppService[K]>;
};
type Hook = (method: keyof IiService) => void;

function result<T>(outcome: Outcome<T>): T {
	if (outcome.kind === 'reply') return outcome.value;
	const code = new CertifiedRejectErrorCode(
		new Uint8Array(32) as never,
		ReplicaRejectCode.CanisterError,
		`Canister trapped: ${outcome.message}`,
		'IC0503'
	);
	throw RejectError.fromCode(code);
}

/** An actor over the in-process II whose calls are signed by `identity`. */
function actorFor(api: CandidApi, identity: Ed25519KeyIdentity, hook: Hook): IiActor {
	const caller = identity.getPrincipal();
	const now = () => BigInt(Date.now()) * 1_000_000n;
	const service: IiService = {
		add: async (a, d) => (hook('add'), void result(api.add(caller, now(), a, d))),
		update: async (a, k, d) => (hook('update'), void result(api.update(caller, now(), a, k, d))),
		replace: async (a, k, d) => (hook('replace'), void result(api.replace(caller, now(), a, k, d))),
		remove: async (a, k) => (hook('remove'), void result(api.remove(caller, now(), a, k))),
		lookup: async (a) => result(api.lookup(a)),
		get_anchor_credentials: async (a) => result(api.get_anchor_credentials(a)),
		get_anchor_info: async (a) => (
			hook('get_anchor_info'),
			result(api.get_anchor_info(caller, now(), a))
		),
		authn_method_security_settings_replace: async (a, k, s) =>
			result(api.authn_method_security_settings_replace(caller, now(), a, k, s)),
		lookup_caller_identity_by_recovery_phrase: async () =>
			result(api.lookup_caller_identity_by_recovery_phrase(caller)),
		identity_info: async (a) => result(v2.identity_info(caller, now(), a)),
		openid_credential_remove: async (a, k) =>
			result(v2.openid_credential_remove(caller, now(), a, k)),
		email_recovery_credential_remove: async (a, e) =>
			result(v2.email_recovery_credential_remove(caller, now(), a, e)),
		authn_method_registration_mode_exit: async (a) =>
			result(v2.authn_method_registration_mode_exit(caller, now(), a))
	};
	return service as unknown as IiActor;
}

const der = (identity: Ed25519KeyIdentity) => new Uint8Array(identity.getPublicKey().toDer());

let api: CandidApi;
let v2: IdentityApi;
let owner: Ed25519KeyIdentity;
let thief: Ed25519KeyIdentity;
let phrase: Ed25519KeyIdentity;
let anchor: bigint;
const noHook: Hook = () => {};
const managerFor = (identity: Ed25519KeyIdentity, hook = noHook) =>
	new IiDeviceManager(actorFor(api, identity, hook), der(identity));

beforeEach(() => {
	const ii = new InternetIdentity(new InMemoryAnchorStore());
	api = new CandidApi(ii);
	v2 = new IdentityApi(ii);
	[owner, thief, phrase] = [1, 2, 3].map((n) =>
		Ed25519KeyIdentity.generate(new Uint8Array(32).fill(n))
	) as [Ed25519KeyIdentity, Ed25519KeyIdentity, Ed25519KeyIdentity];
	anchor = result(
		api.create_anchor_for_local_development(owner.getPrincipal(), 1n, [
			generatedKeyDeviceData(owner, { alias: 'Owner' }),
			generatedKeyDeviceData(thief, { alias: 'Thief' }),
			recoveryPhraseDeviceData(der(phrase), { protected: false })
		])
	);
});

describe('sweep', () => {
	test('a thief removing the unlocked phrase right after the listing stops the sweep', async () => {
		let listings = 0;
		const thiefActs: Hook = (method) => {
			// hooks run before the call: the second read is the protect step's
			if (method === 'get_anchor_info' && ++listings === 2) {
				result(api.remove(thief.getPrincipal(), 2n, anchor, der(phrase)));
			}
		};
		const progress: number[] = [];
		const report = await managerFor(phrase, thiefActs).sweep(
			anchor,
			{
				remove: [der(thief)],
				add: generatedKeyDeviceData(Ed25519KeyIdentity.generate(), { alias: 'New' })
			},
			(_step, done) => progress.push(done)
		);
		expect(report.outcomes.map((o) => [o.step.kind, o.status])).toEqual([
			['protect', 'failed'],
			['remove', 'skipped'],
			['add', 'skipped'],
			['verify', 'skipped']
		]);
		expect(report.outcomes[0]).toMatchObject({ error: { kind: 'NotADevice' } });
		expect(report).toMatchObject({ complete: false, phraseProtected: false, final: undefined });
		expect(progress).toEqual([0, 1, 2, 3, 4]);
	});

	test('a failed removal does not stop the others; the report shows what is left', async () => {
		const helper = Ed25519KeyIdentity.generate();
		result(
			api.add(owner.getPrincipal(), 3n, anchor, generatedKeyDeviceData(helper, { alias: 'Helper' }))
		);
		let removals = 0;
		const thiefRemovesHelperFirst: Hook = (method) => {
			if (method === 'remove' && ++removals === 1) {
				result(api.remove(thief.getPrincipal(), 4n, anchor, der(helper)));
			}
		};
		const report = await managerFor(phrase, thiefRemovesHelperFirst).sweep(anchor, {
			remove: [der(owner), der(helper), der(thief)]
		});
		expect(report.outcomes.map((o) => (o.status === 'failed' ? o.error.kind : o.status))).toEqual([
			'done', // protect
			'done', // owner
			'DeviceNotFound', // helper, removed meanwhile
			'done', // thief
			'done' // verify
		]);
		expect(report.final?.devices.map((d) => d.alias)).toEqual(['Recovery phrase']);
		expect(report).toMatchObject({ phraseProtected: true, stillPresent: [], complete: false });
	});

	test('a device the thief adds during the sweep is reported as appeared', async () => {
		const accomplice = Ed25519KeyIdentity.generate();
		let added = false;
		const thiefAdds: Hook = (method) => {
			if (method === 'remove' && !added) {
				added = true;
				result(
					api.add(
						thief.getPrincipal(),
						5n,
						anchor,
						generatedKeyDeviceData(accomplice, { alias: 'Owner' })
					)
				);
			}
		};
		const report = await managerFor(phrase, thiefAdds).sweep(anchor, { remove: [der(thief)] });
		expect(report.appeared.map((d) => d.id)).toEqual([
			Buffer.from(der(accomplice)).toString('hex')
		]);
		expect(report.complete).toBe(false);
	});
});

test('ensureProtected keeps the alias and is idempotent', async () => {
	const manager = managerFor(phrase);
	expect(await manager.ensureProtected(anchor)).toEqual({ changed: true });
	expect(await manager.ensureProtected(anchor)).toEqual({ changed: false });
	const listed = await manager.listDevices(anchor);
	expect(listed.devices.find((d) => d.isThisPhrase)).toMatchObject({
		alias: 'Recovery phrase',
		protected: true
	});
});

test('removeDevices reports progress per device and a result for each', async () => {
	const progress: [string, number, number][] = [];
	const results = await managerFor(owner).removeDevices(
		anchor,
		[der(thief), der(owner)],
		(step, done, total) => progress.push([step, done, total])
	);
	expect(results.map((r) => (r.ok ? 'ok' : r.error.kind))).toEqual(['ok', 'InvalidRequest']);
	expect(progress.map(([, done, total]) => `${done}/${total}`)).toEqual(['0/2', '1/2', '2/2']);
	expect(Principal.selfAuthenticating(results[0]!.pubkey).toText()).toBe(
		thief.getPrincipal().toText()
	);
});

test('an anchor number outside nat64 is refused before any call', async () => {
	const calls: string[] = [];
	const manager = managerFor(phrase, (method) => calls.push(method));
	await expect(manager.listDevices(-1n)).rejects.toMatchObject({ kind: 'InvalidRequest' });
	await expect(
		manager.addDevice(1n << 64n, recoveryPhraseDeviceData(der(phrase), { protected: true }))
	).rejects.toMatchObject({ kind: 'InvalidRequest' });
	expect(calls).toEqual([]);
});

test('a progress callback that throws does not stop the sweep', async () => {
	const report = await managerFor(phrase).sweep(anchor, { remove: [der(thief)] }, () => {
		throw new Error('the UI went away');
	});
	expect(report).toMatchObject({ complete: true, phraseProtected: true });
	expect(report.final?.devices).toHaveLength(2);
});
