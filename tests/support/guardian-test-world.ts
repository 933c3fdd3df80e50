// Test-only: the vault canister without a network. The real domain logic (VaultDomain over
// in-memory stores, via the canister tests' World) plus the devnet's vetKD math stand in for the
// canister and the management canister, mapped to the GuardianCalls/RequesterCalls ports the way
// the Azle adapter maps them to Candid. Only the transport (agent, Candid) is left out.
import type { SignIdentity } from '@dfinity/agent';
import { Principal } from '@dfinity/principal';
import { MasterPublicKey } from '@dfinity/vetkeys';
import { VetKdMasterKey } from '@tessera/devnet/testing';
import { World, ok, type Result } from '../unit/vault/world';
import { VETKD_CONTEXT_RELEASE, VETKD_CONTEXT_SHARES } from '@tessera/contract';
import { CANISTER_ID } from './vectors';
import { sealShares } from '../../src/lib/crypto/vetkeys';
import { verifySharesKey } from '../../src/lib/crypto/vetkd-keys';
import { CanisterError, describeError } from '../../src/lib/canisters/errors';
import type { GuardianCalls, RequesterCalls } from '../../src/lib/services/guardian-calls';
import type { VetKdTrust } from '../../src/lib/services/vetkd-trust';
import type { KeyValueStorage } from '../../src/lib/services/recovery-store';

export const TEST_CANISTER_ID = Principal.fromText(CANISTER_ID);
export const master = VetKdMasterKey.fromSeed(new Uint8Array(32).fill(7));
const masterPublicKey = MasterPublicKey.deserialize(master.publicKey);
export const trust: VetKdTrust = { master: masterPublicKey, canisterId: TEST_CANISTER_ID };
const canister = TEST_CANISTER_ID.toUint8Array();

function unwrap<T>(result: Result<T>): T {
	if (result.ok) return result.value;
	const { kind, ...details } = result.error;
	// As the wrapper throws it (src/lib/canisters/errors.ts).
	throw new CanisterError(kind, describeError(kind, details), details);
}

export interface SealedWorld {
	readonly w: World;
	readonly commitment: Uint8Array;
	/** The envelopes of `paperSlots`, as the owner would print them. */
	readonly paper: Uint8Array[];
}

/** A sealed vault (n guardians, threshold m) whose shares really encrypt `entropy`. */
export async function sealedWorld(
	entropy: Uint8Array,
	n = 3,
	m = 2,
	paperSlots: readonly number[] = []
): Promise<SealedWorld> {
	const w = new World(n).create().acceptAll();
	const sharesKey = verifySharesKey(
		master.derivedPublicKey(canister, VETKD_CONTEXT_SHARES),
		masterPublicKey,
		TEST_CANISTER_ID
	);
	if (!sharesKey.ok) throw new Error('test shares key does not verify');
	const seal = await sealShares(
		entropy,
		{ canisterId: TEST_CANISTER_ID, vaultId: w.vaultId, threshold: m, guardians: w.guardians },
		sharesKey.value,
		paperSlots
	);
	if (!seal.ok) throw new Error(`seal failed: ${seal.error.kind}`);
	const { commitment } = seal.value;
	const shares = seal.value.shares.map(({ ciphertext, checkPrincipal }) => ({
		ciphertext,
		checkPrincipal
	}));
	const { shareCommitments } = seal.value;
	const args = {
		vaultId: w.vaultId,
		nonce: w.vaultNonce(),
		threshold: m,
		commitment,
		shares,
		shareCommitments
	};
	ok(w.domain.seal(w.phraseIdentity, w.now, args));
	return { w, commitment, paper: seal.value.paper.map(({ envelope }) => envelope) };
}

function publicKeys() {
	return {
		shares: master.derivedPublicKey(canister, VETKD_CONTEXT_SHARES),
		release: master.derivedPublicKey(canister, VETKD_CONTEXT_RELEASE)
	};
}

/** GuardianCalls as `caller` (a guardian or an invitee). */
export function guardianCalls(w: World, caller: Principal): GuardianCalls {
	const d = w.domain;
	return {
		invitation: async (args) => unwrap(d.invitation(caller, w.now, args)),
		acceptInvite: async (args) => unwrap(d.acceptInvite(caller, w.now, args)).slot,
		guardianVaults: async () => unwrap(d.guardianVaults(caller, w.now, undefined)),
		auditLog: async (vaultId) => unwrap(d.auditLog(caller, w.now, { vaultId })),
		vetkdPublicKeys: async () => publicKeys(),
		sharesKey: async (transportPublicKey) => {
			const { input } = unwrap(d.authorizeSharesKey(caller, w.now, undefined));
			return master.deriveEncryptedKey(canister, VETKD_CONTEXT_SHARES, input, transportPublicKey);
		},
		openRecovery: async (args) => unwrap(d.openRecovery(caller, w.now, args)),
		recoveryRequest: async (requestId) => unwrap(d.recoveryRequest(caller, w.now, { requestId })),
		approveRecovery: async (args) => unwrap(d.approveRecovery(caller, w.now, args)),
		declineRecovery: async (requestId) => unwrap(d.declineRecovery(caller, w.now, { requestId }))
	};
}

/** The check-in call as sent by a share's check identity. */
export function checkInCalls(w: World, identity: SignIdentity) {
	return {
		checkIn: async (args: { vaultId: bigint; nonce: bigint }) =>
			unwrap(w.domain.checkIn(identity.getPrincipal(), w.now, args))
	};
}

/** RequesterCalls as `caller` (the requester's browser key). */
export function requesterCalls({ w }: Pick<SealedWorld, 'w'>, caller: Principal): RequesterCalls {
	const d = w.domain;
	return {
		anchorStatus: async (anchor) => unwrap(d.anchorStatus(caller, w.now, { anchor })),
		requestsForRequester: async () => unwrap(d.requesterRequests(caller, w.now, undefined)),
		releaseRecovery: async ({ requestId, transportKey }) => {
			const { input, ...release } = unwrap(d.releaseRecovery(caller, w.now, { requestId }));
			const releaseKey = master.deriveEncryptedKey(
				canister,
				VETKD_CONTEXT_RELEASE,
				input,
				transportKey
			);
			return { ...release, releaseKey };
		},
		vetkdPublicKeys: async () => publicKeys()
	};
}

/** Stands in for IndexedDB (absent in Node/jsdom): IdbStorage's get/set/remove contract. */
export class MapStorage implements KeyValueStorage {
	readonly values = new Map<string, unknown>();
	async get<T>(key: string): Promise<T | null> {
		return (this.values.get(key) as T | undefined) ?? null;
	}
	async set<T>(key: string, value: T): Promise<void> {
		this.values.set(key, value);
	}
	async remove(key: string): Promise<void> {
		this.values.delete(key);
	}
}
