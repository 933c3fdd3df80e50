// vetKD through the management canister, called by the probe canister as a real canister would:
// keys decrypt and verify with @dfinity/vetkeys, IBE round-trips, fees are charged, and wrong
// inputs, contexts or transport keys fail.
import {
	DerivedPublicKey,
	EncryptedVetKey,
	IbeCiphertext,
	IbeIdentity,
	IbeSeed,
	TransportSecretKey
} from '@dfinity/vetkeys';
import type { Principal } from '@dfinity/principal';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../src/actor';
import { Devnet } from '../src/devnet';
import { VETKD_DERIVE_FEES } from '../src/management/vetkd';
import { derivePublicKey } from '../src/vetkd/math';
import { setupProbe, type CallOutcome, type ProbeService } from './probe';

const text = (s: string) => new TextEncoder().encode(s);
const context = text('tessera/v1/shares');
const input = text('guardian-principal');
let devnet: Devnet;
let probe: Actor<ProbeService>;
let canisterId: Principal;

function encryptedKey(outcome: CallOutcome): Uint8Array {
	if ('rejected' in outcome) throw new Error(outcome.rejected.message);
	return outcome.ok;
}

beforeAll(async () => {
	devnet = await Devnet.create();
	({ actor: probe, canisterId } = await setupProbe(devnet));
});

describe('vetkd_public_key', () => {
	it.each(Object.keys(VETKD_DERIVE_FEES))(
		'derives the public key of key %s for the calling canister',
		async (keyName) => {
			const publicKey = await probe.vetkdPublicKey(context, keyName);
			const master = devnet.management.vetKd.key(keyName).master.publicKey;
			expect(publicKey).toEqual(derivePublicKey(master, canisterId.toUint8Array(), context));
		}
	);

	it('has a different master key per key name', async () => {
		const a = await probe.vetkdPublicKey(context, 'test_key_1');
		const b = await probe.vetkdPublicKey(context, 'key_1');
		expect(a).not.toEqual(b);
	});

	it('rejects an unknown key name', async () => {
		await expect(probe.vetkdPublicKey(context, 'no_such_key')).rejects.toMatchObject({
			rejectCode: 5
		});
	});
});

describe('vetkd_derive_key', () => {
	it('returns a key that decrypts and verifies with @dfinity/vetkeys, and charges the fee', async () => {
		const transport = TransportSecretKey.random();
		const before = await probe.cycles();
		const fee = VETKD_DERIVE_FEES.test_key_1 as bigint;
		const outcome = await probe.vetkdDeriveKey(
			input,
			context,
			transport.publicKeyBytes(),
			'test_key_1',
			fee * 2n
		);
		const publicKey = DerivedPublicKey.deserialize(
			await probe.vetkdPublicKey(context, 'test_key_1')
		);
		const vetKey = EncryptedVetKey.deserialize(encryptedKey(outcome)).decryptAndVerify(
			transport,
			publicKey,
			input
		);
		expect(vetKey.signatureBytes()).toEqual(
			devnet.management.vetKd
				.key('test_key_1')
				.master.vetKey(canisterId.toUint8Array(), context, input)
		);
		// the fee is kept, the rest of the attached cycles refunded
		expect(before - (await probe.cycles())).toBe(fee);
	});

	it('round-trips IBE: encrypt to the derived public key, decrypt with the vetKey', async () => {
		const transport = TransportSecretKey.random();
		const publicKey = DerivedPublicKey.deserialize(
			await probe.vetkdPublicKey(context, 'dfx_test_key')
		);
		const message = text('the third share');
		const ciphertext = IbeCiphertext.encrypt(
			publicKey,
			IbeIdentity.fromBytes(input),
			message,
			IbeSeed.random()
		);
		const outcome = await probe.vetkdDeriveKey(
			input,
			context,
			transport.publicKeyBytes(),
			'dfx_test_key',
			VETKD_DERIVE_FEES.dfx_test_key as bigint
		);
		const vetKey = EncryptedVetKey.deserialize(encryptedKey(outcome)).decryptAndVerify(
			transport,
			publicKey,
			input
		);
		expect(IbeCiphertext.deserialize(ciphertext.serialize()).decrypt(vetKey)).toEqual(message);
	});

	it('fails to verify for a wrong input, a wrong context or a wrong transport key', async () => {
		const transport = TransportSecretKey.random();
		const outcome = await probe.vetkdDeriveKey(
			input,
			context,
			transport.publicKeyBytes(),
			'test_key_1',
			VETKD_DERIVE_FEES.test_key_1 as bigint
		);
		const encrypted = EncryptedVetKey.deserialize(encryptedKey(outcome));
		const publicKey = DerivedPublicKey.deserialize(
			await probe.vetkdPublicKey(context, 'test_key_1')
		);
		const otherContextKey = DerivedPublicKey.deserialize(
			await probe.vetkdPublicKey(text('other'), 'test_key_1')
		);
		expect(() => encrypted.decryptAndVerify(transport, publicKey, text('someone-else'))).toThrow();
		expect(() => encrypted.decryptAndVerify(transport, otherContextKey, input)).toThrow();
		expect(() =>
			encrypted.decryptAndVerify(TransportSecretKey.random(), publicKey, input)
		).toThrow();
	});

	it('rejects too few cycles and keeps them all', async () => {
		const before = await probe.cycles();
		const outcome = await probe.vetkdDeriveKey(
			input,
			context,
			TransportSecretKey.random().publicKeyBytes(),
			'key_1',
			1_000n
		);
		expect(outcome).toEqual({
			rejected: {
				code: 4,
				message:
					'vetkd_derive_key request sent with 1000 cycles, but 26153846153 cycles are required.'
			}
		});
		expect(await probe.cycles()).toBe(before);
	});

	it('rejects a transport key that is not a G1 point', async () => {
		const outcome = await probe.vetkdDeriveKey(
			input,
			context,
			new Uint8Array(48).fill(1),
			'test_key_1',
			VETKD_DERIVE_FEES.test_key_1 as bigint
		);
		expect('rejected' in outcome && outcome.rejected.message).toContain(
			'invalid transport public key'
		);
	});
});
