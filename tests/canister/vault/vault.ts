// One vault's actors and steps through the real wasm: owner (II principal + recovery phrase),
// guardians (principals + invite secrets), a requester. The client crypto does what the app
// will do: phrase calls sent by the phrase identity, seal with vetKeys IBE (with check keys),
// check in as the share's check identity, re-encrypt to the release identity, recover.
import type { Ed25519KeyIdentity } from '@dfinity/identity';
import type { Principal } from '@dfinity/principal';
import { randomBytes } from '@noble/hashes/utils';
import { inviteHash } from '../../../canister/vault/domain/index';
import { constantTimeEqual, shareCommitment } from '@tessera/contract';
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
	shareCommitments: Uint8Array[] = [];

	private constructor(
		readonly net: Net,
		readonly entropy: Uint8Array,
		readonly phrase: PhraseKey,
		n: number
	) {
		this.guardians = Array.from({ length: n }, identity);
		this.secrets = Array.from({ length: n }, () => randomBytes(32));
	}

	/**
	 * `labels`: the slots' labels (default "Guardian 1".."Guardian n"). The owner confirms the
	 * vault from P_O unless `confirm` is false.
	 */
	static async create(
		net: Net,
		n = 3,
		labels?: string[],
		options: { confirm?: boolean; ownerName?: string } = {}
	): Promise<Vault> {
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
			nonce: status.createNonce,
			ownerName: options.ownerName === undefined ? [] : [options.ownerName]
		});
		vault.vaultId = okOf<{ vaultId: bigint }>(created).vaultId;
		if (options.confirm !== false) {
			okOf(await net.as(vault.owner).confirm_vault(vault.vaultId));
		}
		return vault;
	}

	guardian(i: number): Ed25519KeyIdentity {
		return this.guardians[i] as Ed25519KeyIdentity;
	}

	/** The vault's operation counter, as the owner's dashboard reads it. */
	async nonce(): Promise<bigint> {
		const views = okOf<{ vaultId: bigint; nonce: bigint }[]>(
			await this.net.as(this.owner).owner_vaults()
		);
		const view = views.find((v) => v.vaultId === this.vaultId);
		if (!view) throw new Error('vault not in the owner index');
		return view.nonce;
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
		// Every slot's envelope is asked for (as for paper shares) to compute its commitment here.
		const slots = guardians.map((_, i) => i + 1);
		const sealed = await sealShares(this.entropy, target, sharesKey, slots);
		if (!sealed.ok) throw new Error(`seal failed: ${sealed.error.kind}`);
		this.commitment = sealed.value.commitment;
		// The envelope's own 1-based slot (contract/protocol.ts), as the app computes it.
		this.shareCommitments = sealed.value.paper.map(({ index, envelope }) =>
			shareCommitment(this.vaultId, index, envelope)
		);
		const shares = sealed.value.shares.map(({ ciphertext, checkPrincipal }) => ({
			ciphertext,
			checkPrincipal
		}));
		const nonce = await this.nonce();
		const args = {
			vaultId: this.vaultId,
			nonce,
			threshold,
			commitment: this.commitment,
			shares,
			shareCommitments: this.shareCommitments
		};
		okOf(await this.net.as(this.phrase.identity).seal_shares(args));
		return this;
	}

	/** Guardian `sponsor` opens a request for `requester` (the principal from the owner's link). */
	async open(requester = this.requester, sponsor = 0): Promise<this> {
		const opened = okOf<{ requestId: bigint }>(
			await this.net.as(this.guardian(sponsor)).open_recovery({
				vaultId: this.vaultId,
				requester: requester.getPrincipal()
			})
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

	/** The guardian's own share ciphertext, as its app reads it. */
	async guardianView(i: number) {
		const views = okOf<
			{
				vaultId: bigint;
				share: [] | [{ ciphertext: Uint8Array; shareIndex: number; checkInNonce: bigint }];
			}[]
		>(await this.net.as(this.guardian(i)).guardian_vaults());
		const view = views.find((v) => v.vaultId === this.vaultId);
		if (!view?.share[0]) throw new Error('guardian has no share');
		return { share: view.share[0] };
	}

	/**
	 * Guardian i approves `requestId` (default: the last opened): it reads the requester with
	 * recovery_request (an update call), re-encrypts its share to (request id || requester).
	 */
	async approve(
		i: number,
		keys: { shares: SharesKey; release: ReleaseKey },
		requestId = this.requestId
	): Promise<this> {
		const { share } = await this.guardianView(i);
		const request = okOf<{ requestId: bigint; requester: Principal }>(
			await this.net.as(this.guardian(i)).recovery_request(requestId)
		);
		const key = await this.guardianKey(i, keys.shares);
		const released = key.reencryptForRelease(share.ciphertext, this.vaultId, {
			releaseKey: keys.release,
			requestId: request.requestId,
			requester: request.requester
		});
		if (!released.ok) throw new Error(`re-encrypt: ${released.error.kind}`);
		okOf(
			await this.net
				.as(this.guardian(i))
				.approve_recovery({ requestId: request.requestId, ciphertext: released.value })
		);
		return this;
	}

	/** The requester's one call: approvals, commitments and its release vetKey. */
	async release(releaseKey: ReleaseKey, requestId = this.requestId, requester = this.requester) {
		const me = requester.getPrincipal();
		const request = new ReleaseKeyRequest(releaseKey, requestId, me);
		const result = await this.net
			.as(requester)
			.release_recovery({ requestId, transportKey: request.transportPublicKey });
		if ('Err' in result) return { ok: false as const, error: Object.keys(result.Err)[0] };
		const key = request.receive(result.Ok.releaseKey);
		if (!key.ok) throw new Error(`release vetKey: ${key.error.kind}`);
		return { ok: true as const, released: result.Ok, key: key.value };
	}

	/**
	 * The requester recovers the entropy: it tries the released approvals' m-subsets (the
	 * requester-side commitment check that names bad shares is the app's) until one combines to
	 * the sealed entropy commitment.
	 */
	async recover(releaseKey: ReleaseKey, requestId = this.requestId): Promise<Uint8Array> {
		const release = await this.release(releaseKey, requestId);
		if (!release.ok) throw new Error(`release_recovery: ${release.error}`);
		const { released, key } = release;
		// The requester takes the commitments from the release: they must be the ones sealed.
		if (!constantTimeEqual(released.entropyCommitment, this.commitment)) {
			throw new Error('release returned another commitment than the one sealed');
		}
		const threshold = okOf<{ threshold: number }>(
			await this.net.as(this.requester).recovery_request(requestId)
		).threshold;
		for (const subset of subsets(released.approvals.length, threshold)) {
			const entropy = await key.recover(
				subset.map((i) => (released.approvals[i] as { ciphertext: Uint8Array }).ciphertext),
				{ vaultId: this.vaultId, commitment: released.entropyCommitment }
			);
			if (entropy.ok) return entropy.value;
		}
		throw new Error('recover: no m released shares combine to the sealed commitment');
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

/** Every k-subset of 0..n-1, in lexicographic order. */
export function subsets(n: number, k: number): number[][] {
	if (k === 0) return [[]];
	const out: number[][] = [];
	for (let first = 0; first <= n - k; first++) {
		for (const rest of subsets(n - first - 1, k - 1)) {
			out.push([first, ...rest.map((i) => i + first + 1)]);
		}
	}
	return out;
}
