import { describe, expect, it } from 'vitest';
import { decodeEnvelope } from './envelope';
import { exportPaperShare, importPaperShare } from './paper';
import { mergeShares, recoverFromPaper } from './paper-recovery';
import { combineShares, splitEntropy } from './shares';

const entropy = Uint8Array.from({ length: 32 }, (_, i) => (i * 13 + 1) % 256);

async function seal(vaultId = 7n, threshold = 2, total = 3, secret = entropy) {
	const split = await splitEntropy(secret, vaultId, threshold, total);
	if (!split.ok) throw new Error(split.error.kind);
	return split.value;
}

/** Through paper and back, as a person would type it. */
function throughPaper(envelope: Uint8Array): Uint8Array {
	const read = importPaperShare(exportPaperShare(envelope).join(' '));
	if (!read.ok) throw new Error('paper share did not read back');
	return read.value;
}

describe('recovery from paper shares alone (offline)', () => {
	it('m paper shares of one vault give back the entropy and the vault', async () => {
		const { envelopes } = await seal(7n, 3, 5);
		const paper = [envelopes[4]!, envelopes[0]!, envelopes[2]!].map(throughPaper);
		expect(await recoverFromPaper(paper)).toEqual({
			ok: true,
			value: { vaultId: 7n, entropy }
		});
	});

	it('refuses none and too few', async () => {
		const { envelopes } = await seal(7n, 3, 5);
		expect(await recoverFromPaper([])).toEqual({ ok: false, error: { kind: 'none' } });
		expect(await recoverFromPaper(envelopes.slice(0, 2))).toEqual({
			ok: false,
			error: { kind: 'too-few', have: 2, need: 3 }
		});
	});

	it('refuses the same slot twice', async () => {
		const { envelopes } = await seal();
		expect(await recoverFromPaper([envelopes[1]!, envelopes[0]!, envelopes[1]!])).toEqual({
			ok: false,
			error: { kind: 'same-slot', at: 2, first: 0, index: 2 }
		});
	});

	it('refuses mixing vaults and shares with other rules (m or n)', async () => {
		const mine = await seal(7n, 2, 3);
		const other = await seal(8n, 2, 3);
		expect(await recoverFromPaper([mine.envelopes[0]!, other.envelopes[1]!])).toEqual({
			ok: false,
			error: { kind: 'other-vault', at: 1, vaultId: 8n, expected: 7n }
		});
		const wider = await seal(7n, 2, 4);
		expect(await recoverFromPaper([mine.envelopes[0]!, wider.envelopes[1]!])).toEqual({
			ok: false,
			error: { kind: 'other-rules', at: 1 }
		});
		const stricter = await seal(7n, 3, 3);
		expect(await recoverFromPaper([mine.envelopes[0]!, stricter.envelopes[1]!])).toEqual({
			ok: false,
			error: { kind: 'other-rules', at: 1 }
		});
	});

	it('refuses a damaged envelope (checksum) by position', async () => {
		const { envelopes } = await seal();
		const damaged = envelopes[1]!.slice();
		damaged[20]! ^= 1;
		expect(await recoverFromPaper([envelopes[0]!, damaged])).toEqual({
			ok: false,
			error: { kind: 'malformed', at: 1, error: { kind: 'bad-checksum' } }
		});
	});

	it('cannot tell an older seal mixed with a newer one: the result is wrong, so II must check it', async () => {
		const older = await seal();
		const newer = await seal();
		// another slot, and another x coordinate (random per seal), so nothing flags the mix
		const slotAndX = (e: Uint8Array) => [e[9], e[44]];
		const [slot, x] = slotAndX(older.envelopes[0]!);
		const other = newer.envelopes.find((e) => slotAndX(e)[0] !== slot && slotAndX(e)[1] !== x)!;
		const mixed = await recoverFromPaper([older.envelopes[0]!, other]);
		expect(mixed.ok).toBe(true);
		expect(mixed.ok && mixed.value.entropy).not.toEqual(entropy);
	});
});

describe('paper shares with released shares (commitment checked)', () => {
	it('a released share and a paper share of another slot rebuild the phrase', async () => {
		const { envelopes, commitment } = await seal();
		const merged = mergeShares([throughPaper(envelopes[2]!)], [envelopes[0]!], 7n);
		if (!merged.ok) throw new Error(merged.error.kind);
		expect(merged.value.envelopes).toHaveLength(2);
		expect(await combineShares(merged.value.envelopes, { vaultId: 7n, commitment })).toEqual({
			ok: true,
			value: entropy
		});
	});

	it('a paper share for a released slot counts once (the released one is used)', async () => {
		const { envelopes, commitment } = await seal();
		const both = mergeShares([envelopes[0]!, envelopes[1]!], [envelopes[0]!], 7n);
		expect(both.ok && both.value).toEqual({
			envelopes: [envelopes[0], envelopes[1]],
			threshold: 2,
			alreadyReleased: [0]
		});
		const once = mergeShares([envelopes[0]!], [envelopes[0]!], 7n);
		if (!once.ok) throw new Error(once.error.kind);
		expect(await combineShares(once.value.envelopes, { vaultId: 7n, commitment })).toEqual({
			ok: false,
			error: { kind: 'too-few', have: 1, need: 2 }
		});
	});

	it('refuses a paper share of another vault than the request', async () => {
		const { envelopes } = await seal(7n);
		const other = await seal(9n);
		expect(mergeShares([other.envelopes[1]!], [envelopes[0]!], 7n)).toEqual({
			ok: false,
			error: { kind: 'other-vault', at: 0, vaultId: 9n, expected: 7n }
		});
		// with no released share yet, the request's vault still decides
		expect(mergeShares([other.envelopes[1]!], [], 7n)).toEqual({
			ok: false,
			error: { kind: 'other-vault', at: 0, vaultId: 9n, expected: 7n }
		});
	});

	it('refuses a paper share whose m or n differ from the released ones', async () => {
		const { envelopes } = await seal(7n, 2, 3);
		const other = await seal(7n, 2, 4);
		expect(mergeShares([other.envelopes[3]!], [envelopes[0]!], 7n)).toEqual({
			ok: false,
			error: { kind: 'other-rules', at: 0 }
		});
	});

	it('catches a paper share of an older seal of the same vault by the commitment', async () => {
		const older = await seal();
		const { envelopes, commitment } = await seal();
		const x = (e: Uint8Array) => e[44];
		const old = older.envelopes.find((e) => e[9] !== 1 && x(e) !== x(envelopes[0]!))!;
		const merged = mergeShares([old], [envelopes[0]!], 7n);
		if (!merged.ok) throw new Error(merged.error.kind);
		expect(await combineShares(merged.value.envelopes, { vaultId: 7n, commitment })).toEqual({
			ok: false,
			error: { kind: 'commitment-mismatch' }
		});
	});

	it('leaves the given envelopes intact (the caller owns and wipes them)', async () => {
		const { envelopes } = await seal();
		const paper = envelopes[1]!.slice();
		mergeShares([paper], [envelopes[0]!], 7n);
		expect(paper).toEqual(envelopes[1]);
		expect(decodeEnvelope(paper).ok).toBe(true);
	});
});
