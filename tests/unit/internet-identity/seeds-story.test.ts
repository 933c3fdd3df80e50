// The seeds' story on the domain level: a thief with one device key can take over everything
// except the protected recovery phrase; the owner with the phrase sweeps the thief out.
import { entropyToMnemonic, mnemonicToSeedSync } from '@scure/bip39';
import { wordlist } from '@scure/bip39/wordlists/english.js';
import { describe, expect, it } from 'vitest';
import { iiErrorMessage } from '../../../canister/internet_identity/domain/errors';
import {
	anchorWith,
	der,
	errorOf,
	II_PHRASE_PATH,
	keyOf,
	newIi,
	passkey,
	phraseDevice,
	phraseIdentity,
	slip10Ed25519,
	unwrap
} from './helpers';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

describe('recovery-phrase key derivation (test helper)', () => {
	// SLIP-0010 test vector 1 for ed25519 (seed 000102...0f).
	const seed = Uint8Array.from(Buffer.from('000102030405060708090a0b0c0d0e0f', 'hex'));

	it('matches the SLIP-0010 ed25519 vectors', () => {
		expect(hex(slip10Ed25519(seed, []))).toBe(
			'2b4be7f19ee27bbf30c667b642d5f4aa69fd169872f8fc3059c08ebae2eb19e7'
		);
		expect(hex(slip10Ed25519(seed, [0]))).toBe(
			'68e0fe46dfb67e368c75379acec591dad19df3cde26e63b93a8e704f1dade7a3'
		);
		expect(hex(slip10Ed25519(seed, [0, 1, 2]))).toBe(
			'92a5b23c0b8a99e37d07df3fb9966917f5d06e02ddbd909c7e184371463e9fc9'
		);
	});

	it("derives the phrase key along II's path as an independent implementation does", () => {
		// Vector from another project's tests (eliezhao/icp-py-core, tests/test_identity.py).
		const mnemonic = 'fence dragon soft spoon embrace bronze regular hawk more remind detect slam';
		expect(hex(slip10Ed25519(mnemonicToSeedSync(mnemonic), II_PHRASE_PATH))).toBe(
			'8cb300e3b7d3d5181bda96437a6a5e6d8cdfc0eba02497e7bb6a3e320f5736c9'
		);
	});

	it('gives one key per phrase', () => {
		const a = entropyToMnemonic(new Uint8Array(32).fill(7), wordlist);
		const b = entropyToMnemonic(new Uint8Array(32).fill(8), wordlist);
		expect(hex(der(phraseIdentity(a)))).toBe(hex(der(phraseIdentity(a))));
		expect(hex(der(phraseIdentity(a)))).not.toBe(hex(der(phraseIdentity(b))));
	});
});

it('the thief cannot touch the protected phrase; the owner with the phrase sweeps the thief out', () => {
	const { ii } = newIi();
	const mnemonic = entropyToMnemonic(new Uint8Array(32).fill(42), wordlist);
	const phrase = phraseIdentity(mnemonic);
	const laptop = keyOf(10);
	const phone = keyOf(11);
	const thiefKeys = [keyOf(66), keyOf(67)];
	const fresh = keyOf(12);

	// The owner's anchor: a laptop and a phone passkey; the phrase added unprotected, as II's
	// newest frontend does, then protected by a call signed with the phrase key itself.
	const anchor = anchorWith(ii, laptop.getPrincipal(), [passkey(laptop), passkey(phone)]);
	unwrap(ii.add(laptop.getPrincipal(), anchor, phraseDevice(phrase), 2n));
	unwrap(
		ii.replaceSecuritySettings(
			phrase.getPrincipal(),
			anchor,
			der(phrase),
			{ protection: 'protected', purpose: 'recovery' },
			3n
		)
	);

	// The thief steals the phone: adds their own keys and removes the owner's laptop...
	const thief = phone.getPrincipal();
	for (const key of thiefKeys) unwrap(ii.add(thief, anchor, passkey(key), 4n));
	unwrap(ii.remove(thief, anchor, der(laptop), 5n));
	expect(errorOf(ii.getAnchorInfo(laptop.getPrincipal(), anchor, 6n)).kind).toBe('Unauthorized');

	// ...but can neither remove, replace, rewrite nor unprotect the protected phrase.
	const locked = /Device is locked\. Must be authenticated with this device to mutate/;
	expect(iiErrorMessage(errorOf(ii.remove(thief, anchor, der(phrase), 6n)))).toMatch(locked);
	expect(
		iiErrorMessage(errorOf(ii.replace(thief, anchor, der(phrase), passkey(keyOf(68)), 6n)))
	).toMatch(locked);
	expect(
		iiErrorMessage(
			errorOf(ii.update(thief, anchor, der(phrase), { ...phraseDevice(phrase), alias: 'mine' }, 6n))
		)
	).toMatch(locked);
	const unprotect = { protection: 'unprotected', purpose: 'recovery' } as const;
	expect(
		iiErrorMessage(errorOf(ii.replaceSecuritySettings(thief, anchor, der(phrase), unprotect, 6n)))
	).toMatch(locked);

	// The owner gets the phrase back and signs with the key derived from it.
	const owner = phraseIdentity(mnemonic).getPrincipal();
	expect(ii.lookupCallerByRecoveryPhrase(owner)).toBe(anchor);
	const seen = unwrap(ii.getAnchorInfo(owner, anchor, 7n)).devices;
	expect(seen.map((d) => d.keyType)).toEqual(['platform', 'seed_phrase', 'platform', 'platform']);

	// Sweep: remove every device but the phrase, add a fresh passkey, make sure the phrase is protected.
	for (const device of seen.filter((d) => d.keyType !== 'seed_phrase')) {
		unwrap(ii.remove(owner, anchor, device.pubkey, 8n));
	}
	unwrap(ii.add(owner, anchor, passkey(fresh, { alias: 'New laptop' }), 9n));
	unwrap(
		ii.replaceSecuritySettings(
			owner,
			anchor,
			der(phrase),
			{ protection: 'protected', purpose: 'recovery' },
			10n
		)
	);

	const after = unwrap(ii.getAnchorInfo(owner, anchor, 11n)).devices;
	expect(after.map((d) => [d.alias, d.keyType, d.protection])).toEqual([
		['Recovery phrase', 'seed_phrase', 'protected'],
		['New laptop', 'platform', 'unprotected']
	]);
	expect(ii.getAnchorCredentials(anchor).recoveryPhrases.map(hex)).toEqual([hex(der(phrase))]);
	for (const key of [phone, ...thiefKeys]) {
		expect(errorOf(ii.getAnchorInfo(key.getPrincipal(), anchor, 12n)).kind).toBe('Unauthorized');
		expect(errorOf(ii.add(key.getPrincipal(), anchor, passkey(keyOf(70)), 12n)).kind).toBe(
			'Unauthorized'
		);
	}
	unwrap(ii.getAnchorInfo(fresh.getPrincipal(), anchor, 13n));
});
