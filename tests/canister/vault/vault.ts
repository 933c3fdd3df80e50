// One vault's actors and steps through the real wasm: owner (II principal + recovery phrase),
// guardians (principals + invite secrets), a requester. The client crypto does what the app
// will do: phrase calls sent by the phrase identity, seal with vetKeys IBE (with check keys),
// check in as the share's check identity, re-encrypt to the release identity, recover.
import type { Ed25519KeyIdentity } from '@dfinity/identity';
import type { Principal } from '@dfinity/principal';
import { randomBytes } from '@noble/hashes/utils';
import { inviteHash } from '../../../canister/vault/domain/index';
import { constantTimeEqual } from '@tessera/contract';
import type { PhraseKey } from '../../../src/lib/crypto/ii-key';
import {
	GuardianKeyRequest,
	ReleaseKeyRequest,
	sealShares,
	type GuardianKey
} from '../../../src/lib/crypto/vetkeys';
import type { ReleaseKey, SharesKey } from '../../../src/lib/crypto/vetkd-keys';
import { identity, newPhrase, okOf, type Net } from './harness';

export const DELAY_NS = 24n * 3600n * 1_000_000_000n;

export class Vault {
	readonly owner = identity();
	readonly guardians: Ed25519KeyIdentity[];
	readonly secrets: Uint8Array[];
	readonly requester = identity();
	vaultId = 0n;
	anchor = 0n;
	requestId = 0n;
	commitment: Uint8Array = new Uint8Array();

	private constructor(
		readonly net: Net,
		readonly entropy: Uint8Array,
		readonly phrase: PhraseKey,
		n: number
	) {
		this.guardians = Array.from({ length: n }, identity);
		this.secrets = Array.from({ length: n }, () => randomBytes(32));
	}

	/** `labels`: the slots' labels (default "Guardian 1".."Guardian n"). */
	static async create(net: Net, n = 3, labels?: string[]): Promise<Vault> {
		const { entropy, phrase } = await newPhrase();
		const vault = new Vault(net, entropy, phrase, n);
		vault.anchor = await net.anchorFor(phrase);
		const status = okOf<{ createNonce: bigint }>(
			await net.as(vault.owner).anchor_status(vault.anchor)
		);
		const invites = vault.secrets.map((secret, i) => ({
			label: labels?.[i] ?? `Guardian ${i + 1}`,
			inviteHash: inviteHash(secret)
		}));
		const created = await net.as(phrase.identity).create_vault({
			anchor: vault.anchor,
			phraseKey: phrase.publicKeyDer.slice(12),
			owner: vault.owner.getPrincipal(),
			delayNs: [DELAY_NS],
			invites,
			nonce: status.createNonce
		});
		vault.vaultId = okOf<{ vaultId: bigint }>(created).vaultId;
		return vault;
	}

	guardian(i: number): Ed25519KeyIdentity {
		return this.guardians[i] as Ed25519KeyIdentity;
	}

	async nonce(): Promise<bigint> {
		const status = okOf<{ vaultNonce: [] | [bigint] }>(
			await this.net.as(this.owner).anchor_status(this.anchor)
		);
		return status.vaultNonce[0] ?? 0n;
	}

	async acceptAll(): Promise<this> {
		for (const [i, guardian] of this.guardians.entries()) {
			const secret = this.secrets[i] as Uint8Array;
			okOf(await this.net.as(guardian).accept_invite({ vaultId: this.vaultId, secret }));
		}
		return this;
	}

	async seal(threshold: number, sharesKey: SharesKey): Promise<this> {
		const guardians = this.guardians.map((g) => g.getPrincipal());
		const target = {
			canisterId: this.net.vaultCanisterId,
			vaultId: this.vaultId,
			threshold,
			guardians
		};
		const sealed = await sealShares(this.entropy, target, sharesKey);
		if (!sealed.ok) throw new Error(`seal failed: ${sealed.error.kind}`);
		this.commitment = sealed.value.commitment;
		const shares = sealed.value.shares.map(({ ciphertext, checkPrincipal }) => ({
			ciphertext,
			checkPrincipal
		}));
		const nonce = await this.nonce();
		const args = { vaultId: this.vaultId, nonce, threshold, commitment: this.commitment, shares };
		okOf(await this.net.as(this.phrase.identity).seal_shares(args));
		return this;
	}

	async open(requester = this.requester): Promise<this> {
		const opened = okOf<{ requestId: bigint }>(
			await this.net.as(requester).open_recovery(this.anchor)
		);
		this.requestId = opened.requestId;
		return this;
	}

	/** Guardian i fetches its own vetKey through the canister (real vetKD). */
	async guardianKey(i: number, sharesKey: SharesKey): Promise<GuardianKey> {
		const me = this.guardian(i).getPrincipal();
		const request = new GuardianKeyRequest(sharesKey, me);
		const encrypted = okOf<Uint8Array>(
			await this.net.as(this.guardian(i)).shares_key(request.transportPublicKey)
		);
		const key = request.receive(encrypted);
		if (!key.ok) throw new Error(`guardian vetKey: ${key.error.kind}`);
		return key.value;
	}

	/** The guardian's own share ciphertext and the pending request, as its app reads them. */
	async guardianView(i: number) {
		const views = okOf<
			{
				vaultId: bigint;
				share: [] | [{ ciphertext: Uint8Array; shareIndex: number; checkInNonce: bigint }];
				pendingRequest: [] | [{ requestId: bigint; requester: Principal }];
			}[]
		>(await this.net.as(this.guardian(i)).guardian_vaults());
		const view = views.find((v) => v.vaultId === this.vaultId);
		if (!view?.share[0]) throw new Error('guardian has no share');
		return { share: view.share[0], pending: view.pendingRequest[0] };
	}

	async approve(i: number, keys: { shares: SharesKey; release: ReleaseKey }): Promise<this> {
		const { share, pending } = await this.guardianView(i);
		if (!pending) throw new Error('no pending request');
		const key = await this.guardianKey(i, keys.shares);
		const released = key.reencryptForRelease(share.ciphertext, this.vaultId, {
			releaseKey: keys.release,
			requestId: pending.requestId,
			requester: pending.requester
		});
		if (!released.ok) throw new Error(`re-encrypt: ${released.error.kind}`);
		okOf(
			await this.net
				.as(this.guardian(i))
				.approve_recovery({ requestId: pending.requestId, ciphertext: released.value })
		);
		return this;
	}

	/** The requester collects the released shares and its release vetKey, then the entropy. */
	async recover(releaseKey: ReleaseKey): Promise<Uint8Array> {
		const actor = this.net.as(this.requester);
		const released = okOf<{ shares: { ciphertext: Uint8Array }[]; commitment: Uint8Array }>(
			await actor.release(this.requestId)
		);
		// The requester takes the commitment from release: it must be the one sealed.
		if (!constantTimeEqual(released.commitment, this.commitment)) {
			throw new Error('release returned another commitment than the one sealed');
		}
		const me = this.requester.getPrincipal();
		const request = new ReleaseKeyRequest(releaseKey, this.requestId, me);
		const encrypted = okOf<Uint8Array>(
			await actor.release_key(this.requestId, request.transportPublicKey)
		);
		const key = request.receive(encrypted);
		if (!key.ok) throw new Error(`release vetKey: ${key.error.kind}`);
		const entropy = await key.value.recover(
			released.shares.map((s) => s.ciphertext),
			{ vaultId: this.vaultId, commitment: released.commitment }
		);
		if (!entropy.ok) throw new Error(`recover: ${entropy.error.kind}`);
		return entropy.value;
	}

	/** Guardian i's share check identity, as its app derives it: vetKey -> envelope -> key. */
	async checkIdentity(i: number, sharesKey: SharesKey): Promise<Ed25519KeyIdentity> {
		const { share } = await this.guardianView(i);
		const key = await this.guardianKey(i, sharesKey);
		const identity = key.checkIdentity(share.ciphertext, this.vaultId, this.net.vaultCanisterId);
		if (!identity.ok) throw new Error(`check identity: ${identity.error.kind}`);
		return identity.value;
	}

	/** check_in sent by `identity` with `nonce` (default: the share's counter, as the app reads it). */
	async checkIn(i: number, identity: Ed25519KeyIdentity, nonce?: bigint) {
		const counter = nonce ?? (await this.guardianView(i)).share.checkInNonce;
		return this.net.as(identity).check_in({ vaultId: this.vaultId, nonce: counter });
	}
}
