// devnet's probe canister: one method per execution semantic devnet must reproduce.
import {
	call,
	canisterCycleBalance,
	canisterSelf,
	canisterVersion,
	certifiedDataSet,
	dataCertificate,
	IDL,
	init,
	inspectMessage,
	isController,
	msgCaller,
	performanceCounter,
	postUpgrade,
	Principal,
	query,
	setTimer,
	StableBTreeMap,
	time,
	trap,
	update
} from 'azle';

import { VetKdDeriveKeyArgs, VetKdPublicKeyArgs } from '../../src/management/idl';

const CallOutcome = IDL.Variant({
	ok: IDL.Vec(IDL.Nat8),
	rejected: IDL.Record({ code: IDL.Nat32, message: IDL.Text })
});
type CallOutcome = { ok: Uint8Array } | { rejected: { code: number; message: string } };

function keyId(name: string): { curve: { bls12_381_g2: null }; name: string } {
	return { curve: { bls12_381_g2: null }, name };
}

async function outcome(make: () => Promise<Uint8Array>): Promise<CallOutcome> {
	try {
		return { ok: await make() };
	} catch (error) {
		const e = error as { type?: string; rejectCode?: number; rejectMessage?: string };
		if (e.type === 'CallRejected') {
			return { rejected: { code: e.rejectCode ?? 0, message: e.rejectMessage ?? '' } };
		}
		throw error;
	}
}

export default class Probe {
	store = new StableBTreeMap<string, string>(0);
	heapCounter = 0n;

	@init([IDL.Text])
	init(greeting: string): void {
		this.store.insert('greeting', greeting);
	}

	@postUpgrade([IDL.Text])
	postUpgrade(greeting: string): void {
		this.store.insert('greeting', greeting);
		const upgrades = Number(this.store.get('upgrades') ?? '0') + 1;
		this.store.insert('upgrades', String(upgrades));
	}

	@inspectMessage
	inspect(methodName: string): boolean {
		return methodName !== 'refusedByInspect';
	}

	@query([IDL.Text], IDL.Text)
	greet(name: string): string {
		return `${this.store.get('greeting') ?? 'Hello'}, ${name}!`;
	}

	@update([IDL.Text, IDL.Text])
	put(key: string, value: string): void {
		this.store.insert(key, value);
		this.heapCounter += 1n;
	}

	@query([IDL.Text], IDL.Opt(IDL.Text))
	get(key: string): [string] | [] {
		const value = this.store.get(key);
		return value === undefined ? [] : [value];
	}

	@query([], IDL.Nat64)
	heapCount(): bigint {
		return this.heapCounter;
	}

	@update([IDL.Text])
	putThenTrap(key: string): void {
		this.store.insert(key, 'written before trap');
		this.heapCounter += 1000n;
		trap('deliberate trap after write');
	}

	@update([IDL.Text])
	async awaitThenTrap(key: string): Promise<void> {
		this.store.insert(`${key}-before`, 'committed at await');
		await call('aaaaa-aa', 'raw_rand', { returnIdlType: IDL.Vec(IDL.Nat8) });
		this.store.insert(`${key}-after`, 'rolled back');
		trap('deliberate trap after await');
	}

	@query([IDL.Text])
	queryMutates(key: string): void {
		this.store.insert(key, 'must not persist');
		this.heapCounter += 1_000_000n;
	}

	@update([IDL.Nat32, IDL.Text])
	scheduleTimer(delaySeconds: number, key: string): void {
		setTimer(delaySeconds, () => {
			this.store.insert(key, 'fired');
		});
	}

	@query([], IDL.Principal)
	whoami(): Principal {
		return msgCaller();
	}

	@update([], IDL.Principal)
	async whoamiAfterAwait(): Promise<Principal> {
		await call('aaaaa-aa', 'raw_rand', { returnIdlType: IDL.Vec(IDL.Nat8) });
		return msgCaller();
	}

	@update([IDL.Principal, IDL.Text], IDL.Text)
	async callGreet(target: Principal, name: string): Promise<string> {
		return await call<[string], string>(target, 'greet', {
			paramIdlTypes: [IDL.Text],
			returnIdlType: IDL.Text,
			args: [name]
		});
	}

	@update([IDL.Principal, IDL.Text, IDL.Vec(IDL.Nat8)], CallOutcome)
	async callRaw(target: Principal, method: string, arg: Uint8Array): Promise<CallOutcome> {
		return await outcome(() =>
			call<Uint8Array, Uint8Array>(target, method, { raw: true, args: arg })
		);
	}

	/** A composite query calling any method of any canister. */
	@query([IDL.Principal, IDL.Text, IDL.Vec(IDL.Nat8)], CallOutcome, { composite: true })
	async compositeCallRaw(target: Principal, method: string, arg: Uint8Array): Promise<CallOutcome> {
		return await outcome(() =>
			call<Uint8Array, Uint8Array>(target, method, { raw: true, args: arg })
		);
	}

	/** Bumps the heap counter, then reads it from itself twice: [own counter, first, second]. */
	@query([], IDL.Vec(IDL.Nat64), { composite: true })
	async compositeHeapCounts(): Promise<bigint[]> {
		this.heapCounter += 1n;
		const read = (): Promise<bigint> =>
			call<undefined, bigint>(canisterSelf(), 'heapCount', { returnIdlType: IDL.Nat64 });
		const first = await read();
		const second = await read();
		return [this.heapCounter, first, second];
	}

	@update([IDL.Vec(IDL.Nat8)])
	certify(data: Uint8Array): void {
		certifiedDataSet(data);
	}

	@query([], IDL.Opt(IDL.Vec(IDL.Nat8)))
	certificate(): [Uint8Array] | [] {
		const certificate = dataCertificate();
		return certificate === undefined ? [] : [certificate];
	}

	@update([], IDL.Bool)
	certificateInUpdate(): boolean {
		return dataCertificate() !== undefined;
	}

	@query([IDL.Principal], IDL.Bool)
	isControllerOf(principal: Principal): boolean {
		return isController(principal);
	}

	@query([], IDL.Nat)
	cycles(): bigint {
		return canisterCycleBalance();
	}

	@query([], IDL.Nat64)
	version(): bigint {
		return canisterVersion();
	}

	@query([], IDL.Nat64)
	now(): bigint {
		return time();
	}

	@query([], IDL.Nat64)
	instructions(): bigint {
		return performanceCounter(0);
	}

	@update([], IDL.Nat64)
	spin(): bigint {
		for (let i = 0n; ; i += 1n) {
			if (i < 0n) return i; // never: the loop runs until the instruction limit stops it
		}
	}

	@query([], IDL.Nat64)
	spinQuery(): bigint {
		for (let i = 0n; ; i += 1n) {
			if (i < 0n) return i; // never: the loop runs until the instruction limit stops it
		}
	}

	@update([])
	refusedByInspect(): void {}

	@update([IDL.Vec(IDL.Nat8), IDL.Text], IDL.Vec(IDL.Nat8))
	async vetkdPublicKey(context: Uint8Array, keyName: string): Promise<Uint8Array> {
		const result = await call<[unknown], { public_key: Uint8Array }>(
			'aaaaa-aa',
			'vetkd_public_key',
			{
				paramIdlTypes: [VetKdPublicKeyArgs],
				returnIdlType: IDL.Record({ public_key: IDL.Vec(IDL.Nat8) }),
				args: [{ canister_id: [], context, key_id: keyId(keyName) }]
			}
		);
		return result.public_key;
	}

	@update(
		[IDL.Vec(IDL.Nat8), IDL.Vec(IDL.Nat8), IDL.Vec(IDL.Nat8), IDL.Text, IDL.Nat64],
		CallOutcome
	)
	async vetkdDeriveKey(
		input: Uint8Array,
		context: Uint8Array,
		transportPublicKey: Uint8Array,
		keyName: string,
		cycles: bigint
	): Promise<CallOutcome> {
		return await outcome(async () => {
			const result = await call<[unknown], { encrypted_key: Uint8Array }>(
				'aaaaa-aa',
				'vetkd_derive_key',
				{
					paramIdlTypes: [VetKdDeriveKeyArgs],
					returnIdlType: IDL.Record({ encrypted_key: IDL.Vec(IDL.Nat8) }),
					args: [
						{ input, context, transport_public_key: transportPublicKey, key_id: keyId(keyName) }
					],
					cycles
				}
			);
			return result.encrypted_key;
		});
	}
}
