import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { Principal } from '@dfinity/principal';
import { describe, expect, it, vi } from 'vitest';
import { phraseFromEntropy } from '$lib/crypto/phrase';
import { verificationCode } from '$lib/crypto/verification-code';
import { seriousViolations } from '../../../../tests/support/axe';
import ApprovalList from './ApprovalList.svelte';
import ReleaseCountdown from './ReleaseCountdown.svelte';
import RevealPhrase from './RevealPhrase.svelte';
import VerificationCode from './VerificationCode.svelte';

const CODE = verificationCode(42n, Principal.fromText('2vxsx-fae'));

describe('VerificationCode', () => {
	it('shows the 4 words large, each with its drawn symbol (SVG, no emoji font)', async () => {
		const { container } = render(VerificationCode, { code: CODE });
		expect(CODE.words).toHaveLength(4);
		for (const word of CODE.words) expect(screen.getAllByText(word).length).toBeGreaterThan(0);
		for (const word of CODE.words) {
			const image = screen.getAllByRole('img', { name: word })[0];
			expect(image?.tagName.toLowerCase()).toBe('svg');
			expect(image?.querySelector('path')?.getAttribute('d')).toMatch(/^M/u);
		}
		expect(screen.getByTestId('verification-code').dataset.code).toBe(CODE.text);
		expect(await seriousViolations(container)).toEqual([]);
	});

	it('tells the requester to read it to the guardian', () => {
		render(VerificationCode, { code: CODE });
		expect(screen.getByRole('status')).toHaveTextContent('Read these words to your guardian');
		expect(screen.queryByRole('alert')).not.toBeInTheDocument();
	});
});

describe('ApprovalList', () => {
	it('counts approvals towards the threshold and lists who answered what', async () => {
		const { container } = render(ApprovalList, {
			threshold: 2,
			guardians: [
				{ label: 'Alice', status: 'approved' },
				{ label: 'Bob', status: 'declined' },
				{ label: 'Carol', status: 'pending' }
			]
		});
		expect(screen.getByRole('status')).toHaveTextContent('1 of 2 approvals needed.');
		const rows = screen
			.getAllByRole('listitem')
			.map((li) => li.textContent?.replace(/\s+/gu, ' ').trim());
		expect(rows).toEqual(['Alice ✓ Approved', 'Bob ✕ Declined', 'Carol … Not yet answered']);
		expect(await seriousViolations(container)).toEqual([]);
	});

	it('says when enough approved, and when declines make it impossible', async () => {
		const { rerender } = render(ApprovalList, {
			threshold: 2,
			guardians: [
				{ label: 'Alice', status: 'approved' },
				{ label: 'Bob', status: 'approved' },
				{ label: 'Carol', status: 'pending' }
			]
		});
		expect(screen.getByRole('status')).toHaveTextContent(
			'2 of 2 approvals needed — enough guardians have approved.'
		);
		await rerender({
			threshold: 2,
			guardians: [
				{ label: 'Alice', status: 'approved' },
				{ label: 'Bob', status: 'declined' },
				{ label: 'Carol', status: 'declined' }
			]
		});
		expect(screen.getByRole('status')).toHaveTextContent(
			'Too many guardians declined: this request cannot be approved'
		);
	});
});

describe('ReleaseCountdown', () => {
	const releaseAt = Date.UTC(2026, 0, 4);
	const hour = 3_600_000;

	it('refuses release before enough approvals, even after the delay', async () => {
		const onrelease = vi.fn();
		render(ReleaseCountdown, {
			approvals: 1,
			threshold: 2,
			releaseAt,
			now: releaseAt + hour,
			onrelease
		});
		expect(screen.getByText(/Waiting for guardians: 1 of 2 approvals/u)).toHaveTextContent(
			'The waiting period is already over.'
		);
		expect(screen.getByRole('button', { name: 'Get my phrase back' })).toBeDisabled();
	});

	it('counts down once approved, then allows release', async () => {
		const onrelease = vi.fn();
		const { rerender, container } = render(ReleaseCountdown, {
			approvals: 2,
			threshold: 2,
			releaseAt,
			now: releaseAt - 50 * hour,
			onrelease
		});
		expect(screen.getByText('2 days 2 hours')).toBeInTheDocument();
		expect(screen.getByRole('button', { name: 'Get my phrase back' })).toBeDisabled();
		expect(await seriousViolations(container)).toEqual([]);

		await rerender({ approvals: 2, threshold: 2, releaseAt, now: releaseAt, onrelease });
		expect(screen.getByText(/The waiting period is over/u)).toBeInTheDocument();
		await userEvent.click(screen.getByRole('button', { name: 'Get my phrase back' }));
		expect(onrelease).toHaveBeenCalledTimes(1);

		await rerender({
			approvals: 2,
			threshold: 2,
			releaseAt,
			now: releaseAt,
			onrelease,
			releasing: true
		});
		expect(screen.getByRole('button', { name: 'Getting your phrase back…' })).toBeDisabled();
	});
});

describe('RevealPhrase', () => {
	const entropy = Uint8Array.from({ length: 32 }, (_, i) => 255 - i);
	const words = phraseFromEntropy(entropy);

	it('keeps the phrase hidden until asked, then shows, copies and hides it', async () => {
		const user = userEvent.setup();
		const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
		const { container } = render(RevealPhrase, { props: { entropy, anchor: 10042n } });
		expect(container).not.toHaveTextContent(words[0]!);
		expect(screen.queryByRole('button', { name: 'Copy phrase' })).not.toBeInTheDocument();

		await user.click(screen.getByRole('button', { name: 'Reveal phrase' }));
		const list = screen.getByRole('list', { name: 'Recovery phrase words' });
		expect(
			within(list)
				.getAllByRole('listitem')
				.map((li) => li.textContent?.replace(/^\s*\d+\.\s*/u, '').trim())
		).toEqual(words);
		await user.click(screen.getByRole('button', { name: 'Copy phrase' }));
		expect(await navigator.clipboard.readText()).toBe(`10042 ${words.join(' ')}`);
		await user.click(screen.getByRole('button', { name: 'Print' }));
		expect(print).toHaveBeenCalledTimes(1);
		expect(await seriousViolations(container)).toEqual([]);

		await user.click(screen.getByRole('button', { name: 'Hide phrase' }));
		expect(container).not.toHaveTextContent(words[0]!);
	});
});
