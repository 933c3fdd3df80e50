// Where anchors live. The canister backs this with stable maps (src/stable_store.ts); the
// in-memory version below is a second, equally real implementation used by the domain tests.
import type { Principal } from '@dfinity/principal';
import type { Anchor } from './anchor';

export interface AnchorStore {
	get(anchorNumber: bigint): Anchor | undefined;
	put(anchor: Anchor): void;
	/** Number of anchors ever created (anchors are never deleted, as in II). */
	count(): number;
	/** The anchor holding a device that authenticates as `principal`, across all anchors. */
	anchorOf(principal: Principal): bigint | undefined;
	setAnchorOf(principal: Principal, anchorNumber: bigint): void;
	deleteAnchorOf(principal: Principal): void;
	/** The anchor a linked OpenID credential (openIdIndexKey) belongs to, across all anchors. */
	anchorOfOpenId(key: string): bigint | undefined;
	setAnchorOfOpenId(key: string, anchorNumber: bigint): void;
	deleteAnchorOfOpenId(key: string): void;
}

/** The index key of an OpenID credential: its (iss, sub, aud), unambiguously joined. */
export function openIdIndexKey(credential: { iss: string; sub: string; aud: string }): string {
	return JSON.stringify([credential.iss, credential.sub, credential.aud]);
}

export class InMemoryAnchorStore implements AnchorStore {
	private readonly anchors = new Map<bigint, Anchor>();
	private readonly owners = new Map<string, bigint>();
	private readonly openIds = new Map<string, bigint>();

	get(anchorNumber: bigint): Anchor | undefined {
		return this.anchors.get(anchorNumber);
	}
	put(anchor: Anchor): void {
		this.anchors.set(anchor.number, anchor);
	}
	count(): number {
		return this.anchors.size;
	}
	anchorOf(principal: Principal): bigint | undefined {
		return this.owners.get(principal.toText());
	}
	setAnchorOf(principal: Principal, anchorNumber: bigint): void {
		this.owners.set(principal.toText(), anchorNumber);
	}
	deleteAnchorOf(principal: Principal): void {
		this.owners.delete(principal.toText());
	}
	anchorOfOpenId(key: string): bigint | undefined {
		return this.openIds.get(key);
	}
	setAnchorOfOpenId(key: string, anchorNumber: bigint): void {
		this.openIds.set(key, anchorNumber);
	}
	deleteAnchorOfOpenId(key: string): void {
		this.openIds.delete(key);
	}
}
