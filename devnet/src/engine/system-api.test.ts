// The System API's context rules and error paths, with small hand-written canisters (WAT,
// assembled by binaryen): each ic0 misuse must trap with the IC's error and change nothing.
import binaryen from 'binaryen';
import { Principal } from '@dfinity/principal';
import { beforeAll, describe, expect, it } from 'vitest';
import { Devnet } from '../devnet';

const WAT = `(module
  (import "ic0" "msg_reply" (func $reply))
  (import "ic0" "msg_reply_data_append" (func $append (param i32 i32)))
  (import "ic0" "call_new" (func $call_new (param i32 i32 i32 i32 i32 i32 i32 i32)))
  (import "ic0" "stable64_grow" (func $grow (param i64) (result i64)))
  (import "ic0" "stable64_size" (func $size (result i64)))
  (import "ic0" "stable64_write" (func $swrite (param i64 i64 i64)))
  (import "ic0" "stable64_read" (func $sread (param i64 i64 i64)))
  (import "ic0" "data_certificate_size" (func $cert_size (result i32)))
  (import "ic0" "msg_method_name_size" (func $method_size (result i32)))
  (import "ic0" "global_timer_set" (func $timer (param i64) (result i64)))
  (memory (export "memory") 1)
  (global $counter (mut i32) (i32.const 0))
  (data (i32.const 0) "hi")
  (func (export "canister_update bump") (global.set $counter (i32.add (global.get $counter) (i32.const 1))) (call $reply_counter))
  (func (export "canister_query counter") (call $reply_counter))
  (func $reply_counter (i32.store (i32.const 16) (global.get $counter)) (call $append (i32.const 16) (i32.const 4)) (call $reply))
  (func (export "canister_query bump_in_query") (global.set $counter (i32.const 100)) (call $reply_counter))
  (func (export "canister_update reply_twice") (call $reply) (call $reply))
  (func (export "canister_update no_reply"))
  (func (export "canister_query call_from_query") (call $call_new (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 2) (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0)))
  (func (export "canister_update certificate_in_update") (drop (call $cert_size)))
  (func (export "canister_update method_name_outside_inspect") (drop (call $method_size)))
  (func (export "canister_query timer_in_query") (drop (call $timer (i64.const 1))))
  (func (export "canister_update stable_then_trap") (drop (call $grow (i64.const 1))) (call $swrite (i64.const 0) (i64.const 0) (i64.const 2)) (unreachable))
  (func (export "canister_query stable_pages") (i64.store (i32.const 16) (call $size)) (call $append (i32.const 16) (i32.const 8)) (call $reply))
  (func (export "canister_update read_past_stable") (call $sread (i64.const 0) (i64.const 70000) (i64.const 1)))
  (func (export "canister_update append_out_of_bounds") (call $append (i32.const 65530) (i32.const 100)))
  (func (export "canister_update recurse") (call $recurse))
  (func $recurse (call $recurse))
)`;

// Cycles attached to calls: refunded when the callee's accept is rolled back by a trap, and
// returned to the balance when a call is built but never performed.
const CYCLES_WAT = `(module
  (import "ic0" "msg_reply" (func $reply))
  (import "ic0" "msg_reply_data_append" (func $append (param i32 i32)))
  (import "ic0" "canister_self_size" (func $self_size (result i32)))
  (import "ic0" "canister_self_copy" (func $self_copy (param i32 i32 i32)))
  (import "ic0" "call_new" (func $call_new (param i32 i32 i32 i32 i32 i32 i32 i32)))
  (import "ic0" "call_cycles_add128" (func $add (param i64 i64)))
  (import "ic0" "call_perform" (func $perform (result i32)))
  (import "ic0" "msg_cycles_accept128" (func $accept (param i64 i64 i32)))
  (import "ic0" "msg_cycles_refunded128" (func $refunded (param i32)))
  (import "ic0" "canister_cycle_balance128" (func $balance (param i32)))
  (memory (export "memory") 1)
  (table 2 funcref)
  (elem (i32.const 0) $answer_refund $answer_refund)
  (data (i32.const 0) "accept_then_trap")
  (func $build_call (param $cycles i64)
    (call $self_copy (i32.const 100) (i32.const 0) (call $self_size))
    (call $call_new (i32.const 100) (call $self_size) (i32.const 0) (i32.const 16) (i32.const 0) (i32.const 0) (i32.const 1) (i32.const 0))
    (call $add (i64.const 0) (local.get $cycles)))
  (func (export "canister_update pay") (call $build_call (i64.const 1000)) (drop (call $perform)))
  (func (export "canister_update pay_unperformed") (call $build_call (i64.const 500)) (call $reply))
  (func $answer_refund (param $env i32) (call $refunded (i32.const 200)) (call $append (i32.const 200) (i32.const 8)) (call $reply))
  (func (export "canister_update accept_then_trap") (call $accept (i64.const 0) (i64.const 1000) (i32.const 300)) (unreachable))
  (func (export "canister_query balance") (call $balance (i32.const 400)) (call $append (i32.const 400) (i32.const 8)) (call $reply))
)`;

let devnet: Devnet;
let canisterId: Principal;
const none = new Uint8Array();

async function update(method: string) {
	return (await devnet.executeUpdate({ canisterId, method, arg: none })).result;
}
function query(method: string) {
	return devnet.executeQuery({ canisterId, method, arg: none }).result;
}
const u32 = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset).getUint32(0, true);
const u64 = (bytes: Uint8Array) =>
	new DataView(bytes.buffer, bytes.byteOffset).getBigUint64(0, true);

function assemble(text: string): Uint8Array {
	const module = binaryen.parseText(text);
	const wasm = module.emitBinary();
	module.dispose();
	return wasm;
}

beforeAll(async () => {
	const wasm = assemble(WAT);
	devnet = await Devnet.create();
	canisterId = await devnet.createCanister();
	await devnet.installCode({ canisterId, wasm, sender: Principal.anonymous() });
});

describe('System API rules', () => {
	it('commits updates and rolls back queries', async () => {
		expect(await update('bump')).toMatchObject({ kind: 'reply' });
		const counted = query('bump_in_query');
		expect(counted.kind === 'reply' && u32(counted.bytes)).toBe(100);
		const after = query('counter');
		expect(after.kind === 'reply' && u32(after.bytes)).toBe(1);
	});

	it.each([
		['reply_twice', 'IC0504', 'has already been responded to'],
		['certificate_in_update', 'IC0504', 'cannot be executed in update mode'],
		['method_name_outside_inspect', 'IC0504', 'cannot be executed in update mode'],
		['read_past_stable', 'IC0502', 'stable memory out of bounds'],
		['append_out_of_bounds', 'IC0504', 'out of bounds'],
		['stable_then_trap', 'IC0502', 'Canister trapped: unreachable'],
		['recurse', 'IC0502', 'Canister trapped']
	])('traps %s with %s', async (method, errorCode, message) => {
		const result = await update(method);
		expect(result).toMatchObject({ kind: 'reject', code: 5, errorCode });
		expect(result.kind === 'reject' && result.message).toContain(message);
	});

	it.each([
		['call_from_query', 'cannot be executed in non replicated query mode'],
		['timer_in_query', 'cannot be executed in non replicated query mode']
	])('traps %s', (method, message) => {
		const result = query(method);
		expect(result).toMatchObject({ kind: 'reject', code: 5, errorCode: 'IC0504' });
		expect(result.kind === 'reject' && result.message).toContain(message);
	});

	it('rejects an update that never replies', async () => {
		expect(await update('no_reply')).toMatchObject({
			kind: 'reject',
			code: 5,
			errorCode: 'IC0506'
		});
	});

	it('refunds cycles a trapped callee accepted, and keeps cycles of a call never performed', async () => {
		const payer = await devnet.createCanister({ cycles: 1_000_000n });
		await devnet.installCode({
			canisterId: payer,
			wasm: assemble(CYCLES_WAT),
			sender: Principal.anonymous()
		});
		const call = async (method: string) =>
			(await devnet.executeUpdate({ canisterId: payer, method, arg: none })).result;
		const paid = await call('pay');
		expect(paid.kind === 'reply' && u64(paid.bytes)).toBe(1000n);
		expect(devnet.getCyclesBalance(payer)).toBe(1_000_000n);
		expect((await call('pay_unperformed')).kind).toBe('reply');
		expect(devnet.getCyclesBalance(payer)).toBe(1_000_000n);
		const balance = devnet.executeQuery({ canisterId: payer, method: 'balance', arg: none }).result;
		expect(balance.kind === 'reply' && u64(balance.bytes)).toBe(1_000_000n);
	});

	it('rolls back stable memory growth and writes of a trapped message', async () => {
		const pages = query('stable_pages');
		expect(pages.kind === 'reply' && pages.bytes).toEqual(new Uint8Array(8));
	});
});
