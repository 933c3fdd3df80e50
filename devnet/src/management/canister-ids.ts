// Canister ids allocated as a local replica (PocketIC's application subnet, used by dfx)
// allocates them: 8 big-endian bytes of a counter within the subnet's range, then 0x01 0x01.
import { Principal } from '@dfinity/principal';

/** The subnet's canister range: ids with counters in [RANGE_START, RANGE_END]. */
export const RANGE_START = 0x8000_0000_0010_0000n;
export const RANGE_END = 0x8000_0000_001f_ffffn;

export function canisterIdFromCounter(counter: bigint): Principal {
	const bytes = new Uint8Array(10);
	new DataView(bytes.buffer).setBigUint64(0, counter);
	bytes[8] = 0x01;
	bytes[9] = 0x01;
	return Principal.fromUint8Array(bytes);
}

/** The counter of an id in this subnet's range, or undefined for any other principal. */
export function counterOfCanisterId(id: Principal): bigint | undefined {
	const bytes = id.toUint8Array();
	if (bytes.length !== 10 || bytes[8] !== 0x01 || bytes[9] !== 0x01) return undefined;
	const counter = new DataView(bytes.buffer, bytes.byteOffset).getBigUint64(0);
	return counter >= RANGE_START && counter <= RANGE_END ? counter : undefined;
}

export const CANISTER_RANGES: readonly [Principal, Principal][] = [
	[canisterIdFromCounter(RANGE_START), canisterIdFromCounter(RANGE_END)]
];

export class CanisterIdAllocator {
	constructor(public nextCounter: bigint = RANGE_START) {}

	/** The next free id; `isTaken` skips ids created earlier with specified_id. */
	allocate(isTaken: (id: Principal) => boolean): Principal {
		for (;;) {
			if (this.nextCounter > RANGE_END) throw new Error('the subnet has no canister ids left');
			const id = canisterIdFromCounter(this.nextCounter);
			this.nextCounter += 1n;
			if (!isTaken(id)) return id;
		}
	}
}
