// vetKeys IBE for shares: seal to guardians under the shares context, re-encrypt to a recovery
// request under the release context, and open with exactly one vetKey per party.
import type { Ed25519KeyIdentity } from '@dfinity/identity';
import type { Principal } from '@dfinity/principal';
import {
	EncryptedVetKey,
	IbeCiphertext,
	IbeIdentity,
	IbeSeed,
	TransportSecretKey,
	type DerivedPublicKey,
	type VetKey
} from '@dfinity/vetkeys';
import { wipe } from './bytes';
import { checkIdentityFromEnvelope, checkPublicKey } from './check-key';
import { decodeEnvelope, type EnvelopeError } from './envelope';
import { mergeShares, type PaperShareError } from './paper-recovery';
import type { CandidateShare } from './release-check';
import {
	ed25519Principal,
	MAX_GUARDIANS,
	releaseIdentity,
	shareCommitment
} from '@tessera/contract';
import { err, ok, type Result } from './result';
import {
	combineShares,
	splitEntropy,
	type CombineError,
	type ExpectedVault,
	type SplitError
} from './shares';
import type { ReleaseKey, SharesKey } from './vetkd-keys';

function ibeEncrypt(key: DerivedPublicKey, identity: Uint8Array, message: Uint8Array): Uint8Array {
	return IbeCiphertext.encrypt(
		key,
		IbeIdentity.fromBytes(identity),
		message,
		IbeSeed.random()
	).serialize();
}

export interface SealedShare {
	readonly guardian: Principal;
	/** Guardian slot, 1..n, as in the envelope. */
	readonly index: number;
	readonly ciphertext: Uint8Array;
	/**
	 * The principal of the share's check identity (check-key.ts): what seal_shares takes and what
	 * check_in is sent as, computed here so the canister does not hash.
	 */
	readonly checkPrincipal: Principal;
}

/** A share's plaintext envelope, handed out for a paper share. Secret: wipe after printing. */
export interface PaperEnvelope {
	/** Guardian slot, 1..n. */
	readonly index: number;
	readonly envelope: Uint8Array;
}

export interface Seal {
	readonly shares: SealedShare[];
	readonly commitment: Uint8Array;
	/** shareCommitment(vaultId, slot, envelope) per slot, in slot order (seal_shares stores them). */
	readonly shareCommitments: Uint8Array[];
	/** The envelopes of the slots asked for as paper shares, in slot order; others are wiped. */
	readonly paper: PaperEnvelope[];
}

export type SealError =
	| SplitError
	| { kind: 'duplicate-guardian'; index: number }
	| { kind: 'bad-paper-slot'; index: number };

export interface SealTarget {
	/** The vault canister: bound into each share's check key. */
	readonly canisterId: Principal;
	readonly vaultId: bigint;
	readonly threshold: number;
	readonly guardians: Principal[];
}

/**
 * Seal: split the entropy m-of-n, encrypt envelope i to guardian i (n = guardians.length) and
 * derive each share's check public key from its envelope. `paperSlots` (1..n) are the slots
 * whose plaintext envelopes the owner prints as paper shares.
 */
export async function sealShares(
	entropy: Uint8Array,
	vault: SealTarget,
	sharesKey: SharesKey,
	paperSlots: readonly number[] = []
): Promise<Result<Seal, SealError>> {
	const { canisterId, vaultId, threshold, guardians } = vault;
	const seen = new Set<string>();
	for (const [i, guardian] of guardians.entries()) {
		if (seen.has(guardian.toText())) return err({ kind: 'duplicate-guardian', index: i + 1 });
		seen.add(guardian.toText());
	}
	if (guardians.length > MAX_GUARDIANS) return err({ kind: 'bad-parameters' });
	const badSlot = paperSlots.find(
		(index, i) =>
			!Number.isInteger(index) ||
			index < 1 ||
			index > guardians.length ||
			paperSlots.indexOf(index) !== i
	);
	if (badSlot !== undefined) return err({ kind: 'bad-paper-slot', index: badSlot });
	const split = await splitEntropy(entropy, vaultId, threshold, guardians.length);
	if (!split.ok) return split;
	const { envelopes, commitment } = split.value;
	const shares = guardians.map((guardian, i) => {
		const envelope = envelopes[i] ?? new Uint8Array();
		return {
			guardian,
			index: i + 1,
			ciphertext: ibeEncrypt(sharesKey.key, guardian.toUint8Array(), envelope),
			checkPrincipal: ed25519Principal(
				checkPublicKey({ canisterId, vaultId, shareIndex: i + 1, envelope })
			)
		};
	});
	const shareCommitments = envelopes.map((envelope, i) =>
		shareCommitment(vaultId, i + 1, envelope)
	);
	const paper = [...paperSlots]
		.sort((a, b) => a - b)
		.map((index) => ({ index, envelope: envelopes[index - 1] ?? new Uint8Array() }));
	wipe(...envelopes.filter((_, i) => !paperSlots.includes(i + 1)));
	return ok({ shares, commitment, shareCommitments, paper });
}

export type VetKeyError =
	| { kind: 'already-used' }
	| { kind: 'malformed-encrypted-key' }
	/** The key does not verify against the derived public key and input: never use it. */
	| { kind: 'invalid-vetkey' };

/**
 * One vetKD request: a fresh transport key, used once. Callers send `transportPublicKey` and
 * `input` to the canister, then `receive` its encrypted key. Single use, so nobody derives twice.
 */
class VetKeyRequest {
	#transportKey: TransportSecretKey | undefined;
	readonly transportPublicKey: Uint8Array;

	constructor(
		private readonly derivedKey: DerivedPublicKey,
		readonly input: Uint8Array
	) {
		const transportKey = TransportSecretKey.random();
		this.#transportKey = transportKey;
		this.transportPublicKey = transportKey.publicKeyBytes();
	}

	protected decrypt(encryptedKey: Uint8Array): Result<VetKey, VetKeyError> {
		const transportKey = this.#transportKey;
		if (!transportKey) return err({ kind: 'already-used' });
		this.#transportKey = undefined;
		try {
			let encrypted: EncryptedVetKey;
			try {
				encrypted = EncryptedVetKey.deserialize(encryptedKey);
			} catch {
				return err({ kind: 'malformed-encrypted-key' });
			}
			try {
				return ok(encrypted.decryptAndVerify(transportKey, this.derivedKey, this.input));
			} catch {
				return err({ kind: 'invalid-vetkey' });
			}
		} finally {
			wipe(transportKey.serialize()); // serialize() exposes the key's own buffer
		}
	}
}

export type OpenError =
	| { kind: 'malformed-ciphertext' }
	| { kind: 'undecryptable' }
	| { kind: 'bad-envelope'; error: EnvelopeError }
	| { kind: 'foreign'; vaultId: bigint };

function openEnvelope(
	vetKey: VetKey,
	ciphertext: Uint8Array,
	vaultId: bigint
): Result<Uint8Array, OpenError> {
	let parsed: IbeCiphertext;
	try {
		parsed = IbeCiphertext.deserialize(ciphertext);
	} catch {
		return err({ kind: 'malformed-ciphertext' });
	}
	let envelope: Uint8Array;
	try {
		envelope = parsed.decrypt(vetKey);
	} catch {
		return err({ kind: 'undecryptable' });
	}
	const decoded = decodeEnvelope(envelope);
	if (decoded.ok) wipe(decoded.value.share);
	if (!decoded.ok || decoded.value.vaultId !== vaultId) {
		wipe(envelope);
		return decoded.ok
			? err({ kind: 'foreign', vaultId: decoded.value.vaultId })
			: err({ kind: 'bad-envelope', error: decoded.error });
	}
	return ok(envelope);
}

/** A guardian's one vetKey (input = its principal) for the shares context. */
export class GuardianKeyRequest extends VetKeyRequest {
	constructor(sharesKey: SharesKey, guardian: Principal) {
		super(sharesKey.key, guardian.toUint8Array());
	}

	receive(encryptedKey: Uint8Array): Result<GuardianKey, VetKeyError> {
		const vetKey = this.decrypt(encryptedKey);
		return vetKey.ok ? ok(new GuardianKey(vetKey.value)) : vetKey;
	}
}

export interface ReleaseTarget {
	readonly releaseKey: ReleaseKey;
	readonly requestId: bigint;
	readonly requester: Principal;
}

export class GuardianKey {
	constructor(private readonly vetKey: VetKey) {}

	/** The guardian's envelope bytes (e.g. for a paper share). Secret: wipe after use. */
	openEnvelope(ciphertext: Uint8Array, vaultId: bigint): Result<Uint8Array, OpenError> {
		return openEnvelope(this.vetKey, ciphertext, vaultId);
	}

	/** The share's check identity (check-key.ts): check_in is sent as it. */
	checkIdentity(
		ciphertext: Uint8Array,
		vaultId: bigint,
		canisterId: Principal
	): Result<Ed25519KeyIdentity, OpenError> {
		const envelope = openEnvelope(this.vetKey, ciphertext, vaultId);
		if (!envelope.ok) return envelope;
		const identity = checkIdentityFromEnvelope(canisterId, envelope.value);
		wipe(envelope.value);
		return identity.ok ? identity : err({ kind: 'bad-envelope', error: identity.error });
	}

	/** Approve: decrypt this guardian's share and re-encrypt it to the request's release identity. */
	reencryptForRelease(
		ciphertext: Uint8Array,
		vaultId: bigint,
		target: ReleaseTarget
	): Result<Uint8Array, OpenError> {
		const envelope = openEnvelope(this.vetKey, ciphertext, vaultId);
		if (!envelope.ok) return envelope;
		const identity = releaseIdentity(target.requestId, target.requester);
		const released = ibeEncrypt(target.releaseKey.key, identity, envelope.value);
		wipe(envelope.value);
		return ok(released);
	}
}

/** The requester's one vetKey (input = request id || requester) for the release context. */
export class ReleaseKeyRequest extends VetKeyRequest {
	constructor(releaseKey: ReleaseKey, requestId: bigint, requester: Principal) {
		super(releaseKey.key, releaseIdentity(requestId, requester));
	}

	receive(encryptedKey: Uint8Array): Result<RequesterKey, VetKeyError> {
		const vetKey = this.decrypt(encryptedKey);
		return vetKey.ok ? ok(new RequesterKey(vetKey.value)) : vetKey;
	}
}

export type RecoverError =
	({ at: number } & OpenError) | CombineError | { kind: 'paper'; error: PaperShareError };

export class RequesterKey {
	constructor(private readonly vetKey: VetKey) {}

	/**
	 * Decrypts each released approval to its envelope (undefined where it does not decrypt to an
	 * envelope of this vault): the candidates release-check.ts checks against their slots'
	 * commitments. Secret: the caller wipes the envelopes.
	 */
	openApprovals(
		approvals: readonly { slot: number; ciphertext: Uint8Array }[],
		vaultId: bigint
	): CandidateShare[] {
		return approvals.map(({ slot, ciphertext }) => {
			const envelope = openEnvelope(this.vetKey, ciphertext, vaultId);
			return { slot, source: 'approval', envelope: envelope.ok ? envelope.value : undefined };
		});
	}

	/**
	 * Decrypts the released shares, adds the paper shares (envelopes) for slots not released,
	 * combines them and checks the commitment: the entropy.
	 */
	async recover(
		ciphertexts: readonly Uint8Array[],
		expected: ExpectedVault,
		paper: readonly Uint8Array[] = []
	): Promise<Result<Uint8Array, RecoverError>> {
		const envelopes: Uint8Array[] = [];
		try {
			for (const [at, ciphertext] of ciphertexts.entries()) {
				const envelope = openEnvelope(this.vetKey, ciphertext, expected.vaultId);
				if (!envelope.ok) return err({ at, ...envelope.error });
				envelopes.push(envelope.value);
			}
			if (paper.length === 0) return await combineShares(envelopes, expected);
			const merged = mergeShares(paper, envelopes, expected.vaultId);
			if (!merged.ok) return err({ kind: 'paper', error: merged.error });
			return await combineShares(merged.value.envelopes, expected);
		} finally {
			wipe(...envelopes);
		}
	}
}
