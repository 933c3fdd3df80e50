// Converts between a running devnet and its persisted image (see persistence.ts).
import { Principal } from '@dfinity/principal';
import { Canister } from './engine/canister';
import { ChunkStore } from './engine/chunk-store';
import type { Engine } from './engine/engine';
import { StableMemory } from './engine/stable-memory';
import { createSystemApi } from './engine/system-api';
import { WasmInstance } from './engine/wasm-instance';
import type { ManagementCanister } from './management/management-canister';
import type { DevnetImage } from './persistence';
import { compileCanisterModule } from './wasm/module-cache';

/** The committed state of everything (what survives a restart). */
export function captureImage(engine: Engine, management: ManagementCanister): DevnetImage {
	return {
		timeNanos: engine.timeNanos,
		nextCanisterCounter: management.ids.nextCounter,
		subnetKeySecret: engine.subnetKey.secretBytes(),
		vetKdSecrets: Object.fromEntries(
			management.vetKd
				.names()
				.map((name) => [name, management.vetKd.key(name).master.secretBytes()])
		),
		canisters: [...engine.canisters.values()].map((canister) => {
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
				stable: canister.stable.committedPages(),
				chunks: canister.chunkStore.contents()
			};
		})
	};
}

/** Recreates the saved canisters, without running any of their code. */
export async function restoreCanisters(engine: Engine, image: DevnetImage): Promise<void> {
	for (const saved of image.canisters) {
		const canister = new Canister(Principal.fromText(saved.id), saved.settings, saved.cycles);
		// call contexts do not survive a restart: a stopping canister has nothing left to wait for
		canister.status = saved.status === 'stopping' ? 'stopped' : saved.status;
		canister.stable = StableMemory.restore(saved.stable.size, saved.stable.pages);
		canister.chunkStore = ChunkStore.restore(saved.chunks);
		canister.adjustCommitted((state) => {
			state.certifiedData = saved.certifiedData;
			state.timerDeadline = saved.timerDeadline;
			state.version = saved.version;
		});
		if (saved.module) {
			const compiled = await compileCanisterModule(saved.module.wasm);
			canister.instance = WasmInstance.create(compiled, createSystemApi(canister, engine));
			canister.instance.restore({ memory: saved.module.heap, globals: saved.module.globals });
			canister.wasm = saved.module.wasm;
		}
		engine.canisters.set(canister.idText, canister);
	}
}
