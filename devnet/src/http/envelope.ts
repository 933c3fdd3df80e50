// Decoding of request envelopes {content, sender_pubkey?, sender_sig?, sender_delegation?}
// (IC interface spec, "Authentication" and "Request: Call / Query call / Read state"), with a
// strict check of every field's type. Unknown fields are refused, so the typed content below is
// exactly what the request id is computed from.
import { decodeCbor } from './cbor';
import { HttpRequestError } from './errors';
import { requestId, type HashableMap } from './hash';

/** Ingress body limit of an application subnet (max_ingress_bytes_per_message): 2 MiB. */
export const MAX_INGRESS_BYTES = 2 * 1024 * 1024;
export const MAX_PRINCIPAL_BYTES = 29;
export const MAX_NONCE_BYTES = 32;
export const MAX_PATHS = 1000;
export const MAX_LABELS_PER_PATH = 127;
const MAX_NAT64 = 2n ** 64n - 1n;

export type RequestType = 'call' | 'query' | 'read_state';

interface ContentBase {
	sender: Uint8Array;
	ingressExpiry: bigint;
	nonce?: Uint8Array;
}
export interface CanisterCallContent extends ContentBase {
	requestType: 'call' | 'query';
	canisterId: Uint8Array;
	methodName: string;
	arg: Uint8Array;
}
export interface ReadStateContent extends ContentBase {
	requestType: 'read_state';
	paths: Uint8Array[][];
}
export type RequestContent = CanisterCallContent | ReadStateContent;

export interface Delegation {
	pubkey: Uint8Array;
	expiration: bigint;
	targets?: Uint8Array[];
}
export interface SignedDelegation {
	delegation: Delegation;
	signature: Uint8Array;
}

export interface Envelope<C extends RequestContent = RequestContent> {
	content: C;
	requestId: Uint8Array;
	senderPubkey?: Uint8Array;
	senderSig?: Uint8Array;
	senderDelegation?: SignedDelegation[];
}

function malformed(message: string): never {
	throw new HttpRequestError('malformed_request', message);
}

type Fields = Record<string, unknown>;

function asMap(value: unknown, what: string, allowed: readonly string[]): Fields {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		return malformed(`${what} must be a map`);
	}
	if (value instanceof Uint8Array) return malformed(`${what} must be a map, not a blob`);
	for (const key of Object.keys(value)) {
		if (!allowed.includes(key)) malformed(`${what} has an unknown field "${key}"`);
	}
	return value as Fields;
}

function blob(value: unknown, what: string, maxBytes = Infinity): Uint8Array {
	if (!(value instanceof Uint8Array)) return malformed(`${what} must be a blob`);
	if (value.length > maxBytes) malformed(`${what} is longer than ${maxBytes} bytes`);
	return value;
}

function text(value: unknown, what: string): string {
	if (typeof value !== 'string') return malformed(`${what} must be text`);
	return value;
}

function nat64(value: unknown, what: string): bigint {
	const n = typeof value === 'number' && Number.isSafeInteger(value) ? BigInt(value) : value;
	if (typeof n !== 'bigint' || n < 0n || n > MAX_NAT64) return malformed(`${what} must be a nat64`);
	return n;
}

function array(value: unknown, what: string, maxLength: number): unknown[] {
	if (!Array.isArray(value)) return malformed(`${what} must be an array`);
	if (value.length > maxLength) malformed(`${what} has more than ${maxLength} elements`);
	return value;
}

function required(fields: Fields, key: string, what: string): unknown {
	if (!Object.hasOwn(fields, key) || fields[key] === undefined) malformed(`${what} lacks "${key}"`);
	return fields[key];
}

function optional(fields: Fields, key: string): unknown {
	return Object.hasOwn(fields, key) ? fields[key] : undefined;
}

const CALL_FIELDS = [
	'request_type',
	'sender',
	'nonce',
	'ingress_expiry',
	'canister_id',
	'method_name',
	'arg'
] as const;
const READ_STATE_FIELDS = ['request_type', 'sender', 'nonce', 'ingress_expiry', 'paths'] as const;

function decodeContent(value: unknown, expected: RequestType): RequestContent {
	const allowed = expected === 'read_state' ? READ_STATE_FIELDS : CALL_FIELDS;
	const fields = asMap(value, 'content', allowed);
	const requestType = text(required(fields, 'request_type', 'content'), 'request_type');
	if (requestType !== expected) {
		malformed(`request_type is "${requestType}" but this endpoint takes "${expected}"`);
	}
	const nonceValue = optional(fields, 'nonce');
	const base: ContentBase = {
		sender: blob(required(fields, 'sender', 'content'), 'sender', MAX_PRINCIPAL_BYTES),
		ingressExpiry: nat64(required(fields, 'ingress_expiry', 'content'), 'ingress_expiry'),
		...(nonceValue === undefined ? {} : { nonce: blob(nonceValue, 'nonce', MAX_NONCE_BYTES) })
	};
	if (expected === 'read_state') {
		const paths = array(required(fields, 'paths', 'content'), 'paths', MAX_PATHS).map((path, i) =>
			array(path, `paths[${i}]`, MAX_LABELS_PER_PATH).map((label, j) =>
				blob(label, `paths[${i}][${j}]`)
			)
		);
		return { requestType: 'read_state', ...base, paths };
	}
	return {
		requestType: expected,
		...base,
		canisterId: blob(
			required(fields, 'canister_id', 'content'),
			'canister_id',
			MAX_PRINCIPAL_BYTES
		),
		methodName: text(required(fields, 'method_name', 'content'), 'method_name'),
		arg: blob(required(fields, 'arg', 'content'), 'arg')
	};
}

function decodeDelegation(value: unknown, index: number): SignedDelegation {
	const what = `sender_delegation[${index}]`;
	const signed = asMap(value, what, ['delegation', 'signature']);
	const fields = asMap(required(signed, 'delegation', what), `${what}.delegation`, [
		'pubkey',
		'expiration',
		'targets'
	]);
	const targetsValue = optional(fields, 'targets');
	const delegation: Delegation = {
		pubkey: blob(required(fields, 'pubkey', what), `${what}.pubkey`),
		expiration: nat64(required(fields, 'expiration', what), `${what}.expiration`),
		...(targetsValue === undefined
			? {}
			: {
					targets: array(targetsValue, `${what}.targets`, Infinity).map((target, j) =>
						blob(target, `${what}.targets[${j}]`, MAX_PRINCIPAL_BYTES)
					)
				})
	};
	return { delegation, signature: blob(required(signed, 'signature', what), `${what}.signature`) };
}

/** The content map as the spec hashes it (field names as on the wire, omitted fields absent). */
export function contentMap(content: RequestContent): HashableMap {
	const base = {
		request_type: content.requestType,
		sender: content.sender,
		ingress_expiry: content.ingressExpiry,
		nonce: content.nonce
	};
	if (content.requestType === 'read_state') return { ...base, paths: content.paths };
	return {
		...base,
		canister_id: content.canisterId,
		method_name: content.methodName,
		arg: content.arg
	};
}

export function delegationMap(delegation: Delegation): HashableMap {
	return {
		pubkey: delegation.pubkey,
		expiration: delegation.expiration,
		targets: delegation.targets
	};
}

/** Decodes and type-checks a request body for an endpoint taking `expected` requests. */
export function decodeEnvelope<T extends RequestType>(
	body: Uint8Array,
	expected: T
): Envelope<T extends 'read_state' ? ReadStateContent : CanisterCallContent> {
	if (body.length > MAX_INGRESS_BYTES) {
		throw new HttpRequestError(
			'payload_too_large',
			`Request body of ${body.length} bytes is larger than the maximum of ${MAX_INGRESS_BYTES} bytes.`
		);
	}
	const fields = asMap(decodeCbor(body), 'envelope', [
		'content',
		'sender_pubkey',
		'sender_sig',
		'sender_delegation'
	]);
	const content = decodeContent(required(fields, 'content', 'envelope'), expected);
	const pubkey = optional(fields, 'sender_pubkey');
	const sig = optional(fields, 'sender_sig');
	const delegations = optional(fields, 'sender_delegation');
	return {
		content: content as T extends 'read_state' ? ReadStateContent : CanisterCallContent,
		requestId: requestId(contentMap(content)),
		...(pubkey === undefined ? {} : { senderPubkey: blob(pubkey, 'sender_pubkey') }),
		...(sig === undefined ? {} : { senderSig: blob(sig, 'sender_sig') }),
		...(delegations === undefined
			? {}
			: {
					senderDelegation: array(delegations, 'sender_delegation', Infinity).map(decodeDelegation)
				})
	};
}
