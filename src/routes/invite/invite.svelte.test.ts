// The /invite page with the session mocked (no canister in jsdom): the fragment is read, the
// invitation shown, sign-in happens in place, and the secret never reaches storage or the URL's
// query. The flows behind it are tested against the real domain in src/lib/services.
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CanisterError, describeError } from '$lib/canisters/errors';
import { inviteLink } from '$lib/services/invite-link';
import { seriousViolations } from '../../../tests/support/axe';

const calls = {
	invitation: vi.fn(),
	acceptInvite: vi.fn()
};
const session = $state({
	status: 'signed-out' as 'signed-out' | 'signed-in',
	ready: async () => undefined,
	guardian: async () => calls,
	signIn: vi.fn(async () => {
		session.status = 'signed-in';
	})
});
vi.mock('$lib/state/session.svelte', () => ({ session }));

const { default: InvitePage } = await import('./+page.svelte');

const secret = new Uint8Array(32).fill(9);
const info = {
	vaultId: 4n,
	anchor: 10042n,
	slot: 0,
	label: 'Alice',
	expiresAt: 1_800_000_000_000_000_000n
};

beforeEach(() => {
	calls.invitation.mockReset().mockResolvedValue(info);
	calls.acceptInvite.mockReset().mockResolvedValue(0);
	session.status = 'signed-out';
	session.signIn.mockClear();
	window.location.hash = new URL(inviteLink('http://x', { vaultId: 4n, secret })).hash;
});

describe('/invite', () => {
	it('shows the invitation, signs in in place, accepts, and drops the secret from the URL', async () => {
		const { container } = render(InvitePage);
		expect(
			await screen.findByRole('heading', { name: 'Guard Internet Identity 10042' })
		).toBeInTheDocument();
		expect(calls.invitation).toHaveBeenCalledWith({ vaultId: 4n, secret });
		expect(await seriousViolations(container)).toEqual([]);

		await userEvent.click(screen.getByRole('button', { name: 'Sign in to accept' }));
		await userEvent.click(screen.getByRole('button', { name: 'Sign in with Internet Identity' }));
		expect(session.signIn).toHaveBeenCalledOnce();
		expect(window.location.hash).not.toBe(''); // the fragment survived sign-in

		await userEvent.click(await screen.findByRole('button', { name: 'Accept invitation' }));
		expect(calls.acceptInvite).toHaveBeenCalledWith({ vaultId: 4n, secret });
		expect(await screen.findByText('You are now a guardian')).toBeInTheDocument();
		expect(window.location.hash).toBe('');
		const encoded = new URL(inviteLink('http://x', { vaultId: 4n, secret })).hash.split('=').at(-1);
		const stored = JSON.stringify({ ...sessionStorage }) + JSON.stringify({ ...localStorage });
		expect(encoded).toHaveLength(43);
		expect(stored).not.toContain(encoded);
	});

	it('a used link says so, with no accept button', async () => {
		calls.invitation.mockRejectedValue(
			new CanisterError('InviteUsed', describeError('InviteUsed'))
		);
		render(InvitePage);
		expect(await screen.findByRole('alert')).toHaveTextContent(/already used/u);
		expect(screen.queryByRole('button', { name: 'Accept invitation' })).not.toBeInTheDocument();
	});

	it('a used link leads to the vaults the guardian guards', async () => {
		calls.invitation.mockRejectedValue(
			new CanisterError('InviteUsed', describeError('InviteUsed'))
		);
		render(InvitePage);
		expect(await screen.findByRole('link', { name: 'Vaults I guard' })).toHaveAttribute(
			'href',
			'/guardian'
		);
	});

	it('a link without its secret is refused before any call', async () => {
		window.location.hash = '#vault=1';
		render(InvitePage);
		expect(await screen.findByRole('alert')).toHaveTextContent(/incomplete/u);
		expect(calls.invitation).not.toHaveBeenCalled();
	});

	it('signed out, where the canister shows nothing: sign-in on the page, then the invitation', async () => {
		calls.invitation.mockRejectedValueOnce(
			new CanisterError('AnonymousCaller', describeError('AnonymousCaller'))
		);
		const { container } = render(InvitePage);
		const signIn = await screen.findByRole('button', { name: 'Sign in with Internet Identity' });
		expect(screen.queryByRole('alert')).not.toBeInTheDocument(); // no dead end
		expect(await seriousViolations(container)).toEqual([]);
		await userEvent.click(signIn);
		expect(session.signIn).toHaveBeenCalledOnce();
		expect(
			await screen.findByRole('heading', { name: 'Guard Internet Identity 10042' })
		).toBeInTheDocument();
		expect(calls.invitation).toHaveBeenCalledTimes(2);
		expect(calls.invitation).toHaveBeenLastCalledWith({ vaultId: 4n, secret });
		await userEvent.click(screen.getByRole('button', { name: 'Accept invitation' }));
		expect(calls.acceptInvite).toHaveBeenCalledWith({ vaultId: 4n, secret });
		expect(await screen.findByText('You are now a guardian')).toBeInTheDocument();
	});

	it('the owner is told to send the link to a guardian instead', async () => {
		session.status = 'signed-in';
		calls.acceptInvite.mockRejectedValue(
			new CanisterError('OwnerCannotGuard', describeError('OwnerCannotGuard'))
		);
		render(InvitePage);
		await userEvent.click(await screen.findByRole('button', { name: 'Accept invitation' }));
		expect(await screen.findByRole('alert')).toHaveTextContent(/owner of this vault/u);
	});
});
