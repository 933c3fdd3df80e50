// The probe test canister's interface (devnet/test-canister/probe.did) and a setup helper.
import { IDL } from '@dfinity/candid';
import type { Principal } from '@dfinity/principal';
import { readFileSync } from 'node:fs';
import type { Actor } from '../src/actor';
import type { Devnet } from '../src/devnet';
import { PROBE_WASM } from './probe-wasm';

export type CallOutcome = { ok: Uint8Array } | { rejected: { code: number; message: string } };

export interface ProbeService {
	greet(name: string): Promise<string>;
	put(key: string, value: string): Promise<void>;
	get(key: string): Promise<[string] | []>;
	heapCount(): Promise<bigint>;
	putThenTrap(key: string): Promise<void>;
	awaitThenTrap(key: string): Promise<void>;
	queryMutates(key: string): Promise<void>;
	scheduleTimer(delaySeconds: number, key: string): Promise<void>;
	whoami(): Promise<Principal>;
	whoamiAfterAwait(): Promise<Principal>;
	callGreet(target: Principal, name: string): Promise<string>;
	callRaw(target: Principal, method: string, arg: Uint8Array): Promise<CallOutcome>;
	compositeCallRaw(target: Principal, method: string, arg: Uint8Array): Promise<CallOutcome>;
	compositeHeapCounts(): Promise<bigint[]>;
	certify(data: Uint8Array): Promise<void>;
	certificate(): Promise<[Uint8Array] | []>;
	certificateInUpdate(): Promise<boolean>;
	isControllerOf(principal: Principal): Promise<boolean>;
	cycles(): Promise<bigint>;
	version(): Promise<bigint>;
	now(): Promise<bigint>;
	instructions(): Promise<bigint>;
	spin(): Promise<bigint>;
	spinQuery(): Promise<bigint>;
	refusedByInspect(): Promise<void>;
	vetkdPublicKey(context: Uint8Array, keyName: string): Promise<Uint8Array>;
	vetkdDeriveKey(
		input: Uint8Array,
		context: Uint8Array,
		transportPublicKey: Uint8Array,
		keyName: string,
		cycles: bigint
	): Promise<CallOutcome>;
}

export const probeIdlFactory: IDL.InterfaceFactory = ({ IDL }) => {
	const Outcome = IDL.Variant({
		ok: IDL.Vec(IDL.Nat8),
		rejected: IDL.Record({ code: IDL.Nat32, message: IDL.Text })
	});
	const Blob = IDL.Vec(IDL.Nat8);
	return IDL.Service({
		greet: IDL.Func([IDL.Text], [IDL.Text], ['query']),
		put: IDL.Func([IDL.Text, IDL.Text], [], []),
		get: IDL.Func([IDL.Text], [IDL.Opt(IDL.Text)], ['query']),
		heapCount: IDL.Func([], [IDL.Nat64], ['query']),
		putThenTrap: IDL.Func([IDL.Text], [], []),
		awaitThenTrap: IDL.Func([IDL.Text], [], []),
		queryMutates: IDL.Func([IDL.Text], [], ['query']),
		scheduleTimer: IDL.Func([IDL.Nat32, IDL.Text], [], []),
		whoami: IDL.Func([], [IDL.Principal], ['query']),
		whoamiAfterAwait: IDL.Func([], [IDL.Principal], []),
		callGreet: IDL.Func([IDL.Principal, IDL.Text], [IDL.Text], []),
		callRaw: IDL.Func([IDL.Principal, IDL.Text, Blob], [Outcome], []),
		compositeCallRaw: IDL.Func([IDL.Principal, IDL.Text, Blob], [Outcome], ['composite_query']),
		compositeHeapCounts: IDL.Func([], [IDL.Vec(IDL.Nat64)], ['composite_query']),
		certify: IDL.Func([Blob], [], []),
		certificate: IDL.Func([], [IDL.Opt(Blob)], ['query']),
		certificateInUpdate: IDL.Func([], [IDL.Bool], []),
		isControllerOf: IDL.Func([IDL.Principal], [IDL.Bool], ['query']),
		cycles: IDL.Func([], [IDL.Nat], ['query']),
		version: IDL.Func([], [IDL.Nat64], ['query']),
		now: IDL.Func([], [IDL.Nat64], ['query']),
		instructions: IDL.Func([], [IDL.Nat64], ['query']),
		spin: IDL.Func([], [IDL.Nat64], []),
		spinQuery: IDL.Func([], [IDL.Nat64], ['query']),
		refusedByInspect: IDL.Func([], [], []),
		vetkdPublicKey: IDL.Func([Blob, IDL.Text], [Blob], []),
		vetkdDeriveKey: IDL.Func([Blob, Blob, Blob, IDL.Text, IDL.Nat64], [Outcome], [])
	});
};

/**
 * The probe canister's wasm (built by `buildProbe`).
 *
 * @example
 * await devnet.installCode({ canisterId, wasm: probeWasm(), arg: greetingArg('Hi') });
 */
export function probeWasm(): Uint8Array {
	return new Uint8Array(readFileSync(PROBE_WASM));
}

/**
 * The probe's init argument: the greeting `greet` answers with.
 *
 * @example
 * const arg = greetingArg('Hi'); // greet('Ada') answers 'Hi, Ada!'
 */
export const greetingArg = (greeting: string) => new Uint8Array(IDL.encode([IDL.Text], [greeting]));

/**
 * Creates and installs a probe canister on `devnet`, with its actor.
 *
 * @example
 * const { actor, canisterId } = await setupProbe(devnet, { greeting: 'Hi' });
 */
export async function setupProbe(
	devnet: Devnet,
	options: { sender?: Principal; controllers?: Principal[]; greeting?: string } = {}
): Promise<{ actor: Actor<ProbeService>; canisterId: Principal }> {
	return devnet.setupCanister<ProbeService>({
		idlFactory: probeIdlFactory,
		wasm: probeWasm(),
		arg: greetingArg(options.greeting ?? 'Hello'),
		sender: options.sender,
		controllers: options.controllers
	});
}
