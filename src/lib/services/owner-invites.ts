// Invitation secrets: a random secret per guardian slot; only its hash (protocol.ts inviteHash)
// goes to the canister. The secret travels in the link's fragment (invite-link.ts).
export { inviteHash } from '@tessera/contract';

export const INVITE_SECRET_BYTES = 32;

export function newInviteSecret(): Uint8Array {
	return crypto.getRandomValues(new Uint8Array(INVITE_SECRET_BYTES));
}
