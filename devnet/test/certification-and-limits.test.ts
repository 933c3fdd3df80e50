// Certified data with data certificates that @dfinity/agent verifies, and the instruction
// limits that stop runaway messages with the IC's error.
import { Certificate, lookupResultToBuffer } from '@dfinity/agent';
import { IDL, lebDecode, PipeArrayBuffer } from '@dfinity/candid';
import { Principal } from '@dfinity/principal';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../src/actor';
import { CallRejectedError, Devnet } from '../src/devnet';
import { INSTRUCTION_LIMITS } from '../src/engine/limits';
import { setupProbe, type ProbeService } from './probe';

let devnet: Devnet;
let probe: Actor<ProbeService>;
let canisterId: Principal;

beforeAll(async () => {
	devnet = await Devnet.create();
	({ actor: probe, canisterId } = await setupProbe(devnet));
});

describe('certified data', () => {
	it('gives queries a data certificate that @dfinity/agent verifies against the root key', async () => {
		const data = new Uint8Array(32).fill(7);
		await probe.certify(data);
		const [certificateBytes] = await probe.certificate();
		if (!certificateBytes) throw new Error('no certificate in a query');
		const certificate = await Certificate.create({
			certificate: certificateBytes,
			rootKey: devnet.rootKey,
			canisterId
		});
		const certified = lookupResultToBuffer(
			certificate.lookup_path(['canister', canisterId.toUint8Array(), 'certified_data'])
		);
		expect(certified).toEqual(data);
		expect(devnet.canisterInfo(canisterId).certifiedData).toEqual(data);
	});

	it('refuses a certificate signed by another key', async () => {
		const [certificateBytes] = await probe.certificate();
		const other = await Devnet.create();
		await expect(
			Certificate.create({
				certificate: certificateBytes as Uint8Array,
				rootKey: other.rootKey,
				canisterId
			})
		).rejects.toThrow();
	});

	it('certifies the current time: a new certificate once the clock moves', async () => {
		const [first] = await probe.certificate();
		const [same] = await probe.certificate();
		expect(same).toEqual(first);
		await devnet.advanceTime(1_000);
		const [later] = await probe.certificate();
		const certificate = await Certificate.create({
			certificate: later as Uint8Array,
			rootKey: devnet.rootKey,
			canisterId
		});
		const time = lookupResultToBuffer(certificate.lookup_path(['time'])) as Uint8Array;
		expect(lebDecode(new PipeArrayBuffer(time))).toBe(devnet.timeNanos);
		expect(later).not.toEqual(first);
	});

	it('has no data certificate in an update', async () => {
		expect(await probe.certificateInUpdate()).toBe(false);
	});

	it('traps when certified data exceeds 32 bytes, keeping the old data', async () => {
		await expect(probe.certify(new Uint8Array(33))).rejects.toMatchObject({
			rejectCode: 5,
			errorCode: 'IC0504'
		});
		expect(devnet.canisterInfo(canisterId).certifiedData).toEqual(new Uint8Array(32).fill(7));
	});
});

describe('instructions', () => {
	it('counts the instructions of each message and shows them to the canister', async () => {
		const response = devnet.executeQuery({
			canisterId,
			method: 'instructions',
			arg: new Uint8Array(IDL.encode([], []))
		});
		if (response.result.kind !== 'reply') throw new Error(response.result.message);
		const [seenByCanister] = IDL.decode([IDL.Nat64], response.result.bytes) as unknown as [bigint];
		expect(seenByCanister).toBeGreaterThan(0n);
		expect(response.instructions).toBeGreaterThan(seenByCanister);
		const update = await devnet.executeUpdate({
			canisterId,
			method: 'put',
			arg: new Uint8Array(IDL.encode([IDL.Text, IDL.Text], ['k', 'v']))
		});
		expect(update.instructions).toBeGreaterThan(0n);
		expect(update.instructions).toBeLessThan(INSTRUCTION_LIMITS.update);
	});

	it('stops an endless query at the 5 billion instruction limit', async () => {
		const error = (await probe.spinQuery().catch((e: unknown) => e)) as CallRejectedError;
		expect(error).toBeInstanceOf(CallRejectedError);
		expect([error.rejectCode, error.errorCode]).toEqual([5, 'IC0522']);
		expect(error.rejectMessage).toContain(
			'Canister exceeded the limit of 5000000000 instructions for single message execution.'
		);
	});

	it('stops an endless update at the 40 billion instruction limit and rolls it back', async () => {
		const before = await probe.heapCount();
		const error = (await probe.spin().catch((e: unknown) => e)) as CallRejectedError;
		expect([error.rejectCode, error.errorCode]).toEqual([5, 'IC0522']);
		expect(error.rejectMessage).toContain('limit of 40000000000 instructions');
		expect(await probe.heapCount()).toBe(before);
		expect(await probe.greet('still')).toBe('Hello, still!');
	}, 300_000); // 40 B instructions of QuickJS take over a minute on a loaded machine
});
