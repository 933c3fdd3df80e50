import { Principal } from '@dfinity/principal';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { verificationCode } from '$lib/crypto/verification-code';
import type { GuardedVaultView, PendingRequest } from '$lib/services/guardian';
import type { RequestView } from '$lib/services/guardian-calls';
import { seriousViolations } from '../../../../tests/support/axe';
import AuditLog from './AuditLog.svelte';
import GuardedVaultCard from './GuardedVaultCard.svelte';
import InvitationCard from './InvitationCard.svelte';

const requester = Principal.fromText('2vxsx-fae');
const request: RequestView = {
	requestId: 7n,
	vaultId: 3n,
	anchor: 10042n,
	requester,
	status: 'open',
	openedAt: 0n,
	releasableAt: 0n,
	expiresAt: 0n,
	remainingNs: 0n,
	threshold: 2,
	guardianCount: 3,
	approvals: 1,
	declines: 0,
	alarmRaisedAt: undefined,
	sponsor: Principal.fromText('aaaaa-aa'),
	approvedSlots: [1],
	releasedAt: undefined,
	derivations: 0
};

function view(pending?: Partial<PendingRequest> | null): GuardedVaultView {
	const base = {
		vaultId: 3n,
		anchor: 10042n,
		ownerName: undefined,
		label: 'Alice',
		delayNs: 72n * 3_600_000_000_000n,
		threshold: 2,
		sealed: true,
		share: { shareIndex: 0, ciphertext: new Uint8Array(8), checkInNonce: 0n },
		requests: []
	};
	return {
		vault: base,
		sealed: true,
		requests:
			pending === null || pending === undefined
				? []
				: [
						{
							request: { ...request, myVote: undefined, sponsored: false },
							code: verificationCode(10042n, requester),
							myVote: undefined,
							alarmRaised: false,
							sponsored: false,
							...pending
						}
					]
	};
}

const handlers = () => ({ onapprove: vi.fn(), ondecline: vi.fn(), onhistory: vi.fn() });

describe('InvitationCard', () => {
	const info = {
		vaultId: 3n,
		anchor: 10042n,
		slot: 1,
		label: 'Alice',
		expiresAt: 1_800_000_000_000_000_000n
	};

	it('says what the invitation is and asks a signed-out visitor to sign in first', async () => {
		const onsignin = vi.fn();
		const { container } = render(InvitationCard, {
			props: { info, signedIn: false, onaccept: vi.fn(), onsignin }
		});
		expect(
			screen.getByRole('heading', { name: 'Guard Internet Identity 10042' })
		).toBeInTheDocument();
		expect(container).toHaveTextContent('Alice');
		expect(container).toHaveTextContent(new Date(1_800_000_000_000).toLocaleString());
		expect(screen.queryByRole('button', { name: 'Accept invitation' })).not.toBeInTheDocument();
		await userEvent.click(screen.getByRole('button', { name: 'Sign in to accept' }));
		expect(onsignin).toHaveBeenCalledOnce();
		expect(await seriousViolations(container)).toEqual([]);
	});

	it('accepts when signed in, shows refusals, then the success', async () => {
		const onaccept = vi.fn();
		const { rerender, container } = render(InvitationCard, {
			props: { info, signedIn: true, onaccept, onsignin: vi.fn() }
		});
		await userEvent.click(screen.getByRole('button', { name: 'Accept invitation' }));
		expect(onaccept).toHaveBeenCalledOnce();
		await rerender({ error: 'This invitation has expired. Ask the owner to send you a new one.' });
		expect(screen.getByRole('alert')).toHaveTextContent('expired');
		await rerender({ error: undefined, accepted: true });
		expect(screen.getByRole('status')).toHaveTextContent('You are now a guardian');
		expect(screen.queryByRole('button', { name: 'Accept invitation' })).not.toBeInTheDocument();
		expect(await seriousViolations(container)).toEqual([]);
	});
});

describe('GuardedVaultCard', () => {
	it('shows the vault without a request, and history on demand', async () => {
		const on = handlers();
		const { container, rerender } = render(GuardedVaultCard, {
			props: { view: view(null), ...on }
		});
		expect(screen.getByRole('heading', { name: 'Identity 10042' })).toBeInTheDocument();
		expect(container).toHaveTextContent('Sealed — you hold an encrypted share');
		// the waiting period as the owner's side says it (formatNanoseconds), not "72 hours"
		expect(container).toHaveTextContent('Waiting period 3 days');
		expect(screen.queryByRole('button', { name: 'Approve' })).not.toBeInTheDocument();
		await userEvent.click(screen.getByRole('button', { name: 'History' }));
		expect(on.onhistory).toHaveBeenCalledOnce();
		await rerender({
			history: [{ kind: 'sealed', at: 1_700_000_000_000_000_000n, index: 255, ref: 0n }]
		});
		expect(screen.getByRole('listitem')).toHaveTextContent('Shares sealed');
		expect(await seriousViolations(container)).toEqual([]);
	});

	it('asks the guardian to type the code; approving needs the match and a second confirmation', async () => {
		const on = handlers();
		const { container } = render(GuardedVaultCard, { props: { view: view({}), ...on } });
		const code = verificationCode(10042n, requester);
		// the card never shows the code: the guardian types what the owner reads out
		expect(container).not.toHaveTextContent(code.text);
		expect(container).toHaveTextContent(/on a call or in person \(not by message\)/u);
		expect(container).toHaveTextContent('Approvals so far: 1 of 2 needed');
		const approve = screen.getByRole('button', { name: 'Approve' });
		expect(approve).toBeDisabled();
		const input = screen.getByRole('textbox', { name: 'The 4 words the owner reads to you' });
		await userEvent.type(input, 'zebra');
		expect(screen.getByTestId('code-feedback')).toHaveTextContent('Not a code word: zebra');
		await userEvent.clear(input);
		const [a = '', b = '', c = '', d = ''] = code.words;
		const wrong = verificationCode(10043n, requester);
		if (wrong.text !== code.text) {
			await userEvent.type(input, wrong.text);
			expect(screen.getByTestId('code-feedback')).toHaveTextContent('do not match this request');
			expect(approve).toBeDisabled();
			await userEvent.clear(input);
		}
		await userEvent.type(input, `${a.toUpperCase()}  ${b}, ${c} ${d} `);
		expect(screen.getByTestId('code-feedback')).toHaveTextContent('The code matches this request');
		for (const word of code.words) {
			expect(screen.getAllByRole('img', { name: word }).length).toBeGreaterThan(0);
		}
		expect(approve).toBeEnabled();

		await userEvent.click(approve);
		const dialog = screen.getByRole('dialog', { name: 'Approve this recovery?' });
		expect(dialog).toHaveTextContent('The words you typed match this request');
		expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
		expect(await seriousViolations(container)).toEqual([]);
		await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
		expect(on.onapprove).not.toHaveBeenCalled();

		await userEvent.click(screen.getByRole('button', { name: 'Approve' }));
		await userEvent.click(screen.getByRole('button', { name: 'Yes, approve' }));
		expect(on.onapprove).toHaveBeenCalledOnce();

		await userEvent.click(screen.getByRole('button', { name: 'Decline' }));
		await userEvent.click(screen.getByRole('button', { name: 'Yes, decline' }));
		expect(on.ondecline).toHaveBeenCalledOnce();
	});

	it('an alarm from the owner is information: explained, and approving stays possible', async () => {
		const { container } = render(GuardedVaultCard, {
			props: { view: view({ alarmRaised: true }), ...handlers() }
		});
		expect(screen.queryByText('The owner says this is NOT them')).not.toBeInTheDocument();
		expect(container).toHaveTextContent(/“This isn't me” was pressed/u);
		expect(container).toHaveTextContent(
			/a thief\s+who holds the owner's phone or computer can press it too/u
		);
		expect(container).toHaveTextContent('It added one more waiting period to this request');
		await userEvent.type(
			screen.getByRole('textbox', { name: 'The 4 words the owner reads to you' }),
			verificationCode(10042n, requester).text
		);
		expect(screen.getByRole('button', { name: 'Approve' })).toBeEnabled();
		expect(screen.getByRole('button', { name: 'Decline' })).toBeEnabled();
		expect(await seriousViolations(container)).toEqual([]);
	});

	it('shows approval progress, failures and the vote already cast', async () => {
		const { rerender, container } = render(GuardedVaultCard, {
			props: {
				view: view({}),
				busy: 'approve',
				busyRequest: 7n,
				steps: [
					{ label: 'Getting your guardian key', status: 'done' },
					{ label: 'Sending your approval', status: 'running' }
				],
				...handlers()
			}
		});
		expect(screen.getByRole('button', { name: /Approving/u })).toBeDisabled();
		expect(screen.getByRole('button', { name: 'Decline' })).toBeDisabled();
		expect(container).toHaveTextContent('Sending your approval');
		await rerender({
			busy: undefined,
			steps: [],
			error: 'Your share could not be opened with your key.'
		});
		expect(screen.getAllByRole('alert').at(-1)).toHaveTextContent('could not be opened');
		await rerender({ error: undefined, view: view({ myVote: 'approved' }) });
		expect(screen.getByText('You approved this request.')).toBeInTheDocument();
		expect(screen.queryByRole('button', { name: 'Approve' })).not.toBeInTheDocument();
	});
});

describe('AuditLog', () => {
	it('lists events newest first in plain words, or says nothing happened', () => {
		render(AuditLog, {
			entries: [
				{ kind: 'vault-created', at: 1n, index: 255, ref: 0n },
				{ kind: 'recovery-opened', at: 2n, index: 255, ref: 1n }
			]
		});
		expect(screen.getAllByRole('listitem').map((li) => li.firstChild?.textContent)).toEqual([
			'Someone asked to recover the phrase',
			'Vault created'
		]);
	});

	it('says when nothing happened yet', () => {
		render(AuditLog, { entries: [] });
		expect(screen.getByText('Nothing has happened yet.')).toBeInTheDocument();
	});
});
