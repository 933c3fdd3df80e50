// The server's small pure parts: clock, checkpoints, loopback check, ingress history, state
// tree, deploy order.
import { Principal } from '@dfinity/principal';
import { lebDecode, PipeArrayBuffer } from '@dfinity/candid';
import { describe, expect, test, vi } from 'vitest';
import { buildTree, lookupPath } from '../certification/hash-tree';
import { Checkpointer } from './checkpoint';
import { ServerClock } from './clock';
import { azleCanistersInOrder } from './deploy';
import { isLoopback } from './loopback';
import { IngressHistory, statusOf, type IngressRecord } from './request-store';
import { readStateTree, type StateFacts } from './state-tree';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('ServerClock', () => {
	test('follows the wall clock plus forward-only offsets', () => {
		let now = 1_000;
		const clock = new ServerClock(() => now);
		expect(clock.targetNs()).toBe(1_000_000_000n);
		now = 2_000;
		clock.advance(500);
		expect(clock.targetNs()).toBe(2_500_000_000n);
		clock.set(10_000, clock.targetNs());
		expect(clock.targetNs()).toBe(10_000_000_000n);
	});

	test('refuses to go back or to move by nonsense', () => {
		const clock = new ServerClock(() => 5_000);
		expect(() => clock.advance(-1)).toThrow(RangeError);
		expect(() => clock.advance(Number.NaN)).toThrow(RangeError);
		expect(() => clock.set(4_000, clock.targetNs())).toThrow(RangeError);
		expect(() => clock.set(Number.POSITIVE_INFINITY, 0n)).toThrow();
	});
});

describe('Checkpointer', () => {
	test('saves once per interval however often it is marked, and on flush', async () => {
		vi.useFakeTimers();
		try {
			const save = vi.fn(async () => {});
			const checkpoints = new Checkpointer(save, 100);
			checkpoints.markDirty();
			checkpoints.markDirty();
			await vi.advanceTimersByTimeAsync(150);
			expect(save).toHaveBeenCalledTimes(1);
			await checkpoints.flush(); // nothing changed since
			expect(save).toHaveBeenCalledTimes(1);
			checkpoints.markDirty();
			await checkpoints.flush();
			expect(save).toHaveBeenCalledTimes(2);
			expect(checkpoints.saves).toBe(2);
		} finally {
			vi.useRealTimers();
		}
	});

	test('a failed save is reported and retried on the next flush', async () => {
		const errors: unknown[] = [];
		let fail = true;
		const save = vi.fn(async () => {
			if (fail) throw new Error('disk full');
		});
		const checkpoints = new Checkpointer(save, 10_000, (error) => errors.push(error));
		checkpoints.markDirty();
		await checkpoints.flush();
		expect(errors).toHaveLength(1);
		fail = false;
		await checkpoints.flush();
		expect(save).toHaveBeenCalledTimes(2);
		expect(checkpoints.saves).toBe(1);
	});
});

describe('isLoopback', () => {
	test.each(['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1'])('%s is loopback', (address) =>
		expect(isLoopback(address)).toBe(true)
	);
	test.each(['10.0.0.1', '::ffff:10.0.0.1', '192.168.1.1', 'fe80::1', '', undefined])(
		'%s is not',
		(address) => expect(isLoopback(address)).toBe(false)
	);
});

function record(expiryNs: bigint, outcome: IngressRecord['outcome']): IngressRecord {
	const id = Principal.fromText('bnz7o-iuaaa-aaaaa-qaaaa-cai').toUint8Array();
	return {
		sender: Principal.anonymous().toUint8Array(),
		canisterId: id,
		effectiveCanisterId: id,
		expiryNs,
		outcome,
		completed: Promise.resolve()
	};
}

describe('IngressHistory', () => {
	test('maps engine results to request statuses', () => {
		expect(statusOf({ kind: 'reply', bytes: Uint8Array.of(1) })).toEqual({
			status: 'replied',
			reply: Uint8Array.of(1)
		});
		expect(statusOf({ kind: 'reject', code: 4, message: 'no', errorCode: 'IC0406' })).toEqual({
			status: 'rejected',
			rejectCode: 4,
			rejectMessage: 'no',
			errorCode: 'IC0406'
		});
	});

	test('forgets completed requests after their expiry, keeps running ones', () => {
		const history = new IngressHistory();
		history.add(Uint8Array.of(1), record(10n, { status: 'replied', reply: Uint8Array.of() }));
		history.add(Uint8Array.of(2), record(10n, { status: 'processing' }));
		history.add(Uint8Array.of(3), record(30n, { status: 'replied', reply: Uint8Array.of() }));
		history.prune(20n);
		expect(history.get(Uint8Array.of(1))).toBeUndefined();
		expect(history.get(Uint8Array.of(2))).toBeDefined();
		expect(history.get(Uint8Array.of(3))).toBeDefined();
		expect(history.size).toBe(2);
	});

	test('walks the history at most once per second of devnet time', () => {
		const history = new IngressHistory();
		history.prune(1_000n);
		history.add(Uint8Array.of(1), record(10n, { status: 'replied', reply: Uint8Array.of() }));
		history.prune(2_000n);
		expect(history.get(Uint8Array.of(1))).toBeDefined();
		history.prune(1_000_001_000n);
		expect(history.get(Uint8Array.of(1))).toBeUndefined();
	});
});

describe('readStateTree', () => {
	const canisterId = Principal.fromText('bnz7o-iuaaa-aaaaa-qaaaa-cai');
	const controller = Principal.fromText('aaaaa-aa');
	const history = new IngressHistory();
	const requestId = new Uint8Array(32).fill(7);
	history.add(
		requestId,
		record(10n, { status: 'rejected', rejectCode: 5, rejectMessage: 'trap', errorCode: 'IC0503' })
	);
	const facts: StateFacts = {
		subnetId: Uint8Array.of(9),
		rootKeyDer: Uint8Array.of(1, 2),
		nodeId: Uint8Array.of(3),
		nodePublicKeyDer: Uint8Array.of(4),
		canisterRanges: [[canisterId, canisterId]],
		canister: (id) =>
			Principal.fromUint8Array(id).toText() === canisterId.toText()
				? { moduleHash: new Uint8Array(32).fill(1), controllers: [controller] }
				: undefined,
		history
	};

	test('answers canister paths once per canister, and only what exists', () => {
		const id = canisterId.toUint8Array();
		const missing = Principal.fromText('bkyz2-fmaaa-aaaaa-qaaaq-cai').toUint8Array();
		const tree = buildTree(
			readStateTree(
				[
					[utf8('canister'), id, utf8('module_hash')],
					[utf8('canister'), Uint8Array.from(id), utf8('controllers')],
					[utf8('canister'), missing, utf8('module_hash')]
				],
				facts
			)
		);
		expect(lookupPath(tree, ['canister', id, 'module_hash'])).toEqual(new Uint8Array(32).fill(1));
		expect(lookupPath(tree, ['canister', id, 'controllers'])).toBeDefined();
		expect(lookupPath(tree, ['canister', missing, 'module_hash'])).toBeUndefined();
		expect(lookupPath(tree, ['subnet', facts.subnetId, 'public_key'])).toBeUndefined();
	});

	test('answers a rejected request status with LEB128 reject code, message and error code', () => {
		const tree = buildTree(readStateTree([[utf8('request_status'), requestId]], facts));
		const at = (field: string) => lookupPath(tree, ['request_status', requestId, field]);
		expect(new TextDecoder().decode(at('status'))).toBe('rejected');
		expect(lebDecode(new PipeArrayBuffer(at('reject_code')))).toBe(5n);
		expect(new TextDecoder().decode(at('error_code'))).toBe('IC0503');
		expect(lookupPath(tree, ['request_status', new Uint8Array(32), 'status'])).toBeUndefined();
	});

	test('answers the subnet with its key, ranges and node key', () => {
		const tree = buildTree(readStateTree([[utf8('subnet')]], facts));
		expect(lookupPath(tree, ['subnet', facts.subnetId, 'public_key'])).toEqual(facts.rootKeyDer);
		expect(lookupPath(tree, ['subnet', facts.subnetId, 'canister_ranges'])).toBeDefined();
		expect(
			lookupPath(tree, ['subnet', facts.subnetId, 'node', facts.nodeId, 'public_key'])
		).toEqual(facts.nodePublicKeyDer);
	});
});

describe('azleCanistersInOrder', () => {
	test('puts dependencies first and keeps only Azle canisters', () => {
		expect(
			azleCanistersInOrder({
				frontend: { type: 'assets', dependencies: ['guardian'] },
				guardian: { type: 'azle', dependencies: ['internet_identity'] },
				internet_identity: { type: 'azle' }
			})
		).toEqual(['internet_identity', 'guardian']);
	});

	test('refuses a dependency cycle', () => {
		expect(() =>
			azleCanistersInOrder({ a: { type: 'azle', dependencies: ['b'] }, b: { dependencies: ['a'] } })
		).toThrow(/cycle/);
	});
});
