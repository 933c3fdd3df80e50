// Invitation secrets: a random secret per guardian slot; only its sha256 goes to the canister.
// The secret travels in the link's fragment (invite-link.ts), which browsers never send.
import { sha256 } from '@noble/hashes/sha2';

export const INVITE_SECRET_BYTES = 32;

export function newInviteSecret(): Uint8Array {
	return crypto.getRandomValues(new Uint8Array(INVITE_SECRET_BYTES));
}

/** What the canister stores for an invitation: sha256(secret). */
export function inviteHash(secret: Uint8Array): Uint8Array {
	return sha256(secret);
}
