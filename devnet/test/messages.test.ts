// Message semantics against the real probe canister wasm: replies, traps and rollback, queries
// that never persist, inter-canister and self calls, reject codes, inspect_message, timers.
import { IDL } from '@dfinity/candid';
import { Ed25519KeyIdentity } from '@dfinity/identity';
import { Principal } from '@dfinity/principal';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../src/actor';
import { CallRejectedError, Devnet } from '../src/devnet';
import { CanisterIdRecord, CreateCanisterArgs } from '../src/management/idl';
import { setupProbe, type ProbeService } from './probe';

const owner = Ed25519KeyIdentity.generate();
const stranger = Ed25519KeyIdentity.generate();
let devnet: Devnet;
let probe: Actor<ProbeService>;
let probeId: Principal;
let other: Actor<ProbeService>;
let otherId: Principal;

async function rejection(call: Promise<unknown>): Promise<CallRejectedError> {
	const error = await call.then(
		() => undefined,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(CallRejectedError);
	return error as CallRejectedError;
}

beforeAll(async () => {
	devnet = await Devnet.create();
	({ actor: probe, canisterId: probeId } = await setupProbe(devnet, {
		sender: owner.getPrincipal(),
		greeting: 'Hi'
	}));
	({ actor: other, canisterId: otherId } = await setupProbe(devnet, { greeting: 'Salut' }));
});

describe('install and calls', () => {
	it('runs canister_init with its argument and answers queries and updates', async () => {
		expect(await probe.greet('Ada')).toBe('Hi, Ada!');
		await probe.put('colour', 'teal');
		expect(await probe.get('colour')).toEqual(['teal']);
		expect(await probe.heapCount()).toBe(1n);
	});

	it('gives canisters ids from the local replica range, in order', () => {
		expect(probeId.toText()).toBe('bnz7o-iuaaa-aaaaa-qaaaa-cai');
		expect(otherId.toText()).toBe('bkyz2-fmaaa-aaaaa-qaaaq-cai');
	});

	it('passes the caller, anonymous or not, also after an await', async () => {
		expect((await probe.whoami()).isAnonymous()).toBe(true);
		probe.setIdentity(stranger);
		expect((await probe.whoami()).toText()).toBe(stranger.getPrincipal().toText());
		expect((await probe.whoamiAfterAwait()).toText()).toBe(stranger.getPrincipal().toText());
		probe.setPrincipal(Principal.anonymous());
	});
});

describe('atomicity', () => {
	it('rolls back stable memory and heap when an update traps', async () => {
		const error = await rejection(probe.putThenTrap('trapped'));
		expect(error.rejectCode).toBe(5);
		expect(error.errorCode).toBe('IC0503');
		expect(error.rejectMessage).toContain(
			"Canister called `ic0.trap` with message: 'deliberate trap after write'"
		);
		expect(await probe.get('trapped')).toEqual([]);
		expect(await probe.heapCount()).toBe(1n);
	});

	it('keeps what was committed before an await when the code after it traps', async () => {
		const error = await rejection(probe.awaitThenTrap('step'));
		expect(error.rejectMessage).toContain('deliberate trap after await');
		expect(await probe.get('step-before')).toEqual(['committed at await']);
		expect(await probe.get('step-after')).toEqual([]);
	});

	it('never persists what a query changes', async () => {
		await probe.queryMutates('from-query');
		expect(await probe.get('from-query')).toEqual([]);
		expect(await probe.heapCount()).toBe(1n);
	});
});

describe('calls between canisters', () => {
	it('calls another canister and returns its reply', async () => {
		expect(await probe.callGreet(otherId, 'Bob')).toBe('Salut, Bob!');
	});

	it('calls itself', async () => {
		expect(await probe.callGreet(probeId, 'me')).toBe('Hi, me!');
	});

	it('rejects a call to a missing canister with DestinationInvalid (3)', async () => {
		const missing = Principal.fromUint8Array(
			new Uint8Array([0x80, 0, 0, 0, 0, 0x1f, 0xff, 0xff, 1, 1])
		);
		const outcome = await probe.callRaw(
			missing,
			'greet',
			new Uint8Array(IDL.encode([IDL.Text], ['x']))
		);
		expect(outcome).toEqual({
			rejected: { code: 3, message: `Canister ${missing.toText()} not found` }
		});
	});

	it('rejects a call to an unknown method with CanisterError (5)', async () => {
		const outcome = await probe.callRaw(otherId, 'nope', new Uint8Array(IDL.encode([], [])));
		expect('rejected' in outcome && outcome.rejected.code).toBe(5);
		expect('rejected' in outcome && outcome.rejected.message).toContain(
			"Canister has no update method 'nope'"
		);
	});

	it('lets a canister create a canister it controls through the management canister', async () => {
		const arg = new Uint8Array(
			IDL.encode([CreateCanisterArgs], [{ settings: [], sender_canister_version: [] }])
		);
		const outcome = await probe.callRaw(Principal.managementCanister(), 'create_canister', arg);
		if (!('ok' in outcome)) throw new Error(outcome.rejected.message);
		const [{ canister_id: created }] = IDL.decode([CanisterIdRecord], outcome.ok) as unknown as [
			{ canister_id: Principal }
		];
		expect(devnet.getControllers(created).map((p) => p.toText())).toEqual([probeId.toText()]);
	});

	it('runs a query method called by a canister without persisting its changes', async () => {
		const outcome = await other.callRaw(
			probeId,
			'queryMutates',
			new Uint8Array(IDL.encode([IDL.Text], ['by-call']))
		);
		expect('ok' in outcome).toBe(true);
		expect(await probe.get('by-call')).toEqual([]);
	});

	it('passes a callee trap back as CanisterError (5)', async () => {
		const outcome = await probe.callRaw(
			otherId,
			'putThenTrap',
			new Uint8Array(IDL.encode([IDL.Text], ['k']))
		);
		expect('rejected' in outcome && outcome.rejected.code).toBe(5);
		expect(await other.get('k')).toEqual([]);
	});

	// The IC hands the caller a failed execution as its user error's text, error code first
	// (dfinity/ic execution/common.rs action_to_response: `user_error.to_string()`).
	it("gives the caller a callee's trap as the IC words it, with the error code first", async () => {
		const outcome = await probe.callRaw(
			otherId,
			'putThenTrap',
			new Uint8Array(IDL.encode([IDL.Text], ['k']))
		);
		expect(outcome).toEqual({
			rejected: {
				code: 5,
				message: `IC0503: Error from Canister ${otherId.toText()}: Canister called \`ic0.trap\` with message: 'deliberate trap after write'`
			}
		});
		const missing = await probe.callRaw(otherId, 'nope', new Uint8Array(IDL.encode([], [])));
		expect('rejected' in missing && missing.rejected.message).toMatch(
			new RegExp(`^IC0536: Error from Canister ${otherId.toText()}: Canister has no update method`)
		);
	});
});

describe('ingress errors', () => {
	it('rejects an unknown method', async () => {
		const query = await rejection(
			devnet.queryCall({
				canisterId: probeId,
				method: 'nope',
				arg: new Uint8Array(IDL.encode([], []))
			})
		);
		expect([query.rejectCode, query.errorCode]).toEqual([5, 'IC0536']);
		const update = await rejection(
			devnet.updateCall({
				canisterId: probeId,
				method: 'nope',
				arg: new Uint8Array(IDL.encode([], []))
			})
		);
		// refused by inspect_message, whose trap (Azle cannot decode the call) is the refusal's error
		expect([update.rejectCode, update.errorCode]).toEqual([5, 'IC0503']);
	});

	it('rejects bad Candid with a trap, changing nothing', async () => {
		const garbage = new Uint8Array([1, 2, 3]);
		const error = await rejection(
			devnet.queryCall({ canisterId: probeId, method: 'greet', arg: garbage })
		);
		expect(error.rejectCode).toBe(5);
		const update = await devnet.engine.update(probeId, 'put', garbage, Principal.anonymous());
		expect(update.result.kind === 'reject' && update.result.code).toBe(5);
		expect(await probe.heapCount()).toBe(1n);
	});

	it('rejects calls to a canister that does not exist', async () => {
		const missing = Principal.fromUint8Array(
			new Uint8Array([0x80, 0, 0, 0, 0, 0x1f, 0xff, 0xfe, 1, 1])
		);
		const error = await rejection(
			devnet.queryCall({ canisterId: missing, method: 'greet', arg: new Uint8Array() })
		);
		expect([error.rejectCode, error.errorCode]).toEqual([3, 'IC0301']);
	});

	it('lets canister_inspect_message refuse an ingress message', async () => {
		const error = await rejection(probe.refusedByInspect());
		expect([error.rejectCode, error.errorCode]).toEqual([4, 'IC0406']);
		expect(error.rejectMessage).toContain('rejected the message');
		// a canister may still call the method: inspect_message only guards ingress
		const outcome = await other.callRaw(
			probeId,
			'refusedByInspect',
			new Uint8Array(IDL.encode([], []))
		);
		expect('ok' in outcome).toBe(true);
	});
});

describe('timers and time', () => {
	it('fires a timer once its time has come, through the canister calling itself', async () => {
		await probe.scheduleTimer(60, 'timer');
		await devnet.tick();
		expect(await probe.get('timer')).toEqual([]);
		await devnet.advanceTime(59_000);
		await devnet.tick();
		expect(await probe.get('timer')).toEqual([]);
		await devnet.advanceTime(1_000);
		await devnet.tick();
		expect(await probe.get('timer')).toEqual(['fired']);
		const executions = devnet.executions.map((e) => e.method);
		expect(executions).toContain('<ic-cdk internal> timer_executor');
	});

	it('follows the machine clock when asked to, never going back', async () => {
		const live = await Devnet.create({ time: 0, wallClock: true });
		const before = Date.now();
		await live.tick();
		expect(await live.getTime()).toBeGreaterThanOrEqual(before);
		await live.advanceTime(3_600_000);
		const ahead = await live.getTime();
		await live.tick();
		expect(await live.getTime()).toBe(ahead); // the clock never goes back to the machine's time
	});

	it('shows canisters the devnet clock', async () => {
		await devnet.setTime(new Date('2030-01-01T00:00:00Z'));
		expect(await probe.now()).toBe(BigInt(Date.parse('2030-01-01T00:00:00Z')) * 1_000_000n);
		expect(await devnet.getTime()).toBe(Date.parse('2030-01-01T00:00:00Z'));
		await expect(devnet.setTime(0)).rejects.toThrow('cannot go back');
	});
});
