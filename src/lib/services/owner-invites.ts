// Invitation links: a random secret per guardian slot, only its sha256 goes to the canister; the
// secret travels in the link's fragment (`/invite#vault=<id>&secret=<base64url>`), which the
// browser never sends to a server.
import { sha256 } from '@noble/hashes/sha2';

export const INVITE_SECRET_BYTES = 32;
export const INVITE_PATH = '/invite';

export function newInviteSecret(): Uint8Array {
	return crypto.getRandomValues(new Uint8Array(INVITE_SECRET_BYTES));
}

/** What the canister stores for an invitation: sha256(secret). */
export function inviteHash(secret: Uint8Array): Uint8Array {
	return sha256(secret);
}

export function toBase64url(bytes: Uint8Array): string {
	let binary = '';
	for (const byte of bytes) binary += String.fromCharCode(byte);
	return btoa(binary).replace(/\+/gu, '-').replace(/\//gu, '_').replace(/=+$/u, '');
}

export function fromBase64url(text: string): Uint8Array | undefined {
	if (!/^[A-Za-z0-9_-]*$/u.test(text) || text.length % 4 === 1) return undefined;
	const binary = atob(text.replace(/-/gu, '+').replace(/_/gu, '/'));
	return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

/** The link a guardian opens; `origin` is the app's (e.g. https://tessera.example). */
export function inviteLink(origin: string, vaultId: bigint, secret: Uint8Array): string {
	return `${origin}${INVITE_PATH}#vault=${vaultId}&secret=${toBase64url(secret)}`;
}

/** Reads `#vault=<id>&secret=<base64url>`; undefined when anything is missing or malformed. */
export function parseInviteFragment(
	fragment: string
): { vaultId: bigint; secret: Uint8Array } | undefined {
	const params = new URLSearchParams(fragment.replace(/^#/u, ''));
	const vault = params.get('vault') ?? '';
	const secret = fromBase64url(params.get('secret') ?? '');
	if (!/^\d{1,20}$/u.test(vault) || !secret || secret.length < 16 || secret.length > 64) {
		return undefined;
	}
	const vaultId = BigInt(vault);
	return vaultId < 2n ** 64n ? { vaultId, secret } : undefined;
}
