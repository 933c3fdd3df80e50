import { Principal } from '@dfinity/principal';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils';
import { describe, expect, it } from 'vitest';
import {
	checkIdentityFromEnvelope,
	checkKeySeed,
	checkPublicKey,
	deriveCheckIdentity,
	type CheckKeyInput
} from './check-key';
import { encodeEnvelope } from './envelope';
import { ed25519KeyFromDer, ed25519Principal } from '@tessera/contract';
import { CHECK_KEY_VECTOR as V } from '../../../tests/support/vectors';

const input: CheckKeyInput = {
	canisterId: Principal.fromText(V.canisterId),
	vaultId: V.vaultId,
	shareIndex: V.shareIndex,
	envelope: hexToBytes(V.envelope)
};

describe('check key', () => {
	it('matches the vector: envelope, seed, public key, principal', () => {
		const envelope = encodeEnvelope({
			vaultId: 7n,
			index: 2,
			threshold: 2,
			total: 3,
			share: new Uint8Array(33).fill(5)
		});
		expect(bytesToHex(envelope)).toBe(V.envelope);
		expect(bytesToHex(checkKeySeed(input))).toBe(V.seed);
		expect(bytesToHex(checkPublicKey(input))).toBe(V.publicKey);
		const identity = deriveCheckIdentity(input);
		expect(identity.getPrincipal().toText()).toBe(V.principal);
		// The canister computes the same principal from the raw key the owner sends at seal.
		expect(ed25519Principal(hexToBytes(V.publicKey)).toText()).toBe(V.principal);
	});

	it('binds the canister, the vault, the slot and every envelope byte', () => {
		const variants: CheckKeyInput[] = [
			{ ...input, canisterId: Principal.fromText('aaaaa-aa') },
			{ ...input, vaultId: 8n },
			{ ...input, shareIndex: 3 },
			{ ...input, envelope: hexToBytes(V.envelope).map((b, i) => (i === 20 ? b ^ 1 : b)) }
		];
		const keys = new Set(variants.map((v) => bytesToHex(checkPublicKey(v))));
		keys.add(V.publicKey);
		expect(keys.size).toBe(variants.length + 1);
	});

	it('a guardian gets the same identity from the envelope alone', () => {
		const derived = checkIdentityFromEnvelope(input.canisterId, input.envelope);
		expect(derived.ok && derived.value.getPrincipal().toText()).toBe(V.principal);
	});

	it('refuses an envelope that does not decode', () => {
		const tampered = hexToBytes(V.envelope);
		tampered[15] = (tampered[15] ?? 0) ^ 0xff;
		expect(checkIdentityFromEnvelope(input.canisterId, tampered)).toEqual({
			ok: false,
			error: { kind: 'bad-checksum' }
		});
		expect(checkIdentityFromEnvelope(input.canisterId, new Uint8Array(48))).toEqual({
			ok: false,
			error: { kind: 'wrong-length', actual: 48 }
		});
	});
});

describe('Ed25519 key helpers (protocol.ts)', () => {
	it('extracts the raw key from DER and refuses anything else', () => {
		const der = deriveCheckIdentity(input).getPublicKey().toDer();
		expect(bytesToHex(ed25519KeyFromDer(new Uint8Array(der)) ?? new Uint8Array())).toBe(
			V.publicKey
		);
		expect(ed25519KeyFromDer(new Uint8Array(der).slice(1))).toBeUndefined();
		const wrongPrefix = new Uint8Array(der);
		wrongPrefix[0] = 0x31;
		expect(ed25519KeyFromDer(wrongPrefix)).toBeUndefined();
	});

	it('ed25519Principal refuses a key that is not 32 bytes', () => {
		expect(() => ed25519Principal(new Uint8Array(31))).toThrow(RangeError);
	});
});
