// After the phrase is back: check it against Internet Identity, then sweep the anchor's devices
// (signed by the phrase key) and add a fresh device for the owner. The phrase key is secret and
// lives only in the caller's memory.
import { Ed25519KeyIdentity } from '@dfinity/identity';
import { derivePhraseKey, type PhraseKey } from '../crypto/ii-key';
import {
	generatedKeyDeviceData,
	type AnchorDevices,
	type DeviceDataValue,
	type IiClient,
	type PhraseCheck,
	type Progress,
	type SweepReport,
	type SweepRequest
} from '../ii';
import { FlowError } from './errors';

export interface CheckedPhrase {
	readonly phraseKey: PhraseKey;
	readonly check: PhraseCheck;
	/** The identity the phrase opens (as given, or found by II from the phrase). */
	readonly anchor: bigint;
}

/**
 * The recovered phrase must be an identity's recovery phrase on II; otherwise it is useless.
 * Without an anchor number II finds the identity from the phrase itself (II 2.0:
 * `lookup_caller_identity_by_recovery_phrase`, signed by it). A number that was given is held
 * to: a phrase that is not on it is reported, not quietly matched to another identity.
 */
export async function checkRecoveredPhrase(
	ii: Pick<IiClient, 'checkPhrase' | 'findIdentityByPhrase'>,
	anchor: bigint | undefined,
	entropy: Uint8Array
): Promise<CheckedPhrase> {
	const phraseKey = await derivePhraseKey(entropy);
	if (anchor !== undefined) {
		const check = await ii.checkPhrase(anchor, phraseKey);
		if (check.onAnchor) return { phraseKey, check, anchor };
		throw new FlowError(
			'phrase-not-on-anchor',
			check.anchorHasPhrase
				? 'This phrase is no longer the recovery phrase of your identity: someone replaced it. Keep it anyway, and contact Internet Identity support.'
				: 'Your identity has no recovery phrase any more: someone removed it. Keep this phrase anyway, and contact Internet Identity support.'
		);
	}
	const found = await ii.findIdentityByPhrase(phraseKey.identity);
	const check = found === undefined ? undefined : await ii.checkPhrase(found, phraseKey);
	if (found !== undefined && check?.onAnchor) return { phraseKey, check, anchor: found };
	throw new FlowError(
		'phrase-not-on-anchor',
		'No Internet Identity has this recovery phrase any more: someone replaced or removed it. Keep this phrase anyway, and contact Internet Identity support.'
	);
}

export function listDevices(
	ii: Pick<IiClient, 'signedBy'>,
	anchor: bigint,
	phraseKey: PhraseKey
): Promise<AnchorDevices> {
	return ii.signedBy(phraseKey.identity).listDevices(anchor);
}

export interface FreshDevice {
	readonly data: DeviceDataValue;
	/** What the owner is told about it. */
	readonly description: string;
}

/**
 * The owner's new device, on devnet only: a generated key, clearly labelled as a development key.
 * On mainnet there is none: a passkey made on Tessera's origin would not sign in at II's own
 * domains, so the owner adds a passkey at II itself, signed in with the recovered phrase.
 */
export function freshDevice(): FreshDevice {
	const identity = Ed25519KeyIdentity.generate();
	return {
		data: generatedKeyDeviceData(identity, { alias: 'Devnet test key (Tessera)' }),
		description: 'A generated development key (devnet only, not a real passkey).'
	};
}

export function runSweep(
	ii: Pick<IiClient, 'signedBy'>,
	anchor: bigint,
	phraseKey: PhraseKey,
	request: SweepRequest,
	progress: Progress = () => {}
): Promise<SweepReport> {
	return ii.signedBy(phraseKey.identity).sweep(anchor, request, progress);
}
