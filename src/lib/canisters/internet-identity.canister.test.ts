import { HttpAgent } from '@dfinity/agent';
import { Ed25519KeyIdentity } from '@dfinity/identity';
import { expect, test } from 'vitest';
import { agentSigningWith } from './internet-identity.canister';

test("the signing agent copies the app agent's host, root key and options, not its identity", async () => {
	const appIdentity = Ed25519KeyIdentity.generate();
	const phrase = Ed25519KeyIdentity.generate();
	const rootKey = new Uint8Array(133).fill(5);
	const app = HttpAgent.createSync({
		host: 'http://127.0.0.1:4943',
		identity: appIdentity,
		rootKey,
		retryTimes: 1
	});
	const signing = agentSigningWith(app, phrase);
	expect(signing).not.toBe(app);
	expect(signing.host.toString()).toBe('http://127.0.0.1:4943/');
	expect(signing.rootKey).toEqual(rootKey);
	expect(signing.config.retryTimes).toBe(1);
	expect((await signing.getPrincipal()).toText()).toBe(phrase.getPrincipal().toText());
	expect((await app.getPrincipal()).toText()).toBe(appIdentity.getPrincipal().toText());
});
