// Response bodies that need no certificate: node-signed query responses and /api/v2/status.
// Query responses (IC interface spec, "Request: Query call") carry one node signature:
//   Ed25519(node key, "\x0Bic-response" || hash_of_map({status, reply | reject_code,
//           reject_message, error_code, timestamp, request_id}))
// in the form @dfinity/agent checks: signatures: [{timestamp, signature, identity}], where
// identity is the node id (self-authenticating principal of the node's DER key).
import { createPrivateKey, createPublicKey, sign, type KeyObject } from 'node:crypto';
import { concatBytes, hexToBytes, randomBytes, utf8ToBytes } from '@noble/hashes/utils';
import { selfAuthenticatingPrincipal } from './auth';
import { encodeCbor } from './cbor';
import type { Reject } from '../codes';
import { hashOfMap } from './hash';

export const IC_RESPONSE_DOMAIN = concatBytes(Uint8Array.of(0x0b), utf8ToBytes('ic-response'));
/** PKCS#8 DER prefix of an Ed25519 private key, before its 32-byte seed (RFC 8410). */
const ED25519_PKCS8_PREFIX = hexToBytes('302e020100300506032b657004220420');
/** DER prefix of a BLS12-381 G2 public key (algorithm and curve OIDs), before 96 key bytes. */
export const BLS_ROOT_KEY_DER_PREFIX = hexToBytes(
	'308182301d060d2b0601040182dc7c0503010201060c2b0601040182dc7c05030201036100'
);
export const IC_API_VERSION = '0.18.0';

/**
 * CORS headers for every response (answers included), so a browser app on another local port
 * can call devnet, as it can call the replica (which allows any origin). Devnet listens on
 * loopback by default; the requests carry their own signatures, no cookies.
 */
export const CORS_HEADERS: Readonly<Record<string, string>> = {
	'access-control-allow-origin': '*',
	'access-control-allow-methods': 'GET, POST, OPTIONS',
	'access-control-allow-headers': 'Accept, Authorization, Content-Type',
	'access-control-max-age': '600'
};

/**
 * A node's Ed25519 signing key; the secret stays in memory unless the caller persists it.
 * Signs with node:crypto (~20x faster here than @noble/curves).
 */
export class NodeKey {
	readonly publicKeyDer: Uint8Array;
	readonly nodeId: Uint8Array;
	private readonly privateKey: KeyObject;

	private constructor(private readonly secret: Uint8Array) {
		this.privateKey = createPrivateKey({
			key: Buffer.from(concatBytes(ED25519_PKCS8_PREFIX, secret)),
			format: 'der',
			type: 'pkcs8'
		});
		const spki = createPublicKey(this.privateKey).export({ format: 'der', type: 'spki' });
		this.publicKeyDer = new Uint8Array(spki);
		this.nodeId = selfAuthenticatingPrincipal(this.publicKeyDer);
	}

	static random(): NodeKey {
		return new NodeKey(randomBytes(32));
	}

	static fromSecretBytes(secret: Uint8Array): NodeKey {
		if (secret.length !== 32) throw new RangeError('an Ed25519 node key secret has 32 bytes');
		return new NodeKey(Uint8Array.from(secret));
	}

	/** The 32-byte secret, for persisting devnet state. */
	secretBytes(): Uint8Array {
		return Uint8Array.from(this.secret);
	}

	sign(message: Uint8Array): Uint8Array {
		return new Uint8Array(sign(null, message, this.privateKey));
	}
}

export type QueryOutcome =
	{ status: 'replied'; arg: Uint8Array } | ({ status: 'rejected' } & Reject);

export interface NodeSignature {
	timestamp: bigint;
	signature: Uint8Array;
	identity: Uint8Array;
}

export type QueryResponseBody =
	| { status: 'replied'; reply: { arg: Uint8Array }; signatures: NodeSignature[] }
	| {
			status: 'rejected';
			reject_code: number;
			reject_message: string;
			error_code: string;
			signatures: NodeSignature[];
	  };

/** The map a node signs for a query response (without signatures). */
export function queryResponseHash(
	outcome: QueryOutcome,
	requestId: Uint8Array,
	timestamp: bigint
): Uint8Array {
	const fields =
		outcome.status === 'replied'
			? { status: outcome.status, reply: { arg: outcome.arg } }
			: {
					status: outcome.status,
					reject_code: outcome.rejectCode,
					reject_message: outcome.rejectMessage,
					error_code: outcome.errorCode
				};
	return hashOfMap({ ...fields, timestamp, request_id: requestId });
}

/** The body of a 200 answer to a query: the outcome, signed by `node` at `timestamp` (ns). */
export function signedQueryResponse(
	outcome: QueryOutcome,
	requestId: Uint8Array,
	timestamp: bigint,
	node: NodeKey
): QueryResponseBody {
	const message = concatBytes(IC_RESPONSE_DOMAIN, queryResponseHash(outcome, requestId, timestamp));
	const signatures = [{ timestamp, signature: node.sign(message), identity: node.nodeId }];
	if (outcome.status === 'replied') {
		return { status: 'replied', reply: { arg: outcome.arg }, signatures };
	}
	return {
		status: 'rejected',
		reject_code: outcome.rejectCode,
		reject_message: outcome.rejectMessage,
		error_code: outcome.errorCode,
		signatures
	};
}

export function encodeQueryResponse(body: QueryResponseBody): Uint8Array {
	return encodeCbor(body);
}

/** DER encoding of a 96-byte compressed BLS12-381 G2 root public key. */
export function rootKeyDer(rootPublicKey: Uint8Array): Uint8Array {
	if (rootPublicKey.length !== 96) throw new RangeError('a BLS12-381 G2 public key has 96 bytes');
	return concatBytes(BLS_ROOT_KEY_DER_PREFIX, rootPublicKey);
}

/** The CBOR body of GET /api/v2/status. */
export function statusBody(rootPublicKey: Uint8Array, implVersion: string): Uint8Array {
	return encodeCbor({
		ic_api_version: IC_API_VERSION,
		impl_version: implVersion,
		replica_health_status: 'healthy',
		root_key: rootKeyDer(rootPublicKey)
	});
}
