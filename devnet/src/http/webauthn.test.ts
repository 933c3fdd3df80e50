// WebAuthn senders and delegation keys: @dfinity/identity's WebAuthnIdentity signing through a
// software authenticator (testing/webauthn-authenticator.ts), and real authenticator output the
// replica's own tests use (dfinity/ic rs/validator/src/webauthn.rs: a YubiKey and Windows Hello).
import { encodeWithSelfDescribedTag } from '@dfinity/cbor';
import { p256 } from '@noble/curves/nist';
import { hexToBytes, utf8ToBytes } from '@noble/hashes/utils';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { authenticate, selfAuthenticatingPrincipal } from './auth';
import type { Envelope } from './envelope';
import { parsePublicKey, signatureFailure } from './keys';
import { expectHttpError } from './testing/expect-error';
import {
	agentEnvelope,
	CANISTER,
	delegated,
	newIdentity,
	nowNs,
	OTHER_CANISTER,
	type RequestKind
} from './testing/identities';
import {
	coseKey,
	installNavigator,
	SoftwareAuthenticator,
	type WebAuthnAlgorithm
} from './testing/webauthn-authenticator';
import { generateKeyPairSync } from 'node:crypto';
import { wrapDER, DER_COSE_OID } from '@dfinity/agent';

const ALGORITHMS: WebAuthnAlgorithm[] = ['es256', 'rs256'];
const KINDS: RequestKind[] = ['call', 'query', 'read_state'];
const authenticators = {
	es256: new SoftwareAuthenticator('es256'),
	rs256: new SoftwareAuthenticator('rs256')
};
let uninstall: () => void = () => {};
beforeAll(() => {
	uninstall = installNavigator(Object.values(authenticators));
});
afterAll(() => uninstall());

/** Re-signs an envelope's request as WebAuthnIdentity would, with edits to the assertion. */
function resign(
	envelope: Envelope,
	authenticator: SoftwareAuthenticator,
	edit: {
		challenge?: Uint8Array;
		clientDataAsBytes?: boolean;
		signature?: (signature: Uint8Array) => Uint8Array;
	}
): Envelope {
	const message = Uint8Array.of(0x0a, ...utf8ToBytes('ic-request'), ...envelope.requestId);
	const assertion = authenticator.assert(edit.challenge ?? message);
	const signature = edit.signature ? edit.signature(assertion.signature) : assertion.signature;
	const clientData = edit.clientDataAsBytes
		? assertion.clientDataJSON
		: new TextDecoder().decode(assertion.clientDataJSON);
	const senderSig = encodeWithSelfDescribedTag({
		authenticator_data: assertion.authenticatorData,
		client_data_json: clientData,
		signature
	});
	return { ...envelope, senderSig };
}

describe('WebAuthnIdentity (@dfinity/identity) senders authenticate', () => {
	for (const algorithm of ALGORITHMS) {
		test.each(KINDS)(`${algorithm} %s`, async (kind) => {
			const identity = authenticators[algorithm].identity();
			const envelope = await agentEnvelope(identity, kind);
			const auth = authenticate(envelope, nowNs());
			const der = new Uint8Array(identity.getPublicKey().toDer());
			expect(auth.sender).toEqual(selfAuthenticatingPrincipal(der));
			expect(auth.sender).toEqual(identity.getPrincipal().toUint8Array());
		});

		test(`${algorithm}: root of a delegation chain to an Ed25519 session key, and a key inside one`, async () => {
			const passkey = authenticators[algorithm].identity();
			const session = await newIdentity('ed25519');
			const fromPasskey = await delegated(passkey, [session], { targets: [CANISTER] });
			const auth = authenticate(await agentEnvelope(fromPasskey, 'call'), nowNs());
			expect(auth.sender).toEqual(passkey.getPrincipal().toUint8Array());
			const root = await newIdentity('ecdsa-p256');
			const toPasskey = await delegated(root, [passkey, await newIdentity('ecdsa-secp256k1')]);
			const chained = authenticate(await agentEnvelope(toPasskey, 'query'), nowNs());
			expect(chained.sender).toEqual(root.getPrincipal().toUint8Array());
			const denied = await agentEnvelope(fromPasskey, 'call', OTHER_CANISTER);
			expectHttpError(() => authenticate(denied, nowNs()), 'not_in_delegation_targets');
		});

		test(`${algorithm}: client_data_json as a CBOR byte string is accepted too`, async () => {
			const envelope = await agentEnvelope(authenticators[algorithm].identity(), 'call');
			const asBytes = resign(envelope, authenticators[algorithm], { clientDataAsBytes: true });
			authenticate(asBytes, nowNs());
		});

		test(`${algorithm}: a wrong challenge is refused`, async () => {
			const envelope = await agentEnvelope(authenticators[algorithm].identity(), 'call');
			const other = resign(envelope, authenticators[algorithm], {
				challenge: utf8ToBytes('another request')
			});
			expectHttpError(
				() => authenticate(other, nowNs()),
				'invalid_signature',
				/^Invalid signature: Challenge in webauthn is \[97, 110, .*\] while it is expected to be \[10, 105, 99, 45/
			);
		});

		test(`${algorithm}: a bad signature is refused`, async () => {
			const envelope = await agentEnvelope(authenticators[algorithm].identity(), 'call');
			const flipLast = (signature: Uint8Array) => {
				const copy = Uint8Array.from(signature);
				copy[copy.length - 1] = (copy[copy.length - 1] as number) ^ 1;
				return copy;
			};
			const bad = resign(envelope, authenticators[algorithm], { signature: flipLast });
			expectHttpError(
				() => authenticate(bad, nowNs()),
				'invalid_signature',
				/^Invalid signature: (Verifying signature failed|Failed to parse)/
			);
			const otherKey = new SoftwareAuthenticator(algorithm);
			const byOther = resign(envelope, otherKey, {});
			expectHttpError(
				() => authenticate(byOther, nowNs()),
				'invalid_signature',
				/Verifying signature failed/
			);
		});

		test(`${algorithm}: a bad signature on a delegation is refused`, async () => {
			const identity = await delegated(authenticators[algorithm].identity(), [
				await newIdentity('ed25519')
			]);
			const envelope = await agentEnvelope(identity, 'call');
			const [signed] = envelope.senderDelegation ?? [];
			if (!signed) throw new Error('no delegation');
			const longer = {
				...signed,
				delegation: { ...signed.delegation, expiration: signed.delegation.expiration + 1n }
			};
			expectHttpError(
				() => authenticate({ ...envelope, senderDelegation: [longer] }, nowNs()),
				'invalid_delegation',
				/^Invalid delegation: Challenge in webauthn is/
			);
		});
	}

	test('es256: high-s signatures are accepted (II devices and security keys make them)', async () => {
		const envelope = await agentEnvelope(authenticators.es256.identity(), 'call');
		const highS = resign(envelope, authenticators.es256, {
			signature: (der) => {
				const sig = p256.Signature.fromDER(der);
				const s = sig.s > p256.CURVE.n / 2n ? sig.s : p256.CURVE.n - sig.s;
				return new p256.Signature(sig.r, s).toDERRawBytes();
			}
		});
		authenticate(highS, nowNs());
	});

	test('es256: a signature that is not DER is refused', async () => {
		const envelope = await agentEnvelope(authenticators.es256.identity(), 'call');
		const raw = resign(envelope, authenticators.es256, {
			signature: (der) => p256.Signature.fromDER(der).toCompactRawBytes()
		});
		expectHttpError(
			() => authenticate(raw, nowNs()),
			'invalid_signature',
			/Failed to parse EcdsaP256 signature/
		);
	});

	test('any bytes as a signature are refused with invalid_signature, nothing else', async () => {
		for (const algorithm of ALGORITHMS) {
			const envelope = await agentEnvelope(authenticators[algorithm].identity(), 'call');
			fc.assert(
				fc.property(fc.uint8Array({ maxLength: 200 }), (senderSig) => {
					expectHttpError(
						() => authenticate({ ...envelope, senderSig }, nowNs()),
						'invalid_signature'
					);
				}),
				{ numRuns: 200 }
			);
			const anyFields = fc.record({
				authenticator_data: fc.oneof(fc.uint8Array({ maxLength: 40 }), fc.string()),
				client_data_json: fc.oneof(fc.uint8Array({ maxLength: 40 }), fc.json()),
				signature: fc.oneof(fc.uint8Array({ maxLength: 80 }), fc.integer())
			});
			fc.assert(
				fc.property(anyFields, (fields) => {
					const senderSig = encodeWithSelfDescribedTag(fields);
					expectHttpError(
						() => authenticate({ ...envelope, senderSig }, nowNs()),
						'invalid_signature'
					);
				}),
				{ numRuns: 200 }
			);
		}
	});

	test('signature envelopes that are not CBOR maps of the three fields are refused', async () => {
		const envelope = await agentEnvelope(authenticators.es256.identity(), 'call');
		for (const senderSig of [
			Uint8Array.of(1, 2, 3),
			encodeWithSelfDescribedTag({
				authenticator_data: new Uint8Array(37),
				signature: new Uint8Array(70)
			})
		]) {
			expectHttpError(
				() => authenticate({ ...envelope, senderSig }, nowNs()),
				'invalid_signature',
				/Signature CBOR parsing failed/
			);
		}
	});
});

describe('real authenticator output (dfinity/ic rs/validator webauthn.rs test vectors)', () => {
	// A YubiKey's ES256 key and its signature of "hello" (the challenge); DER-wrapped COSE key.
	const yubiKey = hexToBytes(
		'305e300c060a2b0601040183b8430101034e00a5010203262001215820b487d183dc4806058eb31a29bedefd7bcca987b77a381a3684871d8449c183942258202a122cc711a80453678c3032de4b6fff2c86342e82d1e7adb617c4165c43ce5e'
	);
	const yubiKeySignature = hexToBytes(
		'd9d9f7a37261757468656e74696361746f725f646174615825bfabc37432958b063360d3ad6461c9c4735ae7f8edd46592a5e0f01452b2e4b5010000000170636c69656e745f646174615f6a736f6e58517b2274797065223a2022776562617574686e2e676574222c20226368616c6c656e6765223a202261475673624738222c20226f726967696e223a202268747470733a2f2f6578616d706c652e6f7267227d697369676e617475726558463044022063627c69661048fb111b13dec2f3675010493c1c276c6a144f44e1fabab01d300220517d3cbd70658933dab63fd23cf05f7274aea6afad206be04d4ec5e268b471d2'
	);
	// A Windows Hello RS256 key and its signature of "hello"; client_data_json is CBOR text here.
	const windowsHello = hexToBytes(
		'30820123300c060a2b0601040183b84301010382011100a401030339010020590100c6b690341eef02719f6d1dfce2db1f77ac9bd632ba70efcee92bae2073c09927ee3670a6696eec0cee96189ddb448d04ec4e4674e940af9f905e893b4ce25821ada8b45c6cd11f2ee0cda668c7c2a2a8a56d5e1f23f5ca0bb6e193c1d34ead16d84cc4b72e26763711fcf49fac3b508715dc9f494ec1379ed5a95c53b9b1edcc027d7013248bbe6d1e1445912a5a21b27168db7f60aa73253e981c33f54f61c67dbce3d9c10d5f0e6af1c112a65c8ce64a1d01ae1e31a53e3d4525addcece402f1e62208d42ebde528830f93bebc898901947ec0fb218a96a53968d07e09b8a067e5a4c825632e24e450c4c9ef8138dcc91f9f9168a603c13bd4f2f8a0d3ee6b2143010001'
	);
	const windowsHelloSignature = hexToBytes(
		'd9d9f7a3697369676e617475726559010001dac0ad9ee89c9b9d3f772bb8dd79bc16839a026bf4378629789bede8e5e284bce9c59e2c5b2fd5d8daff964d4eec1a43eb6f083595f1ce42c9f78445dba95146e3338680ca72f7720371d88d56ab6578a67f9791954787d54e4c5687bb0d3379a268dbaa9dc8dd550187953c349e10e454c0950cfeaf37c5f01ff09a5b581fb81de8bfe9be21a8baa5f96653fce6eaf485d8726e1f620454c145fa542756e7b606f1ab9439a081bb01fec8be7679c72e2ce110655a36a01bde34be7be9e6270334d9b3f242ff12852992eeb515b13989245d049500629a5ac38c40f09dd218e8e1a790d3034418b7c3b59a6ac73e91b5bf4cf7c62d8e6de2dbaf00117045c070636c69656e745f646174615f6a736f6e786a7b2274797065223a22776562617574686e2e676574222c226368616c6c656e6765223a2261475673624738222c226f726967696e223a2268747470733a2f2f6333656634366165616437622e6e67726f6b2e696f222c2263726f73734f726967696e223a66616c73657d7261757468656e74696361746f725f6461746158252f8ceaf48dec5b53d9ddacaaf8b66392ded1691211f24e687badad8049b59ef60500000001'
	);
	const hello = utf8ToBytes('hello');

	test('verify, and refuse another message with the replica message', () => {
		for (const [key, signature] of [
			[yubiKey, yubiKeySignature],
			[windowsHello, windowsHelloSignature]
		] as const) {
			const parsed = parsePublicKey(key);
			expect(signatureFailure(parsed, hello, signature)).toBeUndefined();
			expect(signatureFailure(parsed, Uint8Array.of(0, 1, 2, 3), signature)).toBe(
				'Challenge in webauthn is [104, 101, 108, 108, 111] while it is expected to be [0, 1, 2, 3]'
			);
		}
	});

	test('a signature under another key of the same kind is refused', () => {
		const otherYubiKey = hexToBytes(
			'305E300C060A2B0601040183B8430101034E00A50102032620012158207FFD83632072FD1BFEAF3FBAA43146E0EF95C3F55E3994A41BBF2B5174D771DA22582032497EED0A7F6F000928765B8318162CFD80A94E525A6A368C2363063D04E6ED'
		);
		expect(signatureFailure(parsePublicKey(otherYubiKey), hello, yubiKeySignature)).toMatch(
			/^Verifying signature failed/
		);
	});
});

describe('WebAuthn public keys', () => {
	const der = (cose: Uint8Array) => new Uint8Array(wrapDER(cose, DER_COSE_OID));
	const withKey = async (key: Uint8Array): Promise<Envelope> => {
		const envelope = await agentEnvelope(await newIdentity('ed25519'), 'call');
		return {
			...envelope,
			content: { ...envelope.content, sender: selfAuthenticatingPrincipal(key) },
			senderPubkey: key
		};
	};
	const es256 = authenticators.es256.cose;

	test('unsupported COSE algorithms (EdDSA, P-384, key_ops other than verify)', async () => {
		const x = es256.subarray(10, 42);
		for (const cose of [
			coseKey([
				[1, 1],
				[3, -8],
				[-1, 6],
				[-2, x]
			]),
			coseKey([
				[1, 2],
				[3, -7],
				[-1, 2],
				[-2, x],
				[-3, x]
			]),
			coseKey([
				[1, 2],
				[3, -7],
				[4, 1],
				[-1, 1],
				[-2, x],
				[-3, x]
			])
		]) {
			const envelope = await withKey(der(cose));
			expectHttpError(() => authenticate(envelope, nowNs()), 'unsupported_public_key');
		}
	});

	test('malformed COSE keys: missing fields, wrong sizes, point off the curve, small RSA, trailing bytes', async () => {
		const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
		const jwk = publicKey.export({ format: 'jwk' });
		const n = new Uint8Array(Buffer.from(jwk.n as string, 'base64url'));
		const e = new Uint8Array(Buffer.from(jwk.e as string, 'base64url'));
		const x = es256.slice(10, 42);
		const y = es256.slice(45, 77);
		const offCurve = Uint8Array.from(y);
		offCurve[31] = (offCurve[31] as number) ^ 1;
		for (const cose of [
			coseKey([
				[1, 2],
				[-1, 1],
				[-2, x],
				[-3, y]
			]),
			coseKey([
				[1, 2],
				[3, -7],
				[-1, 1],
				[-2, x.subarray(1)],
				[-3, y]
			]),
			coseKey([
				[1, 2],
				[3, -7],
				[-1, 1],
				[-2, x],
				[-3, offCurve]
			]),
			coseKey([
				[1, 3],
				[3, -257],
				[-1, n],
				[-2, e]
			]),
			Uint8Array.of(...es256, 0)
		]) {
			const envelope = await withKey(der(cose));
			expectHttpError(() => authenticate(envelope, nowNs()), 'invalid_public_key');
		}
	});
});
