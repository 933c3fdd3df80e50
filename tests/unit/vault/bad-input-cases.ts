// Shared pieces of the bad-input tests: worlds, argument patchers and the check itself.
import { expect } from 'vitest';
import { type DomainError, type Result } from '../../../canister/vault/domain/index';
import { err, World } from './world';

export const U64_MAX = (1n << 64n) - 1n;

export interface Case {
	name: string;
	world: () => World;
	call: (w: World) => Result<unknown>;
	kind: DomainError['kind'];
}

export const fresh = () => new World(3);
export const created = () => new World(3).create();
export const accepted = () => new World(3).create().acceptAll();
export const sealed = () => World.sealed(3, 2);
export const open = () => World.sealed(3, 2).open();

export function createWith(patch: (args: ReturnType<World['createArgs']>, w: World) => object) {
	return (w: World) => {
		const args = w.createArgs();
		return w.domain.createVault(w.phraseIdentity, w.now, { ...args, ...patch(args, w) });
	};
}

/** create-vault with its invites replaced, so only the invites are wrong. */
export function createWithInvites(
	invites: (w: World) => { label: string; inviteHash: Uint8Array }[]
) {
	return createWith((_, w) => ({ invites: invites(w) }));
}

export const label = (text: string) => (w: World) =>
	w.invites().map((invite, i) => (i === 0 ? { ...invite, label: text } : invite));

export function sealWith(patch: (args: ReturnType<World['sealArgs']>) => object, threshold = 2) {
	return (w: World) => {
		const args = w.sealArgs(threshold);
		return w.domain.seal(w.phraseIdentity, w.now, { ...args, ...patch(args) });
	};
}

export function updateGuardians(slots: Parameters<World['domain']['updateGuardians']>[2]['slots']) {
	return (w: World) => {
		const args = { vaultId: w.vaultId, nonce: w.vaultNonce(), slots };
		return w.domain.updateGuardians(w.phraseIdentity, w.now, args);
	};
}

export function approveWith(ciphertext: Uint8Array, requestId?: bigint) {
	return (w: World) =>
		w.domain.approveRecovery(w.guardian(0), w.now, {
			requestId: requestId ?? w.requestId,
			ciphertext
		});
}

/** The call fails with the expected typed error and every stored byte stays as it was. */
export function expectRefused(c: Case): void {
	const w = c.world();
	const before = w.digest();
	err(c.call(w), c.kind);
	expect(w.digest()).toBe(before);
}
