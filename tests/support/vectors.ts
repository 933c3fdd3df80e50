// Protocol test vectors, shared by the client tests and the vault canister's tests so both
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

/**
 * A share's check key (check-key.ts): envelope v1 of vault 7, slot 2 of 3, m = 2, share = 33
 * bytes of 0x05. Seed checked with Python's hashlib, public key with Node's crypto (OpenSSL).
 */
export const CHECK_KEY_VECTOR = {
	canisterId: CANISTER_ID,
	vaultId: 7n,
	shareIndex: 2,
	envelope:
		'01' + // version
		'0000000000000007' + // vault id
		'020203' + // index, m, n
		'05'.repeat(33) + // share
		'19595688', // checksum
	seed: 'b3f3bebfb438ca23e9fbd76347cfc3c857e47aa8efe1422d6a004a6adb333cd3',
	publicKey: '9029012b44520e30aeef7816f72b37817f5356eaeea00bac97b0dc9f29f635bf',
	principal: 'smevo-rf5d5-frjpn-o5i2z-63yme-chkv4-qvndk-b2rm3-notwx-gz5s2-gqe'
} as const;

/** The recovery link's code: sha256(utf8 tag || u64_be anchor || requester principal), 4 x 6 bits. */
export const VERIFICATION_CODE_VECTORS = [
	{ anchor: 10000n, requester: PRINCIPAL, text: 'bird cherry egg letter' },
	{ anchor: 10010n, requester: PRINCIPAL, text: 'eye leaf mountain heart' },
	{ anchor: 12345678901234n, requester: PRINCIPAL, text: 'eye globe fish hat' }
] as const;
