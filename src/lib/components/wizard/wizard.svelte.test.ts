import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { encodeEnvelope } from '$lib/crypto/envelope';
import { phraseFromEntropy } from '$lib/crypto/phrase';
import { importPaperShare } from '$lib/crypto/paper';
import { seriousViolations } from '../../../../tests/support/axe';
import AnchorStep from './AnchorStep.svelte';
import GuardiansStep from './GuardiansStep.svelte';
import InvitationsStep from './InvitationsStep.svelte';
import PolicyStep from './PolicyStep.svelte';
import RecoveryKit from './RecoveryKit.svelte';
import SealStep from './SealStep.svelte';

describe('AnchorStep', { timeout: 30_000 }, () => {
	const ENTROPY = Uint8Array.from({ length: 32 }, (_, i) => (i * 29 + 3) & 0xff);
	const PHRASE = phraseFromEntropy(ENTROPY).join(' ');
	const anchorInput = () => screen.getByLabelText('Anchor number');
	async function pastePhrase(text: string) {
		await userEvent.click(screen.getByLabelText('Word 1'));
		await userEvent.paste(text);
	}

	it('passes the anchor (spaces ignored) and the phrase entropy on', async () => {
		const onnext = vi.fn();
		const { container } = render(AnchorStep, { onnext });
		await userEvent.type(anchorInput(), '10 042');
		await pastePhrase(PHRASE);
		await userEvent.click(screen.getByRole('button', { name: 'Continue' }));
		expect(onnext).toHaveBeenCalledWith(10042n, ENTROPY);
		expect(await seriousViolations(container)).toEqual([]);
	});

	it('takes the anchor number from a pasted legacy "<anchor> <24 words>" phrase', async () => {
		const onnext = vi.fn();
		render(AnchorStep, { onnext });
		await pastePhrase(`10077 ${PHRASE}`);
		expect(anchorInput()).toHaveValue('10077');
		await userEvent.click(screen.getByRole('button', { name: 'Continue' }));
		expect(onnext).toHaveBeenCalledWith(10077n, ENTROPY);
	});

	it('asks for the phrase when it is missing or incomplete', async () => {
		const onnext = vi.fn();
		render(AnchorStep, { onnext });
		await userEvent.type(anchorInput(), '10042');
		await pastePhrase(PHRASE.split(' ').slice(0, 20).join(' '));
		await userEvent.click(screen.getByRole('button', { name: 'Continue' }));
		expect(onnext).not.toHaveBeenCalled();
		expect(screen.getByText('Enter all 24 words of your recovery phrase.')).toBeInTheDocument();
	});

	it('continues with no anchor number: II finds the identity from the phrase', async () => {
		const onnext = vi.fn();
		render(AnchorStep, { onnext });
		await pastePhrase(PHRASE);
		await userEvent.click(screen.getByRole('button', { name: 'Continue' }));
		expect(onnext).toHaveBeenCalledWith(undefined, expect.any(Uint8Array));
	});

	it.each([
		['abc', 'Your Internet Identity number has digits only, e.g. 10042.'],
		['0', 'That is not an Internet Identity number: check it on the II page.']
	])('explains what is wrong with the anchor %j', async (typed, message) => {
		const onnext = vi.fn();
		render(AnchorStep, { onnext });
		if (typed) await userEvent.type(anchorInput(), typed);
		await pastePhrase(PHRASE);
		await userEvent.click(screen.getByRole('button', { name: 'Continue' }));
		expect(onnext).not.toHaveBeenCalled();
		expect(anchorInput()).toHaveAttribute('aria-invalid', 'true');
		expect(anchorInput()).toHaveAccessibleDescription(expect.stringContaining(message));
	});

	it('shows progress while checking, and why the check failed', () => {
		render(AnchorStep, {
			onnext: vi.fn(),
			busy: true,
			error: 'This is not the recovery phrase of that Internet Identity.'
		});
		expect(screen.getByRole('button', { name: 'Checking your phrase…' })).toBeDisabled();
		expect(screen.getByRole('alert')).toHaveTextContent(
			'This is not the recovery phrase of that Internet Identity.'
		);
	});
});

describe('GuardiansStep', () => {
	const input = () => screen.getByLabelText('Guardian name');
	async function add(name: string) {
		await userEvent.clear(input());
		await userEvent.type(input(), `${name}{Enter}`);
	}

	it('adds and removes guardians and passes them on', async () => {
		const onnext = vi.fn();
		const { container } = render(GuardiansStep, { onnext });
		await add('Alice');
		await add('  Bob ');
		await add('Carol');
		await userEvent.click(screen.getByRole('button', { name: 'Remove Bob' }));
		expect(
			within(screen.getByRole('list'))
				.getAllByRole('listitem')
				.map((li) => li.textContent?.replace('Remove', '').trim())
		).toEqual(['Alice', 'Carol']);
		await userEvent.click(screen.getByRole('button', { name: 'Continue' }));
		expect(onnext).toHaveBeenCalledWith(['Alice', 'Carol']);
		expect(await seriousViolations(container)).toEqual([]);
	});

	it('refuses duplicates and empty names, and fewer than two guardians', async () => {
		const onnext = vi.fn();
		render(GuardiansStep, { onnext, guardians: ['Alice'] });
		await add('alice');
		expect(input()).toHaveAccessibleDescription(
			expect.stringContaining('already have a guardian with that name')
		);
		await userEvent.clear(input());
		await userEvent.click(screen.getByRole('button', { name: 'Add guardian' }));
		expect(input()).toHaveAccessibleDescription(
			expect.stringContaining('Give the guardian a name')
		);
		await userEvent.click(screen.getByRole('button', { name: 'Continue' }));
		expect(screen.getByRole('alert')).toHaveTextContent('Add at least 2 guardians');
		expect(onnext).not.toHaveBeenCalled();
	});

	it('counts a name as the vault canister does: in UTF-8 bytes', async () => {
		// 32 characters but 38 bytes: the canister refuses it (LIMITS.maxLabelBytes = 32).
		const name = 'Grand-mère Éloïse et Hélène Gaël';
		expect([...name]).toHaveLength(32);
		expect(new TextEncoder().encode(name)).toHaveLength(38);
		const onnext = vi.fn();
		render(GuardiansStep, { onnext, guardians: ['Alice'] });
		await add(name);
		expect(input()).toHaveAccessibleDescription(expect.stringContaining('Keep the name shorter'));
		expect(within(screen.getByRole('list')).getAllByRole('listitem')).toHaveLength(1);
		await userEvent.clear(input());
		await add('Grand-mère Éloïse');
		await userEvent.click(screen.getByRole('button', { name: 'Continue' }));
		expect(onnext).toHaveBeenCalledWith(['Alice', 'Grand-mère Éloïse']);
	});

	it('stops at ten guardians', async () => {
		render(GuardiansStep, {
			onnext: vi.fn(),
			guardians: Array.from({ length: 9 }, (_, i) => `G${i}`)
		});
		await add('Tenth');
		expect(screen.getByText('Your guardians (10 of at most 10)')).toBeInTheDocument();
		expect(input()).toBeDisabled();
		expect(screen.getByRole('button', { name: 'Add guardian' })).toBeDisabled();
	});
});

describe('PolicyStep', () => {
	it('recommends a majority and 72 hours, and passes the choice on', async () => {
		const onnext = vi.fn();
		const { container } = render(PolicyStep, { guardianCount: 5, onnext });
		const recommended = screen.getByRole('radio', { name: '3 of 5 (recommended)' });
		expect(recommended).toBeChecked();
		expect(
			screen.getAllByRole('radio', { name: /of 5/u }).map((r) => r.getAttribute('value'))
		).toEqual(['2', '3', '4', '5']);
		expect(screen.getByRole('radio', { name: '3 days (recommended)' })).toBeChecked();
		await userEvent.click(screen.getByRole('radio', { name: '4 of 5' }));
		await userEvent.click(screen.getByRole('radio', { name: '7 days' }));
		await userEvent.click(screen.getByRole('button', { name: 'Continue' }));
		expect(onnext).toHaveBeenCalledWith({ threshold: 4, delayHours: 168 });
		expect(await seriousViolations(container)).toEqual([]);
	});

	it('says when the waiting period starts and what releases the phrase', async () => {
		render(PolicyStep, { guardianCount: 5, onnext: vi.fn() });
		const hours = screen.getByLabelText('Or in hours');
		const hint = () => hours.getAttribute('aria-describedby')?.split(' ')[0] ?? '';
		const text = () => document.getElementById(hint())?.textContent?.replace(/\s+/gu, ' ') ?? '';
		expect(text()).toMatch(/starts when a recovery request is opened/u);
		expect(text()).toMatch(/guardians can approve while it runs/u);
		expect(text()).toMatch(
			/only when 3 guardians have approved and the waiting period has passed/u
		);
		expect(text()).not.toMatch(/after enough guardians agree/iu);
		// the count follows the choice
		await userEvent.click(screen.getByRole('radio', { name: '4 of 5' }));
		expect(text()).toMatch(/only when 4 guardians have approved/u);
	});

	it('refuses a waiting period under 24 hours', async () => {
		const onnext = vi.fn();
		render(PolicyStep, { guardianCount: 3, onnext });
		const hours = screen.getByLabelText('Or in hours');
		await userEvent.clear(hours);
		await userEvent.type(hours, '12');
		await userEvent.click(screen.getByRole('button', { name: 'Continue' }));
		expect(onnext).not.toHaveBeenCalled();
		expect(hours).toHaveAttribute('aria-invalid', 'true');
		expect(hours).toHaveAccessibleDescription(expect.stringContaining('at least 24 hours'));
		await userEvent.clear(hours);
		await userEvent.type(hours, '30');
		await userEvent.click(screen.getByRole('button', { name: 'Continue' }));
		expect(onnext).toHaveBeenCalledWith({ threshold: 2, delayHours: 30 });
	});
});

describe('InvitationsStep', () => {
	const invitations = [
		{ label: 'Alice', url: 'https://app.test/invite#secret-a', accepted: true },
		{ label: 'Bob', url: 'https://app.test/invite#secret-b', accepted: false }
	];

	it('shows each invitation as QR code, link and copy button, and waits for all to accept', async () => {
		const onnext = vi.fn();
		const { container, rerender } = render(InvitationsStep, { invitations, onnext });
		expect(screen.getByText('1 of 2 guardians have accepted.')).toHaveAttribute('role', 'status');
		const qr = screen.getByRole('img', { name: 'QR code of the invitation for Bob' });
		expect(qr.querySelector('path')?.getAttribute('d')).toMatch(/^M\d+ \d+h1v1h-1z/u);
		expect(screen.getAllByTestId('invite-link').map((link) => link.textContent?.trim())).toEqual([
			'https://app.test/invite#secret-a',
			'https://app.test/invite#secret-b'
		]);
		expect(screen.getByRole('button', { name: 'Copy link for Bob' })).toBeInTheDocument();
		expect(screen.getByRole('button', { name: 'Continue to sealing' })).toBeDisabled();
		expect(await seriousViolations(container)).toEqual([]);

		await rerender({ invitations: invitations.map((i) => ({ ...i, accepted: true })), onnext });
		await userEvent.click(screen.getByRole('button', { name: 'Continue to sealing' }));
		expect(onnext).toHaveBeenCalledTimes(1);
	});

	it('offers nothing to copy or scan for a link already used', () => {
		render(InvitationsStep, { invitations, onnext: vi.fn() });
		expect(screen.queryByRole('button', { name: 'Copy link for Alice' })).not.toBeInTheDocument();
		expect(
			screen.queryByRole('img', { name: 'QR code of the invitation for Alice' })
		).not.toBeInTheDocument();
		expect(
			screen.getByText('Alice accepted: this link is used and no longer works.')
		).toBeInTheDocument();
		expect(screen.getByRole('button', { name: 'Copy link for Bob' })).toBeInTheDocument();
	});

	it('draws different QR codes for different links', () => {
		render(InvitationsStep, { invitations, onnext: vi.fn() });
		const [a, b] = screen
			.getAllByRole('img')
			.map((svg) => svg.querySelector('path')?.getAttribute('d'));
		expect(a).not.toBe(b);
	});
});

describe('SealStep', () => {
	it('starts sealing, shows progress, offers a retry on failure and confirms success', async () => {
		const onseal = vi.fn();
		const props = { guardians: ['Alice', 'Bob', 'Carol'], threshold: 2, onseal };
		const { rerender } = render(SealStep, { steps: [], ...props });
		await userEvent.click(screen.getByRole('button', { name: 'Seal shares' }));
		expect(onseal).toHaveBeenCalledTimes(1);
		expect(onseal).toHaveBeenCalledWith([]); // no paper shares unless asked for

		await rerender({ steps: [{ label: 'Encrypting share 3 of 5', status: 'running' }], ...props });
		expect(screen.getByRole('button', { name: 'Sealing…' })).toBeDisabled();

		await rerender({
			steps: [{ label: 'Storing', status: 'failed', detail: 'Network down' }],
			...props
		});
		expect(screen.getByRole('alert')).toHaveTextContent('Sealing did not finish');
		await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
		expect(onseal).toHaveBeenCalledTimes(2);

		await rerender({ steps: [{ label: 'Storing', status: 'done' }], ...props });
		expect(screen.getByRole('status', { name: '' })).toHaveTextContent('Your vault is sealed');
		expect(screen.queryByRole('button')).not.toBeInTheDocument();
	});

	it('offers paper shares, off by default, explained, for the guardians the owner picks', async () => {
		const onseal = vi.fn();
		const { container } = render(SealStep, {
			steps: [],
			guardians: ['Alice', 'Bob', 'Carol'],
			threshold: 2,
			onseal
		});
		const option = screen.getByRole('checkbox', {
			name: 'Also print paper shares in my recovery kit'
		});
		expect(option).not.toBeChecked();
		expect(option).toHaveAccessibleDescription(
			expect.stringContaining('Anyone who holds 2 paper shares can rebuild your phrase')
		);
		expect(option).toHaveAccessibleDescription(expect.stringContaining('destroy the old'));
		expect(screen.queryByLabelText('Paper share for Bob')).not.toBeInTheDocument();

		await userEvent.click(option);
		await userEvent.click(screen.getByLabelText('Paper share for Carol'));
		await userEvent.click(screen.getByLabelText('Paper share for Alice'));
		expect(screen.getByText(/you can rebuild your phrase alone/u)).toBeInTheDocument();
		await userEvent.click(screen.getByLabelText('Paper share for Alice'));
		expect(screen.queryByText(/you can rebuild your phrase alone/u)).not.toBeInTheDocument();
		expect(await seriousViolations(container)).toEqual([]);
		await userEvent.click(screen.getByRole('button', { name: 'Seal shares' }));
		expect(onseal).toHaveBeenLastCalledWith([3]);

		// turned off again: the picks are kept on screen but nothing goes on paper
		await userEvent.click(option);
		await userEvent.click(screen.getByRole('button', { name: 'Seal shares' }));
		expect(onseal).toHaveBeenLastCalledWith([]);
	});
});

describe('RecoveryKit', () => {
	it('says what to do, lists the vault and guardians, and prints paper shares that read back', async () => {
		const envelope = encodeEnvelope({
			vaultId: 7n,
			index: 1,
			threshold: 2,
			total: 3,
			share: new Uint8Array(33).fill(9)
		});
		const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
		const { container } = render(RecoveryKit, {
			// `anchor` is also a Svelte mount option, so the props go under `props`.
			props: {
				anchor: 10042n,
				vaultId: '7',
				appUrl: 'https://tessera.test',
				guardians: ['Alice', 'Bob', 'Carol'],
				threshold: 2,
				delayHours: 72,
				paperShares: [{ guardian: 'Alice', envelope }]
			}
		});
		expect(container).toHaveTextContent('Enter your Internet Identity number, 10042.');
		expect(container).toHaveTextContent('Once 2 have approved, wait 3 days.');
		expect(screen.getByText('2 of 3')).toBeInTheDocument();
		const paper = screen
			.getByRole('heading', { name: 'Paper share for Alice' })
			.closest('section')!;
		const words = within(paper)
			.getAllByRole('listitem')
			.map((li) => li.textContent?.replace(/^\s*\d+\.\s*/u, '').trim() ?? '');
		expect(importPaperShare(words.join(' '))).toEqual({ ok: true, value: envelope });
		expect(words).toHaveLength(37);
		expect(paper).toHaveTextContent('Internet Identity 10042');
		expect(container).not.toHaveTextContent('It holds no secret.');
		await userEvent.click(screen.getByRole('button', { name: 'Print' }));
		expect(print).toHaveBeenCalledTimes(1);
		expect(await seriousViolations(container)).toEqual([]);
	});

	it('has no paper share and says it holds no secret when none were asked for', () => {
		const { container } = render(RecoveryKit, {
			props: {
				anchor: 10042n,
				vaultId: '7',
				appUrl: 'https://tessera.test',
				guardians: ['Alice', 'Bob'],
				threshold: 2,
				delayHours: 24
			}
		});
		expect(container).toHaveTextContent('It holds no secret.');
		expect(screen.queryByRole('heading', { name: /Paper share/u })).not.toBeInTheDocument();
	});
});
