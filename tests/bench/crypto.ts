#!/usr/bin/env -S npx tsx
// `npm run bench:crypto`: Tessera's crypto steps against the raw @dfinity/vetkeys and
// shamir-secret-sharing primitives they are made of, measured interleaved in one run.
// The management canister's vetkd_derive_key is played by the devnet vetKD math, outside timing.
import { Principal } from '@dfinity/principal';
import {
	EncryptedVetKey,
	IbeCiphertext,
	IbeIdentity,
	IbeSeed,
	MasterPublicKey,
	TransportSecretKey
} from '@dfinity/vetkeys';
import { combine, split } from 'shamir-secret-sharing';
import { VetKdMasterKey } from '@tessera/devnet/testing';
import { VETKD_CONTEXT_RELEASE, VETKD_CONTEXT_SHARES, releaseIdentity } from '@tessera/contract';
import { combineShares, splitEntropy } from '../../src/lib/crypto/shares';
import { GuardianKeyRequest, ReleaseKeyRequest, sealShares } from '../../src/lib/crypto/vetkeys';
import {
	verifyReleaseKey,
	verifySharesKey,
	type ReleaseKey,
	type SharesKey
} from '../../src/lib/crypto/vetkd-keys';

const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const master = VetKdMasterKey.fromSeed(new Uint8Array(32).fill(1));
const canisterId = Principal.fromText('bkyz2-fmaaa-aaaaa-qaaaq-cai');
const canister = canisterId.toUint8Array();
const masterKey = MasterPublicKey.deserialize(master.publicKey);
const principal = (n: number) => Principal.selfAuthenticating(new Uint8Array(44).fill(n));
const requester = principal(200);
const requestId = 1n;
const vaultId = 1n;
const entropy = crypto.getRandomValues(new Uint8Array(32));

function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: { kind: string } }): T {
	if (!result.ok) throw new Error(result.error.kind);
	return result.value;
}

const sharesKey: SharesKey = unwrap(
	verifySharesKey(master.derivedPublicKey(canister, VETKD_CONTEXT_SHARES), masterKey, canisterId)
);
const releaseKey: ReleaseKey = unwrap(
	verifyReleaseKey(master.derivedPublicKey(canister, VETKD_CONTEXT_RELEASE), masterKey, canisterId)
);

type Step = () => Promise<unknown> | unknown;
/** A pair to compare: each run first prepares untimed inputs, then times `ours` and `raw`. */
interface Comparison {
	name: string;
	prepare: () => { ours: Step; raw: Step };
}

async function time(step: Step): Promise<number> {
	const start = performance.now();
	await step();
	return performance.now() - start;
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2
		? (sorted[middle] ?? 0)
		: ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

const ms = (value: number) => `${value.toFixed(2)} ms`;

function sealComparison(total: number): Comparison {
	const guardians = Array.from({ length: total }, (_, i) => principal(i + 1));
	const threshold = Math.ceil(total / 2);
	return {
		name: `seal n=${total}`,
		prepare: () => ({
			ours: async () =>
				unwrap(await sealShares(entropy, { canisterId, vaultId, threshold, guardians }, sharesKey)),
			raw: async () => {
				const shares = await split(entropy, total, threshold);
				return shares.map((share, i) =>
					IbeCiphertext.encrypt(
						sharesKey.key,
						IbeIdentity.fromPrincipal(guardians[i] ?? requester),
						share,
						IbeSeed.random()
					).serialize()
				);
			}
		})
	};
}

const guardians = Array.from({ length: 5 }, (_, i) => principal(i + 1));
const seal = unwrap(
	await sealShares(entropy, { canisterId, vaultId, threshold: 3, guardians }, sharesKey)
);
const guardian = guardians[0] ?? requester;
const sealed = seal.shares[0]?.ciphertext ?? new Uint8Array();

const guardianComparison: Comparison = {
	name: 'guardian decrypt + re-encrypt',
	prepare: () => {
		const request = new GuardianKeyRequest(sharesKey, guardian);
		const answer = master.deriveEncryptedKey(
			canister,
			VETKD_CONTEXT_SHARES,
			request.input,
			request.transportPublicKey
		);
		const tsk = TransportSecretKey.random();
		const rawAnswer = master.deriveEncryptedKey(
			canister,
			VETKD_CONTEXT_SHARES,
			request.input,
			tsk.publicKeyBytes()
		);
		return {
			ours: () =>
				unwrap(
					unwrap(request.receive(answer)).reencryptForRelease(sealed, vaultId, {
						releaseKey,
						requestId,
						requester
					})
				),
			raw: () => {
				const vetKey = EncryptedVetKey.deserialize(rawAnswer).decryptAndVerify(
					tsk,
					sharesKey.key,
					guardian.toUint8Array()
				);
				const envelope = IbeCiphertext.deserialize(sealed).decrypt(vetKey);
				return IbeCiphertext.encrypt(
					releaseKey.key,
					IbeIdentity.fromBytes(releaseIdentity(requestId, requester)),
					envelope,
					IbeSeed.random()
				).serialize();
			}
		};
	}
};

// Three approvals, made once: the requester's inputs for every reconstruct run.
const released = [0, 1, 2].map((i) => {
	const request = new GuardianKeyRequest(sharesKey, guardians[i] ?? requester);
	const key = unwrap(
		request.receive(
			master.deriveEncryptedKey(
				canister,
				VETKD_CONTEXT_SHARES,
				request.input,
				request.transportPublicKey
			)
		)
	);
	return unwrap(
		key.reencryptForRelease(seal.shares[i]?.ciphertext ?? sealed, vaultId, {
			releaseKey,
			requestId,
			requester
		})
	);
});

const reconstructComparison: Comparison = {
	name: 'reconstruct m=3',
	prepare: () => {
		const request = new ReleaseKeyRequest(releaseKey, requestId, requester);
		const answer = master.deriveEncryptedKey(
			canister,
			VETKD_CONTEXT_RELEASE,
			request.input,
			request.transportPublicKey
		);
		const tsk = TransportSecretKey.random();
		const rawAnswer = master.deriveEncryptedKey(
			canister,
			VETKD_CONTEXT_RELEASE,
			request.input,
			tsk.publicKeyBytes()
		);
		return {
			ours: async () =>
				unwrap(
					await unwrap(request.receive(answer)).recover(released, {
						vaultId,
						commitment: seal.commitment
					})
				),
			raw: async () => {
				const vetKey = EncryptedVetKey.deserialize(rawAnswer).decryptAndVerify(
					tsk,
					releaseKey.key,
					request.input
				);
				// The raw path combines the shares inside the envelopes (shamir bytes at 12..45).
				const shares = released.map((c) =>
					IbeCiphertext.deserialize(c).decrypt(vetKey).slice(12, 45)
				);
				return combine(shares);
			}
		};
	}
};

const comparisons = [
	sealComparison(5),
	sealComparison(10),
	guardianComparison,
	reconstructComparison
];
console.log(`# crypto bench: median of ${RUNS} runs each (ours and raw interleaved); goal <= 20 %`);
for (const comparison of comparisons) {
	const ours: number[] = [];
	const raw: number[] = [];
	for (let run = 0; run < RUNS; run++) {
		const steps = comparison.prepare();
		// Alternate which goes first, so neither pays the other's garbage collection every time.
		if (run % 2 === 0) {
			raw.push(await time(steps.raw));
			ours.push(await time(steps.ours));
		} else {
			ours.push(await time(steps.ours));
			raw.push(await time(steps.raw));
		}
	}
	const [oursMedian, rawMedian] = [median(ours), median(raw)];
	console.log(`${comparison.name}: ${ms(oursMedian)}`);
	console.log(`${comparison.name} (raw primitives): ${ms(rawMedian)}`);
	const percent = (ratio: number) => `${((ratio - 1) * 100).toFixed(1)} %`;
	console.log(`${comparison.name} overhead: ${percent(oursMedian / rawMedian)}`);
	// Each run times raw then ours back to back: the median of those ratios resists load drift.
	const paired = median(ours.map((value, i) => value / (raw[i] ?? value)));
	console.log(`${comparison.name} overhead (paired runs): ${percent(paired)}`);
}

// The single primitives, for scale.
const primitive = async (name: string, step: Step) => {
	const times: number[] = [];
	for (let run = 0; run < RUNS; run++) times.push(await time(step));
	console.log(`${name}: ${ms(median(times))}`);
};
const envelope = new Uint8Array(49);
const identity = IbeIdentity.fromPrincipal(guardian);
await primitive('raw IbeCiphertext.encrypt (49 bytes)', () =>
	IbeCiphertext.encrypt(sharesKey.key, identity, envelope, IbeSeed.random())
);
const tsk = TransportSecretKey.random();
const encryptedKey = master.deriveEncryptedKey(
	canister,
	VETKD_CONTEXT_SHARES,
	guardian.toUint8Array(),
	tsk.publicKeyBytes()
);
const vetKey = EncryptedVetKey.deserialize(encryptedKey).decryptAndVerify(
	tsk,
	sharesKey.key,
	guardian.toUint8Array()
);
await primitive('raw EncryptedVetKey.decryptAndVerify', () =>
	EncryptedVetKey.deserialize(encryptedKey).decryptAndVerify(
		tsk,
		sharesKey.key,
		guardian.toUint8Array()
	)
);
await primitive('raw IbeCiphertext.decrypt', () =>
	IbeCiphertext.deserialize(sealed).decrypt(vetKey)
);
await primitive('raw shamir split 32 bytes 3-of-5', () => split(entropy, 5, 3));

// Tessera's own work around the primitives (envelopes, checksums, commitment, checks).
const ten = unwrap(await splitEntropy(entropy, vaultId, 6, 10));
await primitive('tessera splitEntropy 6-of-10 (split + envelopes + commitment)', () =>
	splitEntropy(entropy, vaultId, 6, 10)
);
await primitive('tessera combineShares 6 (checks + combine + commitment)', async () =>
	unwrap(await combineShares(ten.envelopes.slice(0, 6), { vaultId, commitment: ten.commitment }))
);
