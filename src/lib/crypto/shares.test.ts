import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex } from '@noble/hashes/utils';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeEnvelope, encodeEnvelope } from './envelope';
import { combineShares, entropyCommitment, splitEntropy } from './shares';

const entropy = Uint8Array.from({ length: 32 }, (_, i) => 255 - i);

async function seal(vaultId: bigint, threshold: number, total: number, secret = entropy) {
	const split = await splitEntropy(secret, vaultId, threshold, total);
	if (!split.ok) throw new Error(`split failed: ${split.error.kind}`);
	return split.value;
}

describe('entropy commitment', () => {
	it('is sha256(lp(tag) || u64_be vault || entropy) (computed independently here)', () => {
		const tag = new TextEncoder().encode('tessera/v1/commitment');
		const input = Uint8Array.from([0, 0, 0, 0, 0, 0, 0, tag.length, ...tag]);
		const expected = sha256(Uint8Array.from([...input, 0, 0, 0, 0, 0, 0, 1, 2, ...entropy]));
		expect(bytesToHex(entropyCommitment(258n, entropy))).toBe(bytesToHex(expected));
	});

	it('differs per vault', () => {
		expect(entropyCommitment(1n, entropy)).not.toEqual(entropyCommitment(2n, entropy));
	});
});

describe('split and combine (properties)', () => {
	const params = fc
		.integer({ min: 2, max: 10 })
		.chain((total) => fc.tuple(fc.integer({ min: 2, max: total }), fc.constant(total)));

	it('any m of n shares, in any order, give back the entropy', async () => {
		await fc.assert(
			fc.asyncProperty(
				params,
				fc.uint8Array({ minLength: 32, maxLength: 32 }),
				fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }),
				fc.infiniteStream(fc.nat()),
				async ([threshold, total], secret, vaultId, picks) => {
					const { envelopes, commitment } = await seal(vaultId, threshold, total, secret);
					const pool = [...envelopes];
					const subset = [];
					const size = threshold + (picks.next().value % (total - threshold + 1));
					for (let i = 0; i < size; i++) {
						subset.push(...pool.splice(picks.next().value % pool.length, 1));
					}
					const combined = await combineShares(subset, { vaultId, commitment });
					expect(combined).toEqual({ ok: true, value: secret });
				}
			),
			{ numRuns: 60 }
		);
	});

	it('fewer than m shares are refused as too few', async () => {
		await fc.assert(
			fc.asyncProperty(params, fc.nat(), async ([threshold, total], pick) => {
				const { envelopes, commitment } = await seal(1n, threshold, total);
				const have = pick % threshold;
				const combined = await combineShares(envelopes.slice(0, have), { vaultId: 1n, commitment });
				expect(combined).toEqual({
					ok: false,
					error: { kind: 'too-few', have, need: have === 0 ? 2 : threshold }
				});
			}),
			{ numRuns: 40 }
		);
	});

	it('every envelope carries vault, slot, m and n', async () => {
		const { envelopes } = await seal(42n, 3, 5);
		envelopes.forEach((bytes, i) => {
			const decoded = decodeEnvelope(bytes);
			expect(decoded.ok && { ...decoded.value, share: undefined }).toEqual({
				vaultId: 42n,
				index: i + 1,
				threshold: 3,
				total: 5,
				share: undefined
			});
		});
	});
});

describe('combine errors', () => {
	it('names a share of another vault as foreign', async () => {
		const mine = await seal(1n, 2, 3);
		const theirs = await seal(2n, 2, 3);
		const combined = await combineShares([mine.envelopes[0]!, theirs.envelopes[1]!], {
			vaultId: 1n,
			commitment: mine.commitment
		});
		expect(combined).toEqual({ ok: false, error: { kind: 'foreign', at: 1, vaultId: 2n } });
	});

	it('names the same share given twice as duplicate', async () => {
		const { envelopes, commitment } = await seal(1n, 2, 3);
		const combined = await combineShares([envelopes[2]!, envelopes[2]!], {
			vaultId: 1n,
			commitment
		});
		expect(combined).toEqual({ ok: false, error: { kind: 'duplicate', at: 1, index: 3 } });
	});

	it('names a corrupted share as malformed', async () => {
		const { envelopes, commitment } = await seal(1n, 2, 3);
		const corrupted = envelopes[1]!.slice();
		corrupted[20] = (corrupted[20] ?? 0) ^ 1;
		const combined = await combineShares([envelopes[0]!, corrupted], { vaultId: 1n, commitment });
		expect(combined).toEqual({
			ok: false,
			error: { kind: 'malformed', at: 1, error: { kind: 'bad-checksum' } }
		});
	});

	it('names shares that disagree on m or n as inconsistent', async () => {
		const { envelopes, commitment } = await seal(1n, 2, 3);
		const decoded = decodeEnvelope(envelopes[1]!);
		if (!decoded.ok) throw new Error('decode failed');
		const reshaped = encodeEnvelope({ ...decoded.value, threshold: 3 });
		const combined = await combineShares([envelopes[0]!, reshaped], { vaultId: 1n, commitment });
		expect(combined).toEqual({ ok: false, error: { kind: 'inconsistent', at: 1 } });
	});

	it('refuses shares of an older seal of the same vault (commitment mismatch)', async () => {
		const old = await seal(1n, 2, 3);
		const current = await seal(1n, 2, 3, new Uint8Array(32).fill(9));
		const combined = await combineShares(old.envelopes.slice(0, 2), {
			vaultId: 1n,
			commitment: current.commitment
		});
		expect(combined).toEqual({ ok: false, error: { kind: 'commitment-mismatch' } });
	});

	it('refuses a mix of two seals with a valid checksum each', async () => {
		const first = await seal(1n, 2, 3);
		const second = await seal(1n, 2, 3);
		const mixed = [first.envelopes[0]!, second.envelopes[1]!];
		const firstX = first.envelopes[0]![44];
		const secondX = second.envelopes[1]![44];
		const combined = await combineShares(mixed, { vaultId: 1n, commitment: first.commitment });
		expect(combined.ok).toBe(false);
		expect(!combined.ok && combined.error.kind).toBe(
			firstX === secondX ? 'duplicate' : 'commitment-mismatch'
		);
	});

	it('refuses a commitment of the wrong size', async () => {
		const { envelopes } = await seal(1n, 2, 2);
		const combined = await combineShares(envelopes, {
			vaultId: 1n,
			commitment: new Uint8Array(31)
		});
		expect(combined).toEqual({ ok: false, error: { kind: 'commitment-mismatch' } });
	});
});

describe('split errors', () => {
	it('refuses entropy that is not 32 bytes', async () => {
		expect(await splitEntropy(new Uint8Array(16), 1n, 2, 3)).toEqual({
			ok: false,
			error: { kind: 'bad-entropy' }
		});
	});

	it('refuses m and n outside 2 <= m <= n <= 10 and ids outside u64', async () => {
		for (const [threshold, total] of [
			[1, 3],
			[4, 3],
			[2, 11],
			[2.5, 3]
		]) {
			expect(await splitEntropy(entropy, 1n, threshold!, total!)).toEqual({
				ok: false,
				error: { kind: 'bad-parameters' }
			});
		}
		expect(await splitEntropy(entropy, -1n, 2, 3)).toEqual({
			ok: false,
			error: { kind: 'bad-parameters' }
		});
	});
});
