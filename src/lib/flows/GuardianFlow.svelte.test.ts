// The "Vaults I guard" state over the real domain (tests/support/guardian-test-world: the vault
// canister's domain in memory, no replica), rendered by the card a guardian sees.
import { Principal } from '@dfinity/principal';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import GuardedVaultCard from '$lib/components/guardian/GuardedVaultCard.svelte';
import { ECDSAKeyIdentity } from '@dfinity/identity';
import { parseRecoveryFragment, recoveryLink, type OpenedLink } from '$lib/services/recovery-link';
import {
	guardianCalls,
	sealedWorld,
	TEST_CANISTER_ID,
	trust
} from '../../../tests/support/guardian-test-world';
import { GuardianFlow } from './GuardianFlow.svelte';

/** A recovery link for a fresh requester key of `anchor`, as the guardian's page parses it. */
async function linkFor(anchor: bigint): Promise<OpenedLink> {
	const key = await ECDSAKeyIdentity.generate();
	const url = recoveryLink('https://tessera.example', {
		anchor,
		publicKey: new Uint8Array(key.getPublicKey().toDer())
	});
	const link = parseRecoveryFragment(new URL(url).hash);
	if (!link.ok) throw new Error('link');
	return link.value;
}

function flowOf(world: Awaited<ReturnType<typeof sealedWorld>>, me: Principal): GuardianFlow {
	return new GuardianFlow(guardianCalls(world.w, me), me, {
		trust: () => trust,
		canisterId: TEST_CANISTER_ID,
		connectAs: () => {
			throw new Error('no check-in here');
		}
	});
}

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

	it('watches the sealed phrase on II: fine while it is the identity’s, "replaced" after II 2.0’s reset', async () => {
		const world = await sealedWorld(new Uint8Array(32).fill(7));
		const me = world.w.guardian(0);
		// II's public reads, faked here (no II in this test; the agent test runs the real one):
		// the identity's recovery phrase is `onIi`, protected.
		let onIi = world.w.phraseIdentity;
		const watchPhrase = vi.fn(async (_anchor: bigint, phrase: Principal) => ({
			onAnchor: phrase.toText() === onIi.toText(),
			protected: phrase.toText() === onIi.toText(),
			anchorHasPhrase: true
		}));
		const flow = new GuardianFlow(guardianCalls(world.w, me), me, {
			trust: () => trust,
			canisterId: TEST_CANISTER_ID,
			connectAs: () => {
				throw new Error('not used by watching');
			},
			ii: async () => ({ watchPhrase })
		});
		await flow.refresh();
		expect(watchPhrase).toHaveBeenCalledWith(world.w.anchor, world.w.phraseIdentity);
		expect(flow.stateOf(world.w.vaultId).watch).toBe('protected');

		onIi = Principal.fromUint8Array(Uint8Array.of(7, 7, 7));
		await flow.refresh();
		const state = flow.stateOf(world.w.vaultId);
		expect(state.watch).toBe('replaced');
		const [view] = flow.vaults;
		if (!view) throw new Error('the guardian sees no vault');
		render(GuardedVaultCard, {
			props: {
				view,
				watch: state.watch,
				onapprove: vi.fn(),
				ondecline: vi.fn(),
				onhistory: vi.fn()
			}
		});
		expect(screen.getByTestId('phrase-watch')).toHaveAttribute('data-state', 'replaced');
		expect(screen.getByTestId('phrase-watch')).toHaveTextContent(
			'The sealed recovery phrase is no longer on this Internet Identity'
		);
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

	it('a sponsor withdraws the request of a wrong link and opens the right one at once', async () => {
		const world = await sealedWorld(new Uint8Array(32).fill(8));
		const { w } = world;
		const wrong = await linkFor(w.anchor);
		const right = await linkFor(w.anchor);
		const me = w.guardian(0);
		const flow = flowOf(world, me);
		await flow.refresh();
		await flow.openFromLink(wrong, true);
		const withdrawn = flow.opened;
		if (withdrawn === undefined) throw new Error('not opened');
		w.approve(1, withdrawn);
		await flow.refresh();

		// while it is open, the right link is refused, and the message names the way out
		await flow.openFromLink(right, true);
		expect(flow.openError).toMatch(/press “Withdraw my request” on the old one/u);

		const [view] = flow.vaults;
		const [pending] = view?.requests ?? [];
		if (!view || !pending) throw new Error('the sponsor sees no request');
		expect(pending.sponsored).toBe(true);
		expect(pending.request.approvals).toBe(1);

		// the button on the card the sponsor sees, through its confirmation
		const onwithdraw = vi.fn((p: typeof pending) => flow.withdraw(view, p));
		render(GuardedVaultCard, {
			props: { view, onwithdraw, onapprove: vi.fn(), ondecline: vi.fn(), onhistory: vi.fn() }
		});
		await userEvent.click(screen.getByRole('button', { name: 'Withdraw my request' }));
		const dialog = screen.getByRole('dialog', { name: 'Withdraw your request?' });
		await userEvent.click(within(dialog).getByRole('button', { name: 'Yes, withdraw' }));
		expect(onwithdraw).toHaveBeenCalledOnce();
		await onwithdraw.mock.results[0]?.value;

		const state = flow.stateOf(w.vaultId);
		expect(state.error).toBeUndefined();
		expect(state.notice).toMatch(/You withdrew your request/u);
		expect(flow.vaults[0]?.requests).toEqual([]); // the list was read again
		// closed for good: the wrong link's browser cannot release through it, its approval is gone
		const closed = w.domain.recoveryRequest(w.owner, w.now, { requestId: withdrawn });
		expect(closed.ok && closed.value.status).toBe('cancelled');
		const release = w.domain.releaseRecovery(wrong.requester, w.now, { requestId: withdrawn });
		expect(!release.ok && release.error.kind).toBe('RequestClosed');

		// at once (no time passes), the same guardian opens the right link's request
		await flow.openFromLink(right, true);
		expect(flow.openError).toBeUndefined();
		const [fresh] = flow.vaults[0]?.requests ?? [];
		expect(fresh?.request.requester.toText()).toBe(right.requester.toText());
		expect(fresh?.request.approvals).toBe(0);
		expect(fresh?.sponsored).toBe(true);
	});

	it('another guardian gets no withdraw button, and cannot withdraw the sponsor’s request', async () => {
		const world = await sealedWorld(new Uint8Array(32).fill(9));
		const { w } = world;
		const requestId = w.openAs(0, (await linkFor(w.anchor)).requester);
		const flow = flowOf(world, w.guardian(1));
		await flow.refresh();
		const [view] = flow.vaults;
		const [pending] = view?.requests ?? [];
		if (!view || !pending) throw new Error('the guardian sees no request');
		expect(pending.sponsored).toBe(false);
		render(GuardedVaultCard, {
			props: {
				view,
				onwithdraw: vi.fn(),
				onapprove: vi.fn(),
				ondecline: vi.fn(),
				onhistory: vi.fn()
			}
		});
		expect(screen.queryByRole('button', { name: 'Withdraw my request' })).not.toBeInTheDocument();

		// the flow refuses before any call, and the canister would refuse too
		await flow.withdraw(view, pending);
		expect(flow.stateOf(w.vaultId).error).toMatch(/Only the guardian who opened this request/u);
		await expect(guardianCalls(w, w.guardian(1)).cancelRecovery(requestId)).rejects.toMatchObject({
			kind: 'Unauthorized'
		});
		const still = w.domain.recoveryRequest(w.owner, w.now, { requestId });
		expect(still.ok && still.value.status).toBe('open');
	});
});
