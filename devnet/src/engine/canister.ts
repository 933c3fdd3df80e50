// A canister's whole state: module instance, stable memory and the system-held state
// (controllers, cycles, certified data, timer, version, status, settings, Wasm chunk store).
import { Principal } from '@dfinity/principal';
import { ChunkStore } from './chunk-store';
import type { Execution } from './execution';
import { StableMemory, type StableFrame } from './stable-memory';
import type { HeapImage, WasmInstance } from './wasm-instance';

export type CanisterStatus = 'running' | 'stopping' | 'stopped';

export interface CanisterSettings {
	controllers: string[];
	computeAllocation: bigint;
	memoryAllocation: bigint;
	freezingThreshold: bigint;
	reservedCyclesLimit: bigint;
	wasmMemoryLimit: bigint;
	wasmMemoryThreshold: bigint;
	logVisibility: 'controllers' | 'public';
}

/** The part of a canister's state that rolls back with a trapped message. */
interface SystemState {
	cycles: bigint;
	certifiedData: Uint8Array;
	timerDeadline: bigint;
	version: bigint;
}

/** A canister's uncommitted state, set aside while another call of the same graph runs on it. */
export interface CanisterFrame {
	heap?: HeapImage;
	stable: StableFrame;
	state: SystemState;
}

export class Canister {
	readonly id: Uint8Array;
	readonly idText: string;
	settings: CanisterSettings;
	status: CanisterStatus = 'running';
	instance?: WasmInstance;
	/** The installed wasm as given to install_code (kept for snapshots). */
	wasm?: Uint8Array;
	stable = new StableMemory();
	/** Uploaded Wasm chunks (upload_chunk); changed only by the management canister. */
	chunkStore = new ChunkStore();
	state: SystemState;
	private committedState: SystemState;
	execution?: Execution;
	/** Call contexts not yet closed: a stopping canister stops when none are left. */
	openCallContexts = 0;
	private stopRequests: ((outcome: 'stopped' | 'cancelled') => void)[] = [];

	constructor(id: Principal, settings: CanisterSettings, cycles: bigint) {
		this.id = id.toUint8Array();
		this.idText = id.toText();
		this.settings = settings;
		this.state = {
			cycles,
			certifiedData: new Uint8Array(0),
			timerDeadline: 0n,
			version: 0n
		};
		this.committedState = { ...this.state };
	}

	get moduleHash(): Uint8Array | undefined {
		return this.instance?.compiled.hash;
	}

	isController(principal: Uint8Array): boolean {
		const text = Principal.fromUint8Array(principal).toText();
		return this.settings.controllers.includes(text);
	}

	/** stop_canister: resolves once no call context is open (or a start cancels the stop). */
	stop(): Promise<'stopped' | 'cancelled'> {
		if (this.status === 'stopped') return Promise.resolve('stopped');
		if (this.openCallContexts === 0) {
			this.status = 'stopped';
			return Promise.resolve('stopped');
		}
		this.status = 'stopping';
		return new Promise((resolve) => this.stopRequests.push(resolve));
	}

	finishStopping(): void {
		this.status = 'stopped';
		this.settleStopRequests('stopped');
	}

	start(): void {
		this.status = 'running';
		this.settleStopRequests('cancelled');
	}

	private settleStopRequests(outcome: 'stopped' | 'cancelled'): void {
		const requests = this.stopRequests;
		this.stopRequests = [];
		for (const resolve of requests) resolve(outcome);
	}

	/** Makes every change since the last checkpoint permanent. */
	checkpoint(): void {
		this.instance?.checkpoint();
		this.stable.checkpoint();
		this.committedState = { ...this.state };
	}

	/** Undoes every change since the last checkpoint. */
	rollback(): void {
		this.instance?.rollback();
		this.stable.rollback();
		this.state = { ...this.committedState };
	}

	/** The uncommitted state as it is now: a composite query's canister between its messages. */
	liveFrame(): CanisterFrame {
		return {
			heap: this.instance?.liveImage(),
			stable: this.stable.liveFrame(),
			state: { ...this.state }
		};
	}

	loadFrame(frame: CanisterFrame): void {
		if (frame.heap) this.instance?.load(frame.heap);
		this.stable.loadFrame(frame.stable);
		this.state = { ...frame.state };
	}

	committed(): Readonly<SystemState> {
		return this.committedState;
	}

	/** Adjusts committed and live state together (changes made by the system, not the canister). */
	adjustCommitted(change: (state: SystemState) => void): void {
		change(this.state);
		change(this.committedState);
	}
}
