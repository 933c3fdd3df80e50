// The "Vaults I guard" state over the real domain (tests/support/guardian-test-world: the vault
// canister's domain in memory, no replica), rendered by the card a guardian sees.
import { Principal } from '@dfinity/principal';
import { render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import GuardedVaultCard from '$lib/components/guardian/GuardedVaultCard.svelte';
import {
	guardianCalls,
	requesterCalls,
	sealedWorld,
	TEST_CANISTER_ID,
	trust
} from '../../../tests/support/guardian-test-world';
import { GuardianFlow } from './GuardianFlow.svelte';

describe('GuardianFlow', () => {
	it('says "You declined this request" once after declining', async () => {
		const world = await sealedWorld(new Uint8Array(32).fill(5));
		const requester = Principal.fromUint8Array(Uint8Array.of(9, 9, 9, 1));
		await requesterCalls(world, requester).openRecovery(world.w.anchor);
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
		await flow.decline(before);

		const [after] = flow.vaults;
		if (!after) throw new Error('the vault went away');
		expect(after.pending?.myVote).toBe('declined');
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
});
