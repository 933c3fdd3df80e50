/** devnet: Tessera's local Internet Computer. The execution engine and HTTP interface land here. */
export const DEVNET_VERSION = '0.0.0';
