// Whole-state snapshots of devnet to a directory: keys, clock, id counter, and per canister its
// settings, system state, module (stored once per hash), heap, globals, stable memory and Wasm
// chunk store.
// Written to a temporary directory first and renamed into place, so a crash leaves the old one.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CanisterSettings, CanisterStatus } from './engine/canister';
import { WASM_PAGE } from './engine/stable-memory';

export const STATE_FILE = 'devnet.json';
const FORMAT = 1;

export interface CanisterImage {
	id: string;
	settings: CanisterSettings;
	status: CanisterStatus;
	cycles: bigint;
	certifiedData: Uint8Array;
	timerDeadline: bigint;
	version: bigint;
	module?: { wasm: Uint8Array; hash: string; heap: Uint8Array; globals: (number | bigint)[] };
	stable: { size: bigint; pages: Map<number, Uint8Array> };
	/** The Wasm chunk store's chunks, in upload order. */
	chunks: Uint8Array[];
}

export interface DevnetImage {
	timeNanos: bigint;
	nextCanisterCounter: bigint;
	subnetKeySecret: Uint8Array;
	vetKdSecrets: Record<string, Uint8Array>;
	canisters: CanisterImage[];
}

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const unhex = (text: string) => new Uint8Array(Buffer.from(text, 'hex'));
const encodeGlobal = (value: number | bigint) => (typeof value === 'bigint' ? `n${value}` : value);
const decodeGlobal = (value: string | number) =>
	typeof value === 'string' ? BigInt(value.slice(1)) : value;

/** Names of files saved beside the state by its users (the server's ingress history). */
const ATTACHMENT_NAME = /^[a-z0-9-]+\.json$/;

function checkAttachmentName(name: string): void {
	if (!ATTACHMENT_NAME.test(name) || name === STATE_FILE) {
		throw new RangeError(`not a name for a file beside devnet's state: ${name}`);
	}
}

/**
 * Saves `image`, and `attachments` (name -> text) beside it in the same directory, so both are
 * replaced together: a crash leaves the old pair or the new one, never a mix.
 */
export function saveImage(
	directory: string,
	image: DevnetImage,
	attachments: Readonly<Record<string, string>> = {}
): void {
	for (const name of Object.keys(attachments)) checkAttachmentName(name);
	const staging = `${directory}.tmp-${process.pid}`;
	rmSync(staging, { recursive: true, force: true });
	mkdirSync(join(staging, 'modules'), { recursive: true });
	for (const [name, text] of Object.entries(attachments)) writeFileSync(join(staging, name), text);
	const canisters = image.canisters.map((canister) => {
		const folder = join(staging, 'canisters', canister.id);
		mkdirSync(folder, { recursive: true });
		const pageIndices = [...canister.stable.pages.keys()].sort((a, b) => a - b);
		const stable = new Uint8Array(pageIndices.length * WASM_PAGE);
		pageIndices.forEach((index, i) =>
			stable.set(canister.stable.pages.get(index) as Uint8Array, i * WASM_PAGE)
		);
		writeFileSync(join(folder, 'stable.bin'), stable);
		writeFileSync(join(folder, 'chunks.bin'), Buffer.concat(canister.chunks));
		if (canister.module) {
			const modulePath = join(staging, 'modules', `${canister.module.hash}.wasm`);
			if (!existsSync(modulePath)) writeFileSync(modulePath, canister.module.wasm);
			writeFileSync(join(folder, 'heap.bin'), canister.module.heap);
		}
		return {
			id: canister.id,
			settings: { ...canister.settings, ...bigintsToStrings(canister.settings) },
			status: canister.status,
			cycles: String(canister.cycles),
			certifiedData: hex(canister.certifiedData),
			timerDeadline: String(canister.timerDeadline),
			version: String(canister.version),
			module: canister.module
				? { hash: canister.module.hash, globals: canister.module.globals.map(encodeGlobal) }
				: undefined,
			stable: { size: String(canister.stable.size), pages: pageIndices },
			chunkLengths: canister.chunks.map((chunk) => chunk.length)
		};
	});
	const manifest = {
		format: FORMAT,
		timeNanos: String(image.timeNanos),
		nextCanisterCounter: String(image.nextCanisterCounter),
		subnetKeySecret: hex(image.subnetKeySecret),
		vetKdSecrets: Object.fromEntries(
			Object.entries(image.vetKdSecrets).map(([name, secret]) => [name, hex(secret)])
		),
		canisters
	};
	writeFileSync(join(staging, STATE_FILE), JSON.stringify(manifest, null, 1));
	const previous = `${directory}.old-${process.pid}`;
	if (existsSync(directory)) renameSync(directory, previous);
	renameSync(staging, directory);
	rmSync(previous, { recursive: true, force: true });
}

/** A file saved with the image by `saveImage`, or undefined when there is none. */
export function readAttachment(directory: string, name: string): string | undefined {
	checkAttachmentName(name);
	const path = join(directory, name);
	return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

export function hasImage(directory: string): boolean {
	return existsSync(join(directory, STATE_FILE));
}

export function loadImage(directory: string): DevnetImage {
	const manifest = JSON.parse(readFileSync(join(directory, STATE_FILE), 'utf8')) as Manifest;
	if (manifest.format !== FORMAT)
		throw new Error(`unsupported devnet state format ${manifest.format}`);
	return {
		timeNanos: BigInt(manifest.timeNanos),
		nextCanisterCounter: BigInt(manifest.nextCanisterCounter),
		subnetKeySecret: unhex(manifest.subnetKeySecret),
		vetKdSecrets: Object.fromEntries(
			Object.entries(manifest.vetKdSecrets).map(([name, secret]) => [name, unhex(secret)])
		),
		canisters: manifest.canisters.map((canister) => {
			const folder = join(directory, 'canisters', canister.id);
			const stableBytes = new Uint8Array(readFileSync(join(folder, 'stable.bin')));
			const pages = new Map(
				canister.stable.pages.map((index, i) => [
					index,
					stableBytes.slice(i * WASM_PAGE, (i + 1) * WASM_PAGE)
				])
			);
			const chunkBytes = canister.chunkLengths?.length
				? new Uint8Array(readFileSync(join(folder, 'chunks.bin')))
				: new Uint8Array();
			let chunkOffset = 0;
			const chunks = (canister.chunkLengths ?? []).map((length) =>
				chunkBytes.slice(chunkOffset, (chunkOffset += length))
			);
			return {
				id: canister.id,
				settings: stringsToBigints(canister.settings),
				status: canister.status,
				cycles: BigInt(canister.cycles),
				certifiedData: unhex(canister.certifiedData),
				timerDeadline: BigInt(canister.timerDeadline),
				version: BigInt(canister.version),
				module: canister.module
					? {
							hash: canister.module.hash,
							wasm: new Uint8Array(
								readFileSync(join(directory, 'modules', `${canister.module.hash}.wasm`))
							),
							heap: new Uint8Array(readFileSync(join(folder, 'heap.bin'))),
							globals: canister.module.globals.map(decodeGlobal)
						}
					: undefined,
				stable: { size: BigInt(canister.stable.size), pages },
				chunks
			};
		})
	};
}

interface Manifest {
	format: number;
	timeNanos: string;
	nextCanisterCounter: string;
	subnetKeySecret: string;
	vetKdSecrets: Record<string, string>;
	canisters: {
		id: string;
		settings: Record<string, unknown>;
		status: CanisterStatus;
		cycles: string;
		certifiedData: string;
		timerDeadline: string;
		version: string;
		module?: { hash: string; globals: (string | number)[] };
		stable: { size: string; pages: number[] };
		/** Absent in states saved before devnet had chunk stores. */
		chunkLengths?: number[];
	}[];
}

const BIGINT_SETTINGS = [
	'computeAllocation',
	'memoryAllocation',
	'freezingThreshold',
	'reservedCyclesLimit',
	'wasmMemoryLimit',
	'wasmMemoryThreshold'
] as const;

function bigintsToStrings(settings: CanisterSettings): Record<string, string> {
	return Object.fromEntries(BIGINT_SETTINGS.map((key) => [key, String(settings[key])]));
}

function stringsToBigints(settings: Record<string, unknown>): CanisterSettings {
	const result = { ...settings } as Record<string, unknown>;
	for (const key of BIGINT_SETTINGS) result[key] = BigInt(settings[key] as string);
	return result as unknown as CanisterSettings;
}
