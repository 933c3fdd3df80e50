// The Internet Identity client the app uses: created from the app's agent and II's canister id
// (network.ts picks it). Public reads go through the app's agent; everything that changes an
// anchor is signed by the key given for it (the phrase identity on recovery).
import type { HttpAgent, SignIdentity } from '@dfinity/agent';
import type { Principal } from '@dfinity/principal';
import {
	agentSigningWith,
	createIiActor,
	type IiActor
} from '../canisters/internet-identity.canister';
import { checkAnchorNumber } from './anchor-number';
import { describeDevice, sameKey, toBytes, type DeviceInfo } from './devices';
import { IiDeviceManager } from './device-manager';
import { toIiError } from './errors';

export interface PhraseCheck {
	/** This phrase is the anchor's recovery phrase. */
	readonly onAnchor: boolean;
	/** ...and it is protected (locked): only the phrase can change or remove it. */
	readonly protected: boolean;
	/** The anchor has a recovery phrase at all (when `onAnchor` is false: a different one). */
	readonly anchorHasPhrase: boolean;
	/** The phrase's device as II's public `lookup` shows it (alias hidden). */
	readonly device?: DeviceInfo;
}

export interface IiClientOptions {
	/** The app's agent (host, root key); its identity is used for public reads only. */
	readonly agent: HttpAgent;
	readonly canisterId: Principal | string;
}

export class IiClient {
	private readonly actor: IiActor;

	constructor(private readonly options: IiClientOptions) {
		this.actor = createIiActor(options.agent, options.canisterId);
	}

	/**
	 * Is this phrase (its DER public key) the anchor's recovery phrase, and is it protected? Uses
	 * II's public queries (`get_anchor_credentials`, `lookup`), so nothing is signed or recorded.
	 * An unknown anchor has no phrase: `{ onAnchor: false, anchorHasPhrase: false }`.
	 */
	async checkPhrase(
		anchor: bigint,
		phraseKey: { readonly publicKeyDer: Uint8Array }
	): Promise<PhraseCheck> {
		checkAnchorNumber(anchor);
		const [credentials, devices] = await Promise.all([
			this.actor.get_anchor_credentials(anchor),
			this.actor.lookup(anchor)
		]).catch((error: unknown) => {
			throw toIiError(error);
		});
		const key = phraseKey.publicKeyDer;
		const onAnchor = credentials.recovery_phrases.some((p) => sameKey(toBytes(p), key));
		const wire = devices.find((d) => sameKey(toBytes(d.pubkey), key));
		const device = wire && describeDevice({ ...wire, last_usage: [] }, key);
		return {
			onAnchor,
			protected: onAnchor && device?.protected === true,
			anchorHasPhrase: credentials.recovery_phrases.length > 0,
			device: onAnchor ? device : undefined
		};
	}

	/** Locks the recovery phrase with a call signed by the phrase itself; idempotent. */
	protectPhrase(anchor: bigint, phraseIdentity: SignIdentity): Promise<{ changed: boolean }> {
		return this.signedBy(phraseIdentity).ensureProtected(anchor);
	}

	/**
	 * The identity whose recovery phrase `phraseIdentity` is (II 2.0 shows users no anchor
	 * number): `lookup_caller_identity_by_recovery_phrase`, an update call signed by the phrase.
	 */
	async findIdentityByPhrase(phraseIdentity: SignIdentity): Promise<bigint | undefined> {
		const agent = agentSigningWith(this.options.agent, phraseIdentity);
		const actor = createIiActor(agent, this.options.canisterId);
		const found = await actor
			.lookup_caller_identity_by_recovery_phrase()
			.catch((error: unknown) => {
				throw toIiError(error);
			});
		return found[0];
	}

	/** Device management signed by `identity` (on recovery: the phrase identity). */
	signedBy(identity: SignIdentity): IiDeviceManager {
		const agent = agentSigningWith(this.options.agent, identity);
		const signerKey = new Uint8Array(identity.getPublicKey().toDer());
		return new IiDeviceManager(createIiActor(agent, this.options.canisterId), signerKey);
	}
}

export function createIiClient(options: IiClientOptions): IiClient {
	return new IiClient(options);
}
