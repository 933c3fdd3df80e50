// The HTTP interface's error model: every way a request can fail before it reaches the engine,
// with the HTTP status the IC answers. Status codes follow the current replica
// (dfinity/ic rs/http_endpoints/public): request validation failures (expiry, signature,
// delegation, sender) are 400 with the validator's message; 403 only for read_state paths the
// sender may not read; 413 for oversized bodies; 404 for unknown routes, paths and canisters.

export const HTTP_STATUS = {
	route_not_found: 404,
	method_not_allowed: 405,
	payload_too_large: 413,
	malformed_request: 400,
	invalid_request_expiry: 400,
	invalid_delegation_expiry: 400,
	sender_pubkey_mismatch: 400,
	missing_signature: 400,
	anonymous_signature_not_allowed: 400,
	unsupported_public_key: 400,
	invalid_public_key: 400,
	invalid_signature: 400,
	invalid_delegation: 400,
	not_in_delegation_targets: 400,
	effective_canister_id_mismatch: 400,
	canister_not_found: 404,
	subnet_not_found: 404,
	path_not_found: 404,
	path_forbidden: 403
} as const;

export type HttpErrorKind = keyof typeof HTTP_STATUS;
export type HttpStatus = (typeof HTTP_STATUS)[HttpErrorKind];

/** The only error the modules under devnet/src/http throw. */
export class HttpRequestError extends Error {
	readonly status: HttpStatus;

	constructor(
		readonly kind: HttpErrorKind,
		message: string
	) {
		super(message);
		this.name = 'HttpRequestError';
		this.status = HTTP_STATUS[kind];
	}
}

/** What the server sends for an error: a status and a plain-text body, as the replica does. */
export function errorResponse(error: HttpRequestError): { status: HttpStatus; body: string } {
	return { status: error.status, body: error.message };
}
