import { describe, expect, it } from 'vitest';
import {
	clearProgress,
	loadProgress,
	PROGRESS_KEY,
	saveProgress,
	type ProgressStorage,
	type ProtectProgress
} from './protect-progress';

function memoryStorage(): ProgressStorage & { items: Map<string, string> } {
	const items = new Map<string, string>();
	return {
		items,
		getItem: (key) => items.get(key) ?? null,
		setItem: (key, value) => void items.set(key, value),
		removeItem: (key) => void items.delete(key)
	};
}

const PROGRESS: ProtectProgress = {
	anchor: 10042n,
	guardians: ['Alice', 'Bob', 'Carol'],
	contacts: [
		{ phone: '+41 79 000 00 00', email: 'alice@example.org' },
		{ phone: '', email: '' },
		{ phone: '', email: 'carol@example.org' }
	],
	policy: { threshold: 2, delayHours: 72 },
	vaultId: 18446744073709551615n,
	step: 3
};

describe('protect wizard progress', () => {
	it('comes back as it was saved, ids beyond 2^53 included', () => {
		const storage = memoryStorage();
		saveProgress(storage, PROGRESS);
		expect(loadProgress(storage)).toEqual(PROGRESS);
	});

	it('stores no more than the named fields: no phrase, entropy, shares or links', () => {
		const storage = memoryStorage();
		const withSecrets = {
			...PROGRESS,
			entropy: new Uint8Array(32),
			invitations: [{ label: 'Alice', url: 'https://t.test/invite#secret=abc' }]
		} as ProtectProgress;
		saveProgress(storage, withSecrets);
		const raw = storage.items.get(PROGRESS_KEY) ?? '';
		expect(Object.keys(JSON.parse(raw) as object).sort()).toEqual(
			['anchor', 'contacts', 'guardians', 'policy', 'step', 'vaultId', 'version'].sort()
		);
		expect(raw).not.toContain('secret');
		expect(raw).not.toContain('entropy');
	});

	it('has nothing before a save and after a clear', () => {
		const storage = memoryStorage();
		expect(loadProgress(storage)).toBeUndefined();
		saveProgress(storage, PROGRESS);
		clearProgress(storage);
		expect(loadProgress(storage)).toBeUndefined();
	});

	it('ignores what it cannot read (other versions, broken JSON, wrong types)', () => {
		const storage = memoryStorage();
		for (const raw of [
			'not json',
			'null',
			JSON.stringify({ version: 2, anchor: '1', guardians: [], step: 0 }),
			JSON.stringify({ version: 1, anchor: 'x', guardians: [], step: 0 }),
			JSON.stringify({ version: 1, anchor: '1', guardians: [1], step: 0 }),
			JSON.stringify({ version: 1, anchor: '1', guardians: [], step: -1 })
		]) {
			storage.items.set(PROGRESS_KEY, raw);
			expect(loadProgress(storage), raw).toBeUndefined();
		}
	});

	it('fills missing contact details and drops a malformed policy or vault id', () => {
		const storage = memoryStorage();
		storage.items.set(
			PROGRESS_KEY,
			JSON.stringify({
				version: 1,
				anchor: '7',
				guardians: ['Alice', 'Bob'],
				contacts: [{ phone: 5 }],
				policy: { threshold: 'two' },
				vaultId: '-1',
				step: 1
			})
		);
		expect(loadProgress(storage)).toEqual({
			anchor: 7n,
			guardians: ['Alice', 'Bob'],
			contacts: [
				{ phone: '', email: '' },
				{ phone: '', email: '' }
			],
			policy: undefined,
			vaultId: undefined,
			step: 1
		});
	});

	it('keeps working when the storage refuses (private mode, full)', () => {
		const refusing: ProgressStorage = {
			getItem: () => {
				throw new Error('denied');
			},
			setItem: () => {
				throw new Error('quota');
			},
			removeItem: () => {
				throw new Error('denied');
			}
		};
		expect(() => saveProgress(refusing, PROGRESS)).not.toThrow();
		expect(loadProgress(refusing)).toBeUndefined();
		expect(() => clearProgress(refusing)).not.toThrow();
	});
});
