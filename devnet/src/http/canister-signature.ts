// Canister signatures (IC interface spec, "Canister signatures"; dfinity/ic
// rs/crypto/internal/crypto_lib/basic_sig/iccsa), as Internet Identity signs delegations:
//   key        DER SubjectPublicKeyInfo, OID 1.3.6.1.4.1.56387.1.2, no parameters,
//              BIT STRING = |canister id| (one byte) || canister id || seed
//   signature  tag 55799, then CBOR {certificate: blob, tree: hash tree}; valid when the
//              certificate verifies under the root key for that canister (certificate.ts), the
//              canister's certified data in it equals reconstruct(tree), and the well-formed
//              tree has an empty leaf at /sig/SHA-256(seed)/SHA-256(message)
// Checked in the replica's order, with its messages.
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex } from '@noble/hashes/utils';
import { reconstruct } from '../certification/hash-tree';
import { decodeCbor, MAX_HASH_TREE_DEPTH } from './cbor';
import {
	asHashTree,
	CertificateFailure,
	labeledTree,
	lookup,
	verifiedCertifiedData,
	type Labeled
} from './certificate';
import { HttpRequestError } from './errors';

export interface CanisterSignaturePublicKey {
	scheme: 'canister-signature';
	canisterId: Uint8Array;
	seed: Uint8Array;
}

/** Content of the AlgorithmIdentifier of a canister signature key: the OID, no parameters. */
export const CANISTER_SIGNATURE_ALGORITHM_HEX = '060a2b0601040183b8430102';

const MAX_PRINCIPAL_BYTES = 29;
const SELF_DESCRIBED_TAG = [0xd9, 0xd9, 0xf7];

/** Parses |canister id| || canister id || seed (the key's BIT STRING). */
export function parseCanisterSignatureKey(bytes: Uint8Array): CanisterSignaturePublicKey {
	const length = bytes[0];
	if (length === undefined || length > MAX_PRINCIPAL_BYTES || bytes.length < 1 + length) {
		throw new HttpRequestError(
			'invalid_public_key',
			'Invalid public key: malformed canister signature public key (|canister id| || canister id || seed)'
		);
	}
	return {
		scheme: 'canister-signature',
		canisterId: bytes.slice(1, 1 + length),
		seed: bytes.slice(1 + length)
	};
}

/** Verifies a canister signature of `message`; returns undefined, or why it does not verify. */
export function canisterSignatureFailure(
	key: CanisterSignaturePublicKey,
	message: Uint8Array,
	signature: Uint8Array,
	rootPublicKey: Uint8Array | undefined
): string | undefined {
	const failure = (reason: string) => `Invalid canister signature: ${reason}`;
	if (!SELF_DESCRIBED_TAG.every((byte, i) => signature[i] === byte)) {
		return failure("malformed signature: signature CBOR doesn't have a self-describing tag");
	}
	let certificate: Uint8Array;
	let tree: ReturnType<typeof asHashTree>;
	try {
		const fields = (decodeCbor(signature, MAX_HASH_TREE_DEPTH) ?? {}) as Record<string, unknown>;
		if (!(fields['certificate'] instanceof Uint8Array)) throw new Error('no certificate blob');
		certificate = fields['certificate'];
		tree = asHashTree(fields['tree']);
	} catch (error) {
		return failure(
			`malformed signature: failed to parse signature CBOR: ${(error as Error).message}`
		);
	}
	if (!rootPublicKey) return failure('devnet was given no root key to verify certificates with');
	try {
		const certified = verifiedCertifiedData(certificate, key.canisterId, rootPublicKey);
		const computed = reconstruct(tree);
		if (bytesToHex(certified) !== bytesToHex(computed)) {
			return failure(
				'certificate verification failed: certified data values do not match: ' +
					`certificate value is ${bytesToHex(certified)}, tree hash is ${bytesToHex(computed)}`
			);
		}
	} catch (error) {
		if (!(error instanceof CertificateFailure)) throw error;
		return failure(
			error.malformed
				? `malformed certificate: ${error.message}`
				: `certificate verification failed: ${error.message}`
		);
	}
	const seedHash = sha256(key.seed);
	const messageHash = sha256(message);
	let leaf: Labeled | undefined;
	try {
		leaf = lookup(labeledTree(tree), [new TextEncoder().encode('sig'), seedHash, messageHash]);
	} catch (error) {
		if (!(error instanceof CertificateFailure)) throw error;
		return failure(`malformed signature: failed to flatten signature hash tree: ${error.message}`);
	}
	if (leaf === undefined) {
		return failure(
			`the signature tree doesn't contain sig/${bytesToHex(seedHash)}/${bytesToHex(messageHash)} path`
		);
	}
	if (!(leaf instanceof Uint8Array) || leaf.length !== 0) {
		return failure(
			`The result of 'lookup_path' in the signature tree was not a leaf containing ""`
		);
	}
	return undefined;
}
