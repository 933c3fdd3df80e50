// The seeds' story on the domain level: a thief with one device key can take over everything
// except the protected recovery phrase; the owner with the phrase sweeps the thief out.
import { entropyToMnemonic } from '@scure/bip39';
import { wordlist } from '@scure/bip39/wordlists/english.js';
import { expect, it } from 'vitest';
import { iiErrorMessage } from '../../../canister/internet_identity/domain/errors';
import {
	anchorWith,
	der,
	errorOf,
	keyOf,
	newIi,
	passkey,
	phraseDevice,
	phraseIdentity,
	unwrap
} from './helpers';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

it('gives one phrase key per phrase', async () => {
	const a = entropyToMnemonic(new Uint8Array(32).fill(7), wordlist);
	const b = entropyToMnemonic(new Uint8Array(32).fill(8), wordlist);
	expect(hex(der(await phraseIdentity(a)))).toBe(hex(der(await phraseIdentity(a))));
	expect(hex(der(await phraseIdentity(a)))).not.toBe(hex(der(await phraseIdentity(b))));
});

it('the thief cannot touch the protected phrase; the owner with the phrase sweeps the thief out', async () => {
	const { ii } = newIi();
	const mnemonic = entropyToMnemonic(new Uint8Array(32).fill(42), wordlist);
	const phrase = await phraseIdentity(mnemonic);
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
	const owner = (await phraseIdentity(mnemonic)).getPrincipal();
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
