// Outgoing calls: Internet Identity's get_anchor_credentials and the management canister's vetKD
// methods (Azle's bundled management IDL has no vetKD types, so they are declared here).
import { call, IDL, Principal } from 'azle';

import { ed25519KeyFromDer } from '../../../src/lib/crypto/protocol';
import { TableCachedEncoder } from '../candid';
import { AnchorCredentials, type AnchorCredentialsValue } from '../../internet_identity/domain/idl';

const KeyId = IDL.Record({ curve: IDL.Variant({ bls12_381_g2: IDL.Null }), name: IDL.Text });
const VetKdPublicKeyArgs = IDL.Record({
	canister_id: IDL.Opt(IDL.Principal),
	context: IDL.Vec(IDL.Nat8),
	key_id: KeyId
});
const VetKdDeriveKeyArgs = IDL.Record({
	input: IDL.Vec(IDL.Nat8),
	context: IDL.Vec(IDL.Nat8),
	transport_public_key: IDL.Vec(IDL.Nat8),
	key_id: KeyId
});

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
const PublicKeyReply = IDL.Record({ public_key: IDL.Vec(IDL.Nat8) });
const DeriveKeyReply = IDL.Record({ encrypted_key: IDL.Vec(IDL.Nat8) });

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

/** The anchor's recovery-phrase public keys as raw 32-byte Ed25519 keys (others skipped). */
export async function anchorPhraseKeys(ii: Principal, anchor: bigint): Promise<Uint8Array[]> {
	const credentials = await guarded('get_anchor_credentials', () =>
		call<[bigint], AnchorCredentialsValue>(ii, 'get_anchor_credentials', {
			paramIdlTypes: [IDL.Nat64],
			returnIdlType: AnchorCredentials,
			args: [anchor]
		})
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
	const [result] = IDL.decode([PublicKeyReply], reply) as unknown as [{ public_key: Uint8Array }];
	return result.public_key;
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
	const [result] = IDL.decode([DeriveKeyReply], reply) as unknown as [
		{ encrypted_key: Uint8Array }
	];
	return result.encrypted_key;
}

function keyId(name: string) {
	return { curve: { bls12_381_g2: null }, name };
}
