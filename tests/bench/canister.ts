#!/usr/bin/env -S npx tsx
// `npm run bench:canister`: the vault canister's real wasm on devnet (with the local II and
// vetKD): instructions per method (devnet meters them; median of 3 lifecycles), p50 query latency
// and instructions at 100 vaults and at checkpoints up to BENCH_LARGE_VAULTS (default 10,000),
// and stable memory growth per vault (n = 5).
// Build the wasm first (the canister test project does; or scripts/build-canisters.ts).
import { Ed25519KeyIdentity } from '@dfinity/identity';
import { randomBytes } from '@noble/hashes/utils';
import { inviteHash } from '../../canister/vault/domain/index';
import type { PhraseKey } from '../../src/lib/crypto/ii-key';
import { identity, Net, okOf } from '../canister/vault/harness';
import { DELAY_NS, Vault } from '../canister/vault/vault';

const SMALL = 100;
const LARGE = Number(process.env.BENCH_LARGE_VAULTS ?? 10_000);
const QUERIES = 200;

const median = (values: number[]): number => {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};

const samples = new Map<string, number[]>();

/** Runs one call and records the vault canister's instructions (message + callbacks). */
async function metered<T>(net: Net, method: string, run: () => Promise<T>): Promise<T> {
	net.devnet.executions.length = 0;
	const result = await run();
	const vaultCanister = net.vaultCanisterId.toText();
	const total = net.devnet.executions
		.filter((e) => e.canisterId === vaultCanister && e.kind !== 'inspect')
		.reduce((sum, e) => sum + Number(e.instructions), 0);
	samples.set(method, [...(samples.get(method) ?? []), total]);
	return result;
}

function fastPhrase(): PhraseKey {
	const id = Ed25519KeyIdentity.generate(randomBytes(32));
	return {
		identity: id,
		publicKeyDer: new Uint8Array(id.getPublicKey().toDer()),
		principal: id.getPrincipal()
	};
}

/** A vault created through the wasm (II anchor, create sent by the phrase identity). */
async function seedVault(net: Net): Promise<{ anchor: bigint; owner: Ed25519KeyIdentity }> {
	const phrase = fastPhrase();
	const owner = identity();
	const anchor = await net.anchorFor(phrase);
	const invites = [0, 1, 2, 3, 4].map((i) => ({
		label: `Guardian ${i}`,
		inviteHash: inviteHash(randomBytes(32))
	}));
	okOf(
		await net.as(phrase.identity).create_vault({
			anchor,
			phraseKey: phrase.publicKeyDer.slice(12),
			owner: owner.getPrincipal(),
			delayNs: [DELAY_NS],
			invites,
			nonce: 0n,
			ownerName: []
		})
	);
	const status = okOf<{ vaultId: [] | [bigint] }>(await net.as(owner).anchor_status(anchor));
	okOf(await net.as(owner).confirm_vault(status.vaultId[0] ?? 0n));
	return { anchor, owner };
}

async function lifecycle(net: Net, keys: Awaited<ReturnType<Net['vetKeys']>>): Promise<void> {
	const vault = await metered(net, 'create_vault', () =>
		Vault.create(net, 5, undefined, { confirm: false })
	);
	await metered(net, 'confirm_vault', () => net.as(vault.owner).confirm_vault(vault.vaultId));
	for (const [i, guardian] of vault.guardians.entries()) {
		const secret = vault.secrets[i] as Uint8Array;
		await metered(net, 'accept_invite', () =>
			net.as(guardian).accept_invite({ vaultId: vault.vaultId, secret })
		);
	}
	await metered(net, 'seal_shares', () => vault.seal(3, keys.shares));
	const checkIdentity = await vault.checkIdentity(4, keys.shares);
	await metered(net, 'check_in', () => vault.checkIn(4, checkIdentity, 0n));
	await metered(net, 'open_recovery', () => vault.open());
	await metered(net, 'recovery_request', () =>
		net.as(vault.guardian(1)).recovery_request(vault.requestId)
	);
	for (const i of [0, 1, 2]) {
		// approve = guardian_vaults query + recovery_request + shares_key + approve_recovery.
		await vault.approve(i, keys);
	}
	await metered(net, 'shares_key', () => net.as(vault.guardian(3)).shares_key(keys48()));
	await metered(net, 'decline_recovery', () =>
		net.as(vault.guardian(3)).decline_recovery(vault.requestId)
	);
	await metered(net, 'raise_alarm', () => net.as(vault.owner).raise_alarm(vault.requestId));
	// The alarm extended the delay once: wait both.
	await net.devnet.advanceTime(Number((2n * DELAY_NS) / 1_000_000n) + 1000);
	await metered(net, 'release_recovery', () => vault.release(keys.release));
	await metered(net, 'requests_for_requester', () =>
		net.as(vault.requester).requests_for_requester()
	);
	await metered(net, 'owner_vaults (query)', () => net.as(vault.owner).owner_vaults());
	await metered(net, 'guardian_vaults (query)', () => net.as(vault.guardian(0)).guardian_vaults());

	const phrase = net.as(vault.phrase.identity);
	const nonce = await vault.nonce();
	await metered(net, 'set_delay', () =>
		phrase.set_delay({ vaultId: vault.vaultId, nonce, delayNs: DELAY_NS })
	);
	await metered(net, 'set_delay refused (stale nonce)', () =>
		phrase.set_delay({ vaultId: vault.vaultId, nonce, delayNs: DELAY_NS })
	);
}

/** A valid transport public key: the G1 generator, compressed. */
function keys48(): Uint8Array {
	return Uint8Array.from(
		Buffer.from(
			'97f1d3a73197d7942695638c4fa9ac0fc3688c4f9774b905a14e3a3f171bac586c55e83ff97a1aeffb3af00adb22c6bb',
			'hex'
		)
	);
}

/** p50 wall time of owner_vaults + anchor_status (per query) and their median instructions. */
async function queryP50(net: Net, vaults: { anchor: bigint; owner: Ed25519KeyIdentity }[]) {
	const times: number[] = [];
	const instructions: number[] = [];
	for (let i = 0; i < QUERIES + 20; i++) {
		const vault = vaults[(i * 7919) % vaults.length] as (typeof vaults)[number];
		const actor = net.as(vault.owner);
		net.devnet.executions.length = 0;
		const start = performance.now();
		await actor.owner_vaults();
		await actor.anchor_status(vault.anchor);
		if (i < 20) continue; // warm-up
		times.push((performance.now() - start) / 2);
		const total = net.devnet.executions.reduce((sum, e) => sum + Number(e.instructions), 0);
		instructions.push(total / 2);
	}
	return { ms: median(times), instructions: median(instructions) };
}

async function main(): Promise<void> {
	const net = await Net.create();
	const installedPages = net.stablePages();
	const keys = await net.vetKeys();
	for (let run = 0; run < 3; run++) await lifecycle(net, keys);
	for (const [method, values] of samples) {
		console.log(`instructions ${method}: ${(median(values) / 1e6).toFixed(1)} M`);
	}

	const seeded: { anchor: bigint; owner: Ed25519KeyIdentity }[] = [];
	const seedStart = performance.now();
	while (seeded.length < SMALL) seeded.push(await seedVault(net));
	const small = await queryP50(net, seeded);
	report(seeded.length, small, small, 0);
	// Checkpoints up to LARGE, each reported at once: a run stopped early still has its figures.
	const checkpoints = new Set(
		[1000, 2500, 5000, 7500, LARGE].filter((n) => n > SMALL && n <= LARGE)
	);
	for (const checkpoint of checkpoints) {
		while (seeded.length < checkpoint) {
			seeded.push(await seedVault(net));
			if (seeded.length % 500 === 0) {
				const perVault = (performance.now() - seedStart) / seeded.length;
				console.error(`  seeded ${seeded.length} vaults (${perVault.toFixed(0)} ms each)`);
			}
		}
		// Every vault so far: the seeded ones and the 3 lifecycles (each with a released request).
		const grown = (net.stablePages() - installedPages) * 65536;
		report(seeded.length, await queryP50(net, seeded), small, grown / (seeded.length + 3));
	}
}

type P50 = Awaited<ReturnType<typeof queryP50>>;

function report(vaults: number, at: P50, small: P50, stableBytesPerVault: number): void {
	console.log(`query p50 at ${vaults} vaults: ${at.ms.toFixed(2)} ms`);
	console.log(`query instructions at ${vaults} vaults: ${(at.instructions / 1e6).toFixed(1)} M`);
	if (vaults === SMALL) return;
	console.log(`query p50 ratio ${vaults}/${SMALL}: ${(at.ms / small.ms).toFixed(2)} x`);
	const ratio = at.instructions / small.instructions;
	console.log(`query instructions ratio ${vaults}/${SMALL}: ${ratio.toFixed(2)} x`);
	// Stable memory grows in whole pages (and Azle's memory manager in 8 MiB buckets per map, 9
	// maps), so this upper bound (growth since install / vaults) is meaningful only at scale.
	console.log(`stable bytes per vault at ${vaults} vaults: ${stableBytesPerVault.toFixed(0)} B`);
}

await main();
