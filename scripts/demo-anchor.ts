// `npm run demo:anchor`: an anchor to try Tessera with on a running devnet (after `npm start`).
// It creates, on the local Internet Identity, an anchor with a "Demo laptop" device, an
// "Unknown phone" (the intruder the device sweep should remove) and an unprotected recovery
// phrase, and prints the anchor number and phrase. Devnet only: the phrase is a throw-away
// demo secret, printed so you can type it into the app.
import { Actor, HttpAgent } from '@dfinity/agent';
import { Ed25519KeyIdentity } from '@dfinity/identity';
import { readFileSync } from 'node:fs';
import { idlFactory, type DeviceDataValue } from '../canister/internet_identity/domain/idl';
import { derivePhraseKey } from '../src/lib/crypto/ii-key';
import { phraseFromEntropy } from '../src/lib/crypto/phrase';
import { generatedKeyDeviceData, recoveryPhraseDeviceData } from '../src/lib/ii';

// `||`, as the devnet CLI reads them: an empty variable means the default
const DEVNET_URL = process.env.DEVNET_URL || `http://127.0.0.1:${process.env.DEVNET_PORT || 4943}`;
const CANISTER_IDS = '.devnet/canister_ids.json';

interface LocalOnly {
	create_anchor_for_local_development(devices: DeviceDataValue[]): Promise<bigint>;
}

function localIiId(): string {
	try {
		const ids = JSON.parse(readFileSync(CANISTER_IDS, 'utf8')) as Record<
			string,
			{ local?: string }
		>;
		const id = ids.internet_identity?.local;
		if (id) return id;
	} catch {
		// reported below
	}
	throw new Error(`no local internet_identity in ${CANISTER_IDS}: run \`npm start\` first`);
}

async function main(): Promise<void> {
	const laptop = Ed25519KeyIdentity.generate();
	const phone = Ed25519KeyIdentity.generate();
	const entropy = crypto.getRandomValues(new Uint8Array(32));
	const phraseKey = await derivePhraseKey(entropy);
	const agent = await HttpAgent.create({
		host: DEVNET_URL,
		identity: laptop,
		shouldFetchRootKey: true
	}).catch(() => {
		// the first request (the root key): nothing answers there, or not as a replica
		throw new Error(
			`No devnet at ${DEVNET_URL}: start it with \`npm start\` (or set DEVNET_PORT/DEVNET_URL to the port it runs on).`
		);
	});
	const ii = Actor.createActor<LocalOnly>(idlFactory, { agent, canisterId: localIiId() });
	const anchor = await ii.create_anchor_for_local_development([
		generatedKeyDeviceData(laptop, { alias: 'Demo laptop' }),
		generatedKeyDeviceData(phone, { alias: 'Unknown phone' }),
		recoveryPhraseDeviceData(phraseKey.publicKeyDer, { protected: false })
	]);
	const words = phraseFromEntropy(entropy);
	console.log(`Demo anchor on devnet (${DEVNET_URL}), for trying Tessera only:`);
	console.log(`  anchor number:   ${anchor}`);
	console.log(`  recovery phrase: ${words.join(' ')}`);
	console.log(
		`  devices:         Demo laptop, Unknown phone (the intruder), the phrase (unprotected)`
	);
	console.log(
		`To sign in as this identity: click "Sign in with Internet Identity" in the app; in the ` +
			`"Local Internet Identity (devnet only)" window, paste the recovery phrase under ` +
			`"Recovery phrase" and click "Sign in with the recovery phrase".`
	);
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
