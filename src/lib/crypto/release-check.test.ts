import fc from 'fast-check';
import { sha256 } from '@noble/hashes/sha2';
import { describe, expect, it } from 'vitest';
import { shareCommitment } from '@tessera/contract';
import { checkAndCombine, type CandidateShare } from './release-check';
import { splitEntropy } from './shares';

const VAULT = 7n;

async function sealed(entropy: Uint8Array, m: number, n: number) {
	const split = await splitEntropy(entropy, VAULT, m, n);
	if (!split.ok) throw new Error('split');
	const { envelopes, commitment } = split.value;
	const shareCommitments = envelopes.map((envelope, i) => shareCommitment(VAULT, i + 1, envelope));
	return { envelopes, input: { vaultId: VAULT, commitment, shareCommitments, threshold: m } };
}

const approval = (slot: number, envelope: Uint8Array | undefined): CandidateShare => ({
	slot,
	source: 'approval',
	envelope
});

describe('shareCommitment', () => {
	it('is sha256 of the documented bytes (computed independently here)', () => {
		const envelope = Uint8Array.from({ length: 49 }, (_, i) => i);
		const tag = new TextEncoder().encode('tessera/v2/share-commitment');
		const expected = sha256(
			Uint8Array.from([...tag, 0, ...[0, 0, 0, 0, 0, 0, 0, 7], ...[0, 0, 0, 3], ...envelope])
		);
		expect(shareCommitment(7n, 3, envelope)).toEqual(expected);
		expect(shareCommitment(7n, 2, envelope)).not.toEqual(expected);
		expect(shareCommitment(8n, 3, envelope)).not.toEqual(expected);
	});
});

describe('checkAndCombine', () => {
	it('recovers from all good shares and says none was bad', async () => {
		const entropy = new Uint8Array(32).fill(9);
		const { envelopes, input } = await sealed(entropy, 2, 3);
		const result = await checkAndCombine(
			input,
			envelopes.map((envelope, i) => approval(i + 1, envelope))
		);
		expect(result.ok && result.value).toMatchObject({ entropy, used: [1, 2], bad: [] });
	});

	it('any pattern of up to n - m bad shares: recovers and names exactly the bad slots', async () => {
		const badKind = fc.constantFrom('undecryptable', 'garbage', 'flipped', 'other-seal', 'swapped');
		await fc.assert(
			fc.asyncProperty(
				fc.uint8Array({ minLength: 32, maxLength: 32 }),
				fc.integer({ min: 2, max: 6 }).chain((n) =>
					fc.record({
						n: fc.constant(n),
						m: fc.integer({ min: 2, max: n }),
						kinds: fc.array(fc.option(badKind, { nil: undefined }), { minLength: n, maxLength: n })
					})
				),
				async (entropy, { n, m, kinds }) => {
					const { envelopes, input } = await sealed(entropy, m, n);
					const other = await sealed(new Uint8Array(32).fill(1), m, n);
					const badSlots = kinds.flatMap((kind, i) => (kind ? [i + 1] : []));
					const candidates = envelopes.map((envelope, i) => {
						const kind = kinds[i];
						if (!kind) return approval(i + 1, envelope);
						if (kind === 'undecryptable') return approval(i + 1, undefined);
						if (kind === 'garbage') return approval(i + 1, new Uint8Array(49).fill(0xaa));
						if (kind === 'flipped') {
							const copy = envelope.slice();
							copy[20] = (copy[20] ?? 0) ^ 1;
							return approval(i + 1, copy);
						}
						// a well-formed envelope, but not the one sealed for this slot
						if (kind === 'other-seal') return approval(i + 1, other.envelopes[i]);
						return approval(i + 1, envelopes[(i + 1) % n]);
					});
					const result = await checkAndCombine(input, candidates);
					if (badSlots.length <= n - m) {
						if (!result.ok) return false;
						expect(result.value.entropy).toEqual(entropy);
						expect(result.value.bad.map(({ slot }) => slot)).toEqual(badSlots);
						expect(result.value.used).toHaveLength(m);
						expect(result.value.used.some((slot) => badSlots.includes(slot))).toBe(false);
					} else {
						expect(result).toEqual({
							ok: false,
							error: {
								kind: 'too-few',
								good: n - badSlots.length,
								need: m,
								bad: expect.arrayContaining([]) as unknown
							}
						});
						if (!result.ok) expect(result.error.bad.map(({ slot }) => slot)).toEqual(badSlots);
					}
					return true;
				}
			),
			{ numRuns: 60 }
		);
	});

	it('tries other subsets when a share passes its (forged) commitment but is wrong', async () => {
		const entropy = new Uint8Array(32).fill(3);
		const { envelopes, input } = await sealed(entropy, 2, 3);
		const other = await sealed(new Uint8Array(32).fill(4), 2, 3);
		const forged = other.envelopes[0] ?? new Uint8Array();
		const shareCommitments = [
			shareCommitment(VAULT, 1, forged),
			...input.shareCommitments.slice(1)
		];
		const result = await checkAndCombine({ ...input, shareCommitments }, [
			approval(1, forged),
			approval(2, envelopes[1]),
			approval(3, envelopes[2])
		]);
		expect(result.ok && result.value).toMatchObject({ entropy, used: [2, 3], bad: [] });
	});

	it('adds paper shares, checked the same way; a slot counts once, the released share first', async () => {
		const entropy = new Uint8Array(32).fill(5);
		const { envelopes, input } = await sealed(entropy, 3, 4);
		const paper = (slot: number, envelope: Uint8Array | undefined): CandidateShare => ({
			slot,
			source: 'paper',
			envelope
		});
		const result = await checkAndCombine(input, [
			paper(1, envelopes[0]),
			approval(1, envelopes[0]),
			approval(2, new Uint8Array(49)),
			paper(3, envelopes[2]),
			paper(4, envelopes[3])
		]);
		expect(result.ok && result.value).toMatchObject({
			entropy,
			used: [1, 3, 4],
			bad: [{ slot: 2, source: 'approval', reason: 'commitment-mismatch' }]
		});
	});

	it('says how many good shares there are and how many are needed', async () => {
		const { envelopes, input } = await sealed(new Uint8Array(32).fill(6), 3, 4);
		const result = await checkAndCombine(input, [
			approval(1, envelopes[0]),
			approval(2, undefined),
			approval(3, envelopes[2]),
			approval(9, envelopes[3])
		]);
		expect(result).toEqual({
			ok: false,
			error: {
				kind: 'too-few',
				good: 2,
				need: 3,
				bad: [
					{ slot: 2, source: 'approval', reason: 'unreadable' },
					{ slot: 9, source: 'approval', reason: 'unknown-slot' }
				]
			}
		});
		const none = await checkAndCombine(input, []);
		expect(none).toEqual({ ok: false, error: { kind: 'too-few', good: 0, need: 3, bad: [] } });
	});

	it('refuses when the shares match their commitments but not the entropy commitment', async () => {
		const { envelopes, input } = await sealed(new Uint8Array(32).fill(6), 2, 2);
		const result = await checkAndCombine({ ...input, commitment: new Uint8Array(32) }, [
			approval(1, envelopes[0]),
			approval(2, envelopes[1])
		]);
		expect(result).toEqual({ ok: false, error: { kind: 'commitment-mismatch', bad: [] } });
	});
});
