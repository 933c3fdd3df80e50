import { Principal } from '@dfinity/principal';
import { generateKeyPairSync } from 'node:crypto';
import { p256 } from '@noble/curves/nist';
import { secp256k1 } from '@noble/curves/secp256k1';
import { bytesToHex, concatBytes, hexToBytes } from '@noble/hashes/utils';
import { describe, expect, test } from 'vitest';
import { authenticate, selfAuthenticatingPrincipal } from './auth';
import type { Envelope } from './envelope';
import { expectHttpError } from './testing/expect-error';
import { agentEnvelope, delegated, newIdentity, nowNs } from './testing/identities';

describe('public keys', () => {
	test('high-s ECDSA signatures are accepted, as the replica does', async () => {
		for (const [key, curve] of [
			['ecdsa-p256', p256],
			['ecdsa-secp256k1', secp256k1]
		] as const) {
			const envelope = await agentEnvelope(await newIdentity(key), 'call');
			const sig = curve.Signature.fromBytes(envelope.senderSig as Uint8Array, 'compact');
			const highS = new curve.Signature(sig.r, curve.Point.Fn.neg(sig.s)).toBytes('compact');
			expect(bytesToHex(highS)).not.toBe(bytesToHex(envelope.senderSig as Uint8Array));
			authenticate({ ...envelope, senderSig: highS }, nowNs());
		}
	});

	// A canister-signature public key as Internet Identity uses (OID 1.3.6.1.4.1.56387.1.2).
	const iiCanister = Principal.fromText('rdmx6-jaaaa-aaaaa-aaadq-cai').toUint8Array();
	const canisterSigKey = concatBytes(
		hexToBytes('303c300c060a2b0601040183b8430102032c00'),
		Uint8Array.of(iiCanister.length),
		iiCanister,
		new Uint8Array(32).fill(9)
	);

	test('a canister-signature key (Internet Identity) is parsed; a signature that is not one is refused', async () => {
		const envelope = await agentEnvelope(await newIdentity('ed25519'), 'call');
		const sender = selfAuthenticatingPrincipal(canisterSigKey);
		const ii: Envelope = {
			...envelope,
			content: { ...envelope.content, sender },
			senderPubkey: canisterSigKey
		};
		expectHttpError(
			() => authenticate(ii, nowNs()),
			'invalid_signature',
			/^Invalid signature: Invalid canister signature: malformed signature/
		);
	});

	test('an II-style chain rooted in a canister-signature key needs a canister signature on the delegation', async () => {
		const session = await newIdentity('ecdsa-p256');
		const identity = await delegated(await newIdentity('ed25519'), [session]);
		const envelope = await agentEnvelope(identity, 'call');
		const ii: Envelope = {
			...envelope,
			content: { ...envelope.content, sender: selfAuthenticatingPrincipal(canisterSigKey) },
			senderPubkey: canisterSigKey
		};
		expectHttpError(
			() => authenticate(ii, nowNs()),
			'invalid_delegation',
			/^Invalid delegation: Invalid canister signature: /
		);
	});

	test('canister-signature keys: a canister id longer than a principal or than the key', async () => {
		const envelope = await agentEnvelope(await newIdentity('ed25519'), 'call');
		for (const bitString of [Uint8Array.of(30, ...new Uint8Array(40)), Uint8Array.of(10, 1, 2)]) {
			const key = concatBytes(
				hexToBytes('300c060a2b0601040183b8430102'),
				Uint8Array.of(0x03, bitString.length + 1, 0),
				bitString
			);
			const der = concatBytes(Uint8Array.of(0x30, key.length), key);
			const withKey: Envelope = {
				...envelope,
				content: { ...envelope.content, sender: selfAuthenticatingPrincipal(der) },
				senderPubkey: der
			};
			expectHttpError(() => authenticate(withKey, nowNs()), 'invalid_public_key');
		}
	});

	test('plain RSA keys are refused: the IC allows RSA only inside WebAuthn', async () => {
		const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
		const der = new Uint8Array(publicKey.export({ format: 'der', type: 'spki' }));
		const envelope = await agentEnvelope(await newIdentity('ed25519'), 'call');
		const rsa: Envelope = {
			...envelope,
			content: { ...envelope.content, sender: selfAuthenticatingPrincipal(der) },
			senderPubkey: der
		};
		expectHttpError(() => authenticate(rsa, nowNs()), 'unsupported_public_key', /RSA/);
	});

	test('invalid keys: unknown algorithm, point off the curve, compressed point', async () => {
		const envelope = await agentEnvelope(await newIdentity('ecdsa-p256'), 'call');
		const der = envelope.senderPubkey as Uint8Array;
		const withKey = (key: Uint8Array): Envelope => ({
			...envelope,
			content: { ...envelope.content, sender: selfAuthenticatingPrincipal(key) },
			senderPubkey: key
		});
		expectHttpError(
			() => authenticate(withKey(Uint8Array.of(1, 2, 3)), nowNs()),
			'unsupported_public_key'
		);
		const offCurve = Uint8Array.from(der);
		offCurve[der.length - 1] = (offCurve[der.length - 1] as number) ^ 1;
		expectHttpError(() => authenticate(withKey(offCurve), nowNs()), 'invalid_public_key');
		const compressed = concatBytes(
			der.subarray(0, der.length - 65),
			Uint8Array.of(2),
			der.subarray(der.length - 64)
		);
		expectHttpError(() => authenticate(withKey(compressed), nowNs()), 'invalid_public_key');
	});
});
