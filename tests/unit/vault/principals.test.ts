// The domain's fast principal helpers agree with @dfinity/principal for every principal.
import { Principal } from '@dfinity/principal';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	ed25519Principal,
	principalKey,
	principalText,
	samePrincipal
} from '../../../canister/vault/domain/principals';
import { ed25519Principal as protocolPrincipal } from '@tessera/contract';

const principal = fc
	.uint8Array({ minLength: 0, maxLength: 29 })
	.map((bytes) => Principal.fromUint8Array(bytes));

describe('principal helpers', () => {
	it('principalText equals Principal.toText (property, all lengths 0..29)', () => {
		fc.assert(
			fc.property(principal, (p) => {
				expect(principalText(p)).toBe(p.toText());
			}),
			{ numRuns: 500 }
		);
		for (const text of ['aaaaa-aa', '2vxsx-fae', 'rdmx6-jaaaa-aaaaa-aaadq-cai']) {
			expect(principalText(Principal.fromText(text))).toBe(text);
		}
	});

	it('samePrincipal and principalKey agree with byte equality', () => {
		fc.assert(
			fc.property(principal, principal, (a, b) => {
				const equal = a.compareTo(b) === 'eq';
				expect(samePrincipal(a, b)).toBe(equal);
				expect(principalKey(a) === principalKey(b)).toBe(equal);
				expect(samePrincipal(a, Principal.fromText(a.toText()))).toBe(true);
			}),
			{ numRuns: 300 }
		);
		// A prefix is not equal.
		const long = Principal.fromUint8Array(Uint8Array.of(1, 2, 3));
		expect(samePrincipal(long, Principal.fromUint8Array(Uint8Array.of(1, 2)))).toBe(false);
	});

	it('principalText: the cache returns the text of the principal asked for', () => {
		const texts = new Map<string, string>();
		fc.assert(
			fc.property(fc.array(principal, { maxLength: 600 }), (all) => {
				for (const p of all) texts.set(principalKey(p), p.toText());
				for (const p of all) expect(principalText(p)).toBe(texts.get(principalKey(p)));
			}),
			{ numRuns: 5 }
		);
	});

	it("ed25519Principal equals protocol.ts's (Principal.selfAuthenticating with noble)", () => {
		fc.assert(
			fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), (key) => {
				expect(ed25519Principal(key).toText()).toBe(protocolPrincipal(key).toText());
			}),
			{ numRuns: 200 }
		);
		expect(() => ed25519Principal(new Uint8Array(31))).toThrow(RangeError);
	});
});
