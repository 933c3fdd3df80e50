import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { seriousViolations } from '../../../../tests/support/axe';
import { createRawSnippet } from 'svelte';
import { textSnippet } from '../../../../tests/support/snippets';
import Alert from './Alert.svelte';
import Button from './Button.svelte';
import Card from './Card.svelte';
import CopyButton from './CopyButton.svelte';
import Countdown from './Countdown.svelte';
import Dialog from './Dialog.svelte';
import Field from './Field.svelte';
import ProgressSteps from './ProgressSteps.svelte';
import Stepper from './Stepper.svelte';

describe('Button', () => {
	it('calls onclick, and while loading is disabled, busy and says so', async () => {
		const onclick = vi.fn();
		const { rerender } = render(Button, { onclick, children: textSnippet('Seal') });
		await userEvent.click(screen.getByRole('button', { name: 'Seal' }));
		expect(onclick).toHaveBeenCalledTimes(1);

		await rerender({
			onclick,
			children: textSnippet('Seal'),
			loading: true,
			loadingLabel: 'Sealing…'
		});
		const busy = screen.getByRole('button', { name: 'Sealing…' });
		expect(busy).toBeDisabled();
		expect(busy).toHaveAttribute('aria-busy', 'true');
		await userEvent.click(busy);
		expect(onclick).toHaveBeenCalledTimes(1);
	});
});

describe('Alert', () => {
	it('interrupts for danger and waits politely for info', () => {
		render(Alert, { tone: 'danger', title: 'Wrong phrase', children: textSnippet('Check word 3') });
		expect(screen.getByRole('alert')).toHaveTextContent('Danger: Wrong phrase Check word 3');
		render(Alert, { tone: 'info', children: textSnippet('Saved') });
		expect(screen.getByRole('status')).toHaveTextContent('Saved');
	});
});

describe('Stepper', () => {
	it('marks the current step and the ones done', async () => {
		const { container } = render(Stepper, { steps: ['Anchor', 'Guardians', 'Policy'], current: 1 });
		expect(screen.getByText('Step 2 of 3')).toBeInTheDocument();
		const current = screen.getByText('Guardians').closest('li');
		expect(current).toHaveAttribute('aria-current', 'step');
		expect(screen.getByText('Anchor').closest('li')).toHaveTextContent('(done)');
		expect(await seriousViolations(container)).toEqual([]);
	});
});

describe('ProgressSteps', () => {
	it('announces each step with its status, and a failed step says what happened', async () => {
		const { container } = render(ProgressSteps, {
			steps: [
				{ label: 'Deriving key', status: 'done' },
				{ label: 'Encrypting share 3 of 5', status: 'running' },
				{ label: 'Storing', status: 'failed', detail: 'The network is down: try again.' },
				{ label: 'Checking', status: 'pending' }
			]
		});
		const items = screen.getAllByRole('listitem');
		expect(items.map((item) => item.textContent?.replace(/\s+/gu, ' ').trim())).toEqual([
			'✓ Deriving key: done',
			'◌ Encrypting share 3 of 5: in progress',
			'✕ Storing: failed The network is down: try again.',
			'○ Checking: waiting'
		]);
		expect(await seriousViolations(container)).toEqual([]);
	});
});

describe('Dialog', () => {
	function setup() {
		const onconfirm = vi.fn();
		const oncancel = vi.fn();
		const result = render(Dialog, {
			open: true,
			title: 'Approve the release?',
			confirmLabel: 'Approve',
			onconfirm,
			oncancel,
			children: textSnippet('Only if the code matches.')
		});
		return { onconfirm, oncancel, ...result };
	}

	it('is a labelled modal dialog that focuses Cancel first and traps Tab', async () => {
		const { container } = setup();
		const dialog = screen.getByRole('dialog', { name: 'Approve the release?' });
		expect(dialog).toHaveAttribute('aria-modal', 'true');
		expect(dialog).toHaveAccessibleDescription('Only if the code matches.');
		const cancel = screen.getByRole('button', { name: 'Cancel' });
		const approve = screen.getByRole('button', { name: 'Approve' });
		await vi.waitFor(() => expect(cancel).toHaveFocus());
		await userEvent.tab();
		expect(approve).toHaveFocus();
		await userEvent.tab();
		expect(cancel).toHaveFocus();
		await userEvent.tab({ shift: true });
		expect(approve).toHaveFocus();
		expect(await seriousViolations(container)).toEqual([]);
	});

	it('Escape cancels and closes', async () => {
		const { onconfirm, oncancel } = setup();
		await vi.waitFor(() => expect(screen.getByRole('button', { name: 'Cancel' })).toHaveFocus());
		await userEvent.keyboard('{Escape}');
		expect(oncancel).toHaveBeenCalledTimes(1);
		expect(onconfirm).not.toHaveBeenCalled();
		expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
	});

	it('confirm calls onconfirm and closes', async () => {
		const { onconfirm, oncancel } = setup();
		await userEvent.click(screen.getByRole('button', { name: 'Approve' }));
		expect(onconfirm).toHaveBeenCalledTimes(1);
		expect(oncancel).not.toHaveBeenCalled();
		expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
	});
});

describe('CopyButton', () => {
	it('copies the text and announces it', async () => {
		const user = userEvent.setup();
		render(CopyButton, { text: () => 'https://example.test/#invite' });
		await user.click(screen.getByRole('button', { name: 'Copy' }));
		expect(await navigator.clipboard.readText()).toBe('https://example.test/#invite');
		expect(screen.getByRole('status')).toHaveTextContent('Copied');
	});

	it('says how to copy by hand when the clipboard refuses', async () => {
		const user = userEvent.setup();
		vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValueOnce(new Error('denied'));
		render(CopyButton, { text: 'x' });
		await user.click(screen.getByRole('button', { name: 'Copy' }));
		expect(screen.getByRole('status')).toHaveTextContent('Copying failed');
	});
});

describe('Countdown', () => {
	it('shows the time left in human units, then the done text once', async () => {
		const ondone = vi.fn();
		const until = Date.UTC(2026, 0, 4);
		const { rerender } = render(Countdown, { until, now: until - 49 * 3_600_000, ondone });
		expect(screen.getByText('2 days 1 hour')).toHaveAttribute(
			'datetime',
			'2026-01-04T00:00:00.000Z'
		);
		expect(ondone).not.toHaveBeenCalled();
		await rerender({ until, now: until + 1, ondone });
		expect(screen.getByText('Time is up')).toBeInTheDocument();
		await rerender({ until, now: until + 2, ondone });
		expect(ondone).toHaveBeenCalledTimes(1);
	});

	it('ticks with the clock when no time is given', async () => {
		vi.useFakeTimers({ now: Date.UTC(2026, 0, 1) });
		try {
			render(Countdown, { until: Date.UTC(2026, 0, 1, 0, 0, 5) });
			expect(screen.getByText('5 seconds')).toBeInTheDocument();
			await vi.advanceTimersByTimeAsync(2000);
			expect(screen.getByText('3 seconds')).toBeInTheDocument();
		} finally {
			vi.useRealTimers();
		}
	});
});

describe('Field', () => {
	const input = createRawSnippet<
		[{ id: string; describedBy: string | undefined; invalid: boolean }]
	>((control) => ({
		render: () => {
			const { id, describedBy, invalid } = control();
			return `<input id="${id}" aria-describedby="${describedBy ?? ''}" aria-invalid="${invalid}" />`;
		}
	}));

	it('labels the control and wires the hint and error to it', async () => {
		const { container } = render(Field, {
			id: 'name',
			label: 'Name',
			hint: 'A short name.',
			children: input
		});
		const control = screen.getByLabelText('Name');
		expect(control).toHaveAccessibleDescription('A short name.');
		expect(control).toHaveAttribute('aria-invalid', 'false');
		// A raw snippet renders once, so the error case is a fresh render.
		render(Field, {
			id: 'other',
			label: 'Other',
			hint: 'A short name.',
			error: 'Too long.',
			children: input
		});
		const invalid = screen.getByLabelText('Other');
		expect(invalid).toHaveAccessibleDescription('A short name. Too long.');
		expect(invalid).toHaveAttribute('aria-invalid', 'true');
		expect(await seriousViolations(container)).toEqual([]);
	});
});

describe('Card', () => {
	it('titles its section with a heading of the given level', () => {
		render(Card, { title: 'Vault health', headingLevel: 3, children: textSnippet('3 guardians') });
		expect(screen.getByRole('heading', { level: 3, name: 'Vault health' })).toBeInTheDocument();
		expect(screen.getByText('3 guardians')).toBeInTheDocument();
	});
});
