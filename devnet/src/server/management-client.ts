// The management canister through @dfinity/agent, as dfx uses it against any local replica
// (devnet, dfx, PocketIC): create canisters (with a specified id for stable ids), install or
// upgrade code. Wasm is gzipped so Azle modules fit the 2 MiB
// ingress limit.
import { Actor, type HttpAgent } from '@dfinity/agent';
import { IDL } from '@dfinity/candid';
import { Principal } from '@dfinity/principal';
import { gzipSync } from 'node:zlib';
import {
	CanisterIdRecord,
	InstallCodeArgs,
	ProvisionalCreateCanisterArgs
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
		install_code: IDL.Func([InstallCodeArgs], [], [])
	});

interface ManagementService {
	provisional_create_canister_with_cycles(arg: {
		amount: [] | [bigint];
		settings: [];
		specified_id: [] | [Principal];
		sender_canister_version: [];
	}): Promise<{ canister_id: Principal }>;
	install_code(arg: {
		mode: { install: null } | { reinstall: null } | { upgrade: [] };
		canister_id: Principal;
		wasm_module: Uint8Array;
		arg: Uint8Array;
		sender_canister_version: [];
	}): Promise<void>;
}

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
		mode: options.mode === 'upgrade' ? { upgrade: [] } : ({ [options.mode]: null } as never),
		canister_id: options.canisterId,
		wasm_module: packed,
		arg: options.arg ?? new Uint8Array(IDL.encode([], [])),
		sender_canister_version: []
	});
}
