// The app's own byte helper; the helpers the canister shares are in @tessera/contract.

/** Overwrites secret buffers with zeros. JS cannot promise no copies exist, but ours don't linger. */
export function wipe(...buffers: (Uint8Array | undefined)[]): void {
	for (const buffer of buffers) buffer?.fill(0);
}
