// The invitation link: `/invite#vault=<id>&secret=<base64url>`. The secret lives only in the
// fragment, which browsers never send to a server; the canister stores only its hash.
import { err, ok, type Result } from '$lib/crypto/result';

export interface InviteLink {
	readonly vaultId: bigint;
	readonly secret: Uint8Array;
}

export type InviteLinkError =
	{ kind: 'missing'; field: 'vault' | 'secret' } | { kind: 'malformed'; field: 'vault' | 'secret' };

/** The canister accepts secrets of 16..64 bytes. */
const SECRET_BYTES = { min: 16, max: 64 } as const;
const U64_MAX = (1n << 64n) - 1n;

/** Builds the link an owner shares (one source for both sides of the link format). */
export function inviteLink(origin: string, { vaultId, secret }: InviteLink): string {
	return `${origin}/invite#vault=${vaultId}&secret=${base64url(secret)}`;
}

/** Parses `location.hash` (with or without the leading '#'). */
export function parseInviteFragment(fragment: string): Result<InviteLink, InviteLinkError> {
	const params = new URLSearchParams(fragment.replace(/^#/u, ''));
	const vault = params.get('vault');
	const secretText = params.get('secret');
	if (!vault) return err({ kind: 'missing', field: 'vault' });
	if (!secretText) return err({ kind: 'missing', field: 'secret' });
	if (!/^\d{1,20}$/u.test(vault) || BigInt(vault) > U64_MAX) {
		return err({ kind: 'malformed', field: 'vault' });
	}
	const secret = fromBase64url(secretText);
	if (!secret || secret.length < SECRET_BYTES.min || secret.length > SECRET_BYTES.max) {
		return err({ kind: 'malformed', field: 'secret' });
	}
	return ok({ vaultId: BigInt(vault), secret });
}

export function describeInviteLinkError(error: InviteLinkError): string {
	return error.kind === 'missing'
		? 'This invitation link is incomplete. Ask the owner to send you the whole link again.'
		: 'This invitation link is damaged. Ask the owner to send it again, or copy it in one piece.';
}

function base64url(bytes: Uint8Array): string {
	let binary = '';
	for (const byte of bytes) binary += String.fromCharCode(byte);
	return btoa(binary).replace(/\+/gu, '-').replace(/\//gu, '_').replace(/=+$/u, '');
}

function fromBase64url(text: string): Uint8Array | undefined {
	if (!/^[A-Za-z0-9_-]*$/u.test(text) || text.length % 4 === 1) return undefined;
	const binary = atob(text.replace(/-/gu, '+').replace(/_/gu, '/'));
	return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}
