// Test support: a software WebAuthn authenticator (ES256 or RS256, keys from node:crypto) that
// answers navigator.credentials.get as a browser does, so @dfinity/identity's own
// WebAuthnIdentity signs requests without a browser. Only the browser and the authenticator are
// stood in for; the identity, the agent and devnet run unmodified.
//   authenticatorData  SHA-256(rp id) || flags (user present + verified) || sign count (u32 BE)
//   clientDataJSON     {"type":"webauthn.get","challenge":<base64url>,"origin":...,"crossOrigin":false}
//   signature          over authenticatorData || SHA-256(clientDataJSON): DER ECDSA or PKCS#1 v1.5
import { WebAuthnIdentity } from '@dfinity/identity';
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, concatBytes, utf8ToBytes } from '@noble/hashes/utils';
import { generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';

export type WebAuthnAlgorithm = 'es256' | 'rs256';

/** CBOR head of a definite-length item (major type, argument). */
function head(major: number, argument: number): Uint8Array {
	if (argument < 24) return Uint8Array.of((major << 5) | argument);
	if (argument < 0x100) return Uint8Array.of((major << 5) | 24, argument);
	return Uint8Array.of((major << 5) | 25, argument >> 8, argument & 0xff);
}
const cborInt = (value: number) => (value >= 0 ? head(0, value) : head(1, -1 - value));
const cborBytes = (bytes: Uint8Array) => concatBytes(head(2, bytes.length), bytes);

/** A COSE key (RFC 8152): a CBOR map of integer labels, in the order authenticators write it. */
export function coseKey(entries: [number, number | Uint8Array][]): Uint8Array {
	return concatBytes(
		head(5, entries.length),
		...entries.flatMap(([label, value]) => [
			cborInt(label),
			typeof value === 'number' ? cborInt(value) : cborBytes(value)
		])
	);
}

export interface Assertion {
	authenticatorData: Uint8Array;
	clientDataJSON: Uint8Array;
	signature: Uint8Array;
}

export class SoftwareAuthenticator {
	readonly credentialId = new Uint8Array(randomBytes(16));
	readonly cose: Uint8Array;
	private readonly privateKey: KeyObject;
	private signCount = 0;

	constructor(
		readonly algorithm: WebAuthnAlgorithm,
		readonly rpId = 'identity.ic0.app',
		readonly origin = 'https://identity.ic0.app'
	) {
		if (algorithm === 'es256') {
			const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
			const jwk = publicKey.export({ format: 'jwk' });
			const x = new Uint8Array(Buffer.from(jwk.x as string, 'base64url'));
			const y = new Uint8Array(Buffer.from(jwk.y as string, 'base64url'));
			this.cose = coseKey([
				[1, 2],
				[3, -7],
				[-1, 1],
				[-2, x],
				[-3, y]
			]);
			this.privateKey = privateKey;
		} else {
			const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
			const jwk = publicKey.export({ format: 'jwk' });
			const n = new Uint8Array(Buffer.from(jwk.n as string, 'base64url'));
			const e = new Uint8Array(Buffer.from(jwk.e as string, 'base64url'));
			this.cose = coseKey([
				[1, 3],
				[3, -257],
				[-1, n],
				[-2, e]
			]);
			this.privateKey = privateKey;
		}
	}

	/** What navigator.credentials.get returns for `challenge`. */
	assert(challenge: Uint8Array): Assertion {
		this.signCount++;
		const authenticatorData = concatBytes(
			sha256(utf8ToBytes(this.rpId)),
			Uint8Array.of(0x05),
			Uint8Array.of(
				this.signCount >>> 24,
				(this.signCount >> 16) & 0xff,
				(this.signCount >> 8) & 0xff,
				this.signCount & 0xff
			)
		);
		const clientDataJSON = utf8ToBytes(
			JSON.stringify({
				type: 'webauthn.get',
				challenge: Buffer.from(challenge).toString('base64url'),
				origin: this.origin,
				crossOrigin: false
			})
		);
		const signature = this.signBytes(concatBytes(authenticatorData, sha256(clientDataJSON)));
		return { authenticatorData, clientDataJSON, signature };
	}

	/** A signature over arbitrary bytes (DER ECDSA or PKCS#1 v1.5), for hand-made envelopes. */
	signBytes(bytes: Uint8Array): Uint8Array {
		return new Uint8Array(sign('sha256', bytes, this.privateKey));
	}

	/** @dfinity/identity's WebAuthnIdentity for this credential (navigator must be installed). */
	identity(): WebAuthnIdentity {
		return WebAuthnIdentity.fromJSON(
			JSON.stringify({ publicKey: bytesToHex(this.cose), rawId: bytesToHex(this.credentialId) })
		);
	}
}

const buffer = (bytes: Uint8Array): ArrayBuffer => Uint8Array.from(bytes).buffer;

/**
 * Installs `navigator.credentials.get` answering with the authenticator that holds the requested
 * credential, as a browser would; returns a function that removes it again.
 */
export function installNavigator(authenticators: SoftwareAuthenticator[]): () => void {
	const get = async (options: CredentialRequestOptions) => {
		const request = options.publicKey;
		if (!request) throw new Error('only publicKey requests are supported');
		const wanted = request.allowCredentials?.map((c) =>
			bytesToHex(new Uint8Array(c.id as ArrayBuffer))
		);
		const authenticator = authenticators.find((a) => wanted?.includes(bytesToHex(a.credentialId)));
		if (!authenticator) throw new Error('NotAllowedError: no such credential');
		const assertion = authenticator.assert(new Uint8Array(request.challenge as ArrayBuffer));
		return {
			id: Buffer.from(authenticator.credentialId).toString('base64url'),
			rawId: buffer(authenticator.credentialId),
			type: 'public-key',
			authenticatorAttachment: 'platform',
			response: {
				authenticatorData: buffer(assertion.authenticatorData),
				clientDataJSON: buffer(assertion.clientDataJSON),
				signature: buffer(assertion.signature)
			}
		};
	};
	const previous = Object.getOwnPropertyDescriptor(globalThis, 'navigator');
	Object.defineProperty(globalThis, 'navigator', {
		value: { credentials: { get } },
		configurable: true,
		writable: true
	});
	return () => {
		if (previous) Object.defineProperty(globalThis, 'navigator', previous);
		else Reflect.deleteProperty(globalThis, 'navigator');
	};
}
