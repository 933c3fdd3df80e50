// A test world: a GuardianDomain over in-memory stores, a controllable clock and the actors of
// the protocol (owner with phrase key, guardians, requester, strangers). Share ciphertexts are
// random bytes of a realistic size: the canister stores and forwards them, never decrypts them.
import { Principal } from '@dfinity/principal';
import { randomBytes } from '@noble/hashes/utils';
import { expect } from 'vitest';
import {
	GuardianDomain,
	inviteHash,
	memoryStores,
	NS_PER_MINUTE,
	NS_PER_SECOND,
	stateDigest,
	type DomainError,
	type OperationPayload,
	type OperationPurpose,
	type Result,
	type SignedOperation
} from '../../../canister/guardian/domain/index';
import {
	newKeyPair,
	signCheckIn,
	signOperationSync,
	TEST_CANISTER_ID,
	type KeyPair
} from './signing';

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

export interface SignOptions {
	key?: KeyPair;
	vaultId?: bigint;
	nonce?: bigint;
	expiresAt?: bigint;
	purpose?: OperationPurpose;
	canisterId?: Principal;
}

export class World {
	readonly stores: ReturnType<typeof memoryStores>;
	readonly domain: GuardianDomain;
	now = 1_700_000_000n * NS_PER_SECOND;
	readonly anchor: bigint;
	readonly phrase = newKeyPair();
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
		this.domain = base?.domain ?? new GuardianDomain(this.stores, { canisterId: TEST_CANISTER_ID });
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

	vaultNonce(): bigint {
		return (
			ok(this.domain.anchorStatus(this.owner, this.now, { anchor: this.anchor })).vaultNonce ?? 0n
		);
	}

	/** Signs `payload` as a phrase-signed operation for this vault with sane defaults. */
	sign(payload: OperationPayload, options: SignOptions = {}): SignedOperation {
		return signOperationSync(
			options.key ?? this.phrase,
			{
				purpose: options.purpose ?? payload.purpose,
				vaultId: options.vaultId ?? this.vaultId,
				nonce: options.nonce ?? this.vaultNonce(),
				expiresAt: options.expiresAt ?? this.now + 5n * NS_PER_MINUTE,
				canisterId: options.canisterId
			},
			payload
		);
	}

	/** Check-in args for guardian i's share (defaults: its own check key, share i, counter 0). */
	checkInArgs(
		i: number,
		options: { key?: KeyPair; nonce?: bigint; shareIndex?: number; expiresAt?: bigint } = {}
	) {
		const expiresAt = options.expiresAt ?? this.now + 5n * NS_PER_MINUTE;
		const signature = signCheckIn(options.key ?? (this.checkKeys[i] as KeyPair), {
			vaultId: this.vaultId,
			// -1 (no share any more): the domain refuses before it verifies, any index will do.
			shareIndex: Math.max(0, options.shareIndex ?? i),
			guardian: this.guardian(i),
			nonce: options.nonce ?? 0n,
			expiryNs: expiresAt
		});
		return { vaultId: this.vaultId, expiresAt, signature };
	}

	invites() {
		return this.secrets.map((secret, i) => ({
			label: `Guardian ${i + 1}`,
			inviteHash: inviteHash(secret)
		}));
	}

	createArgs(options: SignOptions = {}, caller = this.owner) {
		const invites = this.invites();
		const delayNs = 72n * 3600n * NS_PER_SECOND;
		const payload: OperationPayload = {
			purpose: 'create_vault',
			anchor: this.anchor,
			owner: caller,
			delayNs,
			invites
		};
		const proof = this.sign(payload, { vaultId: 0n, nonce: 0n, ...options });
		return {
			anchor: this.anchor,
			phraseKey: this.phrase.publicKey,
			delayNs,
			invites,
			proof,
			// What II's get_anchor_credentials reports: here the phrase key plus another device key.
			anchorPhraseKeys: [newKeyPair().publicKey, this.phrase.publicKey]
		};
	}

	create(): this {
		this.vaultId = ok(this.domain.createVault(this.owner, this.now, this.createArgs())).vaultId;
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

	sealArgs(threshold = 2, options: SignOptions = {}) {
		const commitment = randomBytes(32);
		const shares = this.checkKeys.map((key) => ({
			ciphertext: randomBytes(SHARE_CIPHERTEXT_BYTES),
			checkKey: key.publicKey
		}));
		const payload: OperationPayload = {
			purpose: 'seal_shares',
			threshold,
			commitment,
			guardians: this.guardians,
			shares
		};
		return {
			vaultId: this.vaultId,
			threshold,
			commitment,
			shares,
			op: this.sign(payload, options)
		};
	}

	seal(threshold = 2): this {
		ok(this.domain.seal(this.owner, this.now, this.sealArgs(threshold)));
		return this;
	}

	open(requester = this.requester): this {
		this.requestId = ok(
			this.domain.openRecovery(requester, this.now, { anchor: this.anchor })
		).requestId;
		return this;
	}

	approve(i: number): this {
		ok(
			this.domain.approveRecovery(this.guardian(i), this.now, {
				requestId: this.requestId,
				ciphertext: randomBytes(SHARE_CIPHERTEXT_BYTES)
			})
		);
		return this;
	}

	decline(i: number): this {
		ok(this.domain.declineRecovery(this.guardian(i), this.now, { requestId: this.requestId }));
		return this;
	}

	cancel(): this {
		const op = this.sign({ purpose: 'cancel_recovery', requestId: this.requestId });
		ok(this.domain.cancelRecovery(this.owner, this.now, { requestId: this.requestId, op }));
		return this;
	}

	/** create -> all accept -> seal(m). */
	static sealed(n = 3, m = 2, anchor = 10_000n, base?: World): World {
		return new World(n, anchor, base).create().acceptAll().seal(m);
	}
}
