// The recovery link the requester's browser makes and the owner sends to one guardian:
// `/guardian/open#a=<anchor>&k=<base64url DER public key of P_R>`. Nothing in it is secret (the
// key is public); it lives in the fragment so it never reaches a server log. The guardian's app
// computes the verification code from it and checks it against the words the owner reads out.
import { Principal } from '@dfinity/principal';
import { U64_MAX } from '@tessera/contract';
import { err, ok, type Result } from '../crypto/result';
import { verificationCode, type VerificationCode } from '../crypto/verification-code';
import { base64url, fromBase64url } from './invite-link';

export const RECOVERY_LINK_PATH = '/guardian/open';

export interface RecoveryLink {
	readonly anchor: bigint;
	/** DER SubjectPublicKeyInfo of the requester's key: its self-authenticating principal is P_R. */
	readonly publicKey: Uint8Array;
}

export interface OpenedLink extends RecoveryLink {
	readonly requester: Principal;
	readonly code: VerificationCode;
}

export type RecoveryLinkError =
	{ kind: 'missing'; field: 'anchor' | 'key' } | { kind: 'malformed'; field: 'anchor' | 'key' };

/** DER public keys the IC accepts are well under this (ECDSA P-256: 91 bytes, Ed25519: 44). */
const MAX_DER_BYTES = 128;
const MIN_DER_BYTES = 32;

export function recoveryLink(origin: string, { anchor, publicKey }: RecoveryLink): string {
	return `${origin}${RECOVERY_LINK_PATH}#a=${anchor}&k=${base64url(publicKey)}`;
}

/** Parses `location.hash` (with or without the '#'), and derives P_R and the code from it. */
export function parseRecoveryFragment(fragment: string): Result<OpenedLink, RecoveryLinkError> {
	const params = new URLSearchParams(fragment.replace(/^#/u, ''));
	const anchorText = params.get('a');
	const keyText = params.get('k');
	if (!anchorText) return err({ kind: 'missing', field: 'anchor' });
	if (!keyText) return err({ kind: 'missing', field: 'key' });
	if (!/^\d{1,20}$/u.test(anchorText) || BigInt(anchorText) > U64_MAX) {
		return err({ kind: 'malformed', field: 'anchor' });
	}
	const publicKey = fromBase64url(keyText);
	// A DER SubjectPublicKeyInfo is one SEQUENCE (0x30) of its stated length.
	if (
		!publicKey ||
		publicKey.length < MIN_DER_BYTES ||
		publicKey.length > MAX_DER_BYTES ||
		publicKey[0] !== 0x30 ||
		publicKey[1] !== publicKey.length - 2
	) {
		return err({ kind: 'malformed', field: 'key' });
	}
	const anchor = BigInt(anchorText);
	const requester = Principal.selfAuthenticating(publicKey);
	return ok({ anchor, publicKey, requester, code: verificationCode(anchor, requester) });
}

export function describeRecoveryLinkError(error: RecoveryLinkError): string {
	return error.kind === 'missing'
		? 'This recovery link is incomplete. Ask the owner to send the whole link again.'
		: 'This recovery link is damaged. Ask the owner to send it again, or copy it in one piece.';
}
