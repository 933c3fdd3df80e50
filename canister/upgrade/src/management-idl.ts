// The management canister's chunk store and chunked install (IC interface specification,
// "IC method upload_chunk / install_chunked_code / clear_chunk_store"), the subset used here.
import { IDL } from 'azle';

export const ChunkHash = IDL.Record({ hash: IDL.Vec(IDL.Nat8) });

export const UploadChunkArgs = IDL.Record({
	canister_id: IDL.Principal,
	chunk: IDL.Vec(IDL.Nat8)
});

export const ClearChunkStoreArgs = IDL.Record({ canister_id: IDL.Principal });

const InstallMode = IDL.Variant({
	install: IDL.Null,
	reinstall: IDL.Null,
	upgrade: IDL.Opt(
		IDL.Record({
			skip_pre_upgrade: IDL.Opt(IDL.Bool),
			wasm_memory_persistence: IDL.Opt(IDL.Variant({ keep: IDL.Null, replace: IDL.Null }))
		})
	)
});

export const InstallChunkedCodeArgs = IDL.Record({
	mode: InstallMode,
	target_canister: IDL.Principal,
	store_canister: IDL.Opt(IDL.Principal),
	chunk_hashes_list: IDL.Vec(ChunkHash),
	wasm_module_hash: IDL.Vec(IDL.Nat8),
	arg: IDL.Vec(IDL.Nat8),
	sender_canister_version: IDL.Opt(IDL.Nat64)
});
