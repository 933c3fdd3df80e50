// The app's guardian wrapper (src/lib/canisters) through a real HttpAgent against the guardian
// and local II wasm deployed on devnet: typed views, and every failure as a CanisterError.
import { HttpAgent } from '@dfinity/agent';
import { Ed25519KeyIdentity } from '@dfinity/identity';
import { Principal } from '@dfinity/principal';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createAgent } from '../../src/lib/canisters/agent';
import { CanisterError } from '../../src/lib/canisters/errors';
import { guardianCanister, type GuardianCanister } from '../../src/lib/canisters/guardian';
import { deployCanisters } from '../../devnet/src/server/deploy';
import buildWasm from '../canister/global-setup';
import { agentFor, startTarget, type Target } from './target';

let target: Target;
let guardianId: Principal;

const settings = () => ({ host: target.url, network: 'local' as const });
async function guardianAs(identity?: Ed25519KeyIdentity): Promise<GuardianCanister> {
	return guardianCanister(await createAgent(identity, settings()), guardianId);
}

beforeAll(async () => {
	buildWasm();
	target = await startTarget();
	const agent = await agentFor(target.url, Ed25519KeyIdentity.generate());
	const { ids } = await deployCanisters({ agent, root: '.', ids: {} });
	guardianId = Principal.fromText(ids.guardian?.local ?? '');
}, 600_000);

afterAll(async () => {
	await target?.close();
});

describe('guardian wrapper', () => {
	test('queries come back as typed values, opts as undefined', async () => {
		const guardian = await guardianAs(Ed25519KeyIdentity.generate());
		expect(await guardian.version()).toMatch(/\S/u);
		expect(await guardian.anchorStatus(10_000n)).toEqual({
			vaultId: undefined,
			createNonce: 0n,
			vaultNonce: undefined,
			sealed: false,
			activeRequestId: undefined
		});
		expect(await guardian.ownerVaults()).toEqual([]);
		expect(await guardian.guardianVaults()).toEqual([]);
	});

	test('the vetKD public keys are 96-byte G2 points, one per context', async () => {
		const keys = await (await guardianAs()).vetkdPublicKeys();
		expect(keys.shares).toBeInstanceOf(Uint8Array);
		expect(keys.shares.length).toBe(96);
		expect(keys.release.length).toBe(96);
		expect(keys.shares).not.toEqual(keys.release);
	});

	test('a Candid Err is a CanisterError with its kind, fields and plain message', async () => {
		const anonymous = await guardianAs();
		await expect(anonymous.ownerVaults()).rejects.toMatchObject({
			kind: 'AnonymousCaller',
			message: expect.stringMatching(/not signed in/u)
		});
		const someone = await guardianAs(Ed25519KeyIdentity.generate());
		const missing = await someone.requestStatus(987_654n).catch((error: unknown) => error);
		expect(missing).toBeInstanceOf(CanisterError);
		expect(missing).toMatchObject({ kind: 'NotFound', details: { entity: 'request' } });
		await expect(
			someone.invitation({ vaultId: 424_242n, secret: new Uint8Array(32) })
		).rejects.toMatchObject({ kind: 'NotFound', details: { entity: 'vault' } });
		await expect(
			someone.acceptInvite({ vaultId: 424_242n, secret: new Uint8Array(3) })
		).rejects.toMatchObject({ kind: 'InvalidInput', details: { field: 'secret' } });
	});

	test('no replica at the host is Network, for agent creation and for calls', async () => {
		await expect(
			createAgent(undefined, { host: 'http://127.0.0.1:9', network: 'local' })
		).rejects.toMatchObject({ kind: 'Network' });
		// mainnet settings skip fetchRootKey, so the failure comes from the call itself
		const agent = await HttpAgent.create({ host: 'http://127.0.0.1:9', retryTimes: 0 });
		await expect(guardianCanister(agent, guardianId).anchorStatus(1n)).rejects.toMatchObject({
			kind: 'Network'
		});
	});
});
