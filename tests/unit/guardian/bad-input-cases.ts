// Shared pieces of the bad-input tests: worlds, argument patchers and the check itself.
import { expect } from 'vitest';
import { LIMITS, type DomainError, type Result } from '../../../canister/guardian/domain/index';
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
		return w.domain.createVault(w.owner, w.now, { ...args, ...patch(args, w) });
	};
}

/** create-vault with its invites replaced (re-signed, so only the invites are wrong). */
export function createWithInvites(
	invites: (w: World) => { label: string; inviteHash: Uint8Array }[]
) {
	return (w: World) => {
		const list = invites(w);
		const delayNs = LIMITS.defaultDelayNs;
		const payload = {
			purpose: 'create_vault' as const,
			anchor: w.anchor,
			owner: w.owner,
			delayNs,
			invites: list
		};
		const proof = w.sign(payload, { vaultId: 0n, nonce: 0n });
		return w.domain.createVault(w.owner, w.now, {
			anchor: w.anchor,
			phraseKey: w.phrase.publicKey,
			delayNs,
			invites: list,
			proof,
			anchorPhraseKeys: [w.phrase.publicKey]
		});
	};
}

export const label = (text: string) => (w: World) =>
	w.invites().map((invite, i) => (i === 0 ? { ...invite, label: text } : invite));

export function sealWith(patch: (args: ReturnType<World['sealArgs']>) => object, threshold = 2) {
	return (w: World) => {
		const args = w.sealArgs(threshold);
		return w.domain.seal(w.owner, w.now, { ...args, ...patch(args) });
	};
}

export function updateGuardians(slots: Parameters<World['domain']['updateGuardians']>[2]['slots']) {
	return (w: World) => {
		const op = w.sign({ purpose: 'set_guardians', slots });
		return w.domain.updateGuardians(w.owner, w.now, { vaultId: w.vaultId, slots, op });
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
