// II 2.0's view of devices as authentication methods, converted both ways as II does
// (dfinity/internet-identity internet_identity_interface `AuthnMethodData` <-> `DeviceWithUsage`):
// alias, origin, authenticator_attachment and usage travel in the metadata as `String` entries;
// purpose and protection are the security settings; WebAuthn keys have a credential id.
import type * as Ii from '@tessera/contract/internet-identity';
import type { Device, KeyType, MetadataEntry, MetadataMap } from './device';
import { err, ok, type Result } from './errors';

type MetadataV2 = Ii.MetadataMapV2;

function metadataToV2(map: MetadataMap): MetadataV2 {
	return [...map].map(([key, entry]): MetadataV2[number] => {
		if (entry.kind === 'map') return [key, { Map: metadataToV2(entry.value) }];
		if (entry.kind === 'string') return [key, { String: entry.value }];
		return [key, { Bytes: entry.value }];
	});
}

export function metadataFromV2(value: MetadataV2): MetadataMap {
	const map = new Map<string, MetadataEntry>();
	for (const [key, entry] of value) {
		if ('Map' in entry) map.set(key, { kind: 'map', value: metadataFromV2(entry.Map) });
		else if ('String' in entry) map.set(key, { kind: 'string', value: entry.String });
		else map.set(key, { kind: 'bytes', value: Uint8Array.from(entry.Bytes) });
	}
	return map;
}

export { metadataToV2 };

const attachment: Partial<Record<KeyType, string>> = {
	platform: 'platform',
	cross_platform: 'cross_platform'
};
const usage: Partial<Record<KeyType, string>> = {
	seed_phrase: 'recovery_phrase',
	browser_storage_key: 'browser_storage_key'
};

export function deviceToAuthnMethod(device: Device): Ii.AuthnMethodData {
	const metadata = new Map<string, MetadataEntry>(device.metadata ?? []);
	metadata.set('alias', { kind: 'string', value: device.alias });
	if (device.origin !== undefined) metadata.set('origin', { kind: 'string', value: device.origin });
	const attached = attachment[device.keyType];
	if (attached) metadata.set('authenticator_attachment', { kind: 'string', value: attached });
	const used = usage[device.keyType];
	if (used) metadata.set('usage', { kind: 'string', value: used });
	return {
		authn_method:
			device.credentialId === undefined
				? { PubKey: { pubkey: device.pubkey } }
				: {
						WebAuthn: {
							pubkey: device.pubkey,
							credential_id: device.credentialId,
							aaguid: device.aaguid === undefined ? [] : [device.aaguid]
						}
					},
		security_settings: {
			protection: device.protection === 'protected' ? { Protected: null } : { Unprotected: null },
			purpose: device.purpose === 'recovery' ? { Recovery: null } : { Authentication: null }
		},
		metadata: metadataToV2(metadata),
		last_authentication: device.lastUsage === undefined ? [] : [device.lastUsage]
	};
}

/** The device an AuthnMethodData stands for; the error text is II's `InvalidMetadata`. */
export function authnMethodToDevice(value: Ii.AuthnMethodData): Result<Device, string> {
	const metadata = metadataFromV2(value.metadata);
	const remaining = new Map(metadata);
	const stringEntry = (key: string): Result<string | undefined, string> => {
		const entry = metadata.get(key);
		if (entry === undefined) return ok(undefined);
		if (entry.kind !== 'string') return err(`metadata key '${key}' is expected to be a string`);
		remaining.delete(key);
		return ok(entry.value);
	};
	const alias = stringEntry('alias');
	const origin = stringEntry('origin');
	const attached = stringEntry('authenticator_attachment');
	const used = stringEntry('usage');
	for (const entry of [alias, origin, attached, used]) if (!entry.ok) return entry;
	const pick = (r: Result<string | undefined, string>) => (r.ok ? r.value : undefined);
	const keyType: KeyType =
		pick(used) === 'recovery_phrase'
			? 'seed_phrase'
			: pick(used) === 'browser_storage_key'
				? 'browser_storage_key'
				: pick(attached) === 'platform'
					? 'platform'
					: pick(attached) === 'cross_platform'
						? 'cross_platform'
						: 'unknown';
	const method = value.authn_method;
	const webAuthn = 'WebAuthn' in method ? method.WebAuthn : undefined;
	const aaguid = webAuthn?.aaguid[0];
	return ok({
		pubkey: Uint8Array.from('WebAuthn' in method ? method.WebAuthn.pubkey : method.PubKey.pubkey),
		alias: pick(alias) ?? '',
		credentialId: webAuthn ? Uint8Array.from(webAuthn.credential_id) : undefined,
		aaguid: aaguid === undefined ? undefined : Uint8Array.from(aaguid),
		purpose: 'Recovery' in value.security_settings.purpose ? 'recovery' : 'authentication',
		keyType,
		protection: 'Protected' in value.security_settings.protection ? 'protected' : 'unprotected',
		origin: pick(origin),
		metadata: remaining.size > 0 ? remaining : undefined
	});
}

export function authnMethodOf(device: Device): Ii.AuthnMethod {
	return deviceToAuthnMethod(device).authn_method;
}
