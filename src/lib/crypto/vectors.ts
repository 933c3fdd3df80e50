// Protocol test vectors, shared by the client tests and the guardian canister's tests so both
// sides are checked against the same bytes. Values are hex; ids are u64.

export const CANISTER_ID = 'bkyz2-fmaaa-aaaaa-qaaaq-cai'; // bytes 80000000001000010101
/** Principal.selfAuthenticating(44 bytes of 0x07). */
export const PRINCIPAL = 'fysmp-ou5a4-hdhhq-fasr3-3jmpg-i63c6-6debs-pmoxz-iccdw-etr5j-pae';
export const PRINCIPAL_BYTES = '9d070e339e0504a3bda58f323db17bc32064f63af940843b1271ea5e02';

export const RELEASE_IDENTITY_VECTOR = {
	requestId: 9n,
	requester: PRINCIPAL,
	identity: '0000000000000009' + PRINCIPAL_BYTES
} as const;

/** encodeOperationPayload([5n, bytes abcd, "hi", CANISTER_ID]) and its hash. */
export const PAYLOAD_VECTOR = {
	payload:
		'01' +
		'0000000000000005' +
		'02' +
		'0000000000000002' +
		'abcd' +
		'03' +
		'0000000000000002' +
		'6869' +
		'04' +
		'000000000000000a' +
		'80000000001000010101',
	hash: '1070ce44a6488d23dc598c69897678ae55f0458ec0896fe39ca8c783c46547af'
} as const;

/** An operation message signed by the Ed25519 key whose secret is 32 bytes of 0x01. */
export const OPERATION_VECTOR = {
	secretKey: '01'.repeat(32),
	publicKey: '8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c',
	purpose: 'seal_shares',
	canisterId: CANISTER_ID,
	vaultId: 7n,
	nonce: 3n,
	expiryNs: 1_800_000_000_000_000_000n,
	payloadHash: PAYLOAD_VECTOR.hash,
	message:
		'0000000000000014' +
		'746573736572612f76312f6f7065726174696f6e' + // lp("tessera/v1/operation")
		'01' + // version
		'000000000000000b' +
		'7365616c5f736861726573' + // lp("seal_shares")
		'000000000000000a' +
		'80000000001000010101' + // lp(canister id)
		'0000000000000007' + // vault id
		'0000000000000003' + // nonce
		'18fae27693b40000' + // expiry ns
		PAYLOAD_VECTOR.hash,
	signature:
		'488539ed4fd3a227a609faeae3ac7944825ac47a3b4519728bf393bc7b422231' +
		'46b90e7fbc956650c7e0cb6e2404539e1ce340c8688c0678753254860fda0e0a'
} as const;

export const VERIFICATION_CODE_VECTORS = [
	{ requestId: 9n, requester: PRINCIPAL, text: 'potato moral carry 🥕 🍋 🦔' },
	{ requestId: 10n, requester: PRINCIPAL, text: 'lion actual urge 🐶 🌵 🐶' }
] as const;
