// The "Vaults I guard" state over the real domain (tests/support/guardian-test-world: the vault
// canister's domain in memory, no replica), rendered by the card a guardian sees.
import { Principal } from '@dfinity/principal';
import { render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import GuardedVaultCard from '$lib/components/guardian/GuardedVaultCard.svelte';
import { ECDSAKeyIdentity } from '@dfinity/identity';
import { parseRecoveryFragment, recoveryLink } from '$lib/services/recovery-link';
import {
	guardianCalls,
	sealedWorld,
	TEST_CANISTER_ID,
	trust
} from '../../../tests/support/guardian-test-world';
import { GuardianFlow } from './GuardianFlow.svelte';

describe('GuardianFlow', () => {
	it('says "You declined this request" once after declining', async () => {
		const world = await sealedWorld(new Uint8Array(32).fill(5));
		const requester = Principal.fromUint8Array(Uint8Array.of(9, 9, 9, 1));
		const sponsor = guardianCalls(world.w, world.w.guardian(0));
		await sponsor.openRecovery({ vaultId: world.w.vaultId, requester });
		const me = world.w.guardian(1);
		const flow = new GuardianFlow(guardianCalls(world.w, me), me, {
			trust: () => trust,
			canisterId: TEST_CANISTER_ID,
			connectAs: () => {
				throw new Error('not used by declining');
			}
		});
		await flow.refresh();
		const [before] = flow.vaults;
		if (!before) throw new Error('the guardian sees no vault');
		const [pending] = before.requests;
		if (!pending) throw new Error('the guardian sees no request');
		expect(pending.sponsored).toBe(false);
		await flow.decline(before, pending);

		const [after] = flow.vaults;
		if (!after) throw new Error('the vault went away');
		expect(after.requests[0]?.myVote).toBe('declined');
		const state = flow.stateOf(after.vault.vaultId);
		expect(state.error).toBeUndefined();
		render(GuardedVaultCard, {
			props: {
				view: after,
				notice: state.notice,
				onapprove: vi.fn(),
				ondecline: vi.fn(),
				onhistory: vi.fn()
			}
		});
		expect(screen.getAllByText(/You declined this request/u)).toHaveLength(1);
		expect(screen.getByText(/Your decline is recorded\./u)).toBeInTheDocument();
	});

	it('opens a request from the owner’s recovery link only once the typed code matched', async () => {
		const world = await sealedWorld(new Uint8Array(32).fill(6));
		const key = await ECDSAKeyIdentity.generate();
		const url = recoveryLink('https://tessera.example', {
			anchor: world.w.anchor,
			publicKey: new Uint8Array(key.getPublicKey().toDer())
		});
		const link = parseRecoveryFragment(new URL(url).hash);
		if (!link.ok) throw new Error('link');
		const me = world.w.guardian(2);
		const flow = new GuardianFlow(guardianCalls(world.w, me), me, {
			trust: () => trust,
			canisterId: TEST_CANISTER_ID,
			connectAs: () => {
				throw new Error('not used by opening');
			}
		});
		await flow.refresh();
		await flow.openFromLink(link.value, false);
		expect(flow.openError).toMatch(/Type the 4 words/u);
		expect(flow.vaults[0]?.requests).toEqual([]);

		await flow.openFromLink(link.value, true);
		expect(flow.openError).toBeUndefined();
		const [request] = flow.vaults[0]?.requests ?? [];
		expect(request?.sponsored).toBe(true);
		expect(request?.request.requester.toText()).toBe(key.getPrincipal().toText());
		expect(request?.code).toEqual(link.value.code);
		expect(flow.opened).toBe(request?.request.requestId);

		// one open request per sponsoring guardian
		await flow.openFromLink(link.value, true);
		expect(flow.openError).toMatch(/already opened a request/u);

		const other = parseRecoveryFragment(`#a=${world.w.anchor + 1n}&k=${url.split('&k=')[1]}`);
		if (!other.ok) throw new Error('link');
		await flow.openFromLink(other.value, true);
		expect(flow.openError).toMatch(/You do not guard identity/u);
	});
});
