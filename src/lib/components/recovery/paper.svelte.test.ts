import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { exportPaperShare } from '$lib/crypto/paper';
import { splitEntropy } from '$lib/crypto/shares';
import { seriousViolations } from '../../../../tests/support/axe';
import PaperRecoveryForm from './PaperRecoveryForm.svelte';
import PaperShareInput from './PaperShareInput.svelte';

const entropy = Uint8Array.from({ length: 32 }, (_, i) => (i * 17 + 3) % 256);
const split = await splitEntropy(entropy, 12n, 2, 3);
if (!split.ok) throw new Error(split.error.kind);
const ENVELOPES = split.value.envelopes;
const WORDS = ENVELOPES.map((envelope) => exportPaperShare(envelope));

/** Types (pastes) text into a textarea the way a person's input event arrives. */
async function enter(field: HTMLElement, text: string) {
	await fireEvent.input(field, { target: { value: text } });
}

describe('PaperShareInput', () => {
	it('reads 37 words into the envelope and says which slot it is', async () => {
		const onenvelope = vi.fn();
		const { container } = render(PaperShareInput, { label: 'Paper share 1', onenvelope });
		const field = screen.getByLabelText('Paper share 1');
		await enter(field, `  ${WORDS[1]!.slice(0, 20).join(' ')}\n${WORDS[1]!.slice(20).join('  ')}`);
		expect(onenvelope).toHaveBeenLastCalledWith(ENVELOPES[1], false);
		expect(screen.getByRole('status')).toHaveTextContent(
			'A valid paper share: guardian slot 2 of 3; 2 different shares rebuild the phrase.'
		);
		expect(await seriousViolations(container)).toEqual([]);
	});

	it('names an unknown word and its position, as the phrase input does', async () => {
		const onenvelope = vi.fn();
		const { container } = render(PaperShareInput, { label: 'Paper share 1', onenvelope });
		const field = screen.getByLabelText('Paper share 1');
		const words = [...WORDS[0]!];
		words[4] = 'qqqqzz';
		await enter(field, words.join(' '));
		const alert = screen.getByRole('alert');
		expect(alert).toHaveTextContent('Word 5, “qqqqzz”, is not a paper share word.');
		expect(field).toHaveAttribute('aria-invalid', 'true');
		expect(field).toHaveAccessibleDescription(expect.stringContaining('Word 5'));
		expect(onenvelope).toHaveBeenLastCalledWith(undefined, false);
		expect(await seriousViolations(container)).toEqual([]);
	});

	it('offers the suggestion for a one-letter typo and applies it', async () => {
		const onenvelope = vi.fn();
		render(PaperShareInput, { label: 'Paper share 1', onenvelope });
		const words = [...WORDS[2]!];
		const right = words[9]!;
		words[9] = `${right}x`;
		await enter(screen.getByLabelText('Paper share 1'), words.join(' '));
		await userEvent.click(screen.getByRole('button', { name: `Use “${right}” for word 10` }));
		expect(onenvelope).toHaveBeenLastCalledWith(ENVELOPES[2], false);
	});

	it('counts missing words after the field is left, and catches swapped words', async () => {
		const onenvelope = vi.fn();
		render(PaperShareInput, { label: 'Paper share 1', onenvelope });
		const field = screen.getByLabelText('Paper share 1');
		await enter(field, WORDS[0]!.slice(0, 30).join(' '));
		expect(screen.queryByRole('alert')).not.toBeInTheDocument(); // still typing
		await userEvent.click(field);
		await userEvent.tab();
		expect(screen.getByRole('alert')).toHaveTextContent('7 of the 37 words are missing.');

		const swapped = [...WORDS[0]!];
		const i = swapped.findIndex((word, k) => word !== swapped[k + 1]);
		[swapped[i], swapped[i + 1]] = [swapped[i + 1]!, swapped[i]!];
		await enter(field, swapped.join(' '));
		expect(screen.getByRole('alert')).toHaveTextContent(
			/together they are not a paper share: one word is probably wrong or two are swapped/u
		);
		expect(onenvelope).toHaveBeenLastCalledWith(undefined, false);
		await enter(field, '');
		expect(onenvelope).toHaveBeenLastCalledWith(undefined, true);
	});

	it('wipes a share’s bytes once the words change or the field goes', async () => {
		const onenvelope = vi.fn();
		const { unmount } = render(PaperShareInput, { label: 'Paper share 1', onenvelope });
		const field = screen.getByLabelText('Paper share 1');
		await enter(field, WORDS[0]!.join(' '));
		const first = onenvelope.mock.lastCall?.[0] as Uint8Array;
		expect(first).toEqual(ENVELOPES[0]);
		await enter(field, WORDS[1]!.join(' '));
		expect(first).toEqual(new Uint8Array(49));
		const second = onenvelope.mock.lastCall?.[0] as Uint8Array;
		expect(second).toEqual(ENVELOPES[1]);
		unmount();
		expect(second).toEqual(new Uint8Array(49));
	});
});

describe('PaperRecoveryForm', () => {
	it('passes the anchor and the shares that read on', async () => {
		const onrecover = vi.fn();
		const { container } = render(PaperRecoveryForm, { onrecover });
		await userEvent.type(screen.getByLabelText('Anchor number'), '10042');
		await enter(screen.getByLabelText('Paper share 1'), WORDS[2]!.join(' '));
		await enter(screen.getByLabelText('Paper share 2'), WORDS[0]!.join(' '));
		expect(await seriousViolations(container)).toEqual([]);
		await userEvent.click(screen.getByRole('button', { name: 'Rebuild my phrase' }));
		expect(onrecover).toHaveBeenCalledWith(10042n, [ENVELOPES[2], ENVELOPES[0]]);
	});

	it('adds and removes share fields; refuses to go on with an unfinished share or none', async () => {
		const onrecover = vi.fn();
		render(PaperRecoveryForm, { onrecover });
		await userEvent.type(screen.getByLabelText('Anchor number'), '10042');
		await userEvent.click(screen.getByRole('button', { name: 'Rebuild my phrase' }));
		expect(screen.getByText('Enter the words of your paper shares.')).toBeInTheDocument();

		await userEvent.click(screen.getByRole('button', { name: 'Add another paper share' }));
		expect(screen.getByLabelText('Paper share 3')).toBeInTheDocument();
		await enter(screen.getByLabelText('Paper share 1'), WORDS[0]!.slice(0, 10).join(' '));
		await userEvent.click(screen.getByRole('button', { name: 'Rebuild my phrase' }));
		expect(screen.getByText(/Some paper shares are not complete/u)).toBeInTheDocument();
		await userEvent.click(screen.getByRole('button', { name: 'Remove paper share 1' }));
		await waitFor(() => expect(screen.queryByLabelText('Paper share 3')).not.toBeInTheDocument());
		await enter(screen.getByLabelText('Paper share 1'), WORDS[1]!.join(' '));
		await userEvent.click(screen.getByRole('button', { name: 'Rebuild my phrase' }));
		expect(onrecover).toHaveBeenCalledWith(10042n, [ENVELOPES[1]]);
	});

	it('checks the anchor number and shows progress and why a rebuild failed', async () => {
		const onrecover = vi.fn();
		const { rerender } = render(PaperRecoveryForm, { onrecover });
		await enter(screen.getByLabelText('Paper share 1'), WORDS[1]!.join(' '));
		// a number that is not one is refused; an empty one is not (II finds the identity)
		await userEvent.type(screen.getByLabelText('Anchor number'), '10042x');
		await userEvent.click(screen.getByRole('button', { name: 'Rebuild my phrase' }));
		expect(onrecover).not.toHaveBeenCalled();
		expect(screen.getByLabelText('Anchor number')).toHaveAccessibleDescription(
			expect.stringContaining('Your Internet Identity number has digits only')
		);
		await userEvent.clear(screen.getByLabelText('Anchor number'));
		await userEvent.click(screen.getByRole('button', { name: 'Rebuild my phrase' }));
		expect(onrecover).toHaveBeenCalledWith(undefined, [ENVELOPES[1]]);
		await rerender({
			onrecover,
			steps: [
				{ label: 'Putting the phrase back together', status: 'done' },
				{ label: 'Checking it with Internet Identity', status: 'running' }
			]
		});
		expect(screen.getByRole('button', { name: 'Rebuilding…' })).toBeDisabled();
		await rerender({ onrecover, steps: [], error: 'These paper shares do not rebuild it.' });
		expect(screen.getByText('Your phrase was not rebuilt')).toBeInTheDocument();
		expect(screen.getByText('These paper shares do not rebuild it.')).toBeInTheDocument();
		// once the shares change, the old reason no longer applies
		await enter(screen.getByLabelText('Paper share 2'), WORDS[2]!.join(' '));
		expect(screen.queryByText('Your phrase was not rebuilt')).not.toBeInTheDocument();
	});
});
