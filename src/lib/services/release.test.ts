// The requester's one-call release over the real vetKD math (the devnet's master key) and real
// IBE; the canister is a stand-in that returns what release_recovery returns (the canister's own
// behaviour is tested in tests/canister and tests/adversary).
import { Principal } from '@dfinity/principal';
import { DerivedPublicKey, IbeCiphertext, IbeIdentity, IbeSeed } from '@dfinity/vetkeys';
import { describe, expect, it } from 'vitest';
import { releaseIdentity, VETKD_CONTEXT_RELEASE, VETKD_CONTEXT_SHARES } from '@tessera/contract';
import { shareCommitment } from '@tessera/contract';
import { splitEntropy } from '$lib/crypto/shares';
import { master, TEST_CANISTER_ID, trust } from '../../../tests/support/guardian-test-world';
import { badSharesMessage, releaseAndRecover, type ReleaseCalls } from './release';

const canister = TEST_CANISTER_ID.toUint8Array();
const me = Principal.selfAuthenticating(new Uint8Array(44).fill(3));
const VAULT = 5n;
const REQUEST = 11n;

async function world(entropy: Uint8Array, m: number, n: number, tamper: (slot: number) => boolean) {
	const split = await splitEntropy(entropy, VAULT, m, n);
	if (!split.ok) throw new Error('split');
	const releaseKey = DerivedPublicKey.deserialize(
		master.derivedPublicKey(canister, VETKD_CONTEXT_RELEASE)
	);
	const identity = IbeIdentity.fromBytes(releaseIdentity(REQUEST, me));
	const approvals = split.value.envelopes.map((envelope, i) => ({
		slot: i, // the canister's share index
		ciphertext: tamper(i + 1)
			? IbeCiphertext.encrypt(
					releaseKey,
					identity,
					new Uint8Array(49).fill(1),
					IbeSeed.random()
				).serialize()
			: IbeCiphertext.encrypt(releaseKey, identity, envelope, IbeSeed.random()).serialize()
	}));
	const calls: ReleaseCalls = {
		vetkdPublicKeys: async () => ({
			shares: master.derivedPublicKey(canister, VETKD_CONTEXT_SHARES),
			release: master.derivedPublicKey(canister, VETKD_CONTEXT_RELEASE)
		}),
		releaseRecovery: async ({ requestId, transportKey }) => ({
			approvals,
			shareCommitments: split.value.envelopes.map((e, i) => shareCommitment(VAULT, i + 1, e)),
			entropyCommitment: split.value.commitment,
			releaseKey: master.deriveEncryptedKey(
				canister,
				VETKD_CONTEXT_RELEASE,
				releaseIdentity(requestId, me),
				transportKey
			)
		})
	};
	return { calls, envelopes: split.value.envelopes };
}

const entropy = Uint8Array.from({ length: 32 }, (_, i) => i * 7);
const request = { requestId: REQUEST, vaultId: VAULT, threshold: 2 };
const names = (slot: number) => ['Alice', 'Bob', 'Carol'][slot - 1];

describe('releaseAndRecover', () => {
	it('recovers, skipping and naming a garbage approval', async () => {
		const { calls } = await world(entropy, 2, 3, (slot) => slot === 1);
		const steps: string[] = [];
		const recovered = await releaseAndRecover(calls, trust, me, request, {
			progress: (step) => steps.push(step),
			names
		});
		expect(recovered.entropy).toEqual(entropy);
		expect(recovered.bad).toEqual([{ slot: 1, source: 'approval', reason: 'unreadable' }]);
		expect(badSharesMessage(recovered.bad, names)).toMatch(
			/share from Alice \(guardian 1\) did not match/u
		);
		expect(steps.at(-1)).toBe('Phrase recovered');
	});

	it('with fewer than m good shares: says so, names the bad one, and that one more approval repairs it', async () => {
		const { calls } = await world(entropy, 3, 3, (slot) => slot === 2);
		await expect(
			releaseAndRecover(calls, trust, me, { ...request, threshold: 3 }, { names })
		).rejects.toThrow(
			/Only 2 good shares of the 3 needed\. The share from Bob \(guardian 2\) did not match.*One more guardian’s approval on this request repairs it/u
		);
	});

	it('a paper share fills in for a bad approval', async () => {
		const { calls, envelopes } = await world(entropy, 3, 3, (slot) => slot === 3);
		const paper = [envelopes[2]?.slice() ?? new Uint8Array()];
		const recovered = await releaseAndRecover(
			calls,
			trust,
			me,
			{ ...request, threshold: 3 },
			{ paper }
		);
		expect(recovered.entropy).toEqual(entropy);
	});

	it('refuses a release key for another requester', async () => {
		const { calls } = await world(entropy, 2, 3, () => false);
		const other = Principal.selfAuthenticating(new Uint8Array(44).fill(4));
		await expect(releaseAndRecover(calls, trust, other, request)).rejects.toThrow(
			/release key could not be verified/u
		);
	});
});
