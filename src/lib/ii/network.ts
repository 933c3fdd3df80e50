// Which Internet Identity backend canister the app talks to: the real II on mainnet, the local
// stand-in (canister/internet_identity) deployed on devnet.

/** The Internet Identity backend canister on mainnet. */
export const II_MAINNET_CANISTER_ID = 'rdmx6-jaaaa-aaaaa-aaadq-cai';

export type IiNetwork = 'local' | 'ic';

/**
 * The II canister id for a network. On mainnet an override is refused unless it is the real id:
 * a wrong id there would send phrase-signed calls to a canister that is not II.
 */
export function iiCanisterId(network: IiNetwork, configuredId?: string): string {
	if (network === 'ic') {
		if (configuredId && configuredId !== II_MAINNET_CANISTER_ID) {
			throw new Error(
				`on mainnet Internet Identity is ${II_MAINNET_CANISTER_ID}, not ${configuredId}`
			);
		}
		return II_MAINNET_CANISTER_ID;
	}
	if (!configuredId) {
		throw new Error('on devnet the local Internet Identity canister id must be configured');
	}
	return configuredId;
}
