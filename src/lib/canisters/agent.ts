// Creates agents for the configured network. On a local network (devnet, dfx) the root key is
// fetched from the replica itself; on mainnet the agent's built-in IC root key is used. Every
// agent keeps to the replica's clock (time-synced-agent.ts).
import type { HttpAgent, Identity } from '@dfinity/agent';
import { config, type AppConfig } from '../config';
import { fromThrown } from './errors';
import { TimeSyncedAgent } from './time-synced-agent';

export async function createAgent(
	identity?: Identity,
	settings: Pick<AppConfig, 'host' | 'network'> = config
): Promise<HttpAgent> {
	try {
		return await TimeSyncedAgent.connect(
			{ host: settings.host, identity },
			settings.network === 'local'
		);
	} catch (error) {
		throw fromThrown(error);
	}
}
