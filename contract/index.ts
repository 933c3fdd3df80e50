/** Tessera's contract: what the app and the canisters agree on. */
export {};
