// II's sign-in methods on Candid values: the caller must be a device of the anchor (II's
// check_authorization, also for the two queries), then delegations.ts does the work. Errors
// trap with II's message, as II's do. The salt is made once with raw_rand by the canister
// (src/index.ts) and stored; every identity depends on it.
import type { Principal } from '@dfinity/principal';
import type { Outcome } from './candid_api';
import { Delegations } from './delegation';
import { iiErrorMessage } from './errors';
import type { InternetIdentity } from './service';
import type { GetDelegationResponseValue } from './sign-in-idl';

export class SignInApi {
	readonly delegations: Delegations;

	constructor(
		private readonly ii: InternetIdentity,
		canisterId: Principal
	) {
		this.delegations = new Delegations(canisterId);
	}

	/** II's prepare_delegation; afterwards the canister sets certified data to rootHash(). */
	prepare_delegation(
		caller: Principal,
		now: bigint,
		salt: Uint8Array,
		anchor: bigint,
		origin: string,
		sessionKey: Uint8Array,
		maxTimeToLive: [] | [bigint]
	): Outcome<[Uint8Array, bigint]> {
		const auth = this.ii.authenticate(caller, anchor, now);
		if (!auth.ok) return { kind: 'trap', message: iiErrorMessage(auth.error) };
		const prepared = this.delegations.prepare(
			salt,
			anchor,
			origin,
			sessionKey,
			maxTimeToLive[0],
			now
		);
		return { kind: 'reply', value: [prepared.userKey, prepared.expiration] };
	}

	get_delegation(
		caller: Principal,
		now: bigint,
		salt: Uint8Array,
		certificate: Uint8Array,
		anchor: bigint,
		origin: string,
		sessionKey: Uint8Array,
		expiration: bigint
	): Outcome<GetDelegationResponseValue> {
		const auth = this.ii.authenticate(caller, anchor, now);
		if (!auth.ok) return { kind: 'trap', message: iiErrorMessage(auth.error) };
		const signed = this.delegations.get(salt, anchor, origin, sessionKey, expiration, certificate);
		if (!signed) return { kind: 'reply', value: { no_such_delegation: null } };
		const { pubkey, expiration: exp } = signed.delegation;
		return {
			kind: 'reply',
			value: {
				signed_delegation: {
					delegation: { pubkey, expiration: exp, targets: [], permissions: [] },
					signature: signed.signature
				}
			}
		};
	}

	get_principal(
		caller: Principal,
		now: bigint,
		salt: Uint8Array,
		anchor: bigint,
		origin: string
	): Outcome<Principal> {
		const auth = this.ii.authenticate(caller, anchor, now);
		if (!auth.ok) return { kind: 'trap', message: iiErrorMessage(auth.error) };
		return { kind: 'reply', value: this.delegations.principal(salt, anchor, origin) };
	}

	rootHash(): Uint8Array {
		return this.delegations.rootHash();
	}
}
