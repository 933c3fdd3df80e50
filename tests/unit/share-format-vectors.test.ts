// The share format's test vectors (docs/share-format.md), written by an independent
// implementation (docs/vectors/reference.py), checked against the app's own code: envelope,
// paper words, Shamir combine of every m-subset, entropy and per-share commitments, phrase and
// phrase key (seed, SLIP-0010 key, DER, principal); and along the offline page's own path
// (offline/OfflineRecovery.svelte: paper words -> recoverFromPaper -> the 24 words).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mnemonicToSeedWebcrypto } from '@scure/bip39';
import { wordlist as english } from '@scure/bip39/wordlists/english.js';
import { describe, expect, it } from 'vitest';
import { sha256 } from '@noble/hashes/sha2';
import {
	concat,
	releaseIdentity,
	shareCommitment,
	u64be,
	utf8,
	VERIFICATION_CODE_DOMAIN
} from '@tessera/contract';
import { Ed25519KeyIdentity } from '@dfinity/identity';
import { decodeEnvelope, encodeEnvelope } from '../../src/lib/crypto/envelope';
import { II_DERIVATION_PATH, derivePhraseKey, slip10Ed25519 } from '../../src/lib/crypto/ii-key';
import { exportPaperShare, importPaperShare } from '../../src/lib/crypto/paper';
import { recoverFromPaper } from '../../src/lib/crypto/paper-recovery';
import { phraseFromEntropy } from '../../src/lib/crypto/phrase';
import { combineShares, entropyCommitment } from '../../src/lib/crypto/shares';
import { SYMBOL_WORDS, verificationCode } from '../../src/lib/crypto/verification-code';
import { WORDLIST } from '../../src/lib/crypto/wordlist';
import { parseRecoveryFragment, recoveryLink } from '../../src/lib/services/recovery-link';

interface ShareVector {
	index: number;
	x: number;
	share: string;
	envelope: string;
	envelopeChecksum: string;
	paperChecksum: string;
	paper: string;
	shareCommitment: string;
}
interface VaultVector {
	name: string;
	vaultId: string;
	threshold: number;
	total: number;
	entropy: string;
	entropyChecksum: number;
	phrase: string;
	phraseKey: { seed: string; privateKey: string; publicKeyDer: string; principal: string };
	commitment: string;
	shares: ShareVector[];
}

const VECTORS = new URL('../../docs/vectors/share-format.json', import.meta.url);
const REFERENCE = new URL('../../docs/vectors/reference.py', import.meta.url);
interface RecoveryLinkVector {
	anchor: string;
	requesterSeed: string;
	publicKeyDer: string;
	principalBytes: string;
	principal: string;
	fragment: string;
	codeHash: string;
	code: string;
	requestId: string;
	releaseIdentity: string;
}
const vectors: { vaults: VaultVector[]; recoveryLink: RecoveryLinkVector } = JSON.parse(
	readFileSync(VECTORS, 'utf8')
);

const hex = (text: string) => Uint8Array.from(Buffer.from(text, 'hex'));
const toHex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

function subsets<T>(items: readonly T[], size: number): T[][] {
	if (size === 0) return [[]];
	return items.flatMap((item, i) =>
		subsets(items.slice(i + 1), size - 1).map((rest) => [item, ...rest])
	);
}

describe('share format vectors', () => {
	it('are exactly what the independent reference implementation writes', () => {
		const wordlist = join(mkdtempSync(join(tmpdir(), 'tessera-words-')), 'english.txt');
		writeFileSync(wordlist, WORDLIST.join('\n'));
		const run = spawnSync('python3', [REFERENCE.pathname, wordlist], { encoding: 'utf8' });
		expect(run.stderr).toBe('');
		expect(run.stdout).toBe(readFileSync(VECTORS, 'utf8'));
	});

	it('cover 2-of-3, 3-of-5 and 10-of-10 with the largest vault id', () => {
		expect(vectors.vaults.map((v) => v.name)).toEqual(['2-of-3', '3-of-5', '10-of-10']);
		expect(vectors.vaults[2]?.vaultId).toBe(((1n << 64n) - 1n).toString());
	});

	describe.each(vectors.vaults)('$name', (vault) => {
		const vaultId = BigInt(vault.vaultId);
		const entropy = hex(vault.entropy);

		it('envelopes encode and decode to the vector bytes', () => {
			for (const share of vault.shares) {
				const fields = {
					vaultId,
					index: share.index,
					threshold: vault.threshold,
					total: vault.total,
					share: hex(share.share)
				};
				expect(toHex(encodeEnvelope(fields))).toBe(share.envelope);
				const decoded = decodeEnvelope(hex(share.envelope));
				expect(decoded).toEqual({ ok: true, value: fields });
				expect(hex(share.share)[32]).toBe(share.x);
				expect(share.envelope.slice(-8)).toBe(share.envelopeChecksum);
			}
		});

		it('paper words are the vector words, and read back to the envelope', () => {
			for (const share of vault.shares) {
				expect(exportPaperShare(hex(share.envelope)).join(' ')).toBe(share.paper);
				const read = importPaperShare(share.paper.toUpperCase().replaceAll(' ', '\n'));
				expect(read.ok && toHex(read.value)).toBe(share.envelope);
			}
		});

		it('per-share commitments are shareCommitment(vault id, 1-based slot, envelope)', () => {
			for (const share of vault.shares) {
				expect(toHex(shareCommitment(vaultId, share.index, hex(share.envelope)))).toBe(
					share.shareCommitment
				);
			}
			const [first, second] = vault.shares;
			// bound to the slot: another slot's number gives another commitment
			expect(toHex(shareCommitment(vaultId, second!.index, hex(first!.envelope)))).not.toBe(
				first!.shareCommitment
			);
		});

		it('the last 15 bits of the 37 words are the first 15 of the paper checksum', () => {
			for (const share of vault.shares) {
				const [w36, w37] = share.paper
					.split(' ')
					.slice(-2)
					.map((word) => english.indexOf(word));
				const checksum = hex(share.paperChecksum);
				// word 36: the envelope's last 7 bits, then 4 checksum bits; word 37: 11 checksum bits
				expect(w36! >> 4).toBe(hex(share.envelope)[48]! & 0x7f);
				expect(((w36! & 0xf) << 11) | w37!).toBe(
					((checksum[0]! << 7) | (checksum[1]! >> 1)) & 0x7fff
				);
			}
		});

		it('the offline page rebuilds the phrase from every m-subset of paper words', async () => {
			for (const subset of subsets(vault.shares, vault.threshold)) {
				const envelopes = subset.map(({ paper }) => {
					const read = importPaperShare(paper);
					if (!read.ok) throw new Error('vector paper share does not read');
					return read.value;
				});
				const recovered = await recoverFromPaper(envelopes);
				expect(recovered.ok && recovered.value.vaultId).toBe(vaultId);
				expect(recovered.ok && phraseFromEntropy(recovered.value.entropy).join(' ')).toBe(
					vault.phrase
				);
			}
		});

		it('a paper share with one word changed fails its checksum', () => {
			const words = vault.shares[0]!.paper.split(' ');
			const position = 20;
			const other = WORDLIST[(WORDLIST.indexOf(words[position]!) + 1) % WORDLIST.length]!;
			words[position] = other;
			expect(importPaperShare(words.join(' '))).toEqual({
				ok: false,
				error: [{ kind: 'bad-checksum' }]
			});
		});

		it('every m-subset of the shares combines to the entropy, checked by the commitment', async () => {
			expect(toHex(entropyCommitment(vaultId, entropy))).toBe(vault.commitment);
			const expected = { vaultId, commitment: hex(vault.commitment) };
			const all = subsets(vault.shares, vault.threshold);
			expect(all.length).toBeGreaterThan(0);
			for (const subset of all) {
				const combined = await combineShares(
					subset.map((s) => hex(s.envelope)),
					expected
				);
				expect(combined.ok && toHex(combined.value)).toBe(vault.entropy);
			}
		});

		it('m - 1 shares are too few', async () => {
			const fewer = vault.shares.slice(0, vault.threshold - 1).map((s) => hex(s.envelope));
			const combined = await combineShares(fewer, { vaultId, commitment: hex(vault.commitment) });
			expect(combined).toEqual({
				ok: false,
				error: { kind: 'too-few', have: vault.threshold - 1, need: vault.threshold }
			});
		});

		it('the phrase and the phrase key are the vector ones', async () => {
			expect(phraseFromEntropy(entropy).join(' ')).toBe(vault.phrase);
			expect(english.indexOf(vault.phrase.split(' ').at(-1)!) & 0xff).toBe(vault.entropyChecksum);
			const seed = await mnemonicToSeedWebcrypto(vault.phrase);
			expect(toHex(seed)).toBe(vault.phraseKey.seed);
			expect(toHex(slip10Ed25519(seed, II_DERIVATION_PATH).privateKey)).toBe(
				vault.phraseKey.privateKey
			);
			const key = await derivePhraseKey(entropy);
			expect(toHex(key.publicKeyDer)).toBe(vault.phraseKey.publicKeyDer);
			expect(key.principal.toText()).toBe(vault.phraseKey.principal);
		});
	});

	it('shares of two vaults do not combine', async () => {
		const [a, b] = vectors.vaults;
		const mixed = [hex(a!.shares[0]!.envelope), hex(b!.shares[1]!.envelope)];
		const combined = await combineShares(mixed, {
			vaultId: BigInt(a!.vaultId),
			commitment: hex(a!.commitment)
		});
		expect(combined).toMatchObject({ ok: false, error: { kind: 'foreign', at: 1 } });
	});

	it('the recovery link, its verification code and the release identity are the vector ones', () => {
		const link = vectors.recoveryLink;
		const requester = Ed25519KeyIdentity.generate(hex(link.requesterSeed));
		const publicKey = new Uint8Array(requester.getPublicKey().toDer());
		expect(toHex(publicKey)).toBe(link.publicKeyDer);
		expect(toHex(requester.getPrincipal().toUint8Array())).toBe(link.principalBytes);
		expect(requester.getPrincipal().toText()).toBe(link.principal);
		const anchor = BigInt(link.anchor);
		// the requester's side writes the link; the guardian's side reads it back
		expect(recoveryLink('https://app.example', { anchor, publicKey })).toBe(
			`https://app.example/guardian/open${link.fragment}`
		);
		const opened = parseRecoveryFragment(link.fragment);
		expect(opened.ok && opened.value.requester.toText()).toBe(link.principal);
		expect(opened.ok && opened.value.code.text).toBe(link.code);
		expect(verificationCode(anchor, requester.getPrincipal()).text).toBe(link.code);
		const codeInput = concat(
			utf8(VERIFICATION_CODE_DOMAIN),
			u64be(anchor),
			hex(link.principalBytes)
		);
		expect(toHex(sha256(codeInput))).toBe(link.codeHash);
		const releaseId = releaseIdentity(BigInt(link.requestId), requester.getPrincipal());
		expect(toHex(releaseId)).toBe(link.releaseIdentity);
	});

	it('the 64 symbol words are the same in the spec, the reference and the app', () => {
		const spec = readFileSync(new URL('../../docs/share-format.md', import.meta.url), 'utf8');
		const quoted = spec
			.slice(spec.indexOf('these 64 symbol words'))
			.split('\n')
			.filter((line) => line.startsWith('> '))
			.flatMap((line) => line.slice(2).split(' '));
		expect(quoted).toEqual([...SYMBOL_WORDS]);
		const reference = readFileSync(REFERENCE, 'utf8');
		const listed = /SYMBOL_WORDS = \(([\s\S]*?)\)\.split\(\)/u.exec(reference)?.[1] ?? '';
		const words = [...listed.matchAll(/"([^"]*)"/gu)].map((match) => match[1]).join('');
		expect(words.split(' ').filter(Boolean)).toEqual([...SYMBOL_WORDS]);
	});
});
