// The IC HTTP interface's request side and certificate-free responses, as pure modules the
// devnet server calls. See README.md in this folder.
export {
	authenticate,
	selfAuthenticatingPrincipal,
	targetsAllow,
	type AuthenticatedRequest,
	type CanisterTargets
} from './auth.ts';
export { decodeCbor, encodeCbor } from './cbor.ts';
export { ErrorCode, reject, RejectCode, rejectCodeOf, type Reject } from './codes.ts';
export { checkEffectiveCanisterId } from './effective-canister.ts';
export {
	contentMap,
	decodeEnvelope,
	MAX_INGRESS_BYTES,
	type CanisterCallContent,
	type Envelope,
	type ReadStateContent,
	type RequestContent
} from './envelope.ts';
export { errorResponse, HTTP_STATUS, HttpRequestError, type HttpErrorKind } from './errors.ts';
export { hashOfMap, requestId, type HashableMap, type HashableValue } from './hash.ts';
export {
	checkReadStatePaths,
	type KnownRequest,
	type ReadStateScope,
	type ReadStateView
} from './read-state-paths.ts';
export {
	acceptRequest,
	type AcceptedRequest,
	type HttpRequestInput,
	type SubnetContext
} from './request.ts';
export {
	CORS_HEADERS,
	encodeQueryResponse,
	NodeKey,
	rootKeyDer,
	signedQueryResponse,
	statusBody,
	type QueryOutcome,
	type QueryResponseBody
} from './responses.ts';
export { route, type Route } from './router.ts';
