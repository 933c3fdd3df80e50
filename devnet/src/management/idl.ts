// Candid types of the management canister methods devnet implements (the interface spec's ic.did).
import { IDL } from '@dfinity/candid';

export const LogVisibility = IDL.Variant({
	controllers: IDL.Null,
	public: IDL.Null,
	allowed_viewers: IDL.Vec(IDL.Principal)
});

export const CanisterSettings = IDL.Record({
	controllers: IDL.Opt(IDL.Vec(IDL.Principal)),
	compute_allocation: IDL.Opt(IDL.Nat),
	memory_allocation: IDL.Opt(IDL.Nat),
	freezing_threshold: IDL.Opt(IDL.Nat),
	reserved_cycles_limit: IDL.Opt(IDL.Nat),
	log_visibility: IDL.Opt(LogVisibility),
	wasm_memory_limit: IDL.Opt(IDL.Nat),
	wasm_memory_threshold: IDL.Opt(IDL.Nat)
});

export const DefiniteCanisterSettings = IDL.Record({
	controllers: IDL.Vec(IDL.Principal),
	compute_allocation: IDL.Nat,
	memory_allocation: IDL.Nat,
	freezing_threshold: IDL.Nat,
	reserved_cycles_limit: IDL.Nat,
	log_visibility: LogVisibility,
	wasm_memory_limit: IDL.Nat,
	wasm_memory_threshold: IDL.Nat
});

export const CanisterIdRecord = IDL.Record({ canister_id: IDL.Principal });

export const CreateCanisterArgs = IDL.Record({
	settings: IDL.Opt(CanisterSettings),
	sender_canister_version: IDL.Opt(IDL.Nat64)
});

export const ProvisionalCreateCanisterArgs = IDL.Record({
	amount: IDL.Opt(IDL.Nat),
	settings: IDL.Opt(CanisterSettings),
	specified_id: IDL.Opt(IDL.Principal),
	sender_canister_version: IDL.Opt(IDL.Nat64)
});

export const ProvisionalTopUpArgs = IDL.Record({ canister_id: IDL.Principal, amount: IDL.Nat });

export const UpdateSettingsArgs = IDL.Record({
	canister_id: IDL.Principal,
	settings: CanisterSettings,
	sender_canister_version: IDL.Opt(IDL.Nat64)
});

export const InstallMode = IDL.Variant({
	install: IDL.Null,
	reinstall: IDL.Null,
	upgrade: IDL.Opt(
		IDL.Record({
			skip_pre_upgrade: IDL.Opt(IDL.Bool),
			wasm_memory_persistence: IDL.Opt(IDL.Variant({ keep: IDL.Null, replace: IDL.Null }))
		})
	)
});

export const InstallCodeArgs = IDL.Record({
	mode: InstallMode,
	canister_id: IDL.Principal,
	wasm_module: IDL.Vec(IDL.Nat8),
	arg: IDL.Vec(IDL.Nat8),
	sender_canister_version: IDL.Opt(IDL.Nat64)
});

// The Wasm chunk store and chunked installs.
export const ChunkHash = IDL.Record({ hash: IDL.Vec(IDL.Nat8) });

export const UploadChunkArgs = IDL.Record({
	canister_id: IDL.Principal,
	chunk: IDL.Vec(IDL.Nat8)
});

export const UploadChunkResult = ChunkHash;

export const StoredChunksResult = IDL.Vec(ChunkHash);

export const InstallChunkedCodeArgs = IDL.Record({
	mode: InstallMode,
	target_canister: IDL.Principal,
	store_canister: IDL.Opt(IDL.Principal),
	chunk_hashes_list: IDL.Vec(ChunkHash),
	wasm_module_hash: IDL.Vec(IDL.Nat8),
	arg: IDL.Vec(IDL.Nat8),
	sender_canister_version: IDL.Opt(IDL.Nat64)
});

export const CanisterStatusResult = IDL.Record({
	status: IDL.Variant({ running: IDL.Null, stopping: IDL.Null, stopped: IDL.Null }),
	settings: DefiniteCanisterSettings,
	module_hash: IDL.Opt(IDL.Vec(IDL.Nat8)),
	memory_size: IDL.Nat,
	cycles: IDL.Nat,
	reserved_cycles: IDL.Nat,
	idle_cycles_burned_per_day: IDL.Nat,
	query_stats: IDL.Record({
		num_calls_total: IDL.Nat,
		num_instructions_total: IDL.Nat,
		request_payload_bytes_total: IDL.Nat,
		response_payload_bytes_total: IDL.Nat
	})
});

// vetKD (the interface spec's ic.did, vetkd_public_key and vetkd_derive_key).
export const VetKdKeyId = IDL.Record({
	curve: IDL.Variant({ bls12_381_g2: IDL.Null }),
	name: IDL.Text
});

export const VetKdPublicKeyArgs = IDL.Record({
	canister_id: IDL.Opt(IDL.Principal),
	context: IDL.Vec(IDL.Nat8),
	key_id: VetKdKeyId
});

export const VetKdPublicKeyResult = IDL.Record({ public_key: IDL.Vec(IDL.Nat8) });

export const VetKdDeriveKeyArgs = IDL.Record({
	input: IDL.Vec(IDL.Nat8),
	context: IDL.Vec(IDL.Nat8),
	transport_public_key: IDL.Vec(IDL.Nat8),
	key_id: VetKdKeyId
});

export const VetKdDeriveKeyResult = IDL.Record({ encrypted_key: IDL.Vec(IDL.Nat8) });
