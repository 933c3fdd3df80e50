// The management canister (aaaaa-aa): canister lifecycle, the Wasm chunk store and chunked
// installs, raw_rand and vetKD, with the IC's access rules (controllers only; some methods only
// from canisters) and vetKD fees.
import { IDL } from '@dfinity/candid';
import { Principal } from '@dfinity/principal';
import { randomBytes } from 'node:crypto';
import { CanisterIdAllocator } from './canister-ids';
import * as Types from './idl';
import { Rejection } from './rejection';
import { applySettings, canisterStatus, defaultSettings, type SettingsArg } from './settings';
import { VetKdKeyError, VetKdKeys } from './vetkd';
import { Canister } from '../engine/canister';
import { rustDebugBytes, sha256 } from '../engine/chunk-store';
import type { Engine, ManagementCanister as ManagementApi } from '../engine/engine';
import { ErrorCode, reply, systemReject, type CallResult } from '../engine/errors';
import { installCode } from '../engine/install';
import { DEFAULT_CANISTER_CYCLES } from '../engine/limits';
import { StableMemory } from '../engine/stable-memory';

interface Call {
	caller: Uint8Array;
	method: string;
	arg: Uint8Array;
	cycles: bigint;
}
type Outcome = { result: CallResult; refund: bigint };

const CANISTER_ONLY = new Set([
	'create_canister',
	'raw_rand',
	'vetkd_public_key',
	'vetkd_derive_key'
]);

export class ManagementCanister implements ManagementApi {
	constructor(
		private readonly engine: Engine,
		readonly ids: CanisterIdAllocator,
		readonly vetKd: VetKdKeys
	) {}

	async handle(call: Call): Promise<Outcome> {
		try {
			return await this.dispatch(call);
		} catch (error) {
			if (error instanceof Rejection || error instanceof VetKdKeyError)
				return { result: error.result, refund: call.cycles };
			throw error;
		}
	}

	/** Creates a canister directly (provisional_create_canister_with_cycles semantics). */
	createCanister(controllers: Principal[], cycles: bigint, specifiedId?: Principal): Canister {
		const id =
			specifiedId ??
			this.ids.allocate((candidate) => this.engine.canister(candidate) !== undefined);
		if (this.engine.canister(id)) {
			throw new Rejection(
				systemReject(ErrorCode.CanisterNonEmpty, `Canister ${id.toText()} already exists`)
			);
		}
		const canister = new Canister(id, defaultSettings(controllers), cycles);
		this.engine.canisters.set(canister.idText, canister);
		return canister;
	}

	private async dispatch(call: Call): Promise<Outcome> {
		const fromCanister = this.engine.canister(Principal.fromUint8Array(call.caller)) !== undefined;
		if (CANISTER_ONLY.has(call.method) && !fromCanister) {
			throw new Rejection(
				systemReject(
					ErrorCode.CanisterRejectedMessage,
					`Only canisters can call ic00 method ${call.method}`
				)
			);
		}
		const caller = Principal.fromUint8Array(call.caller);
		const done = (bytes: ArrayBuffer | Uint8Array, charged = 0n): Outcome => ({
			result: reply(new Uint8Array(bytes)),
			refund: call.cycles - charged
		});
		switch (call.method) {
			case 'create_canister': {
				const [arg] = decode<[{ settings: [] | [SettingsArg] }]>(
					Types.CreateCanisterArgs,
					call.arg
				);
				const canister = this.createCanister([caller], call.cycles);
				if (arg.settings[0]) applySettings(canister, arg.settings[0]);
				return done(
					IDL.encode(
						[Types.CanisterIdRecord],
						[{ canister_id: Principal.fromUint8Array(canister.id) }]
					),
					call.cycles
				);
			}
			case 'provisional_create_canister_with_cycles': {
				const [arg] = decode<
					[{ amount: [] | [bigint]; settings: [] | [SettingsArg]; specified_id: [] | [Principal] }]
				>(Types.ProvisionalCreateCanisterArgs, call.arg);
				const canister = this.createCanister(
					[caller],
					arg.amount[0] ?? DEFAULT_CANISTER_CYCLES,
					arg.specified_id[0]
				);
				if (arg.settings[0]) applySettings(canister, arg.settings[0]);
				return done(
					IDL.encode(
						[Types.CanisterIdRecord],
						[{ canister_id: Principal.fromUint8Array(canister.id) }]
					)
				);
			}
			case 'provisional_top_up_canister': {
				const [arg] = decode<[{ canister_id: Principal; amount: bigint }]>(
					Types.ProvisionalTopUpArgs,
					call.arg
				);
				const canister = this.existing(arg.canister_id);
				canister.adjustCommitted((state) => (state.cycles += arg.amount));
				return done(IDL.encode([], []));
			}
			case 'install_code': {
				const [arg] = decode<[InstallCodeArg]>(Types.InstallCodeArgs, call.arg);
				const canister = this.controlled(arg.canister_id, caller, call.method);
				await this.install(canister, arg.mode, arg.wasm_module, arg.arg, call.caller);
				return done(IDL.encode([], []));
			}
			case 'upload_chunk': {
				const [arg] = decode<[{ canister_id: Principal; chunk: Uint8Array }]>(
					Types.UploadChunkArgs,
					call.arg
				);
				const canister = this.controlledOrSelf(arg.canister_id, caller, call.method);
				const outcome = canister.chunkStore.upload(arg.chunk);
				if ('error' in outcome) throw chunkStoreError(outcome.error);
				return done(IDL.encode([Types.UploadChunkResult], [{ hash: outcome.hash }]));
			}
			case 'stored_chunks': {
				const [arg] = decode<[{ canister_id: Principal }]>(Types.CanisterIdRecord, call.arg);
				const canister = this.controlledOrSelf(arg.canister_id, caller, call.method);
				const hashes = canister.chunkStore.hashes().map((hash) => ({ hash }));
				return done(IDL.encode([Types.StoredChunksResult], [hashes]));
			}
			case 'clear_chunk_store': {
				const [arg] = decode<[{ canister_id: Principal }]>(Types.CanisterIdRecord, call.arg);
				this.controlledOrSelf(arg.canister_id, caller, call.method).chunkStore.clear();
				return done(IDL.encode([], []));
			}
			case 'install_chunked_code': {
				const [arg] = decode<[InstallChunkedCodeArg]>(Types.InstallChunkedCodeArgs, call.arg);
				const target = this.controlled(arg.target_canister, caller, call.method);
				// one subnet: every existing canister is on the target's subnet
				const store = this.controlledOrSelf(
					arg.store_canister[0] ?? arg.target_canister,
					caller,
					call.method
				);
				const parts = arg.chunk_hashes_list.map(({ hash }) => {
					const chunk = store.chunkStore.get(hash);
					if (!chunk) throw chunkStoreError(`Chunk hash ${rustDebugBytes(hash)} was not found`);
					return chunk;
				});
				const wasm = new Uint8Array(Buffer.concat(parts));
				const actualHash = sha256(wasm);
				if (Buffer.compare(actualHash, arg.wasm_module_hash) !== 0) {
					throw chunkStoreError(
						`Wasm module hash ${rustDebugBytes(actualHash)} does not match given hash ` +
							`WasmHash(${rustDebugBytes(arg.wasm_module_hash)})`
					);
				}
				await this.install(target, arg.mode, wasm, arg.arg, call.caller);
				return done(IDL.encode([], []));
			}
			case 'uninstall_code': {
				const [arg] = decode<[{ canister_id: Principal }]>(Types.CanisterIdRecord, call.arg);
				const canister = this.controlled(arg.canister_id, caller, call.method);
				canister.instance = undefined;
				canister.wasm = undefined;
				canister.stable = new StableMemory();
				canister.chunkStore.clear();
				canister.adjustCommitted((state) => {
					state.version += 1n;
					state.certifiedData = new Uint8Array();
					state.timerDeadline = 0n;
				});
				return done(IDL.encode([], []));
			}
			case 'canister_status': {
				const [arg] = decode<[{ canister_id: Principal }]>(Types.CanisterIdRecord, call.arg);
				const canister = this.controlled(arg.canister_id, caller, call.method);
				return done(IDL.encode([Types.CanisterStatusResult], [canisterStatus(canister)]));
			}
			case 'update_settings': {
				const [arg] = decode<[{ canister_id: Principal; settings: SettingsArg }]>(
					Types.UpdateSettingsArgs,
					call.arg
				);
				const canister = this.controlled(arg.canister_id, caller, call.method);
				applySettings(canister, arg.settings);
				canister.adjustCommitted((state) => (state.version += 1n));
				return done(IDL.encode([], []));
			}
			case 'start_canister': {
				const [arg] = decode<[{ canister_id: Principal }]>(Types.CanisterIdRecord, call.arg);
				this.controlled(arg.canister_id, caller, call.method).start();
				return done(IDL.encode([], []));
			}
			case 'stop_canister': {
				const [arg] = decode<[{ canister_id: Principal }]>(Types.CanisterIdRecord, call.arg);
				const canister = this.controlled(arg.canister_id, caller, call.method);
				if ((await canister.stop()) === 'cancelled') {
					throw new Rejection(
						systemReject(
							ErrorCode.CanisterStoppingCancelled,
							`Canister ${canister.idText}'s stop request was cancelled.`
						)
					);
				}
				return done(IDL.encode([], []));
			}
			case 'delete_canister': {
				const [arg] = decode<[{ canister_id: Principal }]>(Types.CanisterIdRecord, call.arg);
				const canister = this.controlled(arg.canister_id, caller, call.method);
				if (canister.status !== 'stopped') {
					throw new Rejection(
						systemReject(
							ErrorCode.CanisterNotStopped,
							`Canister ${canister.idText} must be stopped before it is deleted.`
						)
					);
				}
				this.engine.canisters.delete(canister.idText);
				return done(IDL.encode([], []));
			}
			case 'raw_rand': {
				decode(IDL.Tuple(), call.arg, []);
				return done(IDL.encode([IDL.Vec(IDL.Nat8)], [randomBytes(32)]));
			}
			case 'vetkd_public_key': {
				const [arg] = decode<
					[{ canister_id: [] | [Principal]; context: Uint8Array; key_id: { name: string } }]
				>(Types.VetKdPublicKeyArgs, call.arg);
				const key = this.vetKd.key(arg.key_id.name);
				const canisterId = arg.canister_id[0]?.toUint8Array() ?? call.caller;
				const publicKey = key.master.derivedPublicKey(canisterId, arg.context);
				return done(IDL.encode([Types.VetKdPublicKeyResult], [{ public_key: publicKey }]));
			}
			case 'vetkd_derive_key': {
				const [arg] = decode<
					[
						{
							input: Uint8Array;
							context: Uint8Array;
							transport_public_key: Uint8Array;
							key_id: { name: string };
						}
					]
				>(Types.VetKdDeriveKeyArgs, call.arg);
				const key = this.vetKd.key(arg.key_id.name);
				if (call.cycles < key.deriveFee) {
					throw new Rejection({
						kind: 'reject',
						code: 4,
						message: `vetkd_derive_key request sent with ${call.cycles} cycles, but ${key.deriveFee} cycles are required.`,
						errorCode: ErrorCode.InsufficientCyclesInCall
					});
				}
				const encryptedKey = this.vetKd.derive(
					key,
					call.caller,
					arg.context,
					arg.input,
					arg.transport_public_key
				);
				return done(
					IDL.encode([Types.VetKdDeriveKeyResult], [{ encrypted_key: encryptedKey }]),
					key.deriveFee
				);
			}
			default:
				throw new Rejection(
					systemReject(
						ErrorCode.UnknownManagementMessage,
						`Management canister has no method '${call.method}'`
					)
				);
		}
	}

	/** install_code's three modes, for install_code and install_chunked_code alike. */
	private async install(
		canister: Canister,
		mode: InstallModeArg,
		wasm: Uint8Array,
		arg: Uint8Array,
		caller: Uint8Array
	): Promise<void> {
		const upgradeOptions = 'upgrade' in mode ? mode.upgrade[0] : undefined;
		const failure = await installCode(this.engine, canister, {
			mode: 'install' in mode ? 'install' : 'reinstall' in mode ? 'reinstall' : 'upgrade',
			wasm,
			arg,
			caller,
			skipPreUpgrade: upgradeOptions?.skip_pre_upgrade[0] ?? false
		});
		if (failure) throw new Rejection(failure);
	}

	private existing(id: Principal): Canister {
		const canister = this.engine.canister(id);
		if (!canister)
			throw new Rejection(
				systemReject(ErrorCode.CanisterNotFound, `Canister ${id.toText()} not found`)
			);
		return canister;
	}

	private controlled(id: Principal, caller: Principal, method: string): Canister {
		const canister = this.existing(id);
		if (!canister.isController(caller.toUint8Array())) {
			throw new Rejection(
				systemReject(
					ErrorCode.CanisterInvalidController,
					`Only controllers of canister ${canister.idText} can call ic00 method ${method}`
				)
			);
		}
		return canister;
	}

	/** The chunk store methods also accept the canister itself as the caller. */
	private controlledOrSelf(id: Principal, caller: Principal, method: string): Canister {
		if (id.compareTo(caller) === 'eq') return this.existing(id);
		return this.controlled(id, caller, method);
	}
}

type InstallModeArg =
	| { install: null }
	| { reinstall: null }
	| { upgrade: [] | [{ skip_pre_upgrade: [] | [boolean] }] };

type InstallCodeArg = {
	mode: InstallModeArg;
	canister_id: Principal;
	wasm_module: Uint8Array;
	arg: Uint8Array;
};

type InstallChunkedCodeArg = {
	mode: InstallModeArg;
	target_canister: Principal;
	store_canister: [] | [Principal];
	chunk_hashes_list: { hash: Uint8Array }[];
	wasm_module_hash: Uint8Array;
	arg: Uint8Array;
};

/** The replica's CanisterManagerError::WasmChunkStoreError. */
function chunkStoreError(message: string): Rejection {
	return new Rejection(
		systemReject(ErrorCode.CanisterContractViolation, `Error from Wasm chunk store: ${message}.`)
	);
}

function decode<T extends unknown[]>(
	type: IDL.Type,
	bytes: Uint8Array,
	types: IDL.Type[] = [type]
): T {
	try {
		return IDL.decode(types, bytes) as unknown as T;
	} catch (error) {
		throw new Rejection(
			systemReject(
				ErrorCode.InvalidManagementPayload,
				`Error decoding candid: ${(error as Error).message}`
			)
		);
	}
}

export { defaultSettings };
