// The ingress history file: what is saved (completed, unexpired requests), what a restart gets
// back, and typed refusals of files that are not devnet's. Also the state directory's
// attachments, which carry the file in the same atomic save as the rest of the state.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { hasImage, readAttachment, saveImage, type DevnetImage } from '../persistence';
import {
	encodeIngressHistory,
	INGRESS_HISTORY_FILE,
	IngressFileError,
	restoreIngressHistory
} from './ingress-file';
import { IngressHistory, type IngressRecord, type RequestStatus } from './request-store';

const id = (byte: number) => new Uint8Array(32).fill(byte);

function record(expiryNs: bigint, outcome: RequestStatus): IngressRecord {
	return {
		sender: Uint8Array.of(4),
		canisterId: Uint8Array.of(0, 0, 0, 0, 0, 0, 0, 1, 1, 1),
		effectiveCanisterId: Uint8Array.of(0, 0, 0, 0, 0, 0, 0, 1, 1, 2),
		expiryNs,
		outcome,
		completed: Promise.resolve()
	};
}

const replied: RequestStatus = { status: 'replied', reply: Uint8Array.of(0x44, 0x49, 0x44, 0x4c) };
const rejected: RequestStatus = {
	status: 'rejected',
	rejectCode: 5,
	rejectMessage: 'trapped: "quoted" \u00e9',
	errorCode: 'IC0503'
};

function restored(text: string, nowNs: bigint): IngressHistory {
	const history = new IngressHistory();
	restoreIngressHistory(text, history, nowNs);
	return history;
}

describe('ingress history file', () => {
	test('a restart gets back completed requests with their callers and outcomes', () => {
		const history = new IngressHistory();
		history.add(id(1), record(100n, replied));
		history.add(id(2), record(100n, rejected));
		const back = restored(encodeIngressHistory(history, 50n), 50n);
		expect(back.size).toBe(2);
		for (const byte of [1, 2]) {
			const { completed, ...saved } = back.get(id(byte)) as IngressRecord;
			const { completed: _, ...original } = history.get(id(byte)) as IngressRecord;
			expect(saved).toEqual(original);
			expect(completed).toBeInstanceOf(Promise);
		}
	});

	test('leaves out requests still processing and those expired when saved', () => {
		const history = new IngressHistory();
		history.add(id(1), record(100n, replied));
		history.add(id(2), record(100n, { status: 'processing' }));
		history.add(id(3), record(49n, replied));
		const text = encodeIngressHistory(history, 50n);
		const back = restored(text, 0n);
		expect(back.size).toBe(1);
		expect(back.get(id(1))).toBeDefined();
	});

	test('drops requests that expired while devnet was stopped', () => {
		const history = new IngressHistory();
		history.add(id(1), record(100n, replied));
		history.add(id(2), record(300n, replied));
		const back = restored(encodeIngressHistory(history, 0n), 200n);
		expect(back.get(id(1))).toBeUndefined();
		expect(back.get(id(2))).toBeDefined();
	});

	test('refuses files that are not its format, and adds nothing from them', () => {
		const history = new IngressHistory();
		history.add(id(1), record(100n, replied));
		const good = JSON.parse(encodeIngressHistory(history, 0n)) as {
			format: number;
			requests: Record<string, unknown>[];
		};
		const withRequest = (change: Record<string, unknown>) =>
			JSON.stringify({ ...good, requests: [good.requests[0], { ...good.requests[0], ...change }] });
		const bad = [
			'not json',
			'[]',
			JSON.stringify({ ...good, format: 2 }),
			JSON.stringify({ format: 1, requests: {} }),
			withRequest({ requestId: 'abc' }),
			withRequest({ requestId: 'zz'.repeat(32) }),
			withRequest({ requestId: '00'.repeat(31) }),
			withRequest({ sender: 5 }),
			withRequest({ expiryNs: '-1' }),
			withRequest({ expiryNs: 12 }),
			withRequest({ outcome: { status: 'processing' } }),
			withRequest({ outcome: { status: 'replied' } }),
			withRequest({ outcome: { ...rejected, rejectCode: 9 } }),
			withRequest({ outcome: { ...rejected, errorCode: undefined } })
		];
		for (const text of bad) {
			const into = new IngressHistory();
			expect(() => restoreIngressHistory(text, into, 0n)).toThrow(IngressFileError);
			expect(into.size).toBe(0);
		}
	});
});

describe('state attachments', () => {
	const root = mkdtempSync(join(tmpdir(), 'devnet-attachments-'));
	afterAll(() => rmSync(root, { recursive: true, force: true }));
	const image: DevnetImage = {
		timeNanos: 1n,
		nextCanisterCounter: 0n,
		subnetKeySecret: new Uint8Array(32).fill(1),
		vetKdSecrets: {},
		canisters: []
	};

	test('are saved with the image and replaced with it', () => {
		const directory = join(root, 'state');
		expect(readAttachment(directory, INGRESS_HISTORY_FILE)).toBeUndefined();
		saveImage(directory, image, { [INGRESS_HISTORY_FILE]: 'first' });
		expect(readAttachment(directory, INGRESS_HISTORY_FILE)).toBe('first');
		saveImage(directory, image);
		expect(hasImage(directory)).toBe(true);
		expect(readAttachment(directory, INGRESS_HISTORY_FILE)).toBeUndefined();
		expect(readdirSync(root)).toEqual(['state']);
	});

	test('must have plain JSON file names that do not replace the state file', () => {
		const directory = join(root, 'names');
		for (const name of ['devnet.json', '../escape.json', 'a/b.json', 'notes.txt', '']) {
			expect(() => saveImage(directory, image, { [name]: '{}' })).toThrow(RangeError);
			expect(() => readAttachment(directory, name)).toThrow(RangeError);
		}
		expect(hasImage(directory)).toBe(false);
		writeFileSync(join(root, 'stray.json'), '{}'); // a file outside a state directory is not read
		expect(readAttachment(directory, 'stray.json')).toBeUndefined();
	});
});
