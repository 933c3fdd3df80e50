// devnet's programmatic API, named like PicJS (@dfinity/pic) where the two overlap.
import { IDL } from '@dfinity/candid';
import { readFile } from 'node:fs/promises';
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
import type { InstallMode } from './engine/install';
import { InstallCodeArgs } from './management/idl';
import { DEFAULT_CANISTER_CYCLES } from './engine/limits';
import { CANISTER_RANGES, CanisterIdAllocator } from './management/canister-ids';
import { defaultSettings, ManagementCanister } from './management/management-canister';
import { VetKdKeys } from './management/vetkd';
import { hasImage, loadImage, saveImage } from './persistence';
import { captureImage, restoreCanisters } from './state';
import { VetKdMasterKey } from './vetkd/math';

export interface DevnetOptions {
	/** Start time (ms since the epoch); default: now. The clock only moves when told to. */
	time?: number;
	/**
	 * Follow the machine's clock (as a network serving browsers must: agents check certificate
	 * times); setTime / advanceTime still move it ahead, and it never goes back.
	 */
	wallClock?: boolean;
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

const MAX_EXECUTION_RECORDS = 1000;

export class Devnet {
	readonly engine: Engine;
	readonly management: ManagementCanister;
	readonly subnetKey: SubnetKey;
	/** Instruction counts of the last MAX_EXECUTION_RECORDS executions, newest last. */
	readonly executions: ExecutionRecord[];

	private readonly wallClock: boolean;

	private constructor(
		engine: Engine,
		management: ManagementCanister,
		executions: ExecutionRecord[],
		wallClock: boolean
	) {
		this.wallClock = wallClock;
		this.engine = engine;
		this.management = management;
		this.subnetKey = engine.subnetKey;
		this.executions = executions;
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
				if (executions.length > MAX_EXECUTION_RECORDS) executions.shift();
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
		const devnet = new Devnet(engine, management, executions, options.wallClock ?? false);
		if (image) await restoreCanisters(engine, image);
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
		this.syncClock();
		return this.engine.query(
			options.canisterId,
			options.method,
			options.arg,
			options.sender ?? Principal.anonymous()
		);
	}

	inspectMessage(options: CallOptions): Response {
		this.syncClock();
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
			this.syncClock();
			await this.engine.run();
		}
	}

	private syncClock(): void {
		if (!this.wallClock) return;
		const now = BigInt(Date.now()) * 1_000_000n;
		if (now > this.engine.timeNanos) this.engine.timeNanos = now;
	}

	getCyclesBalance(canisterId: Principal): bigint {
		return this.requireCanister(canisterId).committed().cycles;
	}

	getControllers(canisterId: Principal): Principal[] {
		return this.canisterInfo(canisterId).controllers;
	}

	// ---- state --------------------------------------------------------------------------------

	/**
	 * Saves the whole state (committed state only) to `directory`, replacing what was there;
	 * `attachments` (file name -> text, e.g. the HTTP server's ingress history) go with it.
	 */
	saveState(directory: string, attachments?: Readonly<Record<string, string>>): void {
		saveImage(directory, captureImage(this.engine, this.management), attachments);
	}

	/** install_code through the management canister, so its access rules apply. */
	private async code(mode: InstallMode, options: CodeOptions): Promise<void> {
		const canister = this.requireCanister(options.canisterId);
		const sender =
			options.sender ?? Principal.fromText(canister.settings.controllers[0] ?? ANONYMOUS);
		const wasm =
			typeof options.wasm === 'string'
				? new Uint8Array(await readFile(options.wasm))
				: options.wasm;
		const arg = IDL.encode(
			[InstallCodeArgs],
			[
				{
					mode: mode === 'upgrade' ? { upgrade: [] } : { [mode]: null },
					canister_id: options.canisterId,
					wasm_module: wasm,
					arg: options.arg ?? new Uint8Array(IDL.encode([], [])),
					sender_canister_version: []
				}
			]
		);
		const { result } = await this.management.handle({
			caller: sender.toUint8Array(),
			method: 'install_code',
			arg: new Uint8Array(arg),
			cycles: 0n
		});
		replyBytes(result);
		await this.engine.run();
	}

	private requireCanister(canisterId: Principal): Canister {
		const canister = this.engine.canister(canisterId);
		if (!canister) throw new DevnetError(`canister ${canisterId.toText()} does not exist`);
		return canister;
	}
}

const ANONYMOUS = Principal.anonymous().toText();

function replyBytes(result: CallResult): Uint8Array {
	if (result.kind === 'reject') throwReject(result);
	return result.bytes;
}

function throwReject(result: CallResult): never {
	if (result.kind === 'reply') throw new DevnetError('not a reject');
	throw new CallRejectedError(result.code, result.errorCode, result.message);
}

export { MANAGEMENT_CANISTER_ID, defaultSettings };
