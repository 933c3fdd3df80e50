import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { AnchorDevices, DeviceInfo, SweepReport } from '$lib/ii';
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

describe('DeviceSweep', () => {
	it('lists devices, keeps the phrase, and removes only what was selected after confirmation', async () => {
		const onsweep = vi.fn();
		const { container } = render(DeviceSweep, {
			props: { listing, freshDeviceLabel: 'a generated development key', onsweep }
		});
		const phraseBox = screen.getByRole('checkbox', {
			name: /Recovery phrase \(this recovery phrase — kept\)/u
		});
		expect(phraseBox).toBeDisabled();
		await userEvent.click(screen.getByRole('checkbox', { name: /iPhone/u }));
		expect(container).toHaveTextContent(`Last used: ${new Date(0).toLocaleString()}`);
		await userEvent.click(screen.getByRole('button', { name: 'Remove 1 and secure my identity' }));
		const dialog = screen.getByRole('dialog');
		expect(within(dialog).getByRole('listitem')).toHaveTextContent('iPhone');
		expect(await seriousViolations(container)).toEqual([]);
		await userEvent.click(within(dialog).getByRole('button', { name: 'Yes, remove them' }));
		expect(onsweep).toHaveBeenCalledWith([new Uint8Array([3])], true);
	});

	it('can secure the identity without removing or adding anything', async () => {
		const onsweep = vi.fn();
		render(DeviceSweep, { props: { listing, freshDeviceLabel: 'a passkey', onsweep } });
		await userEvent.click(
			screen.getByRole('checkbox', { name: /Add a new device for me: a passkey/u })
		);
		await userEvent.click(screen.getByRole('button', { name: 'Secure my identity' }));
		await userEvent.click(screen.getByRole('button', { name: 'Yes, continue' }));
		expect(onsweep).toHaveBeenCalledWith([], false);
	});

	it('on mainnet adds no device here and says to add a passkey at Internet Identity', async () => {
		const onsweep = vi.fn();
		render(DeviceSweep, { props: { listing, onsweep } });
		expect(screen.queryByRole('checkbox', { name: /Add a new device/u })).toBeNull();
		expect(screen.getByText(/add a new passkey at Internet Identity itself/u)).toBeTruthy();
		await userEvent.click(screen.getByRole('button', { name: 'Secure my identity' }));
		await userEvent.click(screen.getByRole('button', { name: 'Yes, continue' }));
		expect(onsweep).toHaveBeenCalledWith([], false);
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
		const { rerender } = render(DeviceSweep, {
			props: { listing, freshDeviceLabel: 'x', onsweep: vi.fn(), report: complete }
		});
		expect(screen.getByRole('status')).toHaveTextContent(
			'Sweep complete: your identity is secured'
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
		expect(alert).toHaveTextContent('1 selected device(s) are still there');
		expect(alert).toHaveTextContent('1 new device(s) appeared');
		expect(alert).toHaveTextContent('Your phrase is not protected yet');
		await rerender({ report: undefined, error: 'Internet Identity did not answer. Try again.' });
		expect(screen.getByRole('alert')).toHaveTextContent('did not answer');
	});
});
