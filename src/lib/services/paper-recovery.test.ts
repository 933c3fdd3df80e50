// Recovery from paper shares with real shares and the real II phrase key derivation. II itself
// cannot run here: its checkPhrase is stood in for by a comparison with the anchor's current
// phrase principal, which is what II's check amounts to (tests/agent covers the real call).
import { describe, expect, it, vi } from 'vitest';
import type { SignIdentity } from '@dfinity/agent';
import { derivePhraseKey, type PhraseKey } from '$lib/crypto/ii-key';
import { splitEntropy } from '$lib/crypto/shares';
import { paperShareMessage } from '$lib/content/paper-share-messages';
import { PAPER_STEPS, recoverWithPaper } from './paper-recovery';

vi.setConfig({ testTimeout: 30_000 });

const ANCHOR = 10042n;
const entropy = Uint8Array.from({ length: 32 }, (_, i) => (i * 31 + 7) % 256);

async function paperShares(secret = entropy, vaultId = 5n, m = 2, n = 3) {
	const split = await splitEntropy(secret, vaultId, m, n);
	if (!split.ok) throw new Error(split.error.kind);
	return split.value.envelopes;
}

/** II as seen by the flow: `current` is the anchor's recovery phrase on II (or none). */
async function iiWithPhrase(current: Uint8Array | undefined) {
	const principal = current ? (await derivePhraseKey(current)).principal.toText() : undefined;
	return {
		checkPhrase: vi.fn(async (anchor: bigint, key: PhraseKey) => ({
			onAnchor: anchor === ANCHOR && key.principal.toText() === principal,
			anchorHasPhrase: principal !== undefined,
			protected: true
		})),
		// II 2.0's phrase lookup: the anchor whose phrase signs, if any
		findIdentityByPhrase: vi.fn(async (signer: SignIdentity) =>
			signer.getPrincipal().toText() === principal ? ANCHOR : undefined
		)
	};
}

/** A share of another seal for another slot, whose x coordinate differs (they are random). */
function otherSeal(share: Uint8Array, seal: readonly Uint8Array[]): Uint8Array {
	const slot = (e: Uint8Array) => e[9];
	const x = (e: Uint8Array) => e[44];
	const found = seal.find((e) => slot(e) !== slot(share) && x(e) !== x(share));
	if (!found) throw new Error('no such share');
	return found;
}

async function failure(promise: Promise<unknown>) {
	return promise.then(
		() => {
			throw new Error('expected a failure');
		},
		(error: unknown) => error as { kind: string; message: string }
	);
}

describe('recovery from paper shares alone', () => {
	it('m paper shares give the phrase once II confirms it, with progress', async () => {
		const paper = await paperShares();
		const ii = await iiWithPhrase(entropy);
		const steps: string[] = [];
		const recovered = await recoverWithPaper(ii, ANCHOR, [paper[2]!, paper[0]!], (step) =>
			steps.push(step)
		);
		expect(recovered.entropy).toEqual(entropy);
		expect(recovered.checked.phraseKey.principal.toText()).toBe(
			(await derivePhraseKey(entropy)).principal.toText()
		);
		expect(steps).toEqual([...PAPER_STEPS, 'Phrase recovered']);
	});

	it('says plainly when the shares are not the anchor’s current phrase (older seal, other anchor)', async () => {
		const older = await paperShares();
		const newer = await paperShares();
		const ii = await iiWithPhrase(entropy);
		// an older seal mixed with the newer one rebuilds garbage: II does not know it
		const mixed = await failure(
			recoverWithPaper(ii, ANCHOR, [older[0]!, otherSeal(older[0]!, newer)])
		);
		expect(mixed).toMatchObject({ kind: 'phrase-not-on-anchor' });
		expect(mixed.message).toMatch(/do not rebuild the current recovery phrase of identity 10042/u);
		// the phrase was changed since these paper shares were printed
		const changed = await iiWithPhrase(new Uint8Array(32).fill(1));
		expect(await failure(recoverWithPaper(changed, ANCHOR, [older[0]!, older[1]!]))).toMatchObject({
			kind: 'phrase-not-on-anchor'
		});
		// right shares, wrong identity number
		expect(await failure(recoverWithPaper(ii, ANCHOR + 1n, [older[0]!, older[1]!]))).toMatchObject({
			kind: 'phrase-not-on-anchor'
		});
	});

	it('without an anchor number, II finds the identity from the rebuilt phrase', async () => {
		const paper = await paperShares();
		const ii = await iiWithPhrase(entropy);
		const recovered = await recoverWithPaper(ii, undefined, [paper[0]!, paper[1]!]);
		expect(recovered.entropy).toEqual(entropy);
		expect(recovered.checked.anchor).toBe(ANCHOR);
		// shares of an older seal rebuild a phrase no identity has
		const changed = await iiWithPhrase(new Uint8Array(32).fill(1));
		const refused = await failure(recoverWithPaper(changed, undefined, [paper[0]!, paper[1]!]));
		expect(refused).toMatchObject({ kind: 'phrase-not-on-anchor' });
		expect(refused.message).toMatch(/do not rebuild the current recovery phrase of any identity/u);
	});

	it('passes II failures on (not blamed on the shares)', async () => {
		const paper = await paperShares();
		const unreachable = async () => {
			throw Object.assign(new Error('Internet Identity could not be reached.'), {
				kind: 'Network'
			});
		};
		const down = { checkPhrase: unreachable, findIdentityByPhrase: unreachable };
		expect(await failure(recoverWithPaper(down, ANCHOR, paper.slice(0, 2)))).toMatchObject({
			kind: 'Network'
		});
	});

	it('refuses unusable shares before asking II, in plain words', async () => {
		const paper = await paperShares();
		const other = await paperShares(entropy, 6n);
		const stricter = await paperShares(entropy, 5n, 3, 3);
		const ii = await iiWithPhrase(entropy);
		const cases: [Uint8Array[], RegExp][] = [
			[[], /Enter your paper shares/u],
			[[paper[0]!], /You entered 1 different share; 2 are needed/u],
			[[paper[0]!, paper[0]!], /Paper share 1 and Paper share 2 are the same guardian’s share/u],
			[[paper[0]!, other[1]!], /Paper share 2 belongs to another Tessera vault \(6\)/u],
			[[paper[0]!, stricter[1]!], /Paper share 2 comes from a seal with other rules/u]
		];
		for (const [shares, message] of cases) {
			const error = await failure(recoverWithPaper(ii, ANCHOR, shares));
			expect(error).toMatchObject({ kind: 'paper-refused' });
			expect(error.message).toMatch(message);
		}
		expect(ii.checkPhrase).not.toHaveBeenCalled();
	});

	it('has words for every refusal', () => {
		expect(paperShareMessage({ kind: 'malformed', at: 0, error: { kind: 'bad-checksum' } })).toBe(
			'Paper share 1 cannot be read: check its words.'
		);
		expect(paperShareMessage({ kind: 'duplicate', at: 2, index: 1 })).toMatch(/counts once/u);
		expect(paperShareMessage({ kind: 'commitment-mismatch' })).toMatch(/do not fit together/u);
		expect(paperShareMessage({ kind: 'uncombinable' })).toMatch(/latest recovery kit/u);
	});
});
