import { Ed25519KeyIdentity } from '@dfinity/identity';
import { Principal } from '@dfinity/principal';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils';
import { describe, expect, it } from 'vitest';
import { derivePhraseKey } from './ii-key';
import { signOperation, verifyOperation, type ExpectedOperation } from './operation';
import {
	ED25519_DER_PREFIX,
	MAX_OPERATION_TTL_NS,
	decodeOperationMessage,
	encodeOperationMessage,
	encodeOperationPayload,
	hashOperationPayload,
	releaseIdentity,
	type OperationMessage
} from './protocol';
import {
	CANISTER_ID,
	OPERATION_VECTOR as V,
	PAYLOAD_VECTOR,
	RELEASE_IDENTITY_VECTOR
} from './vectors';

const canisterId = Principal.fromText(CANISTER_ID);
/** WebCrypto wants ArrayBuffer-backed views. */
const buffer = (hex: string) => new Uint8Array(hexToBytes(hex)).buffer;
const vectorMessage: OperationMessage = {
	purpose: 'seal_shares',
	canisterId,
	vaultId: V.vaultId,
	nonce: V.nonce,
	expiryNs: V.expiryNs,
	payloadHash: hexToBytes(V.payloadHash)
};
const vectorKey = Ed25519KeyIdentity.generate(hexToBytes(V.secretKey));
const publicKeyDer = new Uint8Array(vectorKey.getPublicKey().toDer());
const nowNs = V.expiryNs - 60_000_000_000n;
const expected: ExpectedOperation = {
	purpose: 'seal_shares',
	canisterId,
	vaultId: V.vaultId,
	nonce: V.nonce,
	payloadHash: hexToBytes(V.payloadHash),
	nowNs
};
const signed = { message: hexToBytes(V.message), signature: hexToBytes(V.signature) };

describe('protocol encoders (vectors shared with the canister)', () => {
	it('encodes a payload canonically', () => {
		const payload = encodeOperationPayload([5n, hexToBytes('abcd'), 'hi', canisterId]);
		expect(bytesToHex(payload)).toBe(PAYLOAD_VECTOR.payload);
		expect(bytesToHex(hashOperationPayload(payload))).toBe(PAYLOAD_VECTOR.hash);
	});

	it('encodes the release identity as u64_be(request id) || principal', () => {
		const { requestId, requester, identity } = RELEASE_IDENTITY_VECTOR;
		expect(bytesToHex(releaseIdentity(requestId, Principal.fromText(requester)))).toBe(identity);
	});

	it('encodes an operation message byte for byte', () => {
		expect(bytesToHex(encodeOperationMessage(vectorMessage))).toBe(V.message);
		expect(decodeOperationMessage(hexToBytes(V.message))).toEqual({
			ok: true,
			value: vectorMessage
		});
	});

	it('signs the vector deterministically with the Ed25519 identity', async () => {
		expect(bytesToHex(vectorKey.getPublicKey().rawKey)).toBe(V.publicKey);
		const result = await signOperation(vectorKey, vectorMessage);
		expect(bytesToHex(result.message)).toBe(V.message);
		expect(bytesToHex(result.signature)).toBe(V.signature);
	});

	it('has a signature WebCrypto accepts (an independent Ed25519)', async () => {
		const key = await crypto.subtle.importKey('raw', buffer(V.publicKey), 'Ed25519', false, [
			'verify'
		]);
		expect(await crypto.subtle.verify('Ed25519', key, buffer(V.signature), buffer(V.message))).toBe(
			true
		);
	});
});

describe('verifyOperation', () => {
	it('accepts the vector', () => {
		expect(verifyOperation(signed, publicKeyDer, expected)).toEqual({
			ok: true,
			value: vectorMessage
		});
	});

	it('accepts an operation signed by a phrase key', async () => {
		const key = await derivePhraseKey(new Uint8Array(32).fill(3));
		const operation = await signOperation(key.identity, vectorMessage);
		expect(verifyOperation(operation, key.publicKeyDer, expected).ok).toBe(true);
		expect(verifyOperation(operation, publicKeyDer, expected)).toEqual({
			ok: false,
			error: { kind: 'bad-signature' }
		});
	});

	const fails = (overrides: Partial<ExpectedOperation>, error: object) =>
		expect(verifyOperation(signed, publicKeyDer, { ...expected, ...overrides })).toEqual({
			ok: false,
			error
		});

	it('names a wrong purpose, canister, vault, nonce or payload', () => {
		fails(
			{ purpose: 'delete_vault' },
			{
				kind: 'wrong-purpose',
				expected: 'delete_vault',
				actual: 'seal_shares'
			}
		);
		fails({ canisterId: Principal.fromText('aaaaa-aa') }, { kind: 'wrong-canister' });
		fails({ vaultId: 8n }, { kind: 'wrong-vault' });
		fails({ nonce: 4n }, { kind: 'wrong-nonce', expected: 4n, actual: 3n });
		fails({ payloadHash: new Uint8Array(32) }, { kind: 'wrong-payload' });
	});

	it('refuses expired messages and expiries too far ahead', () => {
		fails({ nowNs: V.expiryNs + 1n }, { kind: 'expired' });
		fails({ nowNs: V.expiryNs - MAX_OPERATION_TTL_NS - 1n }, { kind: 'expiry-too-far' });
		expect(verifyOperation(signed, publicKeyDer, { ...expected, nowNs: V.expiryNs }).ok).toBe(true);
		const earliest = V.expiryNs - MAX_OPERATION_TTL_NS;
		expect(verifyOperation(signed, publicKeyDer, { ...expected, nowNs: earliest }).ok).toBe(true);
	});

	it('refuses a bad signature', () => {
		const signature = signed.signature.slice();
		signature[0] = (signature[0] ?? 0) ^ 1;
		for (const bad of [signature, signed.signature.subarray(1), new Uint8Array(64)]) {
			expect(verifyOperation({ ...signed, signature: bad }, publicKeyDer, expected)).toEqual({
				ok: false,
				error: { kind: 'bad-signature' }
			});
		}
	});

	it('refuses a signature moved to a message with other fields', () => {
		const other = encodeOperationMessage({ ...vectorMessage, nonce: 4n });
		expect(
			verifyOperation({ message: other, signature: signed.signature }, publicKeyDer, {
				...expected,
				nonce: 4n
			})
		).toEqual({ ok: false, error: { kind: 'bad-signature' } });
	});

	it('refuses a public key that is not an Ed25519 DER key', () => {
		const rawKey = hexToBytes(V.publicKey);
		const wrongPrefix = publicKeyDer.slice();
		wrongPrefix[5] = 0;
		for (const key of [rawKey, wrongPrefix, Uint8Array.from([...ED25519_DER_PREFIX])]) {
			expect(verifyOperation(signed, key, expected)).toEqual({
				ok: false,
				error: { kind: 'bad-public-key' }
			});
		}
	});

	it('refuses malformed messages with a reason', () => {
		const bytes = hexToBytes(V.message);
		const withByte = (at: number, value: number) => {
			const copy = bytes.slice();
			copy[at] = value;
			return copy;
		};
		const cases: [Uint8Array, string][] = [
			[Uint8Array.from([...bytes, 0]), 'trailing bytes'],
			[bytes.subarray(0, bytes.length - 1), 'truncated'],
			[withByte(10, 0x54), 'not an operation message'],
			[withByte(28, 2), 'unknown version'],
			[withByte(40, 0x53), 'unknown purpose'],
			[withByte(55, 0x40), 'bad canister id'],
			[new Uint8Array(300), 'too long'],
			[new Uint8Array(0), 'not an operation message']
		];
		for (const [message, reason] of cases) {
			expect(
				verifyOperation({ message, signature: signed.signature }, publicKeyDer, expected)
			).toEqual({
				ok: false,
				error: { kind: 'malformed', reason }
			});
		}
	});

	it('refuses to encode a payload hash of the wrong size', () => {
		expect(() =>
			encodeOperationMessage({ ...vectorMessage, payloadHash: new Uint8Array(31) })
		).toThrow(RangeError);
	});
});
