// A passkey sender for any of an anchor's WebAuthn credentials: one assertion with all of them
// allowed, and the credential the authenticator used decides the public key (as II's frontend
// signs in). Its signature is the IC's WebAuthn envelope, CBOR (tag 55799)
// {authenticator_data, client_data_json, signature}, with the blob to sign as the challenge.
import {
	SignIdentity,
	type DerEncodedPublicKey,
	type PublicKey,
	type Signature
} from '@dfinity/agent';
import { encodeWithSelfDescribedTag } from '@dfinity/cbor';

export interface Credential {
	credentialId: Uint8Array;
	/** DER (OID 1.3.6.1.4.1.56387.1.1) of the COSE key, as II stores it. */
	pubkey: Uint8Array;
}

const same = (a: Uint8Array, b: Uint8Array) =>
	a.length === b.length && a.every((byte, i) => byte === b[i]);

export class AnchorPasskey extends SignIdentity {
	#used: Credential | undefined;

	constructor(private readonly credentials: readonly Credential[]) {
		super();
	}

	getPublicKey(): PublicKey {
		const used = this.#used;
		if (!used) throw new Error('the passkey is known only after it signed once');
		return { toDer: () => used.pubkey as DerEncodedPublicKey };
	}

	async sign(blob: Uint8Array): Promise<Signature> {
		const assertion = (await navigator.credentials.get({
			publicKey: {
				challenge: new Uint8Array(blob),
				allowCredentials: this.credentials.map((c) => ({
					type: 'public-key' as const,
					id: new Uint8Array(c.credentialId)
				})),
				userVerification: 'preferred'
			}
		})) as PublicKeyCredential | null;
		if (!assertion) throw new Error('no passkey answered');
		const rawId = new Uint8Array(assertion.rawId);
		const used = this.credentials.find((c) => same(c.credentialId, rawId));
		if (!used) throw new Error('the passkey used is not one of this identity');
		this.#used = used;
		const response = assertion.response as AuthenticatorAssertionResponse;
		return encodeWithSelfDescribedTag({
			authenticator_data: new Uint8Array(response.authenticatorData),
			client_data_json: new TextDecoder().decode(response.clientDataJSON),
			signature: new Uint8Array(response.signature)
		}) as Signature;
	}
}
