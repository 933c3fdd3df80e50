// A devnet with the local Internet Identity and the vault canister (real wasm, real vetKD on
// devnet's dfx_test_key), plus the actors of the protocol with their real keys.
import { IDL } from '@dfinity/candid';
import { Ed25519KeyIdentity } from '@dfinity/identity';
import { Principal } from '@dfinity/principal';
import { randomBytes } from '@noble/hashes/utils';
import { Devnet, type Actor } from '@tessera/devnet';
import type { DeviceData } from '@tessera/contract/internet-identity';
import type { VaultService } from '@tessera/contract/vault';
import { idlFactory, initArgs } from '@tessera/contract/vault/idl';
import { idlFactory as iiIdlFactory } from '../../../canister/internet_identity/domain/idl';
import { derivePhraseKey, type PhraseKey } from '../../../src/lib/crypto/ii-key';
import {
	masterPublicKeyFor,
	verifyReleaseKey,
	verifySharesKey
} from '../../../src/lib/crypto/vetkd-keys';
import type { ReleaseKey, SharesKey } from '../../../src/lib/crypto/vetkd-keys';
import { wasmPath } from '../global-setup';

export const KEY_NAME = 'dfx_test_key';
/** 2026-01-01: a fixed start, so runs are repeatable. */
export const START_MS = Date.UTC(2026, 0, 1);

/** The vault canister's methods, typed by the declarations generated from its .did. */
export type VaultActor = Actor<VaultService>;
/** The local II's development-only method (mainnet II has none). */
type IiActor = Actor<{
	create_anchor_for_local_development(devices: DeviceData[]): Promise<bigint>;
}>;

export function identity(): Ed25519KeyIdentity {
	return Ed25519KeyIdentity.generate(randomBytes(32));
}

/** Unwraps a Candid { Ok } result; fails the test with the error otherwise. */
export function okOf<T>(result: { Ok: T } | { Err: Record<string, unknown> }): T {
	if ('Err' in result) throw new Error(`expected Ok, got ${stringify(result.Err)}`);
	return result.Ok;
}

/** The error variant's name of a Candid { Err } result. */
export function errOf(result: { Ok: unknown } | { Err: Record<string, unknown> }): string {
	if ('Ok' in result) throw new Error(`expected Err, got Ok ${stringify(result.Ok)}`);
	return Object.keys(result.Err)[0] as string;
}

export function hex(bytes: Uint8Array): string {
	return Buffer.from(bytes).toString('hex');
}

export function stringify(value: unknown): string {
	return JSON.stringify(value, (_, v) => (typeof v === 'bigint' ? v.toString() : v));
}

export class Net {
	private constructor(
		readonly devnet: Devnet,
		readonly vaultCanisterId: Principal,
		readonly iiId: Principal,
		readonly vault: VaultActor,
		readonly ii: IiActor,
		/** The vault canister's controller: it gets no power over vaults. */
		readonly controller: Principal
	) {}

	/** `vaultWasm`: another build of the vault canister (the benches compare two). */
	static async create(vaultWasm = wasmPath('vault')): Promise<Net> {
		const devnet = await Devnet.create({ time: START_MS });
		const ii = await devnet.setupCanister<IiActor>({
			idlFactory: iiIdlFactory,
			wasm: wasmPath('internet_identity')
		});
		const arg = IDL.encode(initArgs, [{ vetKdKeyName: KEY_NAME, internetIdentity: ii.canisterId }]);
		const controller = identity().getPrincipal();
		const vault = await devnet.setupCanister<VaultActor>({
			idlFactory,
			wasm: vaultWasm,
			arg: new Uint8Array(arg),
			controllers: [controller]
		});
		return new Net(devnet, vault.canisterId, ii.canisterId, vault.actor, ii.actor, controller);
	}

	/** The vault actor calling as `who` (an identity: the phrase or a check identity, too). */
	as(who: Principal | Ed25519KeyIdentity): VaultActor {
		if (who instanceof Principal) this.vault.setPrincipal(who);
		else this.vault.setIdentity(who);
		return this.vault;
	}

	get nowNs(): bigint {
		return this.devnet.timeNanos;
	}

	/** Registers an II anchor whose only device is the recovery phrase (as the phrase itself). */
	async anchorFor(phrase: PhraseKey): Promise<bigint> {
		const device: DeviceData = {
			pubkey: phrase.publicKeyDer,
			alias: 'Recovery phrase',
			credential_id: [],
			aaguid: [],
			purpose: { recovery: null },
			key_type: { seed_phrase: null },
			protection: { protected: null },
			origin: [],
			metadata: []
		};
		this.ii.setPrincipal(phrase.principal);
		return await this.ii.create_anchor_for_local_development([device]);
	}

	/** The canister's derived public keys, verified against devnet's master key. */
	async vetKeys(): Promise<{ shares: SharesKey; release: ReleaseKey }> {
		const reported = okOf<{ shares: Uint8Array; release: Uint8Array }>(
			await this.as(Principal.anonymous()).vetkd_public_keys()
		);
		const masterBytes = this.devnet.management.vetKd.key(KEY_NAME).master.publicKey;
		const master = masterPublicKeyFor(KEY_NAME, masterBytes);
		if (!master.ok) throw new Error('no master key');
		const shares = verifySharesKey(reported.shares, master.value, this.vaultCanisterId);
		const release = verifyReleaseKey(reported.release, master.value, this.vaultCanisterId);
		if (!shares.ok || !release.ok) throw new Error('derived public keys do not verify');
		return { shares: shares.value, release: release.value };
	}

	/** Stable memory size of the vault canister, in 64 KiB pages. */
	stablePages(): number {
		return Number(this.devnet.engine.canister(this.vaultCanisterId)?.stable.pageCount ?? 0n);
	}

	/** Every byte of the vault canister's heap and stable memory. */
	memory(): { heap: Uint8Array; stable: Uint8Array } {
		const canister = this.devnet.engine.canister(this.vaultCanisterId);
		if (!canister?.instance) throw new Error('vault canister not installed');
		const heap = canister.instance.bytes().slice();
		const stable = new Uint8Array(Number(canister.stable.pageCount) * 65536);
		canister.stable.read(0, stable);
		return { heap, stable };
	}
}

export async function newPhrase(): Promise<{ entropy: Uint8Array; phrase: PhraseKey }> {
	const entropy = randomBytes(32);
	return { entropy, phrase: await derivePhraseKey(entropy) };
}
