// Identities and anchors for the Internet Identity agent tests: fresh Ed25519 device keys, real
// recovery phrase keys (derived as II derives them) and anchors created on the local II.
import type { HttpAgent } from '@dfinity/agent';
import { Ed25519KeyIdentity } from '@dfinity/identity';
import type { Principal } from '@dfinity/principal';
import { randomBytes } from 'node:crypto';
import { derivePhraseKey, type PhraseKey } from '../../../src/lib/crypto/ii-key';
import {
	generatedKeyDeviceData,
	recoveryPhraseDeviceData,
	type DeviceDataValue
} from '../../../src/lib/ii';
import { agentFor } from '../target';
import { createAnchor } from './local-ii';

export function newPhrase(): Promise<PhraseKey> {
	return derivePhraseKey(new Uint8Array(randomBytes(32)));
}

export interface Device {
	identity: Ed25519KeyIdentity;
	/** DER public key: the device's key on the anchor. */
	key: Uint8Array;
	/** Hex of `key`, as `DeviceInfo.id`. */
	id: string;
	data: DeviceDataValue;
}

export function newDevice(alias: string): Device {
	const identity = Ed25519KeyIdentity.generate();
	const data = generatedKeyDeviceData(identity, { alias });
	const key = data.pubkey as Uint8Array;
	return { identity, key, id: Buffer.from(key).toString('hex'), data };
}

/** An anchor created by `creator` holding its device, the others and the phrase if given. */
export async function newAnchor(
	url: string,
	canisterId: Principal,
	creator: Device,
	options: { others?: Device[]; phrase?: PhraseKey; phraseProtected?: boolean } = {}
): Promise<bigint> {
	const agent: HttpAgent = await agentFor(url, creator.identity);
	const devices = [creator.data, ...(options.others ?? []).map((d) => d.data)];
	if (options.phrase) {
		devices.push(
			recoveryPhraseDeviceData(options.phrase.publicKeyDer, {
				protected: options.phraseProtected ?? false
			})
		);
	}
	return createAnchor(agent, canisterId, devices);
}
