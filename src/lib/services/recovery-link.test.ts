import { ECDSAKeyIdentity, Ed25519KeyIdentity } from '@dfinity/identity';
import { Principal } from '@dfinity/principal';
import { describe, expect, it } from 'vitest';
import { verificationCode } from '$lib/crypto/verification-code';
import { base64url } from './invite-link';
import { parseRecoveryFragment, recoveryLink } from './recovery-link';

describe('recovery link', () => {
	it('round-trips anchor and key; P_R and the code come from the link alone', async () => {
		for (const identity of [
			await ECDSAKeyIdentity.generate(),
			Ed25519KeyIdentity.generate(new Uint8Array(32).fill(1))
		]) {
			const publicKey = new Uint8Array(identity.getPublicKey().toDer());
			const link = recoveryLink('https://tessera.example', { anchor: 10042n, publicKey });
			expect(link).toMatch(/^https:\/\/tessera\.example\/guardian\/open#a=10042&k=[\w-]+$/u);
			const parsed = parseRecoveryFragment(new URL(link).hash);
			expect(parsed.ok).toBe(true);
			if (!parsed.ok) return;
			expect(parsed.value.anchor).toBe(10042n);
			expect(parsed.value.publicKey).toEqual(publicKey);
			expect(parsed.value.requester.toText()).toBe(identity.getPrincipal().toText());
			expect(parsed.value.code).toEqual(verificationCode(10042n, identity.getPrincipal()));
		}
	});

	it('refuses missing and damaged parts with the field named', async () => {
		const key = base64url(
			new Uint8Array((await ECDSAKeyIdentity.generate()).getPublicKey().toDer())
		);
		expect(parseRecoveryFragment('')).toEqual({
			ok: false,
			error: { kind: 'missing', field: 'anchor' }
		});
		expect(parseRecoveryFragment('#a=1')).toEqual({
			ok: false,
			error: { kind: 'missing', field: 'key' }
		});
		for (const anchor of ['x', '-1', '18446744073709551616', '1'.repeat(21)]) {
			expect(parseRecoveryFragment(`#a=${anchor}&k=${key}`)).toEqual({
				ok: false,
				error: { kind: 'malformed', field: 'anchor' }
			});
		}
		for (const bad of [
			key.slice(0, -4),
			`${key}AAAA`,
			'not base64!',
			base64url(new Uint8Array(300))
		]) {
			expect(parseRecoveryFragment(`#a=1&k=${bad}`)).toEqual({
				ok: false,
				error: { kind: 'malformed', field: 'key' }
			});
		}
		expect(parseRecoveryFragment(`#a=18446744073709551615&k=${key}`).ok).toBe(true);
	});

	it('a different key in the link gives another requester', async () => {
		const a = await ECDSAKeyIdentity.generate();
		const b = await ECDSAKeyIdentity.generate();
		const link = (identity: ECDSAKeyIdentity) =>
			parseRecoveryFragment(
				new URL(
					recoveryLink('https://x', {
						anchor: 7n,
						publicKey: new Uint8Array(identity.getPublicKey().toDer())
					})
				).hash
			);
		const [first, second] = [link(a), link(b)];
		if (!first.ok || !second.ok) throw new Error('parse');
		expect(first.value.requester).not.toEqual(second.value.requester);
		expect(first.value.requester).toBeInstanceOf(Principal);
	});
});
