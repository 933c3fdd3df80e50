// Stable-memory storage of the local Internet Identity. Class fields and module variables are
// reset on upgrade; these maps are not. Memory ids (never reuse or renumber one):
//   0: anchors           anchor number (u64 big-endian) -> Candid-encoded stored anchor
//   1: principal index   device principal bytes -> anchor number (u64 big-endian)
//   2: OpenID index      UTF-8 of openIdIndexKey (iss, sub, aud) -> anchor number
import { Principal, StableBTreeMap } from 'azle';

import type { Anchor } from '../domain/anchor';
import type { AnchorStore } from '../domain/store';
import { decodeAnchor, decodeAnchorNumber, encodeAnchor, encodeAnchorNumber } from '../domain/wire';

export const ANCHORS_MEMORY_ID = 0;
export const PRINCIPAL_INDEX_MEMORY_ID = 1;
export const OPENID_INDEX_MEMORY_ID = 2;

/** Stores raw bytes as they are (the domain encodes keys and values itself). */
const rawBytes = {
	toBytes: (data: Uint8Array): Uint8Array => data,
	fromBytes: (data: Uint8Array): Uint8Array => data
};

export class StableAnchorStore implements AnchorStore {
	private readonly anchors = new StableBTreeMap<Uint8Array, Uint8Array>(
		ANCHORS_MEMORY_ID,
		rawBytes,
		rawBytes
	);
	private readonly principals = new StableBTreeMap<Uint8Array, Uint8Array>(
		PRINCIPAL_INDEX_MEMORY_ID,
		rawBytes,
		rawBytes
	);

	private readonly openIds = new StableBTreeMap<Uint8Array, Uint8Array>(
		OPENID_INDEX_MEMORY_ID,
		rawBytes,
		rawBytes
	);

	get(anchorNumber: bigint): Anchor | undefined {
		const stored = this.anchors.get(encodeAnchorNumber(anchorNumber));
		return stored === undefined ? undefined : decodeAnchor(stored);
	}
	put(anchor: Anchor): void {
		this.anchors.insert(encodeAnchorNumber(anchor.number), encodeAnchor(anchor));
	}
	count(): number {
		return this.anchors.len();
	}
	anchorOf(principal: Principal): bigint | undefined {
		const stored = this.principals.get(principal.toUint8Array());
		return stored === undefined ? undefined : decodeAnchorNumber(stored);
	}
	setAnchorOf(principal: Principal, anchorNumber: bigint): void {
		this.principals.insert(principal.toUint8Array(), encodeAnchorNumber(anchorNumber));
	}
	deleteAnchorOf(principal: Principal): void {
		this.principals.remove(principal.toUint8Array());
	}
	anchorOfOpenId(key: string): bigint | undefined {
		const stored = this.openIds.get(new TextEncoder().encode(key));
		return stored === undefined ? undefined : decodeAnchorNumber(stored);
	}
	setAnchorOfOpenId(key: string, anchorNumber: bigint): void {
		this.openIds.insert(new TextEncoder().encode(key), encodeAnchorNumber(anchorNumber));
	}
	deleteAnchorOfOpenId(key: string): void {
		this.openIds.remove(new TextEncoder().encode(key));
	}
}
