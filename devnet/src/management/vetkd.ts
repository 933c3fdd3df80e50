// vetKD master keys, one per key name as on the IC (dfx_test_key locally, test_key_1 and key_1
// on mainnet), each with the cycles a vetkd_derive_key costs.
import { ErrorCode, systemReject } from '../engine/errors';
import { InvalidTransportKeyError, VetKdMasterKey } from '../vetkd/math';

/** Fees of vetkd_derive_key (cycles): test_key_1 runs on a 13-node subnet, key_1 on a 34-node one. */
export const VETKD_DERIVE_FEES: Readonly<Record<string, bigint>> = {
	dfx_test_key: 10_000_000_000n,
	test_key_1: 10_000_000_000n,
	key_1: 26_153_846_153n
};

export interface VetKdKey {
	name: string;
	master: VetKdMasterKey;
	deriveFee: bigint;
}

export class VetKdKeyError extends Error {
	constructor(readonly result: ReturnType<typeof systemReject>) {
		super(result.kind === 'reject' ? result.message : 'vetKD error');
	}
}

export class VetKdKeys {
	private readonly keys = new Map<string, VetKdKey>();

	constructor(masters: Map<string, VetKdMasterKey> = new Map()) {
		for (const [name, fee] of Object.entries(VETKD_DERIVE_FEES)) {
			this.keys.set(name, {
				name,
				master: masters.get(name) ?? VetKdMasterKey.random(),
				deriveFee: fee
			});
		}
	}

	names(): string[] {
		return [...this.keys.keys()];
	}

	/** The key named `name`; a reject (as the IC gives for an unknown key) otherwise. */
	key(name: string): VetKdKey {
		const key = this.keys.get(name);
		if (!key) {
			throw new VetKdKeyError(
				systemReject(
					ErrorCode.CanisterRejectedMessage,
					`Subnet does not hold threshold key vetkd:Bls12_381_G2:${name}.`
				)
			);
		}
		return key;
	}

	derive(
		key: VetKdKey,
		canisterId: Uint8Array,
		context: Uint8Array,
		input: Uint8Array,
		transportKey: Uint8Array
	): Uint8Array {
		try {
			return key.master.deriveEncryptedKey(canisterId, context, input, transportKey);
		} catch (error) {
			if (error instanceof InvalidTransportKeyError) {
				throw new VetKdKeyError(systemReject(ErrorCode.CanisterRejectedMessage, error.message));
			}
			throw error;
		}
	}
}
