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

/**
 * A call that was rejected: the reject code, the IC error code and the message.
 *
 * @example
 * const error = await actor.putThenTrap('k').catch((e: unknown) => e);
 * if (error instanceof CallRejectedError) console.log(error.rejectCode, error.errorCode); // 5 'IC0503'
 */
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

/**
 * A local Internet Computer in this process: one subnet, the management canister (with vetKD
 * test keys) and real canister wasm, driven through a PicJS-like API.
 *
 * @example
 * const devnet = await Devnet.create();
 * const { actor } = await devnet.setupCanister<Service>({ idlFactory, wasm: 'app.wasm' });
 * await actor.put('key', 'value');
 * await devnet.tearDown();
 */
export class Devnet {
	readonly engine: Engine;
	readonly management: ManagementCanister;
	readonly subnetKey: SubnetKey;
	/** Instruction counts of the last MAX_EXECUTION_RECORDS executions, newest last. */
	readonly executions: ExecutionRecord[];

	private readonly wallClock: boolean;
	private tornDown = false;

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

	/**
	 * A new devnet, or the one saved in `options.stateDirectory`.
	 *
	 * @example
	 * const devnet = await Devnet.create({ time: Date.UTC(2026, 0, 1) });
	 */
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

	/**
	 * The DER-encoded root public key that certificates verify against.
	 *
	 * @example
	 * await Certificate.create({ certificate, rootKey: devnet.rootKey, canisterId });
	 */
	get rootKey(): Uint8Array {
		return this.subnetKey.derPublicKey;
	}

	/**
	 * The id of devnet's one subnet.
	 *
	 * @example
	 * const subnet = devnet.subnetId.toText();
	 */
	get subnetId(): Principal {
		return Principal.selfAuthenticating(this.subnetKey.derPublicKey);
	}

	/**
	 * The canister id ranges the subnet hosts (first and last id of each).
	 *
	 * @example
	 * const [[first]] = devnet.canisterRanges;
	 */
	get canisterRanges(): readonly [Principal, Principal][] {
		return CANISTER_RANGES;
	}

	/**
	 * The ids of every canister, in creation order.
	 *
	 * @example
	 * expect(devnet.canisterIds()).toHaveLength(2);
	 */
	canisterIds(): Principal[] {
		return [...this.engine.canisters.values()].map((canister) =>
			Principal.fromUint8Array(canister.id)
		);
	}

	/**
	 * What read_state and tests need to know about a canister: controllers, module hash,
	 * certified data, cycles, status and version.
	 *
	 * @example
	 * const { moduleHash, status } = devnet.canisterInfo(canisterId);
	 */
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

	/**
	 * Creates an empty canister (controllers default to the sender, cycles to 100 T).
	 *
	 * @example
	 * const canisterId = await devnet.createCanister({ sender: owner.getPrincipal() });
	 */
	async createCanister(
		options: {
			sender?: Principal;
			controllers?: Principal[];
			cycles?: bigint;
			targetCanisterId?: Principal;
		} = {}
	): Promise<Principal> {
		this.assertLive();
		const controllers = options.controllers ?? [options.sender ?? Principal.anonymous()];
		const canister = this.management.createCanister(
			controllers,
			options.cycles ?? DEFAULT_CANISTER_CYCLES,
			options.targetCanisterId
		);
		return Principal.fromUint8Array(canister.id);
	}

	/**
	 * Installs a module (bytes, raw or gzipped, or a file path) into an empty canister, as its
	 * controller (the sender, or the first controller).
	 *
	 * @example
	 * await devnet.installCode({ canisterId, wasm: 'app.wasm', arg: IDL.encode([IDL.Text], ['hi']) });
	 */
	installCode(options: CodeOptions): Promise<void> {
		return this.code('install', options);
	}

	/**
	 * Replaces a canister's module and wipes its memory (heap and stable).
	 *
	 * @example
	 * await devnet.reinstallCode({ canisterId, wasm });
	 */
	reinstallCode(options: CodeOptions): Promise<void> {
		return this.code('reinstall', options);
	}

	/**
	 * Upgrades a canister: pre_upgrade, new module, post_upgrade; stable memory is kept.
	 *
	 * @example
	 * await devnet.upgradeCanister({ canisterId, wasm: 'app-v2.wasm', arg });
	 */
	upgradeCanister(options: CodeOptions): Promise<void> {
		return this.code('upgrade', options);
	}

	/**
	 * Creates a canister, installs `wasm` and returns a Candid actor for it.
	 *
	 * @example
	 * const { actor, canisterId } = await devnet.setupCanister<Service>({ idlFactory, wasm, arg });
	 */
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

	/**
	 * A Candid actor for an installed canister; it calls as anonymous until told otherwise.
	 *
	 * @example
	 * const actor = devnet.createActor<Service>(idlFactory, canisterId);
	 * actor.setIdentity(identity);
	 */
	createActor<T>(idlFactory: IDL.InterfaceFactory, canisterId: Principal): Actor<T> {
		return createActor<T>(idlFactory, async ({ method, arg, sender, query }) =>
			query
				? this.queryCall({ canisterId, method, arg, sender })
				: this.updateCall({ canisterId, method, arg, sender })
		);
	}

	// ---- calls ------------------------------------------------------------------------------

	/**
	 * A query with a Candid-encoded argument; resolves with the reply bytes or throws
	 * CallRejectedError.
	 *
	 * @example
	 * const reply = await devnet.queryCall({ canisterId, method: 'greet', arg: IDL.encode([IDL.Text], ['Ada']) });
	 */
	async queryCall(options: CallOptions): Promise<Uint8Array> {
		return replyBytes(this.executeQuery(options).result);
	}

	/**
	 * An ingress update (inspect_message first, as for any ingress); resolves with the reply
	 * bytes or throws CallRejectedError.
	 *
	 * @example
	 * await devnet.updateCall({ canisterId, method: 'put', arg, sender: owner.getPrincipal() });
	 */
	async updateCall(options: CallOptions): Promise<Uint8Array> {
		return replyBytes((await this.executeUpdate(options)).result);
	}

	/**
	 * A query, answered with the raw outcome (reply or reject, instructions) instead of throwing.
	 *
	 * @example
	 * const { result, instructions } = devnet.executeQuery({ canisterId, method: 'greet', arg });
	 */
	executeQuery(options: CallOptions): Response {
		this.assertLive();
		this.syncClock();
		return this.engine.query(
			options.canisterId,
			options.method,
			options.arg,
			options.sender ?? Principal.anonymous()
		);
	}

	/**
	 * Runs canister_inspect_message for an ingress update: a reply (empty) if the canister
	 * accepts it, the refusal's reject otherwise.
	 *
	 * @example
	 * const accepted = devnet.inspectMessage({ canisterId, method: 'put', arg }).result.kind === 'reply';
	 */
	inspectMessage(options: CallOptions): Response {
		this.assertLive();
		this.syncClock();
		return this.engine.inspectMessage(
			options.canisterId,
			options.method,
			options.arg,
			options.sender ?? Principal.anonymous()
		);
	}

	/**
	 * Runs inspect_message, then the update; the raw outcome carries the instruction count.
	 *
	 * @example
	 * const { result, instructions } = await devnet.executeUpdate({ canisterId, method: 'put', arg });
	 */
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

	/**
	 * Devnet's time in milliseconds since the epoch, as `ic0.time` reports it (in ns).
	 *
	 * @example
	 * const now = new Date(await devnet.getTime());
	 */
	async getTime(): Promise<number> {
		return Number(this.timeNanos / 1_000_000n);
	}

	/** Devnet's time in nanoseconds since the epoch (what canisters read). */
	get timeNanos(): bigint {
		return this.engine.timeNanos;
	}

	/**
	 * Sets the clock (ms since the epoch, or a Date); it never goes back. Timers that become due
	 * fire on the next `tick` or call.
	 *
	 * @example
	 * await devnet.setTime(new Date('2030-01-01T00:00:00Z'));
	 */
	async setTime(time: number | Date): Promise<void> {
		const nanos = BigInt(Math.floor(typeof time === 'number' ? time : time.getTime())) * 1_000_000n;
		if (nanos < this.engine.timeNanos) throw new DevnetError('the clock cannot go back');
		this.engine.timeNanos = nanos;
	}

	/**
	 * Moves the clock forward by `milliseconds`. Timers that become due fire on the next `tick`
	 * or call.
	 *
	 * @example
	 * await devnet.advanceTime(7 * 24 * 3_600_000); // a week later
	 * await devnet.tick();
	 */
	async advanceTime(milliseconds: number): Promise<void> {
		if (!(milliseconds >= 0)) throw new DevnetError('the clock cannot go back');
		this.engine.timeNanos += BigInt(Math.floor(milliseconds * 1_000_000));
	}

	/**
	 * Executes pending messages and due timers, `times` rounds (each moves the clock by 1 ns).
	 *
	 * @example
	 * await devnet.advanceTime(60_000);
	 * await devnet.tick(); // a timer due in a minute has fired
	 */
	async tick(times = 1): Promise<void> {
		this.assertLive();
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

	/**
	 * A canister's cycles balance.
	 *
	 * @example
	 * const before = devnet.getCyclesBalance(canisterId);
	 */
	getCyclesBalance(canisterId: Principal): bigint {
		return this.requireCanister(canisterId).committed().cycles;
	}

	/**
	 * A canister's controllers.
	 *
	 * @example
	 * expect(devnet.getControllers(canisterId)).toEqual([owner.getPrincipal()]);
	 */
	getControllers(canisterId: Principal): Principal[] {
		return this.canisterInfo(canisterId).controllers;
	}

	// ---- state --------------------------------------------------------------------------------

	/**
	 * Saves the whole state (committed state only) to `directory`, replacing what was there;
	 * `attachments` (file name -> text, e.g. the HTTP server's ingress history) go with it.
	 * `Devnet.create({ stateDirectory })` loads it again.
	 *
	 * @example
	 * devnet.saveState('.devnet/state');
	 * const restored = await Devnet.create({ stateDirectory: '.devnet/state' });
	 */
	saveState(directory: string, attachments?: Readonly<Record<string, string>>): void {
		this.assertLive();
		saveImage(directory, captureImage(this.engine, this.management), attachments);
	}

	/**
	 * Ends this devnet: lets work in flight finish, then drops every canister (module instances
	 * and memories). Later calls throw DevnetError; a second tearDown does nothing.
	 *
	 * @example
	 * afterAll(() => devnet.tearDown());
	 */
	async tearDown(): Promise<void> {
		if (this.tornDown) return;
		await this.engine.run();
		this.tornDown = true;
		this.engine.canisters.clear();
	}

	private assertLive(): void {
		if (this.tornDown) throw new DevnetError('this devnet was torn down');
	}

	/** install_code through the management canister, so its access rules apply. */
	private async code(mode: InstallMode, options: CodeOptions): Promise<void> {
		this.assertLive();
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
		this.assertLive();
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
