// An upgrade with >= 1,000 vaults and open requests keeps every stored byte: the stable memory
// and everything the queries show are equal before and after (state digest), and the canister
// keeps working after it.
import { IDL } from '@dfinity/candid';
import { Ed25519KeyIdentity } from '@dfinity/identity';
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, randomBytes } from '@noble/hashes/utils';
import { beforeAll, describe, expect, it } from 'vitest';
import { inviteHash } from '../../../canister/vault/domain/index';
import { initArgs } from '@tessera/contract/vault/idl';
import type { PhraseKey } from '../../../src/lib/crypto/ii-key';
import { ed25519Principal } from '@tessera/contract';
import { wasmPath } from '../global-setup';
import { identity, KEY_NAME, Net, okOf, stringify } from './harness';

const VAULTS = 1000;
/** Every vault with a request, plus every VIEW_SAMPLE-th vault (queries cost ~0.1 s each here). */
const VIEW_SAMPLE = 25;
const OPEN_REQUESTS = 20;
const DAY_NS = 24n * 3600n * 1_000_000_000n;

/** A phrase key without the BIP39 derivation (the canister only sees the Ed25519 key). */
function fastPhrase(): PhraseKey {
	const id = Ed25519KeyIdentity.generate(randomBytes(32));
	return {
		identity: id,
		publicKeyDer: new Uint8Array(id.getPublicKey().toDer()),
		principal: id.getPrincipal()
	};
}

interface Seeded {
	anchor: bigint;
	vaultId: bigint;
	owner: Ed25519KeyIdentity;
	guardians: Ed25519KeyIdentity[];
	requestId?: bigint;
}

async function seedVault(net: Net, withRequest: boolean): Promise<Seeded> {
	const phrase = fastPhrase();
	const owner = identity();
	const anchor = await net.anchorFor(phrase);
	const secrets = [randomBytes(32), randomBytes(32)];
	const invites = secrets.map((s, i) => ({ label: `G${i}`, inviteHash: inviteHash(s) }));
	const created = await net.as(phrase.identity).create_vault({
		anchor,
		phraseKey: phrase.publicKeyDer.slice(12),
		owner: owner.getPrincipal(),
		delayNs: [DAY_NS],
		invites,
		nonce: 0n,
		ownerName: []
	});
	const { vaultId } = okOf<{ vaultId: bigint }>(created);
	okOf(await net.as(owner).confirm_vault(vaultId));
	const seeded: Seeded = { anchor, vaultId, owner, guardians: [] };
	if (!withRequest) return seeded;
	seeded.guardians = [identity(), identity()];
	for (const [i, guardian] of seeded.guardians.entries()) {
		okOf(await net.as(guardian).accept_invite({ vaultId, secret: secrets[i] as Uint8Array }));
	}
	const guardians = seeded.guardians.map((g) => g.getPrincipal());
	// The canister stores and forwards ciphertexts without decrypting them: random bytes of the
	// real size stand in here (the lifecycle test seals real ones).
	const shares = guardians.map(() => ({
		ciphertext: randomBytes(185),
		checkPrincipal: ed25519Principal(randomBytes(32))
	}));
	const commitment = randomBytes(32);
	const shareCommitments = guardians.map(() => randomBytes(32));
	const sealArgs = { vaultId, nonce: 0n, threshold: 2, commitment, shares, shareCommitments };
	okOf(await net.as(phrase.identity).seal_shares(sealArgs));
	const sponsor = net.as(seeded.guardians[1] as Ed25519KeyIdentity);
	seeded.requestId = okOf<{ requestId: bigint }>(
		await sponsor.open_recovery({ vaultId, requester: identity().getPrincipal() })
	).requestId;
	okOf(
		await net
			.as(seeded.guardians[0] as Ed25519KeyIdentity)
			.approve_recovery({ requestId: seeded.requestId, ciphertext: randomBytes(185) })
	);
	return seeded;
}

/** What the queries show for the sampled vaults, hashed (stable memory is compared whole). */
async function viewDigest(net: Net, vaults: Seeded[]): Promise<string> {
	const hash = sha256.create();
	const sample = vaults.filter((v, i) => v.requestId !== undefined || i % VIEW_SAMPLE === 0);
	for (const vault of sample) {
		const owner = net.as(vault.owner);
		hash.update(new TextEncoder().encode(stringify(await owner.anchor_status(vault.anchor))));
		hash.update(new TextEncoder().encode(stringify(await owner.owner_vaults())));
		hash.update(new TextEncoder().encode(stringify(await owner.audit_log(vault.vaultId))));
		if (vault.requestId !== undefined) {
			hash.update(
				new TextEncoder().encode(stringify(await owner.recovery_request(vault.requestId)))
			);
			const guardian = net.as(vault.guardians[0] as Ed25519KeyIdentity);
			hash.update(new TextEncoder().encode(stringify(await guardian.guardian_vaults())));
		}
	}
	return bytesToHex(hash.digest());
}

describe('vault canister: upgrade', () => {
	let net: Net;
	const vaults: Seeded[] = [];

	beforeAll(async () => {
		net = await Net.create();
		for (let i = 0; i < VAULTS; i++) {
			vaults.push(await seedVault(net, i % (VAULTS / OPEN_REQUESTS) === 0));
		}
	}, 900_000);

	it(`keeps every byte with ${VAULTS} vaults and ${OPEN_REQUESTS} open requests`, async () => {
		expect(vaults.length).toBe(VAULTS);
		expect(vaults.filter((v) => v.requestId !== undefined)).toHaveLength(OPEN_REQUESTS);
		const stableBefore = bytesToHex(sha256(net.memory().stable));
		const viewsBefore = await viewDigest(net, vaults);

		const arg = IDL.encode(initArgs, [{ vetKdKeyName: KEY_NAME, internetIdentity: net.iiId }]);
		await net.devnet.upgradeCanister({
			canisterId: net.vaultCanisterId,
			wasm: wasmPath('vault'),
			arg: new Uint8Array(arg)
		});

		expect(bytesToHex(sha256(net.memory().stable))).toBe(stableBefore);
		expect(await viewDigest(net, vaults)).toBe(viewsBefore);

		// Still working: the second guardian of an open request approves after the upgrade.
		const open = vaults.find((v) => v.requestId !== undefined) as Seeded;
		const requestId = open.requestId as bigint;
		const guardian = net.as(open.guardians[1] as Ed25519KeyIdentity);
		okOf(await guardian.approve_recovery({ requestId, ciphertext: randomBytes(185) }));
		const status = okOf<{ approvals: number }>(await guardian.recovery_request(requestId));
		expect(status.approvals).toBe(2);
	}, 600_000);
});
