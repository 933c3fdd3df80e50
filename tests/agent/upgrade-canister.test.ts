// The upgrade canister as the vault canister's only controller, through unmodified HttpAgents
// against devnet: an install before the notice is over, or of another module or argument than
// announced, is refused; the announced one after the notice installs (chunked: the vault module
// is over 2 MiB) and every vault, request and share survives; announcements are public.
import { Actor, CanisterStatus, type ActorSubclass, type HttpAgent } from '@dfinity/agent';
import { IDL } from '@dfinity/candid';
import { Ed25519KeyIdentity } from '@dfinity/identity';
import { Principal } from '@dfinity/principal';
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ed25519Principal } from '@tessera/contract';
import {
	UPGRADE_NOTICE_NS,
	upgradeIdlFactory,
	type Announcement,
	type UpgradeService
} from '@tessera/contract/upgrade';
import { idlFactory as vaultIdlFactory, type VaultService } from '@tessera/contract/vault';
import { initArgs } from '@tessera/contract/vault/idl';
import { deployCanisters, setControllers } from '@tessera/devnet/server';
import { inviteHash } from '../../canister/vault/domain/index';
import { createAgent } from '../../src/lib/canisters/agent';
import { loadUpgradeNotice } from '../../src/lib/services/upgrade-notice';
import buildWasm, { wasmPath } from '../canister/global-setup';
import { newAnchor, newDevice, newPhrase } from './ii/story';
import { agentFor, controlsDevnet, startTarget, type Target } from './target';

const MIB = 1024 * 1024;
const DAY_MS = 24 * 3600 * 1000;
const NOTICE_MS = Number(UPGRADE_NOTICE_NS / 1_000_000n);
const sha256 = (bytes: Uint8Array) => new Uint8Array(createHash('sha256').update(bytes).digest());
const vaultWasm = () => new Uint8Array(readFileSync(wasmPath('vault')));

const operator = Ed25519KeyIdentity.generate();
let target: Target;
let ids: { vault: Principal; ii: Principal; upgrade: Principal };

type Vault = ActorSubclass<VaultService>;
type Result<T> = { Ok: T } | { Err: unknown };
function okOf<T>(result: Result<T>): T {
	if ('Err' in result) throw new Error(`expected Ok, got ${stringify(result.Err)}`);
	return result.Ok;
}
function errOf(result: Result<unknown>): string {
	if ('Ok' in result) throw new Error('expected Err, got Ok');
	return Object.keys(result.Err as object)[0] as string;
}
const stringify = (value: unknown) =>
	JSON.stringify(value, (_, v) =>
		typeof v === 'bigint' ? `${v}n` : v instanceof Uint8Array ? Buffer.from(v).toString('hex') : v
	);

/** An agent whose clock follows devnet's (the tests move it ahead by the notice period). */
async function syncedAgent(identity?: Ed25519KeyIdentity): Promise<HttpAgent> {
	const agent = await agentFor(target.url, identity);
	await agent.syncTime(ids.vault);
	return agent;
}

/** `remainingNs` counts down between two reads; everything else must be equal. */
const stringifyWithoutClock = (value: unknown) =>
	stringify(
		JSON.parse(stringify(value), (key, v: unknown) => (key === 'remainingNs' ? undefined : v))
	);

async function vaultAs(identity: Ed25519KeyIdentity): Promise<Vault> {
	const agent = await syncedAgent(identity);
	return Actor.createActor<VaultService>(vaultIdlFactory, { agent, canisterId: ids.vault });
}
async function upgradeAs(identity?: Ed25519KeyIdentity): Promise<ActorSubclass<UpgradeService>> {
	const agent = await syncedAgent(identity);
	return Actor.createActor<UpgradeService>(upgradeIdlFactory, { agent, canisterId: ids.upgrade });
}

interface Seeded {
	anchor: bigint;
	vaultId: bigint;
	owner: Ed25519KeyIdentity;
	guardians: Ed25519KeyIdentity[];
	requestId?: bigint;
}

/** A sealed 2-of-2 vault. */
async function seedVault(): Promise<Seeded> {
	const phrase = await newPhrase();
	const anchor = await newAnchor(target.url, ids.ii, newDevice('laptop'), {
		phrase,
		phraseProtected: true
	});
	const owner = Ed25519KeyIdentity.generate();
	const secrets = [randomBytes(32), randomBytes(32)].map((b) => new Uint8Array(b));
	const asPhrase = await vaultAs(phrase.identity as Ed25519KeyIdentity);
	const { vaultId } = okOf(
		await asPhrase.create_vault({
			anchor,
			phraseKey: phrase.publicKeyDer.slice(12),
			owner: owner.getPrincipal(),
			delayNs: [24n * 3600n * 1_000_000_000n],
			invites: secrets.map((s, i) => ({ label: `G${i}`, inviteHash: inviteHash(s) })),
			nonce: 0n,
			ownerName: []
		})
	);
	okOf(await (await vaultAs(owner)).confirm_vault(vaultId));
	const guardians = [Ed25519KeyIdentity.generate(), Ed25519KeyIdentity.generate()];
	for (const [i, guardian] of guardians.entries()) {
		okOf(await (await vaultAs(guardian)).accept_invite({ vaultId, secret: secrets[i]! }));
	}
	// The canister stores ciphertexts without opening them: random bytes of the real size.
	const shares = guardians.map(() => ({
		ciphertext: new Uint8Array(randomBytes(185)),
		checkPrincipal: ed25519Principal(new Uint8Array(randomBytes(32)))
	}));
	okOf(
		await asPhrase.seal_shares({
			vaultId,
			nonce: 0n,
			threshold: 2,
			commitment: new Uint8Array(randomBytes(32)),
			shares,
			shareCommitments: guardians.map(() => new Uint8Array(randomBytes(32)))
		})
	);
	return { anchor, vaultId, owner, guardians };
}

/** Opens a recovery of `vault` that its first guardian sponsors and approves. */
async function openRequest(vault: Seeded): Promise<void> {
	const requester = Ed25519KeyIdentity.generate().getPrincipal();
	const first = await vaultAs(vault.guardians[0]!);
	const { requestId } = okOf(await first.open_recovery({ vaultId: vault.vaultId, requester }));
	okOf(await first.approve_recovery({ requestId, ciphertext: new Uint8Array(randomBytes(185)) }));
	vault.requestId = requestId;
}

/** Everything the vault canister shows the owner and a guardian of `vault` (but the clock). */
async function views(vault: Seeded): Promise<string> {
	const owner = await vaultAs(vault.owner);
	const guardian = await vaultAs(vault.guardians[0]!);
	return stringifyWithoutClock([
		await owner.owner_vaults(),
		await owner.anchor_status(vault.anchor),
		await owner.audit_log(vault.vaultId),
		await owner.recovery_request(vault.requestId!),
		await guardian.guardian_vaults()
	]);
}

/** Uploads `wasm` in 1 MiB chunks through the upgrade canister; the hashes in order. */
async function upload(wasm: Uint8Array): Promise<Uint8Array[]> {
	const upgrade = await upgradeAs(operator);
	const hashes: Uint8Array[] = [];
	for (let offset = 0; offset < wasm.length; offset += MIB) {
		hashes.push(okOf(await upgrade.upload_chunk(wasm.subarray(offset, offset + MIB))));
	}
	return hashes;
}

const vaultArg = () =>
	new Uint8Array(
		IDL.encode(initArgs, [{ vetKdKeyName: 'dfx_test_key', internetIdentity: ids.ii }])
	);

beforeAll(async () => {
	buildWasm();
	target = await startTarget();
	const agent = await agentFor(target.url, operator);
	const deployed = await deployCanisters({ agent, root: '.', ids: {} });
	const id = (name: string) => Principal.fromText(deployed.ids[name]?.local ?? '');
	ids = { vault: id('vault'), ii: id('internet_identity'), upgrade: id('upgrade') };
	// As on mainnet: the upgrade canister becomes the vault canister's only controller.
	await setControllers(agent, ids.vault, [ids.upgrade]);
}, 600_000);
afterAll(() => target?.close());

describe.runIf(controlsDevnet)('upgrade canister', () => {
	const seeded: Seeded[] = [];
	let announced: Announcement;

	test('the operator alone announces; the announcement is public at once', async () => {
		seeded.push(await seedVault(), await seedVault());
		const wasm = vaultWasm();
		const args = { moduleHash: sha256(wasm), argHash: sha256(vaultArg()), summary: 'v0.3.1' };
		expect(errOf(await (await upgradeAs(Ed25519KeyIdentity.generate())).announce(args))).toBe(
			'NotOperator'
		);
		announced = okOf(await (await upgradeAs(operator)).announce(args));
		expect(announced.installableAt - announced.announcedAt).toBe(UPGRADE_NOTICE_NS);
		expect(UPGRADE_NOTICE_NS).toBe(37n * 24n * 3600n * 1_000_000_000n);
		const anyone = await upgradeAs();
		expect(await anyone.pending()).toEqual([announced]);
		expect(await anyone.announcements()).toEqual([announced]);
		const config = await anyone.config();
		expect(config.target.toText()).toBe(ids.vault.toText());
		expect(config.noticeNs).toBe(UPGRADE_NOTICE_NS);
		// a second announcement waits for the first to be installed or cancelled
		expect(errOf(await (await upgradeAs(operator)).announce(args))).toBe('AlreadyPending');
	}, 600_000);

	test('the app sees the pending upgrade, its hashes and date, and that the guarantee holds', async () => {
		const agent = await createAgent(undefined, { host: target.url, network: 'local' });
		const notice = await loadUpgradeNotice(agent, {
			vaultCanisterId: ids.vault,
			upgradeCanisterId: ids.upgrade
		});
		expect(notice.guarded).toBe(true);
		expect(notice.noticeDays).toBe(37);
		expect(notice.pending).toEqual({
			moduleHashHex: Buffer.from(announced.moduleHash).toString('hex'),
			argHashHex: Buffer.from(announced.argHash).toString('hex'),
			summary: 'v0.3.1',
			announcedAt: new Date(Number(announced.announcedAt / 1_000_000n)),
			installableAt: new Date(Number(announced.installableAt / 1_000_000n))
		});
		// a vault canister someone else also controls is not guarded, whatever the upgrade canister says
		const unguarded = await loadUpgradeNotice(agent, {
			vaultCanisterId: ids.ii,
			upgradeCanisterId: ids.upgrade
		});
		expect(unguarded.guarded).toBe(false);
	});

	test('nobody else can upgrade the vault canister: the upgrade canister is its only controller', async () => {
		const agent = await agentFor(target.url, operator);
		await expect(setControllers(agent, ids.vault, [operator.getPrincipal()])).rejects.toThrow(
			/controllers/i
		);
	});

	test('an install before the notice is over is refused', async () => {
		const chunkHashes = await upload(vaultWasm());
		expect(vaultWasm().length).toBeGreaterThan(2 * MIB);
		await target.advanceTime(NOTICE_MS - DAY_MS);
		const refused = await (
			await upgradeAs(operator)
		).install({
			id: announced.id,
			chunkHashes,
			arg: vaultArg()
		});
		expect(refused).toEqual({ Err: { NoticeRunning: { installableAt: announced.installableAt } } });
	}, 600_000);

	test('after the notice, another module or argument than announced is refused', async () => {
		await target.advanceTime(DAY_MS + 60_000);
		const upgrade = await upgradeAs(operator);
		const chunkHashes = await upload(vaultWasm());
		const otherArg = new Uint8Array(
			IDL.encode(initArgs, [{ vetKdKeyName: 'dfx_test_key', internetIdentity: ids.upgrade }])
		);
		expect(errOf(await upgrade.install({ id: announced.id, chunkHashes, arg: otherArg }))).toBe(
			'ArgumentMismatch'
		);
		// another module: one byte more than the announced one
		await upgrade.clear_chunks();
		const other = new Uint8Array([...vaultWasm(), 0]);
		const otherHashes = await upload(other);
		const refused = await upgrade.install({
			id: announced.id,
			chunkHashes: otherHashes,
			arg: vaultArg()
		});
		expect(errOf(refused)).toBe('ManagementRejected');
		expect(stringify(refused)).toMatch(/hash/i);
		// a stranger cannot install even the announced one
		expect(
			errOf(
				await (
					await upgradeAs(Ed25519KeyIdentity.generate())
				).install({
					id: announced.id,
					chunkHashes,
					arg: vaultArg()
				})
			)
		).toBe('NotOperator');
	}, 600_000);

	test('the announced module and argument install; every vault, request and share survives', async () => {
		// requests opened now, so they are still open after the notice period
		for (const vault of seeded) await openRequest(vault);
		const before = await Promise.all(seeded.map(views));
		const upgrade = await upgradeAs(operator);
		await upgrade.clear_chunks();
		const chunkHashes = await upload(vaultWasm());
		const installed = okOf(
			await upgrade.install({ id: announced.id, chunkHashes, arg: vaultArg() })
		);
		expect(Object.keys(installed.state)).toEqual(['Installed']);
		const status = await CanisterStatus.request({
			canisterId: ids.vault,
			agent: await syncedAgent(),
			paths: ['module_hash']
		});
		expect(status.get('module_hash')).toBe(Buffer.from(announced.moduleHash).toString('hex'));
		expect(await (await upgradeAs()).pending()).toEqual([]);
		expect(await Promise.all(seeded.map(views))).toEqual(before);
		// still working: the second guardian approves the open request
		const vault = seeded[0]!;
		const second = await vaultAs(vault.guardians[1]!);
		okOf(
			await second.approve_recovery({
				requestId: vault.requestId!,
				ciphertext: new Uint8Array(randomBytes(185))
			})
		);
		const request = okOf(await second.recovery_request(vault.requestId!));
		expect(request.approvals).toBe(2);
		// and a new vault still checks its anchor with the II it was installed with
		seeded.push(await seedVault());
	}, 600_000);

	test('a cancelled announcement cannot be installed; the history keeps both', async () => {
		const upgrade = await upgradeAs(operator);
		const next = okOf(
			await upgrade.announce({
				moduleHash: sha256(vaultWasm()),
				argHash: sha256(vaultArg()),
				summary: 'to be cancelled'
			})
		);
		expect(errOf(await (await upgradeAs(Ed25519KeyIdentity.generate())).cancel(next.id))).toBe(
			'NotOperator'
		);
		const cancelled = okOf(await upgrade.cancel(next.id));
		expect(Object.keys(cancelled.state)).toEqual(['Cancelled']);
		await target.advanceTime(NOTICE_MS + 60_000);
		const chunkHashes = await upload(vaultWasm());
		const later = await upgradeAs(operator);
		expect(errOf(await later.install({ id: next.id, chunkHashes, arg: vaultArg() }))).toBe(
			'NotPending'
		);
		const history = await (await upgradeAs()).announcements();
		expect(history.map((a) => Object.keys(a.state)[0])).toEqual(['Installed', 'Cancelled']);
	}, 600_000);
});
