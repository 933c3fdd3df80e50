import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { seriousViolations } from '../../../../tests/support/axe';
import ShareLink from '../ui/ShareLink.svelte';
import NoticeSettings from './NoticeSettings.svelte';
import RemindMe from './RemindMe.svelte';

describe('NoticeSettings', () => {
	it('asks permission, then says notices reach only while open and people should call', async () => {
		const onask = vi.fn(async () => ({
			supported: true,
			permission: 'granted' as const,
			periodicSync: false
		}));
		const { container } = render(NoticeSettings, {
			support: { supported: true, permission: 'default', periodicSync: false },
			onask
		});
		expect(screen.getByTestId('notice-reach')).toHaveTextContent(/can notify this browser/u);
		await userEvent.click(screen.getByRole('button', { name: 'Notify me in this browser' }));
		expect(onask).toHaveBeenCalledOnce();
		expect(screen.getByTestId('notice-reach')).toHaveTextContent(
			/while a Tessera tab or the installed app is open.*call you/u
		);
		expect(screen.queryByRole('button', { name: 'Notify me in this browser' })).toBeNull();
		expect(await seriousViolations(container)).toEqual([]);
	});

	it('says where it cannot reach at all', () => {
		render(NoticeSettings, {
			support: { supported: false, permission: 'denied', periodicSync: false },
			onask: vi.fn()
		});
		expect(screen.getByTestId('notice-reach')).toHaveTextContent(/cannot show notifications/u);
		expect(screen.queryByRole('button')).toBeNull();
	});
});

describe('RemindMe', () => {
	afterEach(() => vi.restoreAllMocks());

	it('downloads a calendar file with the reminder', async () => {
		const blobs: Blob[] = [];
		URL.createObjectURL = vi.fn((blob: Blob) => {
			blobs.push(blob);
			return 'blob:reminder';
		});
		URL.revokeObjectURL = vi.fn();
		const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
		render(RemindMe, {
			id: 'owner-review-7',
			title: 'Tessera: look at your guardians',
			description: 'Open your vault.',
			url: 'https://tessera.test/owner'
		});
		await userEvent.click(screen.getByRole('button', { name: 'Remind me in my calendar' }));
		expect(click).toHaveBeenCalledOnce();
		expect(blobs[0]?.type).toBe('text/calendar');
		const ics = await blobs[0]!.text();
		expect(ics).toContain('UID:owner-review-7@tessera');
		expect(ics).toContain('RRULE:FREQ=MONTHLY;INTERVAL=3');
	});
});

describe('ShareLink', () => {
	afterEach(() => {
		Reflect.deleteProperty(navigator, 'share');
	});

	it('offers only copying where there is no share sheet', () => {
		render(ShareLink, { url: 'https://t.test/invite#s', title: 't', text: 'x', label: 'for Bob' });
		expect(screen.queryByRole('button', { name: 'Share link for Bob' })).toBeNull();
		expect(screen.getByRole('button', { name: 'Copy link for Bob' })).toBeInTheDocument();
	});

	it('opens the share sheet with the link where there is one; closing it is no failure', async () => {
		const share = vi
			.fn()
			.mockRejectedValueOnce(new DOMException('closed', 'AbortError'))
			.mockRejectedValueOnce(new Error('broken'));
		Object.defineProperty(navigator, 'share', { value: share, configurable: true });
		render(ShareLink, { url: 'https://t.test/invite#s', title: 't', text: 'x', label: 'for Bob' });
		await userEvent.click(screen.getByRole('button', { name: 'Share link for Bob' }));
		expect(share).toHaveBeenCalledWith({ url: 'https://t.test/invite#s', title: 't', text: 'x' });
		expect(screen.queryByText(/Sharing failed/u)).toBeNull();
		await userEvent.click(screen.getByRole('button', { name: 'Share link for Bob' }));
		expect(await screen.findByText(/Sharing failed: copy the link instead/u)).toBeVisible();
		expect(screen.getByRole('button', { name: 'Copy link for Bob' })).toBeInTheDocument();
	});
});
