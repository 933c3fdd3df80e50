// Linked OpenID accounts (II 2.0: openid_credential_add / openid_credential_remove,
// dfinity/internet-identity src/internet_identity/src/openid.rs). No Google, Apple or Microsoft
// exists offline, so the only issuer this stand-in accepts is a devnet-only test issuer whose
// tokens are unsigned (`alg: none`) JSON: a local-only stand-in for a JWT verified against the
// issuer's keys. Never accepted by the real II.
import type { Anchor } from './anchor';
import { err, ok, type Result } from './errors';
import type { OpenIdCredential } from './identity-state';
import { keyInUse, sameOpenIdKey } from './routes';

/** The devnet-only issuer (`.invalid` is a reserved top-level domain: no such issuer exists). */
export const TEST_ISSUER = 'https://test-issuer.devnet.tessera.invalid';

export interface TestIssuerClaims {
	readonly sub: string;
	readonly aud: string;
	readonly email?: string;
	readonly name?: string;
	/** Expiry, seconds since the epoch (as a JWT's `exp`). */
	readonly exp: number;
	/** DER public key (hex) of the key that will sign in with this credential. */
	readonly sign_in_key: string;
}

export type OpenIdAddError = 'JwtVerificationFailed' | 'JwtExpired' | 'AlreadyRegistered';

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function base64UrlEncode(bytes: Uint8Array): string {
	let bits = 0;
	let value = 0;
	let out = '';
	for (const byte of bytes) {
		value = (value << 8) | byte;
		bits += 8;
		while (bits >= 6) {
			out += BASE64URL[(value >> (bits - 6)) & 63];
			bits -= 6;
		}
	}
	if (bits > 0) out += BASE64URL[(value << (6 - bits)) & 63];
	return out;
}

function base64UrlDecode(text: string): Uint8Array | undefined {
	const out: number[] = [];
	let bits = 0;
	let value = 0;
	for (const char of text) {
		const digit = BASE64URL.indexOf(char);
		if (digit < 0) return undefined;
		value = ((value << 6) | digit) & 0xffffff;
		bits += 6;
		if (bits >= 8) {
			out.push((value >> (bits - 8)) & 255);
			bits -= 8;
		}
	}
	return Uint8Array.from(out);
}

const json = (value: unknown): string =>
	base64UrlEncode(new TextEncoder().encode(JSON.stringify(value)));

/** A token of the devnet test issuer (for tests and local development). */
export function testIssuerJwt(claims: TestIssuerClaims): string {
	return `${json({ alg: 'none', typ: 'JWT' })}.${json({ iss: TEST_ISSUER, ...claims })}.`;
}

function hexToBytes(hex: string): Uint8Array | undefined {
	if (!/^([0-9a-f]{2})+$/i.test(hex)) return undefined;
	return Uint8Array.from(hex.match(/../g) ?? [], (pair) => parseInt(pair, 16));
}

function parseJson(segment: string): Record<string, unknown> | undefined {
	const bytes = base64UrlDecode(segment);
	if (!bytes) return undefined;
	try {
		const value: unknown = JSON.parse(new TextDecoder().decode(bytes));
		return typeof value === 'object' && value !== null
			? (value as Record<string, unknown>)
			: undefined;
	} catch {
		return undefined;
	}
}

const text = (value: unknown): string | undefined =>
	typeof value === 'string' ? value : undefined;

/** Reads a test-issuer token; anything else fails verification, as an unknown issuer does in II. */
export function verifyTestIssuerJwt(
	jwt: string,
	nowNs: bigint
): Result<OpenIdCredential, OpenIdAddError> {
	const [headerPart, payloadPart, signature, ...rest] = jwt.split('.');
	if (
		headerPart === undefined ||
		payloadPart === undefined ||
		signature !== '' ||
		rest.length > 0
	) {
		return err('JwtVerificationFailed');
	}
	const header = parseJson(headerPart);
	const payload = parseJson(payloadPart);
	if (header?.alg !== 'none' || !payload || payload.iss !== TEST_ISSUER)
		return err('JwtVerificationFailed');
	const sub = text(payload.sub);
	const aud = text(payload.aud);
	const signInKey = hexToBytes(text(payload.sign_in_key) ?? '');
	const exp = payload.exp;
	if (!sub || !aud || !signInKey || typeof exp !== 'number' || signInKey.length > 300) {
		return err('JwtVerificationFailed');
	}
	if (BigInt(Math.floor(exp)) * 1_000_000_000n <= nowNs) return err('JwtExpired');
	return ok({
		iss: TEST_ISSUER,
		sub,
		aud,
		email: text(payload.email),
		name: text(payload.name),
		signInKey
	});
}

/** Links a credential (II: one (iss, sub, aud) at most once; its sign-in key must be new). */
export function addOpenIdCredential(
	anchor: Anchor,
	credential: OpenIdCredential
): Result<Anchor, OpenIdAddError> {
	const existing = anchor.openidCredentials ?? [];
	if (
		existing.some((c) => sameOpenIdKey(c, credential)) ||
		keyInUse(anchor, credential.signInKey)
	) {
		return err('AlreadyRegistered');
	}
	return ok({ ...anchor, openidCredentials: [...existing, credential] });
}

export function removeOpenIdCredential(
	anchor: Anchor,
	key: Pick<OpenIdCredential, 'iss' | 'sub' | 'aud'>
): Result<Anchor, 'OpenIdCredentialNotFound'> {
	const existing = anchor.openidCredentials ?? [];
	if (!existing.some((c) => sameOpenIdKey(c, key))) return err('OpenIdCredentialNotFound');
	return ok({ ...anchor, openidCredentials: existing.filter((c) => !sameOpenIdKey(c, key)) });
}
