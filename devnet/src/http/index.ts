// The IC HTTP interface's request side and certificate-free responses, as pure modules the
// devnet server calls. See README.md in this folder.
export {
	authenticate,
	selfAuthenticatingPrincipal,
	targetsAllow,
	type AuthenticatedRequest,
	type CanisterTargets
} from './auth';
export { decodeCbor, encodeCbor } from './cbor';
export { checkEffectiveCanisterId } from './effective-canister';
export {
	contentMap,
	decodeEnvelope,
	MAX_INGRESS_BYTES,
	type CanisterCallContent,
	type Envelope,
	type ReadStateContent,
	type RequestContent
} from './envelope';
export { errorResponse, HTTP_STATUS, HttpRequestError, type HttpErrorKind } from './errors';
export { hashOfMap, requestId, type HashableMap, type HashableValue } from './hash';
export {
	checkReadStatePaths,
	type KnownRequest,
	type ReadStateScope,
	type ReadStateView
} from './read-state-paths';
export {
	acceptRequest,
	type AcceptedRequest,
	type HttpRequestInput,
	type SubnetContext
} from './request';
export {
	CORS_HEADERS,
	encodeQueryResponse,
	NodeKey,
	rootKeyDer,
	signedQueryResponse,
	statusBody,
	type QueryOutcome,
	type QueryResponseBody
} from './responses';
export { route, type Route } from './router';
