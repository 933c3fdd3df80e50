// Outgoing calls: Internet Identity's get_anchor_credentials and the management canister's vetKD
// methods (their Candid types: vetkd-idl.ts).
import { call, IDL, Principal } from 'azle';

import { ed25519KeyFromDer } from '@tessera/contract';
import { TableCachedEncoder } from '../candid';
import { CandidDecodeError, TableCachedDecoder } from '../candid-decode';
import { AnchorCredentials, type AnchorCredentialsValue } from '../../internet_identity/domain/idl';
import {
	VetKdDeriveKeyArgs,
	VetKdDeriveKeyResult,
	VetKdPublicKeyArgs,
	VetKdPublicKeyResult
} from './vetkd-idl';

const EMPTY_KEY_ID = { curve: { bls12_381_g2: null }, name: '' };
// Arguments encoded with their tables cached (see TableCachedEncoder: IDL.encode, which Azle's
// typed `call` runs, rebuilds them per call); warmed when the module loads.
const publicKeyArgs = new TableCachedEncoder(VetKdPublicKeyArgs, {
	canister_id: [],
	context: new Uint8Array(),
	key_id: EMPTY_KEY_ID
}).warm();
const deriveKeyArgs = new TableCachedEncoder(VetKdDeriveKeyArgs, {
	input: new Uint8Array(),
	context: new Uint8Array(),
	transport_public_key: new Uint8Array(),
	key_id: EMPTY_KEY_ID
}).warm();
const publicKeyReply = new TableCachedDecoder([VetKdPublicKeyResult]).warm();
const deriveKeyReply = new TableCachedDecoder([VetKdDeriveKeyResult]).warm();
const anchorCredentialsArgs = new TableCachedEncoder(IDL.Nat64, 0n).warm();
/** Our local II replies with exactly this table (fast path); II on mainnet via IDL.decode. */
const anchorCredentialsReply = new TableCachedDecoder([AnchorCredentials]).warm();

/**
 * Cycles attached to vetkd_derive_key per key name (IC docs, vetKD API fees: key_1 26_153_846_153,
 * test_key_1 10_000_000_000; the local dfx_test_key is charged like test_key_1). Unused cycles
 * are refunded. vetkd_public_key is free.
 */
export const DERIVE_KEY_CYCLES: Record<string, bigint> = {
	key_1: 26_153_846_153n,
	test_key_1: 10_000_000_000n,
	dfx_test_key: 10_000_000_000n
};

/** Thrown for a call that did not succeed; the adapter maps it to a typed error. */
export class OutgoingCallFailed extends Error {}

async function guarded<T>(what: string, run: () => Promise<T>): Promise<T> {
	try {
		return await run();
	} catch (error) {
		const e = error as { type?: string; rejectCode?: number; rejectMessage?: string };
		if (e.type === undefined) throw error;
		throw new OutgoingCallFailed(
			`${what}: ${e.type} ${e.rejectCode ?? ''} ${e.rejectMessage ?? ''}`
		);
	}
}

/** The single value of a reply; a reply that is not valid Candid is a failed call, not a trap. */
function replyValue<T>(what: string, decoder: TableCachedDecoder, reply: Uint8Array): T {
	try {
		return decoder.decode(reply)[0] as T;
	} catch (error) {
		if (!(error instanceof CandidDecodeError)) throw error;
		throw new OutgoingCallFailed(`${what}: reply is not valid Candid: ${error.message}`);
	}
}

/** The anchor's recovery-phrase public keys as raw 32-byte Ed25519 keys (others skipped). */
export async function anchorPhraseKeys(ii: Principal, anchor: bigint): Promise<Uint8Array[]> {
	const reply = await guarded('get_anchor_credentials', () =>
		call<Uint8Array, Uint8Array>(ii, 'get_anchor_credentials', {
			raw: true,
			args: anchorCredentialsArgs.encode(anchor)
		})
	);
	const credentials = replyValue<AnchorCredentialsValue>(
		'get_anchor_credentials',
		anchorCredentialsReply,
		reply
	);
	return credentials.recovery_phrases.flatMap((der) => {
		const key = ed25519KeyFromDer(Uint8Array.from(der));
		return key === undefined ? [] : [key];
	});
}

export async function vetKdPublicKey(keyName: string, context: Uint8Array): Promise<Uint8Array> {
	const reply = await guarded('vetkd_public_key', () =>
		call<Uint8Array, Uint8Array>('aaaaa-aa', 'vetkd_public_key', {
			raw: true,
			args: publicKeyArgs.encode({ canister_id: [], context, key_id: keyId(keyName) })
		})
	);
	return replyValue<{ public_key: Uint8Array }>('vetkd_public_key', publicKeyReply, reply)
		.public_key;
}

export async function vetKdDeriveKey(
	keyName: string,
	context: Uint8Array,
	input: Uint8Array,
	transportPublicKey: Uint8Array
): Promise<Uint8Array> {
	const args = { input, context, transport_public_key: transportPublicKey, key_id: keyId(keyName) };
	const reply = await guarded('vetkd_derive_key', () =>
		call<Uint8Array, Uint8Array>('aaaaa-aa', 'vetkd_derive_key', {
			raw: true,
			args: deriveKeyArgs.encode(args),
			cycles: DERIVE_KEY_CYCLES[keyName]
		})
	);
	return replyValue<{ encrypted_key: Uint8Array }>('vetkd_derive_key', deriveKeyReply, reply)
		.encrypted_key;
}

function keyId(name: string) {
	return { curve: { bls12_381_g2: null }, name };
}
