// The dashboard (views, DashboardFlow and VaultChangesFlow) with scripted ports: canisters cannot run in jsdom (the services are
// driven through devnet in tests/agent/vault-wrapper.test.ts).
import { Principal } from '@dfinity/principal';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { OwnerVaultView, RequestView } from '$lib/canisters/vault.canister';
import type { PhraseKey } from '$lib/crypto/ii-key';
import { phraseFromEntropy } from '$lib/crypto/phrase';
import {
	DashboardFlow,
	type DashboardPorts,
	type VaultOverview
} from '$lib/flows/DashboardFlow.svelte';
import { CanisterError } from '$lib/canisters/errors';
import { seriousViolations } from '../../../../tests/support/axe';
import OwnerDashboard from './OwnerDashboard.svelte';

const MS = 1_000_000n;
const NOW = BigInt(Date.UTC(2026, 10, 20)) * MS;
const [ALICE, BOB, CAROL] = [1, 2, 3].map((i) =>
	Principal.fromUint8Array(Uint8Array.of(i, i, i))
) as [Principal, Principal, Principal];
const ENTROPY = Uint8Array.from({ length: 32 }, (_, i) => (i * 7 + 1) & 0xff);
const PHRASE = phraseFromEntropy(ENTROPY).join(' ');
const PHRASE_KEY = { principal: 'phrase' } as unknown as PhraseKey;

const REQUEST: RequestView = {
	requestId: 5n,
	vaultId: 9n,
	anchor: 10042n,
	requester: ALICE,
	status: 'open',
	openedAt: NOW,
	releasableAt: NOW + 72n * 3_600_000n * MS,
	expiresAt: NOW + 200n * 3_600_000n * MS,
	remainingNs: 72n * 3_600_000n * MS,
	threshold: 2,
	guardianCount: 3,
	approvals: 1,
	declines: 0,
	alarmRaisedAt: undefined,
	sponsor: BOB,
	approvedSlots: [0],
	releasedAt: undefined,
	derivations: 0
};

function vault(overrides: Partial<OwnerVaultView> = {}): OwnerVaultView {
	return {
		vaultId: 9n,
		anchor: 10042n,
		nonce: 3n,
		delayNs: 72n * 3_600_000n * MS,
		slots: [
			{ label: 'Alice', guardian: ALICE, inviteExpiresAt: undefined },
			{ label: 'Bob', guardian: BOB, inviteExpiresAt: undefined },
			{ label: 'Carol', guardian: CAROL, inviteExpiresAt: undefined }
		],
		shares: [
			{ guardian: ALICE, lastCheckInAt: NOW },
			{ guardian: BOB, lastCheckInAt: 0n },
			{ guardian: CAROL, lastCheckInAt: 0n }
		],
		health: {
			sealed: true,
			invitesPending: 0,
			shareHolders: 3,
			threshold: 2,
			belowThreshold: false,
			resealNeeded: false,
			staleCheckIns: 0
		},
		ownerName: undefined,
		requests: [],
		...overrides
	};
}

function scriptedPorts(overviews: VaultOverview[], overrides: Partial<DashboardPorts> = {}) {
	const ports: DashboardPorts = {
		load: vi.fn(async () => overviews),
		raiseAlarm: vi.fn(async () => {}),
		unlock: vi.fn(async () => ({ phraseKey: PHRASE_KEY, status: 'protected' as const })),
		protectPhrase: vi.fn(async () => {}),
		setDelay: vi.fn(async () => {}),
		cancelRecovery: vi.fn(async () => {}),
		deleteVault: vi.fn(async () => {}),
		rotate: vi.fn(async () => [{ label: 'Dave', url: 'https://t.test/invite#vault=9&secret=x' }]),
		reseal: vi.fn(async () => {}),
		renewInvite: vi.fn(async (_key, _vaultId, slot: number) => ({
			label: `slot ${slot}`,
			url: `https://t.test/invite#vault=9&secret=new-${slot}`
		})),
		...overrides
	};
	return ports;
}

async function unlock() {
	await userEvent.click(screen.getByLabelText('Word 1'));
	await userEvent.paste(PHRASE);
	await userEvent.click(screen.getByRole('button', { name: 'Unlock changes' }));
}

describe('OwnerDashboard', { timeout: 30_000 }, () => {
	it('shows health, guardians and history in plain words', async () => {
		const audit = [
			{ kind: 'checked-in' as const, at: NOW, index: 0, ref: 0n },
			{ kind: 'sealed' as const, at: NOW - MS * 1000n, index: 255, ref: 0n }
		];
		const ports = scriptedPorts([{ vault: vault(), audit, phrase: 'protected' }]);
		const { container } = render(OwnerDashboard, { flow: new DashboardFlow(ports) });
		expect(await screen.findByTestId('vault-sealed')).toHaveTextContent(
			'Sealed, held by 3 guardians'
		);
		expect(screen.getByTestId('phrase-protection')).toHaveTextContent(
			'Protected on Internet Identity'
		);
		const guardians = screen.getAllByRole('listitem').map((li) => li.textContent ?? '');
		expect(guardians.some((text) => /Alice.*last check-in/su.test(text))).toBe(true);
		expect(guardians.some((text) => /Bob.*no check-in yet/su.test(text))).toBe(true);
		const history = screen.getByRole('list', { name: 'Vault history' });
		expect(within(history).getByText('A guardian checked in: Alice')).toBeInTheDocument();
		expect(within(history).getByText('Shares sealed')).toBeInTheDocument();
		expect(await seriousViolations(container)).toEqual([]);
	});

	it('offers to protect an anchor when there is no vault', async () => {
		render(OwnerDashboard, { flow: new DashboardFlow(scriptedPorts([])) });
		expect(await screen.findByRole('link', { name: 'Protect my anchor' })).toHaveAttribute(
			'href',
			'/owner/protect'
		);
	});

	it('raises the alarm on an open request after confirmation, and shows failures', async () => {
		const raiseAlarm = vi
			.fn()
			.mockRejectedValueOnce(
				new CanisterError('Network', 'Tessera could not reach the Internet Computer.')
			)
			.mockResolvedValueOnce(undefined);
		const ports = scriptedPorts(
			[{ vault: vault({ requests: [REQUEST] }), audit: [], phrase: 'protected' }],
			{
				raiseAlarm
			}
		);
		const { container } = render(OwnerDashboard, { flow: new DashboardFlow(ports) });
		expect(await screen.findByText('Someone asked to recover your phrase')).toBeInTheDocument();
		// who opened it (the sponsoring guardian), and that the button is information, not a veto
		expect(container).toHaveTextContent(/opened .* by your guardian Bob from a recovery link/u);
		expect(container).toHaveTextContent(/It does not stop the request/u);
		await userEvent.click(screen.getByRole('button', { name: 'This isn’t me' }));
		await userEvent.click(screen.getByRole('button', { name: "Yes, this isn't me" }));
		expect(await screen.findByText("“This isn't me” was not sent")).toBeInTheDocument();
		await userEvent.click(screen.getByRole('button', { name: 'This isn’t me' }));
		await userEvent.click(screen.getByRole('button', { name: "Yes, this isn't me" }));
		expect(raiseAlarm).toHaveBeenLastCalledWith(5n);
		expect(raiseAlarm).toHaveBeenCalledTimes(2);
	});

	it('lists every live request of a vault, each with its sponsor and its own button', async () => {
		const second = { ...REQUEST, requestId: 6n, sponsor: CAROL, alarmRaisedAt: NOW };
		const raiseAlarm = vi.fn(async () => {});
		const ports = scriptedPorts(
			[{ vault: vault({ requests: [REQUEST, second] }), audit: [], phrase: 'protected' }],
			{ raiseAlarm }
		);
		const { container } = render(OwnerDashboard, { flow: new DashboardFlow(ports) });
		expect(await screen.findByRole('heading', { name: 'Recovery request 5' })).toBeInTheDocument();
		expect(screen.getByRole('heading', { name: 'Recovery request 6' })).toBeInTheDocument();
		expect(container).toHaveTextContent(/by your guardian Carol/u);
		// on the second, "This isn't me" was pressed already: said as information
		expect(container).toHaveTextContent(/the request waits one more period/u);
		expect(screen.getAllByRole('button', { name: 'This isn’t me' })).toHaveLength(1);
		expect(await seriousViolations(container)).toEqual([]);
	});

	it('needs the phrase for changes: a wrong one is refused, then delay, cancel and delete', async () => {
		const unlockFlow = vi
			.fn()
			.mockRejectedValueOnce(
				new CanisterError(
					'PhraseKeyNotOnAnchor',
					'This is not the recovery phrase of that Internet Identity.'
				)
			)
			.mockResolvedValue({ phraseKey: PHRASE_KEY, status: 'protected' });
		const ports = scriptedPorts(
			[{ vault: vault({ requests: [REQUEST] }), audit: [], phrase: 'protected' }],
			{
				unlock: unlockFlow
			}
		);
		render(OwnerDashboard, { flow: new DashboardFlow(ports) });
		await screen.findByRole('button', { name: 'Unlock changes' });
		await unlock();
		expect(await screen.findByText('Not unlocked')).toBeInTheDocument();
		await userEvent.click(screen.getByRole('button', { name: 'Unlock changes' }));
		expect(unlockFlow).toHaveBeenLastCalledWith(10042n, ENTROPY);

		const hours = await screen.findByLabelText('Waiting period in hours');
		await userEvent.clear(hours);
		await userEvent.type(hours, '12');
		await userEvent.click(screen.getByRole('button', { name: 'Save waiting period' }));
		expect(screen.getByText(/at least 24 hours/u)).toBeInTheDocument();
		expect(ports.setDelay).not.toHaveBeenCalled();
		await userEvent.clear(hours);
		await userEvent.type(hours, '96');
		await userEvent.click(screen.getByRole('button', { name: 'Save waiting period' }));
		expect(ports.setDelay).toHaveBeenCalledWith(PHRASE_KEY, 9n, 96);
		expect(await screen.findByText('The waiting period is changed.')).toBeInTheDocument();

		await userEvent.click(screen.getByRole('button', { name: 'Cancel this recovery' }));
		await userEvent.click(screen.getByRole('button', { name: 'Yes, cancel it' }));
		expect(ports.cancelRecovery).toHaveBeenCalledWith(PHRASE_KEY, 9n, 5n);

		const confirm = screen.getByLabelText('Type “delete 10042” to confirm');
		await userEvent.type(confirm, 'delete 1004');
		await userEvent.click(screen.getByRole('button', { name: 'Delete vault' }));
		expect(ports.deleteVault).not.toHaveBeenCalled();
		expect(confirm).toHaveAttribute('aria-invalid', 'true');
		await userEvent.type(confirm, '2');
		await userEvent.click(screen.getByRole('button', { name: 'Delete vault' }));
		expect(ports.deleteVault).toHaveBeenCalledWith(PHRASE_KEY, 9n);
	});

	it('reseals with a new threshold (progress) and rotates guardians (new links)', async () => {
		const reseal = vi.fn(
			async (_args: unknown, progress: (step: string, done: number, total: number) => void) => {
				progress('a', 0, 3);
				progress('b', 1, 3);
				progress('c', 2, 3);
			}
		);
		const ports = scriptedPorts([{ vault: vault(), audit: [], phrase: 'protected' }], { reseal });
		render(OwnerDashboard, { flow: new DashboardFlow(ports) });
		await screen.findByRole('button', { name: 'Unlock changes' });
		await unlock();
		await userEvent.click(await screen.findByLabelText('3 of 3'));
		await userEvent.click(screen.getByRole('button', { name: 'Reseal shares' }));
		expect(reseal).toHaveBeenCalledWith(
			expect.objectContaining({ vaultId: 9n, threshold: 3, entropy: ENTROPY }),
			expect.any(Function)
		);
		expect(await screen.findByText('Your vault is sealed again.')).toBeInTheDocument();

		await userEvent.click(screen.getByLabelText('Bob'));
		await userEvent.type(screen.getByLabelText('New guardian name'), 'Dave');
		await userEvent.click(screen.getByRole('button', { name: 'Add new guardian' }));
		await userEvent.click(screen.getByRole('button', { name: 'Replace guardians' }));
		expect(ports.rotate).toHaveBeenCalledWith(PHRASE_KEY, 9n, { keep: [0, 2], invite: ['Dave'] });
		expect(await screen.findByTestId('invite-link')).toHaveTextContent(
			'https://t.test/invite#vault=9&secret=x'
		);
	});

	it('warns loudly when the phrase is gone from II, and says when it is unprotected', async () => {
		const ports = scriptedPorts([{ vault: vault(), audit: [], phrase: 'none' }]);
		const { unmount } = render(OwnerDashboard, { flow: new DashboardFlow(ports) });
		expect(await screen.findByText('Your recovery phrase was removed')).toBeInTheDocument();
		unmount();
		render(OwnerDashboard, {
			flow: new DashboardFlow(scriptedPorts([{ vault: vault(), audit: [], phrase: 'unprotected' }]))
		});
		expect(await screen.findByTestId('phrase-protection')).toHaveTextContent('Not protected');
	});

	it('says when refreshing fails', async () => {
		const ports = scriptedPorts([], {
			load: vi
				.fn()
				.mockRejectedValue(
					new CanisterError('Network', 'Tessera could not reach the Internet Computer.')
				)
		});
		render(OwnerDashboard, { flow: new DashboardFlow(ports) });
		expect(await screen.findByText('Could not refresh')).toBeInTheDocument();
	});
});

describe('OwnerDashboard with guardians who have not accepted', { timeout: 30_000 }, () => {
	const unsealed = () =>
		vault({
			slots: [
				{ label: 'Alice', guardian: ALICE, inviteExpiresAt: undefined },
				{ label: 'Bob', guardian: undefined, inviteExpiresAt: NOW },
				{ label: 'Carol', guardian: undefined, inviteExpiresAt: NOW }
			],
			shares: [],
			health: {
				sealed: false,
				invitesPending: 2,
				shareHolders: 0,
				threshold: 0,
				belowThreshold: false,
				resealNeeded: false,
				staleCheckIns: 0
			}
		});

	it('explains the approvals not chosen yet instead of "0 of 3"', async () => {
		render(OwnerDashboard, {
			flow: new DashboardFlow(
				scriptedPorts([{ vault: unsealed(), audit: [], phrase: 'protected' }])
			)
		});
		const approvals = await screen.findByTestId('approvals-needed');
		expect(approvals).not.toHaveTextContent('0 of 3');
		expect(approvals).toHaveTextContent(/Not chosen yet: .* when you seal/u);
		expect(screen.getAllByText(/unlock changes below to send a new link/u)).toHaveLength(2);
	});

	it('sends a new link to a pending guardian, in the same slot, behind the phrase', async () => {
		const ports = scriptedPorts([{ vault: unsealed(), audit: [], phrase: 'protected' }]);
		const { container } = render(OwnerDashboard, { flow: new DashboardFlow(ports) });
		await screen.findByRole('button', { name: 'Unlock changes' });
		expect(screen.queryByRole('button', { name: /Send a new link/u })).toBeNull();
		await unlock();
		expect(
			await screen.findByRole('heading', { name: 'Guardians who have not accepted' })
		).toBeInTheDocument();
		expect(screen.queryByRole('button', { name: 'Send a new link to Alice' })).toBeNull();
		await userEvent.click(screen.getByRole('button', { name: 'Send a new link to Carol' }));
		expect(ports.renewInvite).toHaveBeenCalledWith(PHRASE_KEY, 9n, 2);
		expect(await screen.findByText('https://t.test/invite#vault=9&secret=new-2')).toBeVisible();
		expect(screen.getByText(/The old one no longer works/u)).toBeInTheDocument();
		expect(screen.getByRole('button', { name: 'Copy link for Carol' })).toBeInTheDocument();
		expect(await seriousViolations(container)).toEqual([]);
	});

	it('shows why no new link was made', async () => {
		const ports = scriptedPorts([{ vault: unsealed(), audit: [], phrase: 'protected' }], {
			renewInvite: vi
				.fn()
				.mockRejectedValue(
					new CanisterError('InvalidState', 'A recovery request is open on this vault.')
				)
		});
		render(OwnerDashboard, { flow: new DashboardFlow(ports) });
		await screen.findByRole('button', { name: 'Unlock changes' });
		await unlock();
		await userEvent.click(await screen.findByRole('button', { name: 'Send a new link to Bob' }));
		expect(await screen.findByText('A recovery request is open on this vault.')).toBeVisible();
		expect(screen.queryAllByTestId('invite-link')).toHaveLength(0);
	});
});
