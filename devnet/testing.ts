// @tessera/devnet/testing: support for tests and benchmarks outside devnet: the probe test
// canister, the exact requests an unmodified HttpAgent sends, the vetKD master key math, and the
// signing and instrumentation steps benchmarks time on their own.
export {
	greetingArg,
	probeIdlFactory,
	probeWasm,
	setupProbe,
	type CallOutcome,
	type ProbeService
} from './test/probe';
export { PROBE_WASM } from './test/probe-wasm';
export { buildProbe } from './test/global-setup';
export {
	captureAgentRequests,
	captureOne,
	editBody,
	type CapturedRequest
} from './src/http/testing/agent-requests';
export { derivePublicKey, VetKdMasterKey } from './src/vetkd/math';
export { SubnetKey } from './src/certification/subnet-key';
export { BlsSigningKey } from './src/certification/bls';
export { compileCanisterModule } from './src/wasm/module-cache';
export {
	canisterSignature,
	canisterSignatureKey,
	CanisterSignatureIdentity,
	signaturePath,
	signatureTree,
	witness,
	type Certifier,
	type SignedEntry
} from './src/http/testing/canister-signatures';
export {
	installNavigator,
	SoftwareAuthenticator,
	type WebAuthnAlgorithm
} from './src/http/testing/webauthn-authenticator';
export { authenticate } from './src/http/auth';
export { decodeEnvelope } from './src/http/envelope';
