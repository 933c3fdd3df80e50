// Creates agents for the configured network. On a local network (devnet, dfx) the root key is
// fetched from the replica itself; on mainnet the agent's built-in IC root key is used.
import { HttpAgent, type Identity } from '@dfinity/agent';
import { config, type AppConfig } from '../config';
import { fromThrown } from './errors';

export async function createAgent(
	identity?: Identity,
	settings: Pick<AppConfig, 'host' | 'network'> = config
): Promise<HttpAgent> {
	try {
		const agent = await HttpAgent.create({ host: settings.host, identity });
		if (settings.network === 'local') await agent.fetchRootKey();
		return agent;
	} catch (error) {
		throw fromThrown(error);
	}
}
