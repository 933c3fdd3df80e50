// Binding the owner's phrase to the anchor: the phrase key (as II derives it) must be the
// anchor's recovery phrase; if it is not yet protected, the owner can protect it, signed by the
// phrase itself. Nothing here keeps the phrase: callers hold the entropy and wipe it.
import type { HttpAgent, SignIdentity } from '@dfinity/agent';
import type { AppConfig } from '../config';
import { derivePhraseKey, type PhraseKey } from '../crypto/ii-key';
import { createIiClient, toIiError } from '../ii';
import { createIiActor } from '../canisters/internet-identity.canister';
import { FlowError } from './errors';

/** The part of the Internet Identity client (src/lib/ii) the owner flows use. */
export interface PhraseAuthority {
	checkPhrase(
		anchor: bigint,
		phraseKey: { readonly publicKeyDer: Uint8Array }
	): Promise<{ onAnchor: boolean; protected: boolean; anchorHasPhrase: boolean }>;
	protectPhrase(anchor: bigint, phraseIdentity: SignIdentity): Promise<{ changed: boolean }>;
	/** The identity whose recovery phrase this is (`lookup_caller_identity_by_recovery_phrase`). */
	findIdentityByPhrase(phraseIdentity: SignIdentity): Promise<bigint | undefined>;
	/** The anchor's recovery phrase as II's public `lookup` shows it, without the phrase. */
	anchorPhrase(anchor: bigint): Promise<AnchorPhrase>;
}

export type AnchorPhrase = 'protected' | 'unprotected' | 'none';

/** The authority over II through `agent` (the owner's). */
export function phraseAuthority(
	agent: HttpAgent,
	canisterId: AppConfig['internetIdentityCanisterId']
): PhraseAuthority {
	const client = createIiClient({ agent, canisterId });
	const actor = createIiActor(agent, canisterId);
	return {
		checkPhrase: (anchor, phraseKey) => client.checkPhrase(anchor, phraseKey),
		protectPhrase: (anchor, identity) => client.protectPhrase(anchor, identity),
		findIdentityByPhrase: (identity) => client.findIdentityByPhrase(identity),
		async anchorPhrase(anchor): Promise<AnchorPhrase> {
			const devices = await actor.lookup(anchor).catch((error: unknown) => {
				throw toIiError(error);
			});
			const phrases = devices.filter((device) => 'seed_phrase' in device.key_type);
			if (phrases.length === 0) return 'none';
			return phrases.every((device) => 'protected' in device.protection)
				? 'protected'
				: 'unprotected';
		}
	};
}

export type PhraseStatus = 'protected' | 'unprotected';

export class PhraseMismatchError extends Error {
	readonly kind = 'PhraseMismatch';
	constructor(readonly anchorHasPhrase: boolean) {
		super(
			anchorHasPhrase
				? 'This is not the recovery phrase of that Internet Identity. Check the number and every word; if you made a new phrase since, use that one.'
				: 'That Internet Identity has no recovery phrase (or the number is wrong). Add a recovery phrase in Internet Identity first, then come back.'
		);
		this.name = 'PhraseMismatchError';
	}
}

/** No identity has this recovery phrase (II 2.0 finds identities from the phrase). */
export class PhraseNotFoundError extends Error {
	readonly kind = 'PhraseNotFound';
	constructor() {
		super(
			'No Internet Identity has this recovery phrase. Check every word; if you made a new phrase since, use that one.'
		);
		this.name = 'PhraseNotFoundError';
	}
}

/**
 * Derives the phrase key and checks it against the anchor; a wrong phrase throws. Without an
 * anchor number, II finds the identity from the phrase (as II 2.0's own recovery does).
 */
export async function bindPhrase(
	ii: PhraseAuthority,
	anchor: bigint | undefined,
	entropy: Uint8Array
): Promise<{ anchor: bigint; phraseKey: PhraseKey; status: PhraseStatus }> {
	const phraseKey = await derivePhraseKey(entropy);
	const found = anchor ?? (await ii.findIdentityByPhrase(phraseKey.identity));
	if (found === undefined) throw new PhraseNotFoundError();
	const check = await ii.checkPhrase(found, phraseKey);
	if (!check.onAnchor) throw new PhraseMismatchError(check.anchorHasPhrase);
	return { anchor: found, phraseKey, status: check.protected ? 'protected' : 'unprotected' };
}

/** Protects the phrase on II (a call signed by the phrase); safe to repeat. */
export async function protectPhrase(
	ii: PhraseAuthority,
	anchor: bigint,
	phraseKey: PhraseKey
): Promise<void> {
	await ii.protectPhrase(anchor, phraseKey.identity);
	const check = await ii.checkPhrase(anchor, phraseKey);
	if (!check.protected) {
		throw new FlowError(
			'protection-unconfirmed',
			'Internet Identity did not confirm the protection. Try again; if it persists, protect the phrase in Internet Identity itself.'
		);
	}
}
