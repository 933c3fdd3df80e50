// A test world: a VaultDomain over in-memory stores, a controllable clock and the actors of
// the protocol (owner, phrase identity, guardians with their shares' check identities,
// requester, strangers). Share ciphertexts are random bytes of a realistic size: the canister
// stores and forwards them, never decrypts them. The IC verifies request signatures before the
// canister runs, so here a call "sent by" a key is a call whose caller is its principal.
import { Principal } from '@dfinity/principal';
import { randomBytes } from '@noble/hashes/utils';
import { expect } from 'vitest';
import {
	VaultDomain,
	inviteHash,
	memoryStores,
	NS_PER_SECOND,
	stateDigest,
	type DomainError,
	type Result
} from '../../../canister/vault/domain/index';
import { decodeVault } from '../../../canister/vault/domain/record-codec';
import { ed25519Principal } from '@tessera/contract';
import { newKeyPair, type KeyPair } from './keys';

/** The domain's result type, for fixtures that unwrap domain calls. */
export type { Result };

/** IBE ciphertext of a ~50-byte share envelope: 50 + 136 bytes. */
export const SHARE_CIPHERTEXT_BYTES = 186;

export function newPrincipal(): Principal {
	return Principal.selfAuthenticating(newKeyPair().publicKey);
}

export function ok<T>(result: Result<T>): T {
	if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error, bigintJson)}`);
	return result.value;
}

export function err<T>(result: Result<T>, kind?: DomainError['kind']): DomainError {
	if (result.ok) throw new Error('expected an error, got ok');
	if (kind) expect(result.error.kind).toBe(kind);
	return result.error;
}

function bigintJson(_: string, value: unknown): unknown {
	return typeof value === 'bigint' ? value.toString() : value;
}

export class World {
	readonly stores: ReturnType<typeof memoryStores>;
	readonly domain: VaultDomain;
	now = 1_700_000_000n * NS_PER_SECOND;
	readonly anchor: bigint;
	readonly phrase = newKeyPair();
	/** The phrase identity: the only caller of the vault's phrase operations. */
	readonly phraseIdentity = ed25519Principal(this.phrase.publicKey);
	readonly owner = newPrincipal();
	readonly guardians: Principal[] = [];
	readonly secrets: Uint8Array[] = [];
	readonly checkKeys: KeyPair[] = [];
	readonly requester = newPrincipal();
	vaultId = 0n;
	requestId = 0n;

	/** `base`: share its stores, domain and clock (several vaults in one canister). */
	constructor(
		readonly n = 3,
		anchor = 10_000n,
		base?: World
	) {
		this.anchor = anchor;
		this.stores = base?.stores ?? memoryStores();
		this.domain = base?.domain ?? new VaultDomain(this.stores);
		if (base) this.now = base.now;
		for (let i = 0; i < n; i++) {
			this.guardians.push(newPrincipal());
			this.secrets.push(randomBytes(32));
			this.checkKeys.push(newKeyPair());
		}
	}

	guardian(i: number): Principal {
		return this.guardians[i] as Principal;
	}

	digest(): string {
		return stateDigest(this.stores);
	}

	advance(ns: bigint): this {
		this.now += ns;
		return this;
	}

	/** The vault's operation counter, read from the store (the owner's view also shows it). */
	vaultNonce(): bigint {
		const stored = this.stores.vaults.get(this.vaultId);
		return stored ? decodeVault(stored).nonce : 0n;
	}

	/** Share i's check identity (its key is derived from the envelope in the real client). */
	checkIdentity(i: number): Principal {
		return ed25519Principal((this.checkKeys[i] as KeyPair).publicKey);
	}

	/** Guardian i checks in as its share's check identity with the share's counter. */
	checkIn(i: number, nonce = 0n, caller = this.checkIdentity(i)): Result<void> {
		return this.domain.checkIn(caller, this.now, { vaultId: this.vaultId, nonce });
	}

	invites() {
		return this.secrets.map((secret, i) => ({
			label: `Guardian ${i + 1}`,
			inviteHash: inviteHash(secret)
		}));
	}

	createArgs(options: { nonce?: bigint; owner?: Principal } = {}) {
		return {
			anchor: this.anchor,
			phraseKey: this.phrase.publicKey,
			owner: options.owner ?? this.owner,
			delayNs: 72n * 3600n * NS_PER_SECOND,
			invites: this.invites(),
			nonce: options.nonce ?? 0n,
			// What II's get_anchor_credentials reports: here the phrase key plus another device key.
			anchorPhraseKeys: [newKeyPair().publicKey, this.phrase.publicKey]
		};
	}

	/** Creates the vault and the owner confirms it (confirm: false leaves it unconfirmed). */
	create(options: { confirm?: boolean } = {}): this {
		const created = this.domain.createVault(this.phraseIdentity, this.now, this.createArgs());
		this.vaultId = ok(created).vaultId;
		if (options.confirm !== false) {
			ok(this.domain.confirmVault(this.owner, this.now, { vaultId: this.vaultId }));
		}
		return this;
	}

	acceptAll(): this {
		this.guardians.forEach((guardian, i) => {
			ok(
				this.domain.acceptInvite(guardian, this.now, {
					vaultId: this.vaultId,
					secret: this.secrets[i] as Uint8Array
				})
			);
		});
		return this;
	}

	sealArgs(threshold = 2, nonce = this.vaultNonce()) {
		return {
			vaultId: this.vaultId,
			nonce,
			threshold,
			commitment: randomBytes(32),
			shares: this.checkKeys.map((key) => ({
				ciphertext: randomBytes(SHARE_CIPHERTEXT_BYTES),
				checkPrincipal: ed25519Principal(key.publicKey)
			})),
			shareCommitments: this.checkKeys.map(() => randomBytes(32))
		};
	}

	/** The commitments of the last seal made through seal(). */
	commitment: Uint8Array | undefined;
	shareCommitments: Uint8Array[] = [];

	seal(threshold = 2): this {
		const args = this.sealArgs(threshold);
		ok(this.domain.seal(this.phraseIdentity, this.now, args));
		this.commitment = args.commitment;
		this.shareCommitments = args.shareCommitments;
		return this;
	}

	/** Guardian `sponsor` opens a request for `requester` (the link's P_R). */
	open(requester = this.requester, sponsor = 0): this {
		this.requestId = this.openAs(sponsor, requester);
		return this;
	}

	openAs(sponsor: number, requester = this.requester): bigint {
		const args = { vaultId: this.vaultId, requester };
		return ok(this.domain.openRecovery(this.guardian(sponsor), this.now, args)).requestId;
	}

	approve(
		i: number,
		requestId = this.requestId,
		ciphertext = randomBytes(SHARE_CIPHERTEXT_BYTES)
	): this {
		ok(this.domain.approveRecovery(this.guardian(i), this.now, { requestId, ciphertext }));
		return this;
	}

	decline(i: number, requestId = this.requestId): this {
		ok(this.domain.declineRecovery(this.guardian(i), this.now, { requestId }));
		return this;
	}

	release(requestId = this.requestId, requester = this.requester) {
		return this.domain.releaseRecovery(requester, this.now, { requestId });
	}

	cancel(): this {
		const args = { requestId: this.requestId, nonce: this.vaultNonce() };
		ok(this.domain.cancelRecovery(this.phraseIdentity, this.now, args));
		return this;
	}

	setDelay(delayNs: bigint, caller = this.phraseIdentity): Result<void> {
		const args = { vaultId: this.vaultId, nonce: this.vaultNonce(), delayNs };
		return this.domain.setDelay(caller, this.now, args);
	}

	/** create -> all accept -> seal(m). */
	static sealed(n = 3, m = 2, anchor = 10_000n, base?: World): World {
		return new World(n, anchor, base).create().acceptAll().seal(m);
	}
}
