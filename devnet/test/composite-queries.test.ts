// Composite queries against the real probe canister wasm, as the interface spec and the IC's query
// handler define them: query calls to other canisters (and to itself) from a composite query,
// every callee on its committed state, nothing persisted, and refusals in replicated mode.
import { IDL } from '@dfinity/candid';
import { Principal } from '@dfinity/principal';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../src/actor';
import { Devnet } from '../src/devnet';
import { setupProbe, type CallOutcome, type ProbeService } from './probe';

let devnet: Devnet;
let probe: Actor<ProbeService>;
let probeId: Principal;
let other: Actor<ProbeService>;
let otherId: Principal;

const none = () => new Uint8Array(IDL.encode([], []));
const text = (value: string) => new Uint8Array(IDL.encode([IDL.Text], [value]));

function replyText(outcome: CallOutcome): string {
	if (!('ok' in outcome)) throw new Error(outcome.rejected.message);
	return IDL.decode([IDL.Text], outcome.ok)[0] as string;
}

beforeAll(async () => {
	devnet = await Devnet.create();
	({ actor: probe, canisterId: probeId } = await setupProbe(devnet, { greeting: 'Hi' }));
	({ actor: other, canisterId: otherId } = await setupProbe(devnet, { greeting: 'Salut' }));
	await probe.put('colour', 'teal'); // heap counter 1
});

describe('composite queries', () => {
	it('call a query of another canister and answer with its reply', async () => {
		expect(replyText(await probe.compositeCallRaw(otherId, 'greet', text('Ada')))).toBe(
			'Salut, Ada!'
		);
	});

	it('call a composite query that calls a query (two levels deep)', async () => {
		const inner = new Uint8Array(
			IDL.encode([IDL.Principal, IDL.Text, IDL.Vec(IDL.Nat8)], [probeId, 'greet', text('Bo')])
		);
		const outcome = await other.compositeCallRaw(probeId, 'compositeCallRaw', inner);
		if (!('ok' in outcome)) throw new Error(outcome.rejected.message);
		const [nested] = IDL.decode(
			[
				IDL.Variant({
					ok: IDL.Vec(IDL.Nat8),
					rejected: IDL.Record({ code: IDL.Nat32, message: IDL.Text })
				})
			],
			outcome.ok
		) as unknown as [CallOutcome];
		expect(replyText(nested)).toBe('Hi, Bo!');
	});

	it('give every call the committed state, the caller its own changes, and persist nothing', async () => {
		expect(await probe.heapCount()).toBe(1n);
		// the caller counts 2 after its bump; both self-calls see the committed 1
		expect([...(await probe.compositeHeapCounts())]).toEqual([2n, 1n, 1n]);
		expect([...(await probe.compositeHeapCounts())]).toEqual([2n, 1n, 1n]);
		expect(await probe.heapCount()).toBe(1n);
	});

	it('discard what a called query wrote, in its heap and its stable memory', async () => {
		const outcome = await probe.compositeCallRaw(otherId, 'queryMutates', text('in-composite'));
		expect('ok' in outcome).toBe(true);
		expect(await other.get('in-composite')).toEqual([]);
		expect(await other.heapCount()).toBe(0n);
	});

	it('refuse calls to update methods: queries only', async () => {
		const outcome = await probe.compositeCallRaw(otherId, 'put', text('x'));
		expect(outcome).toEqual({
			rejected: {
				code: 5,
				message: `Error from Canister ${otherId.toText()}: Canister has no query method 'put'.`
			}
		});
	});

	it('pass a callee trap and a missing canister back as rejects', async () => {
		const trapped = await probe.compositeCallRaw(otherId, 'spinQuery', none());
		expect('rejected' in trapped && trapped.rejected.code).toBe(5);
		expect('rejected' in trapped && trapped.rejected.message).toContain('exceeded the limit');
		const missing = Principal.fromUint8Array(
			new Uint8Array([0x80, 0, 0, 0, 0, 0x1f, 0xff, 0xff, 1, 1])
		);
		expect(await probe.compositeCallRaw(missing, 'greet', text('x'))).toEqual({
			rejected: { code: 3, message: `Canister ${missing.toText()} not found` }
		});
	});

	it('are refused in replicated mode: as an ingress update and when a canister calls one', async () => {
		const update = await devnet.engine.update(
			otherId,
			'compositeHeapCounts',
			none(),
			Principal.anonymous()
		);
		expect(update.result).toMatchObject({
			kind: 'reject',
			code: 5,
			errorCode: 'IC0527',
			message: 'Composite query cannot be called in replicated mode'
		});
		expect(await probe.callRaw(otherId, 'compositeHeapCounts', none())).toEqual({
			rejected: { code: 5, message: 'IC0527: Composite query cannot be called in replicated mode' }
		});
	});

	it('count the instructions of every execution in the call graph', () => {
		const alone = devnet.executeQuery({ canisterId: otherId, method: 'greet', arg: text('Cy') });
		const arg = new Uint8Array(
			IDL.encode([IDL.Principal, IDL.Text, IDL.Vec(IDL.Nat8)], [otherId, 'greet', text('Cy')])
		);
		const graph = devnet.executeQuery({ canisterId: probeId, method: 'compositeCallRaw', arg });
		expect(graph.result.kind).toBe('reply');
		expect(graph.instructions).toBeGreaterThan(alone.instructions);
	});
});
