// The management canister through @dfinity/agent, as dfx uses it against any local replica
// (devnet, dfx, PocketIC): create canisters (with a specified id for stable ids), install or
// upgrade code. Wasm is gzipped so Azle modules fit the 2 MiB ingress limit; a module larger
// than that goes through the chunk store (upload_chunk, install_chunked_code).
import { Actor, type HttpAgent } from '@dfinity/agent';
import { IDL } from '@dfinity/candid';
import { Principal } from '@dfinity/principal';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { CHUNK_SIZE } from '../engine/chunk-store';
import {
	CanisterIdRecord,
	InstallChunkedCodeArgs,
	InstallCodeArgs,
	ProvisionalCreateCanisterArgs,
	StoredChunksResult,
	UpdateSettingsArgs,
	UploadChunkArgs,
	UploadChunkResult
} from '../management/idl';
import { CANISTER_RANGES } from '../management/canister-ids';

export type InstallMode = 'install' | 'reinstall' | 'upgrade';

const managementIdl: IDL.InterfaceFactory = () =>
	IDL.Service({
		provisional_create_canister_with_cycles: IDL.Func(
			[ProvisionalCreateCanisterArgs],
			[CanisterIdRecord],
			[]
		),
		install_code: IDL.Func([InstallCodeArgs], [], []),
		upload_chunk: IDL.Func([UploadChunkArgs], [UploadChunkResult], []),
		stored_chunks: IDL.Func([CanisterIdRecord], [StoredChunksResult], []),
		clear_chunk_store: IDL.Func([CanisterIdRecord], [], []),
		install_chunked_code: IDL.Func([InstallChunkedCodeArgs], [], []),
		update_settings: IDL.Func([UpdateSettingsArgs], [], [])
	});

type ModeArg = { install: null } | { reinstall: null } | { upgrade: [] };
const modeArg = (mode: InstallMode): ModeArg =>
	mode === 'upgrade' ? { upgrade: [] } : ({ [mode]: null } as ModeArg);

interface ManagementService {
	provisional_create_canister_with_cycles(arg: {
		amount: [] | [bigint];
		settings: [];
		specified_id: [] | [Principal];
		sender_canister_version: [];
	}): Promise<{ canister_id: Principal }>;
	install_code(arg: {
		mode: ModeArg;
		canister_id: Principal;
		wasm_module: Uint8Array;
		arg: Uint8Array;
		sender_canister_version: [];
	}): Promise<void>;
	upload_chunk(arg: { canister_id: Principal; chunk: Uint8Array }): Promise<{ hash: Uint8Array }>;
	stored_chunks(arg: { canister_id: Principal }): Promise<{ hash: Uint8Array }[]>;
	clear_chunk_store(arg: { canister_id: Principal }): Promise<void>;
	install_chunked_code(arg: {
		mode: ModeArg;
		target_canister: Principal;
		store_canister: [] | [Principal];
		chunk_hashes_list: { hash: Uint8Array }[];
		wasm_module_hash: Uint8Array;
		arg: Uint8Array;
		sender_canister_version: [];
	}): Promise<void>;
	update_settings(arg: {
		canister_id: Principal;
		settings: ControllersOnly;
		sender_canister_version: [];
	}): Promise<void>;
}

type ControllersOnly = {
	controllers: [Principal[]];
	compute_allocation: [];
	memory_allocation: [];
	freezing_threshold: [];
	reserved_cycles_limit: [];
	log_visibility: [];
	wasm_memory_limit: [];
	wasm_memory_threshold: [];
};

function management(agent: HttpAgent, effectiveCanisterId: Principal): ManagementService {
	return Actor.createActor<ManagementService>(managementIdl, {
		agent,
		canisterId: Principal.managementCanister(),
		effectiveCanisterId
	}) as unknown as ManagementService;
}

/**
 * Creates a canister controlled by the agent's identity; `specifiedId` asks for that id.
 *
 * @example
 * const canisterId = await createCanister(agent, { cycles: 10n ** 13n });
 */
export async function createCanister(
	agent: HttpAgent,
	options: { specifiedId?: Principal; cycles?: bigint } = {}
): Promise<Principal> {
	const effective = options.specifiedId ?? (CANISTER_RANGES[0] as [Principal, Principal])[0];
	const { canister_id } = await management(
		agent,
		effective
	).provisional_create_canister_with_cycles({
		amount: options.cycles === undefined ? [] : [options.cycles],
		settings: [],
		specified_id: options.specifiedId ? [options.specifiedId] : [],
		sender_canister_version: []
	});
	return canister_id;
}

/**
 * Installs, reinstalls or upgrades a canister's code (raw wasm is gzipped to fit the ingress
 * limit), as the agent's identity.
 *
 * @example
 * await installCode(agent, { canisterId, wasm: readFileSync('app.wasm'), mode: 'install' });
 */
export async function installCode(
	agent: HttpAgent,
	options: { canisterId: Principal; wasm: Uint8Array; arg?: Uint8Array; mode: InstallMode }
): Promise<void> {
	const packed = options.wasm[0] === 0x1f ? options.wasm : new Uint8Array(gzipSync(options.wasm));
	await management(agent, options.canisterId).install_code({
		mode: modeArg(options.mode),
		canister_id: options.canisterId,
		wasm_module: packed,
		arg: options.arg ?? new Uint8Array(IDL.encode([], [])),
		sender_canister_version: []
	});
}

/**
 * Uploads one chunk (at most 1 MiB) into a canister's chunk store; returns its sha256.
 *
 * @example
 * const hash = await uploadChunk(agent, { canisterId, chunk });
 */
export async function uploadChunk(
	agent: HttpAgent,
	options: { canisterId: Principal; chunk: Uint8Array }
): Promise<Uint8Array> {
	const { hash } = await management(agent, options.canisterId).upload_chunk({
		canister_id: options.canisterId,
		chunk: options.chunk
	});
	return new Uint8Array(hash);
}

/**
 * Uploads `wasm` into a canister's chunk store in chunks of at most 1 MiB; returns their
 * sha256 hashes in module order (what install_chunked_code takes).
 *
 * @example
 * const chunkHashes = await uploadChunks(agent, { canisterId, wasm });
 */
export async function uploadChunks(
	agent: HttpAgent,
	options: { canisterId: Principal; wasm: Uint8Array }
): Promise<Uint8Array[]> {
	const hashes: Uint8Array[] = [];
	for (let offset = 0; offset < options.wasm.length; offset += CHUNK_SIZE) {
		const chunk = options.wasm.subarray(offset, offset + CHUNK_SIZE);
		hashes.push(await uploadChunk(agent, { canisterId: options.canisterId, chunk }));
	}
	return hashes;
}

/** The hashes in a canister's chunk store. */
export async function storedChunks(agent: HttpAgent, canisterId: Principal): Promise<Uint8Array[]> {
	const stored = await management(agent, canisterId).stored_chunks({ canister_id: canisterId });
	return stored.map(({ hash }) => new Uint8Array(hash));
}

/** Empties a canister's chunk store. */
export async function clearChunkStore(agent: HttpAgent, canisterId: Principal): Promise<void> {
	await management(agent, canisterId).clear_chunk_store({ canister_id: canisterId });
}

/**
 * Installs, reinstalls or upgrades `targetCanister` with the module made of `chunkHashes`
 * (in order) from the chunk store of `storeCanister` (default: the target's own);
 * `wasmModuleHash` defaults to the sha256 of `wasm` when given.
 *
 * @example
 * const chunkHashes = await uploadChunks(agent, { canisterId, wasm });
 * await installChunkedCode(agent, { targetCanister: canisterId, chunkHashes, wasm, mode: 'install' });
 */
export async function installChunkedCode(
	agent: HttpAgent,
	options: {
		targetCanister: Principal;
		storeCanister?: Principal;
		chunkHashes: Uint8Array[];
		mode: InstallMode;
		arg?: Uint8Array;
	} & ({ wasm: Uint8Array } | { wasmModuleHash: Uint8Array })
): Promise<void> {
	const wasmModuleHash =
		'wasmModuleHash' in options
			? options.wasmModuleHash
			: new Uint8Array(createHash('sha256').update(options.wasm).digest());
	await management(agent, options.targetCanister).install_chunked_code({
		mode: modeArg(options.mode),
		target_canister: options.targetCanister,
		store_canister: options.storeCanister ? [options.storeCanister] : [],
		chunk_hashes_list: options.chunkHashes.map((hash) => ({ hash })),
		wasm_module_hash: wasmModuleHash,
		arg: options.arg ?? new Uint8Array(IDL.encode([], [])),
		sender_canister_version: []
	});
}

/**
 * Replaces a canister's controllers (update_settings with only `controllers` set), as the agent's
 * identity, a controller.
 *
 * @example
 * await setControllers(agent, vaultId, [upgradeCanisterId]);
 */
export async function setControllers(
	agent: HttpAgent,
	canisterId: Principal,
	controllers: Principal[]
): Promise<void> {
	await management(agent, canisterId).update_settings({
		canister_id: canisterId,
		settings: {
			controllers: [controllers],
			compute_allocation: [],
			memory_allocation: [],
			freezing_threshold: [],
			reserved_cycles_limit: [],
			log_visibility: [],
			wasm_memory_limit: [],
			wasm_memory_threshold: []
		},
		sender_canister_version: []
	});
}
