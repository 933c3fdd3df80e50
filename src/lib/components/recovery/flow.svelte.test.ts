import { Principal } from '@dfinity/principal';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { RequestView } from '$lib/services/guardian-calls';
import { seriousViolations } from '../../../../tests/support/axe';
import AnchorForm from './AnchorForm.svelte';
import RequestProgress from './RequestProgress.svelte';
import RotateAdvice from './RotateAdvice.svelte';

const HOUR_NS = 3_600_000_000_000n;
const request: RequestView = {
	requestId: 7n,
	vaultId: 3n,
	anchor: 10042n,
	requester: Principal.fromText('2vxsx-fae'),
	status: 'open',
	openedAt: 0n,
	releasableAt: 0n,
	expiresAt: 0n,
	remainingNs: 48n * HOUR_NS,
	threshold: 2,
	guardianCount: 3,
	approvals: 0,
	declines: 0,
	alarmRaisedAt: undefined,
	sponsor: Principal.fromText('aaaaa-aa'),
	approvedSlots: [],
	releasedAt: undefined,
	derivations: 0
};

describe('AnchorForm', () => {
	it('starts a recovery for a valid anchor number', async () => {
		const onstart = vi.fn();
		const { container } = render(AnchorForm, { onstart });
		await userEvent.type(screen.getByLabelText('Anchor number'), '10 042');
		await userEvent.click(screen.getByRole('button', { name: 'Start recovery' }));
		expect(onstart).toHaveBeenCalledWith(10042n);
		expect(await seriousViolations(container)).toEqual([]);
	});

	it.each([
		['', 'Enter your Internet Identity number.'],
		['12ab', 'digits only'],
		['0', 'not an Internet Identity number']
	])('refuses %j with a precise message', async (text, message) => {
		const onstart = vi.fn();
		render(AnchorForm, { onstart });
		if (text) await userEvent.type(screen.getByLabelText('Anchor number'), text);
		await userEvent.click(screen.getByRole('button', { name: 'Start recovery' }));
		expect(onstart).not.toHaveBeenCalled();
		const input = screen.getByLabelText('Anchor number');
		expect(input).toHaveAttribute('aria-invalid', 'true');
		expect(input).toHaveAccessibleDescription(expect.stringContaining(message));
	});

	it('shows the canister’s refusal and the busy state', async () => {
		const { container } = render(AnchorForm, {
			onstart: vi.fn(),
			opening: true,
			error: 'A recovery for this anchor is already under way.'
		});
		expect(screen.getByRole('alert')).toHaveTextContent('already under way');
		expect(screen.getByRole('button', { name: /Starting recovery/u })).toBeDisabled();
		expect(await seriousViolations(container)).toEqual([]);
	});
});

describe('RequestProgress', () => {
	const now = 1_700_000_000_000;

	it('counts approvals and refuses release before both conditions hold', async () => {
		const onrelease = vi.fn();
		const { container, rerender } = render(RequestProgress, { request, now, onrelease });
		expect(screen.getByRole('status')).toHaveTextContent(
			'0 of 2 guardians approved (3 guardians in all).'
		);
		expect(screen.getByRole('button', { name: 'Get my phrase back' })).toBeDisabled();
		await rerender({ request: { ...request, approvals: 2 } });
		expect(container).toHaveTextContent('Enough guardians approved');
		expect(container).toHaveTextContent('2 days');
		expect(screen.getByRole('button', { name: 'Get my phrase back' })).toBeDisabled();
		await rerender({ request: { ...request, approvals: 2, remainingNs: 0n } });
		await userEvent.click(screen.getByRole('button', { name: 'Get my phrase back' }));
		expect(onrelease).toHaveBeenCalledOnce();
		expect(await seriousViolations(container)).toEqual([]);
	});

	it('says why a request is closed, and shows the owner’s alarm', async () => {
		const { container } = render(RequestProgress, {
			request: { ...request, status: 'failed', declines: 2, alarmRaisedAt: 5n },
			now,
			onrelease: vi.fn()
		});
		// the alarm is information, the closed request an alert
		expect(container).toHaveTextContent(
			/“This isn't me” was pressed on one of the owner's devices/u
		);
		expect(container).toHaveTextContent(/it does not stop it/u);
		const alerts = screen.getAllByRole('alert');
		expect(alerts[0]).toHaveTextContent('Too many guardians declined');
		expect(screen.queryByRole('button', { name: 'Get my phrase back' })).not.toBeInTheDocument();
		expect(await seriousViolations(container)).toEqual([]);
	});
});

describe('RotateAdvice', () => {
	it('tells the owner to make a new phrase and new shares', () => {
		render(RotateAdvice);
		expect(screen.getByRole('alert')).toHaveTextContent(/new recovery phrase.*new shares/isu);
	});
});
