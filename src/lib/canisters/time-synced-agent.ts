// An HttpAgent that keeps to the replica's clock instead of the browser's. The IC refuses a
// signed request whose expiry is not within its own next few minutes ("Invalid request expiry"),
// so a browser clock that is off, or a replica clock that jumps (devnet's `time advance`),
// breaks every call. This agent syncs its time with the replica before its first request
// (the agent's `shouldSyncTime`, against the canister called) and, when the replica still
// refuses a request's expiry, syncs again and sends the request once more. Each sync also moves
// the page's replica clock (replica-clock.ts), which countdowns count on.
import {
	AgentError,
	HttpAgent,
	HttpErrorCode,
	IngressExpiryInvalidErrorCode,
	type HttpAgentOptions
} from '@dfinity/agent';
import { Principal } from '@dfinity/principal';
import { replicaClock } from './replica-clock';

/** How the replica's refusal begins (the IC's ingress validator, and devnet's). */
const EXPIRY_REFUSAL = 'Invalid request expiry';

/**
 * Whether the replica refused a request for its expiry: updates and read_state report it as
 * IngressExpiryInvalidErrorCode, queries as a plain HTTP error carrying the replica's text.
 */
export function isExpiryRefusal(error: unknown): boolean {
	if (!(error instanceof AgentError)) return false;
	if (error.hasCode(IngressExpiryInvalidErrorCode)) return true;
	return (
		error.code instanceof HttpErrorCode && (error.code.bodyText ?? '').includes(EXPIRY_REFUSAL)
	);
}

type CallArgs = Parameters<HttpAgent['call']>;
type QueryArgs = Parameters<HttpAgent['query']>;
type ReadStateArgs = Parameters<HttpAgent['readState']>;

export class TimeSyncedAgent extends HttpAgent {
	/** Like `HttpAgent.create`, but this class, synced before its first request. */
	static async connect(
		options: Omit<HttpAgentOptions, 'shouldSyncTime'>,
		fetchRootKey: boolean
	): Promise<TimeSyncedAgent> {
		const agent = TimeSyncedAgent.createSync({ ...options, shouldSyncTime: true });
		if (fetchRootKey) await agent.fetchRootKey();
		return agent as TimeSyncedAgent;
	}

	override async syncTime(canisterId?: Principal): Promise<void> {
		await super.syncTime(canisterId);
		if (this.hasSyncedTime()) replicaClock.setOffset(this.getTimeDiffMsecs());
	}

	/** Runs `send`; if the replica refuses its expiry, syncs with `canisterId` and sends again. */
	async #resyncedOnce<T>(canisterId: Principal | string, send: (retry: boolean) => Promise<T>) {
		try {
			return await send(false);
		} catch (error) {
			if (!isExpiryRefusal(error)) throw error;
			await this.syncTime(Principal.from(canisterId));
			return await send(true);
		}
	}

	override call(...[canisterId, options, identity]: CallArgs) {
		const target = options.effectiveCanisterId ?? canisterId;
		return this.#resyncedOnce(target, () => super.call(canisterId, options, identity));
	}

	override query(...[canisterId, fields, identity]: QueryArgs) {
		const target = fields.effectiveCanisterId ?? canisterId;
		return this.#resyncedOnce(target, () => super.query(canisterId, fields, identity));
	}

	override readState(...[canisterId, fields, identity, request]: ReadStateArgs) {
		// a request signed in advance carries the refused expiry: the retry signs a fresh one
		return this.#resyncedOnce(canisterId, (retry) =>
			super.readState(canisterId, fields, identity, retry ? undefined : request)
		);
	}
}
