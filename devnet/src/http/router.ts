// Routing of the IC HTTP interface: from (method, URL path) to the endpoint it names.
//   GET  /api/v2/status
//   POST /api/v2/canister/<ecid>/call       asynchronous call (202)
//   POST /api/v3/canister/<ecid>/call       synchronous call (certificate)
//   POST /api/v2/canister/<ecid>/query
//   POST /api/v2/canister/<ecid>/read_state
//   POST /api/v2/subnet/<subnet_id>/read_state
//   OPTIONS on any of them: CORS preflight
import { Principal } from '@dfinity/principal';
import { HttpRequestError } from './errors';

export type Route =
	| { endpoint: 'status' }
	| { endpoint: 'cors_preflight' }
	| { endpoint: 'call'; version: 'v2' | 'v3'; effectiveCanisterId: Uint8Array }
	| { endpoint: 'query'; effectiveCanisterId: Uint8Array }
	| { endpoint: 'read_state'; scope: 'canister'; effectiveCanisterId: Uint8Array }
	| { endpoint: 'read_state'; scope: 'subnet'; subnetId: Uint8Array };

const CANISTER_ROUTE = /^\/api\/(v2|v3)\/canister\/([^/]+)\/(call|query|read_state)$/;
const SUBNET_ROUTE = /^\/api\/v2\/subnet\/([^/]+)\/read_state$/;

function notFound(path: string): never {
	throw new HttpRequestError('route_not_found', `Not found: ${path}`);
}

function principal(text: string, what: string): Uint8Array {
	try {
		return Principal.fromText(decodeURIComponent(text)).toUint8Array();
	} catch {
		throw new HttpRequestError('malformed_request', `Could not parse ${what} "${text}"`);
	}
}

/** The endpoint of a request path (query string ignored), ignoring the method. */
function endpointOf(path: string): Route {
	if (path === '/api/v2/status') return { endpoint: 'status' };
	const subnet = SUBNET_ROUTE.exec(path);
	if (subnet) {
		return {
			endpoint: 'read_state',
			scope: 'subnet',
			subnetId: principal(subnet[1] ?? '', 'subnet id')
		};
	}
	const canister = CANISTER_ROUTE.exec(path);
	if (!canister) return notFound(path);
	const [, version, idText = '', action] = canister;
	if (version === 'v3' && action !== 'call') return notFound(path);
	const effectiveCanisterId = principal(idText, 'effective canister id');
	if (action === 'call')
		return { endpoint: 'call', version: version as 'v2' | 'v3', effectiveCanisterId };
	if (action === 'query') return { endpoint: 'query', effectiveCanisterId };
	return { endpoint: 'read_state', scope: 'canister', effectiveCanisterId };
}

/** Routes an HTTP method and URL (path with optional query string). */
export function route(method: string, url: string): Route {
	const path = url.split('?')[0] ?? '';
	const found = endpointOf(path);
	const verb = method.toUpperCase();
	if (verb === 'OPTIONS') return { endpoint: 'cors_preflight' };
	const expected = found.endpoint === 'status' ? 'GET' : 'POST';
	if (verb !== expected) {
		throw new HttpRequestError('method_not_allowed', `Method ${verb} not allowed on ${path}`);
	}
	return found;
}
