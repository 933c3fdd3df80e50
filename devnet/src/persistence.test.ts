// Saved state directories: replaced as a whole, and refused when they are not devnet's format.
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hasImage, loadImage, saveImage, STATE_FILE, type DevnetImage } from './persistence';

const root = mkdtempSync(join(tmpdir(), 'devnet-persistence-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const image = (time: bigint): DevnetImage => ({
	timeNanos: time,
	nextCanisterCounter: 5n,
	subnetKeySecret: new Uint8Array(32).fill(1),
	vetKdSecrets: { test_key_1: new Uint8Array(32).fill(2) },
	canisters: [
		{
			id: 'bnz7o-iuaaa-aaaaa-qaaaa-cai',
			settings: {
				controllers: ['2vxsx-fae'],
				computeAllocation: 0n,
				memoryAllocation: 0n,
				freezingThreshold: 1n,
				reservedCyclesLimit: 2n,
				wasmMemoryLimit: 3n,
				wasmMemoryThreshold: 4n,
				logVisibility: 'controllers'
			},
			status: 'running',
			cycles: 10n,
			certifiedData: new Uint8Array([9]),
			timerDeadline: 11n,
			version: 2n,
			stable: { size: 4n, pages: new Map([[3, new Uint8Array(65536).fill(5)]]) },
			chunks: [new Uint8Array([1, 2, 3]), new Uint8Array(), new Uint8Array(1000).fill(7)]
		}
	]
});

describe('persistence', () => {
	it('round-trips an image and replaces the previous one whole', () => {
		const directory = join(root, 'state');
		saveImage(directory, image(1n));
		saveImage(directory, image(2n));
		const loaded = loadImage(directory);
		expect(loaded).toEqual(image(2n));
		expect(readdirSync(root)).toEqual(['state']); // no staging or old directories left
	});

	it('knows an empty directory has no image, and refuses another format', () => {
		const directory = join(root, 'other');
		expect(hasImage(directory)).toBe(false);
		saveImage(directory, image(1n));
		writeFileSync(join(directory, STATE_FILE), JSON.stringify({ format: 99 }));
		expect(() => loadImage(directory)).toThrow('unsupported devnet state format 99');
		expect(existsSync(directory)).toBe(true);
	});
});
