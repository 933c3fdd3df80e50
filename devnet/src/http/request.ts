// One entry point for the server: an HTTP request in, a routed, decoded, authenticated request
// description out, or an HttpRequestError (mapped to status and body by errorResponse). Pure:
// the clock and the subnet's view of canisters and its id are inputs.
import { Principal } from '@dfinity/principal';
import { authenticate, type AuthenticatedRequest } from './auth';
import { checkEffectiveCanisterId } from './effective-canister';
import {
	decodeEnvelope,
	type CanisterCallContent,
	type Envelope,
	type ReadStateContent
} from './envelope';
import { HttpRequestError } from './errors';
import { route, type Route } from './router';
import { equalBytes } from '../bytes';

export interface HttpRequestInput {
	method: string;
	url: string;
	body: Uint8Array;
}

export interface SubnetContext {
	/** Current time in ns since the epoch (devnet's clock). */
	nowNs: bigint;
	subnetId: Uint8Array;
	/** The root key (96-byte BLS12-381 G2) that certificates inside canister signatures verify under. */
	rootPublicKey: Uint8Array;
	/** Whether an effective canister id lies in this subnet's canister ranges. */
	isHosted(canisterId: Uint8Array): boolean;
}

interface Accepted<C extends CanisterCallContent | ReadStateContent> {
	envelope: Envelope<C>;
	content: C;
	auth: AuthenticatedRequest;
}

export type AcceptedRequest =
	| { endpoint: 'status' }
	| { endpoint: 'cors_preflight' }
	| ({
			endpoint: 'call';
			version: 'v2' | 'v3';
			effectiveCanisterId: Uint8Array;
	  } & Accepted<CanisterCallContent>)
	| ({ endpoint: 'query'; effectiveCanisterId: Uint8Array } & Accepted<CanisterCallContent>)
	| ({
			endpoint: 'read_state';
			scope: 'canister';
			effectiveCanisterId: Uint8Array;
	  } & Accepted<ReadStateContent>)
	| ({
			endpoint: 'read_state';
			scope: 'subnet';
			subnetId: Uint8Array;
	  } & Accepted<ReadStateContent>);

/** The subnet must host the canister or be the subnet a URL names (checked before the body). */
function checkHosted(target: Route, subnet: SubnetContext): void {
	if (target.endpoint === 'read_state' && target.scope === 'subnet') {
		if (!equalBytes(target.subnetId, subnet.subnetId)) {
			throw new HttpRequestError('subnet_not_found', 'Subnet not found.');
		}
	} else if ('effectiveCanisterId' in target && !subnet.isHosted(target.effectiveCanisterId)) {
		throw new HttpRequestError(
			'canister_not_found',
			`Canister ${Principal.fromUint8Array(target.effectiveCanisterId).toText()} is not hosted by this subnet.`
		);
	}
}

export function acceptRequest(request: HttpRequestInput, subnet: SubnetContext): AcceptedRequest {
	const target = route(request.method, request.url);
	checkHosted(target, subnet);
	switch (target.endpoint) {
		case 'status':
		case 'cors_preflight':
			return target;
		case 'call':
		case 'query': {
			const envelope = decodeEnvelope(request.body, target.endpoint);
			checkEffectiveCanisterId(envelope.content, target.effectiveCanisterId);
			const auth = authenticate(envelope, subnet.nowNs, subnet.rootPublicKey);
			return { ...target, envelope, content: envelope.content, auth };
		}
		case 'read_state': {
			const envelope = decodeEnvelope(request.body, 'read_state');
			const auth = authenticate(envelope, subnet.nowNs, subnet.rootPublicKey);
			return { ...target, envelope, content: envelope.content, auth };
		}
	}
}
