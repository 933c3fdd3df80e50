// The state the `dfx` stand-in (dfx-cli.ts) reads: where devnet is, the example's canisters and
// their controller, written by the harness before the example's tests run.
export interface DfxState {
	url: string;
	/** The controller's Ed25519 secret key (hex): a throw-away key of this test run. */
	controllerSecretHex: string;
	canisters: Record<string, { id: string; wasm: string }>;
}

export const DFX_STATE_VARIABLE = 'AZLE_CONFORMANCE_DFX_STATE';
