// Typed wrapper of the upgrade canister (its public queries) and of the certified controller list
// of a canister, read from the IC's state tree rather than asked of the canister itself.
import { Actor, CanisterStatus, type HttpAgent } from '@dfinity/agent';
import type { Principal } from '@dfinity/principal';
import {
	upgradeIdlFactory,
	type Announcement,
	type UpgradeConfig,
	type UpgradeService
} from '@tessera/contract/upgrade';
import { callCanister } from './errors';

export type { Announcement } from '@tessera/contract/upgrade';

export function upgradeCanister(agent: HttpAgent, canisterId: Principal) {
	const actor = Actor.createActor<UpgradeService>(upgradeIdlFactory, { agent, canisterId });
	return {
		canisterId,
		/** The announcement waiting for its notice to end, if any. */
		pending: async (): Promise<Announcement | undefined> =>
			(await callCanister(async () => ({ Ok: await actor.pending() })))[0],
		/** Every announcement kept, oldest first. */
		announcements: (): Promise<Announcement[]> =>
			callCanister(async () => ({ Ok: await actor.announcements() })),
		config: (): Promise<UpgradeConfig> => callCanister(async () => ({ Ok: await actor.config() }))
	};
}

/** A canister's controllers, from a certified read_state (the canister cannot lie about them). */
export async function controllersOf(agent: HttpAgent, canisterId: Principal): Promise<Principal[]> {
	const status = await CanisterStatus.request({ canisterId, agent, paths: ['controllers'] });
	return (status.get('controllers') as Principal[] | undefined) ?? [];
}
