import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { IiError } from '$lib/ii';
import type { AnchorDevices, DeviceInfo, SweepReport } from '$lib/ii';
import type { OpenIdInfo } from '$lib/ii/ways-in';
import type { SweepChoice } from '$lib/services/sweep-doors';
import { seriousViolations } from '../../../../tests/support/axe';
import DeviceSweep from './DeviceSweep.svelte';

function device(id: number, extra: Partial<DeviceInfo> = {}): DeviceInfo {
	return {
		pubkey: new Uint8Array([id]),
		id: `0${id}`,
		alias: `Device ${id}`,
		keyType: 'platform',
		kindLabel: 'Passkey',
		purpose: 'authentication',
		protected: false,
		isThisPhrase: false,
		isCaller: false,
		...extra
	};
}

const phrase = device(1, {
	alias: 'Recovery phrase',
	keyType: 'seed_phrase',
	purpose: 'recovery',
	isThisPhrase: true,
	isCaller: true
});
const listing: AnchorDevices = {
	anchor: 10042n,
	devices: [
		phrase,
		device(2, { alias: 'My laptop' }),
		device(3, { alias: 'iPhone', lastUsage: new Date(0) })
	]
};
const google: OpenIdInfo = {
	key: ['https://accounts.google.com', 'sub-1', 'aud-1'],
	id: 'https://accounts.google.com sub-1 aud-1',
	provider: 'Google',
	email: 'thief@example.com',
	name: 'Mallory',
	lastUsage: new Date(1_000)
};
const thiefWays: AnchorDevices = {
	...listing,
	waysIn: {
		openidCredentials: [google],
		recoveryEmail: { address: 'mallory@example.com', createdAt: new Date(2_000) },
		registration: { expiration: new Date(3_000), pendingDevice: 'Mallory phone' }
	}
};
const choice = (extra: Partial<SweepChoice>): SweepChoice => ({
	remove: [],
	removeOpenId: [],
	removeRecoveryEmail: false,
	addFresh: false,
	...extra
});

describe('DeviceSweep', () => {
	it('lists devices, keeps the phrase, selects every other device, and removes what stays selected after confirmation', async () => {
		const onsweep = vi.fn();
		const { container } = render(DeviceSweep, {
			props: { listing, freshDeviceLabel: 'a generated development key', onsweep }
		});
		expect(container).toHaveTextContent('Recovery phrase (this recovery phrase — kept)');
		expect(screen.queryByRole('checkbox', { name: /this recovery phrase/u })).toBeNull();
		expect(screen.getByRole('checkbox', { name: /iPhone/u })).toBeChecked();
		await userEvent.click(screen.getByRole('checkbox', { name: /My laptop/u }));
		expect(container).toHaveTextContent(`Last used: ${new Date(0).toLocaleString()}`);
		await userEvent.click(screen.getByRole('button', { name: 'Remove 1 and secure my identity' }));
		const dialog = screen.getByRole('dialog');
		expect(within(dialog).getByRole('listitem')).toHaveTextContent('iPhone');
		expect(await seriousViolations(container)).toEqual([]);
		await userEvent.click(within(dialog).getByRole('button', { name: 'Yes, remove them' }));
		expect(onsweep).toHaveBeenCalledWith(choice({ remove: [new Uint8Array([3])], addFresh: true }));
	});

	it('lists every door of II 2.0, all selected: linked accounts, the recovery e-mail, and an open registration it ends', async () => {
		const onsweep = vi.fn();
		const { container } = render(DeviceSweep, { props: { listing: thiefWays, onsweep } });
		const account = screen.getByRole('checkbox', { name: /Google account thief@example.com/u });
		expect(account).toBeChecked();
		expect(account.closest('label')).toHaveTextContent(
			`Last used: ${new Date(1_000).toLocaleString()}`
		);
		expect(account.closest('label')).toHaveTextContent('Name: Mallory');
		const email = screen.getByRole('checkbox', { name: /Recovery e-mail mallory@example.com/u });
		expect(email).toBeChecked();
		expect(email.closest('label')).toHaveTextContent(`Added: ${new Date(2_000).toLocaleString()}`);
		expect(screen.getByTestId('registration')).toHaveTextContent(
			'"Mallory phone" is waiting for one'
		);
		expect(await seriousViolations(container)).toEqual([]);
		await userEvent.click(screen.getByRole('checkbox', { name: /iPhone/u }));
		await userEvent.click(screen.getByRole('button', { name: 'Remove 3 and secure my identity' }));
		const items = within(screen.getByRole('dialog')).getAllByRole('listitem');
		expect(items.map((item) => item.textContent)).toEqual([
			'My laptop',
			'Google account thief@example.com',
			'Recovery e-mail mallory@example.com'
		]);
		await userEvent.click(screen.getByRole('button', { name: 'Yes, remove them' }));
		expect(onsweep).toHaveBeenCalledWith(
			choice({
				remove: [new Uint8Array([2])],
				removeOpenId: [google.id],
				removeRecoveryEmail: true
			})
		);
	});

	it("marks the owner's new device, keeps it unselected and offers no second fresh device", async () => {
		const onsweep = vi.fn();
		render(DeviceSweep, {
			props: { listing, freshDeviceLabel: 'a key', ownDevice: new Uint8Array([2]), onsweep }
		});
		expect(
			screen.getByRole('checkbox', { name: /My laptop \(your new device\)/u })
		).not.toBeChecked();
		expect(screen.queryByRole('checkbox', { name: /Add a new device/u })).toBeNull();
		await userEvent.click(screen.getByRole('button', { name: 'Remove 1 and secure my identity' }));
		await userEvent.click(screen.getByRole('button', { name: 'Yes, remove them' }));
		expect(onsweep).toHaveBeenCalledWith(choice({ remove: [new Uint8Array([3])] }));
	});

	it('can secure the identity without removing or adding anything', async () => {
		const onsweep = vi.fn();
		render(DeviceSweep, { props: { listing, freshDeviceLabel: 'a passkey', onsweep } });
		await userEvent.click(
			screen.getByRole('checkbox', { name: /Add a new device for me: a passkey/u })
		);
		await userEvent.click(screen.getByRole('checkbox', { name: /My laptop/u }));
		await userEvent.click(screen.getByRole('checkbox', { name: /iPhone/u }));
		await userEvent.click(screen.getByRole('button', { name: 'Secure my identity' }));
		await userEvent.click(screen.getByRole('button', { name: 'Yes, continue' }));
		expect(onsweep).toHaveBeenCalledWith(choice({}));
	});

	it('on mainnet adds no device here and says to add a passkey at Internet Identity', async () => {
		const onsweep = vi.fn();
		render(DeviceSweep, { props: { listing, onsweep } });
		expect(screen.queryByRole('checkbox', { name: /Add a new device/u })).toBeNull();
		expect(screen.getByText(/add a new passkey at Internet Identity itself/u)).toBeTruthy();
		await userEvent.click(screen.getByRole('checkbox', { name: /My laptop/u }));
		await userEvent.click(screen.getByRole('checkbox', { name: /iPhone/u }));
		await userEvent.click(screen.getByRole('button', { name: 'Secure my identity' }));
		await userEvent.click(screen.getByRole('button', { name: 'Yes, continue' }));
		expect(onsweep).toHaveBeenCalledWith(choice({}));
	});

	it('re-arms after a pass: what II shows now is selected again, what the owner kept stays kept', async () => {
		const onsweep = vi.fn();
		const { rerender } = render(DeviceSweep, { props: { listing: thiefWays, onsweep } });
		await userEvent.click(screen.getByRole('checkbox', { name: /My laptop/u }));
		// after the pass II still shows the laptop (kept) and the e-mail (its removal failed)
		await rerender({
			listing: {
				...listing,
				devices: [phrase, device(2, { alias: 'My laptop' })],
				waysIn: { openidCredentials: [], recoveryEmail: thiefWays.waysIn?.recoveryEmail }
			}
		});
		expect(screen.getByRole('checkbox', { name: /My laptop/u })).not.toBeChecked();
		expect(screen.getByRole('checkbox', { name: /Recovery e-mail/u })).toBeChecked();
		expect(screen.queryByRole('checkbox', { name: /iPhone|Google/u })).toBeNull();
		expect(screen.queryByTestId('registration')).toBeNull();
	});

	it('reports a complete sweep, and what is left after an incomplete one', async () => {
		const complete: SweepReport = {
			outcomes: [],
			alreadyGone: [],
			phraseProtected: true,
			stillPresent: [],
			appeared: [],
			otherWaysLeft: { openidCredentials: [] },
			complete: true
		};
		const onsweep = vi.fn();
		const { rerender } = render(DeviceSweep, {
			props: {
				listing,
				freshDeviceLabel: 'x',
				onsweep,
				report: {
					...complete,
					final: { ...listing, devices: [phrase, device(2, { alias: 'My laptop' })] }
				}
			}
		});
		expect(screen.getByRole('status')).toHaveTextContent(
			'Sweep complete: your identity is secured'
		);
		expect(screen.getByRole('status')).toHaveTextContent('a certified read');
		expect(screen.getByRole('status')).toHaveTextContent(
			'What still opens it, as you chose: My laptop'
		);
		await rerender({
			report: {
				...complete,
				complete: false,
				phraseProtected: false,
				stillPresent: [device(3)],
				appeared: [device(9)]
			}
		});
		const alert = screen.getByRole('alert');
		expect(alert).toHaveTextContent('Still there: Device 3');
		expect(alert).toHaveTextContent('New since the list was made: Device 9');
		expect(alert).toHaveTextContent('Your phrase is not protected yet');
		expect(alert).toHaveTextContent('Internet Identity could not be read again');
		await rerender({
			report: {
				...complete,
				complete: false,
				final: listing,
				outcomes: [
					{
						step: {
							kind: 'remove-email',
							email: { address: 'm@example.com', createdAt: new Date(0) }
						},
						status: 'failed',
						error: new IiError('Rejected', 'x', 'Internet Identity refused.')
					}
				],
				otherWaysLeft: {
					openidCredentials: [google],
					recoveryEmail: { address: 'm@example.com', createdAt: new Date(0) },
					registration: { expiration: new Date(0) }
				}
			}
		});
		const retry = screen.getByRole('alert');
		expect(retry).toHaveTextContent('1 step(s) failed');
		expect(retry).toHaveTextContent('Linked accounts still there: Google thief@example.com');
		expect(retry).toHaveTextContent('The recovery e-mail m@example.com is still there');
		expect(retry).toHaveTextContent('Registration mode is still open');
		expect(retry).not.toHaveTextContent('could not be read again');
		await userEvent.click(screen.getByRole('button', { name: 'Retry the sweep' }));
		expect(onsweep).toHaveBeenLastCalledWith(
			choice({ remove: [new Uint8Array([2]), new Uint8Array([3])], addFresh: true })
		);
		await rerender({ report: undefined, error: 'Internet Identity did not answer. Try again.' });
		expect(screen.getByRole('alert')).toHaveTextContent('did not answer');
	});
});
