// Test support: the exact HTTP requests an unmodified @dfinity/agent HttpAgent sends. A recording
// fetch answers every request with 400, so the agent gives up after one attempt and we keep the
// bytes it posted (method, URL path, CBOR body).
import { HttpAgent, type Identity } from '@dfinity/agent';
import * as cbor from '@dfinity/cbor';

export interface CapturedRequest {
	method: string;
	url: string;
	body: Uint8Array;
}

/**
 * The requests `run` makes an unmodified HttpAgent (signed as `identity`) send, in order; none
 * reaches a network.
 *
 * @example
 * const [request] = await captureAgentRequests(identity, (agent) => agent.query(id, { methodName: 'greet', arg }));
 */
export async function captureAgentRequests(
	identity: Identity,
	run: (agent: HttpAgent) => Promise<unknown>
): Promise<CapturedRequest[]> {
	const captured: CapturedRequest[] = [];
	const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
		const url = new URL(String(input));
		const body = init?.body ? new Uint8Array(init.body as ArrayBuffer) : new Uint8Array();
		captured.push({ method: init?.method ?? 'GET', url: url.pathname + url.search, body });
		return new Response('recorded', { status: 400 });
	};
	const agent = HttpAgent.createSync({
		host: 'http://devnet.test',
		identity,
		fetch,
		retryTimes: 0,
		verifyQuerySignatures: false
	});
	await run(agent).catch(() => undefined); // the 400 makes every agent call fail
	return captured;
}

/**
 * The one request an action sent, failing loudly if it sent none or several.
 *
 * @example
 * const { url, body } = await captureOne(identity, (agent) => agent.call(id, { methodName: 'put', arg }));
 */
export async function captureOne(
	identity: Identity,
	run: (agent: HttpAgent) => Promise<unknown>
): Promise<CapturedRequest> {
	const [first, ...rest] = await captureAgentRequests(identity, run);
	if (!first || rest.length > 0) throw new Error('expected exactly one request');
	return first;
}

type Envelope = { content: Record<string, unknown> } & Record<string, unknown>;

/**
 * Re-encodes a captured body after `edit` changed its decoded envelope (negative tests).
 *
 * @example
 * const tampered = editBody(body, (envelope) => (envelope.content.method_name = 'other'));
 */
export function editBody(body: Uint8Array, edit: (envelope: Envelope) => void): Uint8Array {
	const envelope = cbor.decode(body) as Envelope;
	edit(envelope);
	return cbor.encodeWithSelfDescribedTag(envelope as cbor.CborValue);
}
