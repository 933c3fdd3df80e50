// Sign-in delegations as Internet Identity issues them (II's spec, "Identity design" and
// "Client authentication protocol"). A user's identity at a frontend origin is the
// self-authenticating principal of the canister-signature key
//   DER(OID 1.3.6.1.4.1.56387.1.2, |canister id| · canister id · seed),
//   seed = SHA-256(|salt| · salt · |user number| · user number · |origin| · origin),
// the user number in decimal ASCII and `https://<id>.icp0.io` read as `https://<id>.ic0.app`.
// prepare_delegation puts the canister's signature of a delegation to the session key into the
// signature tree (certified data); get_delegation hands it out with the data certificate.
import { Principal } from '@dfinity/principal';
import { sha256 } from '@noble/hashes/sha2';
import { concatBytes, hexToBytes, utf8ToBytes } from '@noble/hashes/utils';
import { canisterSignature, SignatureTree } from './signature-tree';

/** Delegations last 30 minutes unless the client asks otherwise (II's default). */
export const DEFAULT_DELEGATION_TTL_NS = 30n * 60n * 1_000_000_000n;
/** And never more than 30 days (II's cap on maxTimeToLive). */
export const MAX_DELEGATION_TTL_NS = 30n * 24n * 60n * 60n * 1_000_000_000n;

/** DER SEQUENCE { OID 1.3.6.1.4.1.56387.1.2 }, the canister signature algorithm. */
const CANISTER_SIGNATURE_ALGORITHM = hexToBytes('300c060a2b0601040183b8430102');

export interface Delegation {
	pubkey: Uint8Array;
	expiration: bigint;
	targets?: Principal[];
}

export interface SignedDelegation {
	delegation: Delegation;
	signature: Uint8Array;
}

const ICP0_ORIGIN = /^https:\/\/([a-z0-9-]+)\.icp0\.io$/;

/** The origin that goes into the seed: icp0.io apps keep their ic0.app identities. */
export function seedOrigin(origin: string): string {
	const match = ICP0_ORIGIN.exec(origin);
	return match ? `https://${match[1]}.ic0.app` : origin;
}

function lengthPrefixed(bytes: Uint8Array): Uint8Array {
	if (bytes.length > 255) throw new RangeError('a seed component is longer than 255 bytes');
	return concatBytes(Uint8Array.of(bytes.length), bytes);
}

export function delegationSeed(salt: Uint8Array, userNumber: bigint, origin: string): Uint8Array {
	return sha256(
		concatBytes(
			lengthPrefixed(salt),
			lengthPrefixed(utf8ToBytes(userNumber.toString())),
			lengthPrefixed(utf8ToBytes(seedOrigin(origin)))
		)
	);
}

/** The DER public key of `canisterId`'s signatures with `seed` (II's "user key"). */
export function canisterSignatureKey(canisterId: Principal, seed: Uint8Array): Uint8Array {
	const id = canisterId.toUint8Array();
	const bitString = concatBytes(Uint8Array.of(0), Uint8Array.of(id.length), id, seed);
	const bitStringTlv = concatBytes(Uint8Array.of(0x03), derLength(bitString.length), bitString);
	const body = concatBytes(CANISTER_SIGNATURE_ALGORITHM, bitStringTlv);
	return concatBytes(Uint8Array.of(0x30), derLength(body.length), body);
}

function derLength(length: number): Uint8Array {
	if (length < 0x80) return Uint8Array.of(length);
	if (length < 0x100) return Uint8Array.of(0x81, length);
	return Uint8Array.of(0x82, length >> 8, length & 0xff);
}

/** When a delegation made at `now` expires: the client's TTL, 30 minutes by default, capped. */
export function delegationExpiration(now: bigint, maxTimeToLive: bigint | undefined): bigint {
	const ttl = maxTimeToLive ?? DEFAULT_DELEGATION_TTL_NS;
	return now + (ttl < MAX_DELEGATION_TTL_NS ? ttl : MAX_DELEGATION_TTL_NS);
}

function unsignedLeb128(value: bigint): Uint8Array {
	const out: number[] = [];
	do {
		let byte = Number(value & 0x7fn);
		value >>= 7n;
		if (value !== 0n) byte |= 0x80;
		out.push(byte);
	} while (value !== 0n);
	return Uint8Array.from(out);
}

/** The interface spec's representation-independent hash of a delegation (hash_of_map). */
function delegationHash(delegation: Delegation): Uint8Array {
	const fields: [string, Uint8Array][] = [
		['pubkey', sha256(delegation.pubkey)],
		['expiration', sha256(unsignedLeb128(delegation.expiration))]
	];
	if (delegation.targets) {
		const targets = delegation.targets.map((t) => sha256(t.toUint8Array()));
		fields.push(['targets', sha256(concatBytes(...targets))]);
	}
	const pairs = fields
		.map(([key, valueHash]) => concatBytes(sha256(utf8ToBytes(key)), valueHash))
		.sort(compareBytes);
	return sha256(concatBytes(...pairs));
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
	for (let i = 0; i < Math.min(a.length, b.length); i++) {
		if (a[i] !== b[i]) return (a[i] as number) - (b[i] as number);
	}
	return a.length - b.length;
}

/** What a delegation's signer signs: the domain separator, then the delegation's hash. */
export function delegationMessage(delegation: Delegation): Uint8Array {
	const tag = utf8ToBytes('ic-request-auth-delegation');
	return concatBytes(Uint8Array.of(tag.length), tag, delegationHash(delegation));
}

/** The delegations this canister has signed and still certifies. */
export class Delegations {
	readonly signatures = new SignatureTree();

	constructor(private readonly canisterId: Principal) {}

	/** The user's principal at `origin` (II's get_principal). */
	principal(salt: Uint8Array, userNumber: bigint, origin: string): Principal {
		return Principal.selfAuthenticating(this.userKey(salt, userNumber, origin));
	}

	userKey(salt: Uint8Array, userNumber: bigint, origin: string): Uint8Array {
		return canisterSignatureKey(this.canisterId, delegationSeed(salt, userNumber, origin));
	}

	/** Signs a delegation to `sessionKey`; the caller then sets certified data to rootHash(). */
	prepare(
		salt: Uint8Array,
		userNumber: bigint,
		origin: string,
		sessionKey: Uint8Array,
		maxTimeToLive: bigint | undefined,
		now: bigint
	): { userKey: Uint8Array; expiration: bigint } {
		const seed = delegationSeed(salt, userNumber, origin);
		const expiration = delegationExpiration(now, maxTimeToLive);
		this.signatures.add(seed, delegationMessage({ pubkey: sessionKey, expiration }), now);
		return { userKey: canisterSignatureKey(this.canisterId, seed), expiration };
	}

	/** The signed delegation prepared with these arguments, while its signature is certified. */
	get(
		salt: Uint8Array,
		userNumber: bigint,
		origin: string,
		sessionKey: Uint8Array,
		expiration: bigint,
		certificate: Uint8Array
	): SignedDelegation | undefined {
		const seed = delegationSeed(salt, userNumber, origin);
		const delegation: Delegation = { pubkey: sessionKey, expiration };
		const tree = this.signatures.witness(seed, delegationMessage(delegation));
		if (!tree) return undefined;
		return { delegation, signature: canisterSignature(certificate, tree) };
	}

	rootHash(): Uint8Array {
		return this.signatures.rootHash();
	}
}
