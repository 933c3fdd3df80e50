// devnet's programmatic API, named like PicJS (@dfinity/pic) where the two overlap.
import type { IDL } from '@dfinity/candid';
import { Principal } from '@dfinity/principal';
import { createActor, type Actor } from './actor';
import { SubnetKey } from './certification/subnet-key';
import { Canister } from './engine/canister';
import {
	Engine,
	MANAGEMENT_CANISTER_ID,
	type ExecutionRecord,
	type Response
} from './engine/engine';
import { DevnetError, type CallResult } from './engine/errors';
import { installCode, type InstallMode } from './engine/install';
import { DEFAULT_CANISTER_CYCLES } from './engine/limits';
import { StableMemory } from './engine/stable-memory';
import { createSystemApi } from './engine/system-api';
import { WasmInstance } from './engine/wasm-instance';
import { CANISTER_RANGES, CanisterIdAllocator } from './management/canister-ids';
import { defaultSettings, ManagementCanister } from './management/management-canister';
import { VetKdKeys } from './management/vetkd';
import { hasImage, loadImage, saveImage, type DevnetImage } from './persistence';
import { VetKdMasterKey } from './vetkd/math';
import { compileCanisterModule } from './wasm/module-cache';

export interface DevnetOptions {
	/** Start time (ms since the epoch); default: now. The clock only moves when told to. */
	time?: number;
	/** Load the state saved in this directory, if there is one. */
	stateDirectory?: string;
	onDebugPrint?: (canisterId: string, message: string) => void;
}

export interface SetupCanisterOptions {
	idlFactory: IDL.InterfaceFactory;
	wasm: Uint8Array | string;
	arg?: Uint8Array;
	sender?: Principal;
	controllers?: Principal[];
	cycles?: bigint;
	targetCanisterId?: Principal;
}

export interface CodeOptions {
	canisterId: Principal;
	wasm: Uint8Array | string;
	arg?: Uint8Array;
	sender?: Principal;
}

export interface CallOptions {
	canisterId: Principal;
	method: string;
	arg: Uint8Array;
	sender?: Principal;
}

/** A call that was rejected: the reject code, the IC error code and the message. */
export class CallRejectedError extends Error {
	constructor(
		readonly rejectCode: number,
		readonly errorCode: string | undefined,
		readonly rejectMessage: string
	) {
		super(
			`Call rejected (code ${rejectCode}${errorCode ? `, ${errorCode}` : ''}): ${rejectMessage}`
		);
		this.name = 'CallRejectedError';
	}
}

export class Devnet {
	readonly engine: Engine;
	readonly management: ManagementCanister;
	readonly subnetKey: SubnetKey;
	/** Instruction counts of recent executions, newest last (bounded). */
	readonly executions: ExecutionRecord[] = [];

	private constructor(engine: Engine, management: ManagementCanister) {
		this.engine = engine;
		this.management = management;
		this.subnetKey = engine.subnetKey;
	}

	static async create(options: DevnetOptions = {}): Promise<Devnet> {
		const image =
			options.stateDirectory && hasImage(options.stateDirectory)
				? loadImage(options.stateDirectory)
				: undefined;
		const executions: ExecutionRecord[] = [];
		const engine = new Engine({
			subnetKey: new SubnetKey(image?.subnetKeySecret),
			timeNanos: image?.timeNanos ?? BigInt(options.time ?? Date.now()) * 1_000_000n,
			onDebugPrint: options.onDebugPrint,
			onExecution: (record) => {
				executions.push(record);
				if (executions.length > 1000) executions.splice(0, executions.length - 1000);
			}
		});
		const masters = new Map(
			Object.entries(image?.vetKdSecrets ?? {}).map(([name, secret]) => [
				name,
				VetKdMasterKey.fromSecretBytes(secret)
			])
		);
		const management = new ManagementCanister(
			engine,
			new CanisterIdAllocator(image?.nextCanisterCounter),
			new VetKdKeys(masters)
		);
		engine.management = management;
		const devnet = new Devnet(engine, management);
		(devnet as { executions: ExecutionRecord[] }).executions = executions;
		if (image) await devnet.restoreCanisters(image);
		return devnet;
	}

	// ---- network facts (for the HTTP interface) --------------------------------------------

	get rootKey(): Uint8Array {
		return this.subnetKey.derPublicKey;
	}

	get subnetId(): Principal {
		return Principal.selfAuthenticating(this.subnetKey.derPublicKey);
	}

	get canisterRanges(): readonly [Principal, Principal][] {
		return CANISTER_RANGES;
	}

	canisterIds(): Principal[] {
		return [...this.engine.canisters.values()].map((canister) =>
			Principal.fromUint8Array(canister.id)
		);
	}

	/** What read_state and tests need to know about a canister. */
	canisterInfo(canisterId: Principal) {
		const canister = this.requireCanister(canisterId);
		return {
			controllers: canister.settings.controllers.map((text) => Principal.fromText(text)),
			moduleHash: canister.moduleHash,
			certifiedData: canister.committed().certifiedData,
			cycles: canister.committed().cycles,
			status: canister.status,
			version: canister.committed().version
		};
	}

	// ---- canisters --------------------------------------------------------------------------

	async createCanister(
		options: {
			sender?: Principal;
			controllers?: Principal[];
			cycles?: bigint;
			targetCanisterId?: Principal;
		} = {}
	): Promise<Principal> {
		const controllers = options.controllers ?? [options.sender ?? Principal.anonymous()];
		const canister = this.management.createCanister(
			controllers,
			options.cycles ?? DEFAULT_CANISTER_CYCLES,
			options.targetCanisterId
		);
		return Principal.fromUint8Array(canister.id);
	}

	installCode(options: CodeOptions): Promise<void> {
		return this.code('install', options);
	}

	reinstallCode(options: CodeOptions): Promise<void> {
		return this.code('reinstall', options);
	}

	upgradeCanister(options: CodeOptions): Promise<void> {
		return this.code('upgrade', options);
	}

	async setupCanister<T>(
		options: SetupCanisterOptions
	): Promise<{ actor: Actor<T>; canisterId: Principal }> {
		const canisterId = await this.createCanister(options);
		await this.installCode({
			canisterId,
			wasm: options.wasm,
			arg: options.arg,
			sender: options.sender ?? options.controllers?.[0]
		});
		return { actor: this.createActor<T>(options.idlFactory, canisterId), canisterId };
	}

	createActor<T>(idlFactory: IDL.InterfaceFactory, canisterId: Principal): Actor<T> {
		return createActor<T>(idlFactory, async ({ method, arg, sender, query }) =>
			query
				? this.queryCall({ canisterId, method, arg, sender })
				: this.updateCall({ canisterId, method, arg, sender })
		);
	}

	// ---- calls ------------------------------------------------------------------------------

	/** A query; returns the reply bytes or throws CallRejectedError. */
	async queryCall(options: CallOptions): Promise<Uint8Array> {
		return replyBytes(this.executeQuery(options).result);
	}

	/** An ingress update (inspect_message first, as for any ingress); reply bytes or CallRejectedError. */
	async updateCall(options: CallOptions): Promise<Uint8Array> {
		return replyBytes((await this.executeUpdate(options)).result);
	}

	executeQuery(options: CallOptions): Response {
		return this.engine.query(
			options.canisterId,
			options.method,
			options.arg,
			options.sender ?? Principal.anonymous()
		);
	}

	inspectMessage(options: CallOptions): Response {
		return this.engine.inspectMessage(
			options.canisterId,
			options.method,
			options.arg,
			options.sender ?? Principal.anonymous()
		);
	}

	/** Runs inspect_message, then the update; the response carries the instruction count. */
	async executeUpdate(options: CallOptions): Promise<Response> {
		const inspected = this.inspectMessage(options);
		if (inspected.result.kind === 'reject') return inspected;
		return this.engine.update(
			options.canisterId,
			options.method,
			options.arg,
			options.sender ?? Principal.anonymous()
		);
	}

	// ---- time ---------------------------------------------------------------------------------

	getTime(): number {
		return Number(this.engine.timeNanos / 1_000_000n);
	}

	get timeNanos(): bigint {
		return this.engine.timeNanos;
	}

	/** Sets the clock (ms or Date); it never goes back. Due timers fire on the next tick or call. */
	setTime(time: number | Date): void {
		const nanos = BigInt(Math.floor(typeof time === 'number' ? time : time.getTime())) * 1_000_000n;
		if (nanos < this.engine.timeNanos) throw new DevnetError('the clock cannot go back');
		this.engine.timeNanos = nanos;
	}

	advanceTime(milliseconds: number): void {
		if (milliseconds < 0) throw new DevnetError('the clock cannot go back');
		this.engine.timeNanos += BigInt(Math.floor(milliseconds * 1_000_000));
	}

	/** Executes pending messages and due timers (each tick moves the clock by 1 ns, as rounds do). */
	async tick(times = 1): Promise<void> {
		for (let i = 0; i < times; i++) {
			this.engine.timeNanos += 1n;
			await this.engine.run();
		}
	}

	getCyclesBalance(canisterId: Principal): bigint {
		return this.requireCanister(canisterId).committed().cycles;
	}

	getControllers(canisterId: Principal): Principal[] {
		return this.canisterInfo(canisterId).controllers;
	}

	// ---- state --------------------------------------------------------------------------------

	/** Saves the whole state (committed state only) to `directory`, replacing what was there. */
	saveState(directory: string): void {
		saveImage(directory, this.image());
	}

	private image(): DevnetImage {
		return {
			timeNanos: this.engine.timeNanos,
			nextCanisterCounter: this.management.ids.nextCounter,
			subnetKeySecret: this.subnetKey.secretBytes(),
			vetKdSecrets: Object.fromEntries(
				this.management.vetKd
					.names()
					.map((name) => [name, this.management.vetKd.key(name).master.secretBytes()])
			),
			canisters: [...this.engine.canisters.values()].map((canister) => {
				const state = canister.committed();
				const heap = canister.instance?.committedImage();
				return {
					id: canister.idText,
					settings: canister.settings,
					status: canister.status,
					cycles: state.cycles,
					certifiedData: state.certifiedData,
					timerDeadline: state.timerDeadline,
					version: state.version,
					module:
						canister.instance && canister.wasm && heap
							? {
									wasm: canister.wasm,
									hash: Buffer.from(canister.instance.compiled.hash).toString('hex'),
									heap: heap.memory,
									globals: heap.globals
								}
							: undefined,
					stable: canister.stable.committedPages()
				};
			})
		};
	}

	private async restoreCanisters(image: DevnetImage): Promise<void> {
		for (const saved of image.canisters) {
			const canister = new Canister(Principal.fromText(saved.id), saved.settings, saved.cycles);
			canister.status = saved.status;
			canister.stable = StableMemory.restore(saved.stable.size, saved.stable.pages);
			canister.adjustCommitted((state) => {
				state.certifiedData = saved.certifiedData;
				state.timerDeadline = saved.timerDeadline;
				state.version = saved.version;
			});
			if (saved.module) {
				const compiled = await compileCanisterModule(saved.module.wasm);
				canister.instance = WasmInstance.create(compiled, createSystemApi(canister, this.engine));
				canister.instance.restore({ memory: saved.module.heap, globals: saved.module.globals });
				canister.wasm = saved.module.wasm;
			}
			this.engine.canisters.set(canister.idText, canister);
		}
	}

	private async code(mode: InstallMode, options: CodeOptions): Promise<void> {
		const canister = this.requireCanister(options.canisterId);
		const sender =
			options.sender ??
			Principal.fromText(canister.settings.controllers[0] ?? Principal.anonymous().toText());
		if (!canister.isController(sender.toUint8Array())) {
			throw new CallRejectedError(
				5,
				'IC0512',
				`Only controllers of canister ${canister.idText} can call ic00 method install_code`
			);
		}
		const wasm =
			typeof options.wasm === 'string'
				? new Uint8Array(
						await import('node:fs/promises').then((fs) => fs.readFile(options.wasm as string))
					)
				: options.wasm;
		const failure = await installCode(this.engine, canister, {
			mode,
			wasm,
			arg: options.arg ?? new Uint8Array(IDL_EMPTY),
			caller: sender.toUint8Array()
		});
		if (failure) throwReject(failure);
		await this.engine.run();
	}

	private requireCanister(canisterId: Principal): Canister {
		const canister = this.engine.canister(canisterId);
		if (!canister) throw new DevnetError(`canister ${canisterId.toText()} does not exist`);
		return canister;
	}
}

/** `IDL.encode([], [])`: the empty Candid argument. */
const IDL_EMPTY = [0x44, 0x49, 0x44, 0x4c, 0x00, 0x00];

function replyBytes(result: CallResult): Uint8Array {
	if (result.kind === 'reject') throwReject(result);
	return result.bytes;
}

function throwReject(result: CallResult): never {
	if (result.kind === 'reply') throw new DevnetError('not a reject');
	throw new CallRejectedError(result.code, result.errorCode, result.message);
}

export { MANAGEMENT_CANISTER_ID, defaultSettings };
