// Key-authorized calls. Operations that need the recovery phrase are sent by the phrase identity
// itself (II's Ed25519 phrase key): the IC verifies the request signature natively (domain
// "\x0Aic-request", bound to canister id, method and arguments, ingress expiry <= 5 min), so the
// canister checks only who calls (the vault's phrase principal) and the vault's operation counter
// (a call can be accepted once, even within its ingress window). Check-ins work alike with a
// share's check identity (the app's crypto/check-key.ts).
import type { Principal } from '@dfinity/principal';
import { fail } from './errors';
import { samePrincipal } from './principals';
import type { VaultRecord } from './records';

/** The counter a key-authorized call must carry; a stale one (replay, race) changes nothing. */
export function requireNonce(given: bigint, expected: bigint): void {
	if (given !== expected) fail({ kind: 'StaleNonce', expected });
}

/** Caller is the vault's phrase identity and `nonce` is the vault's operation counter. */
export function requirePhraseIdentity(caller: Principal, vault: VaultRecord, nonce: bigint): void {
	if (!samePrincipal(caller, vault.phrasePrincipal)) {
		fail({ kind: 'Unauthorized', reason: "only the vault's phrase identity" });
	}
	requireNonce(nonce, vault.nonce);
}
