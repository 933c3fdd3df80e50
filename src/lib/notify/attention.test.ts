import { describe, expect, it } from 'vitest';
import {
	guardianAttention,
	newNotices,
	notificationReach,
	ownerAttention,
	REACH_TEXT
} from './attention';

describe('what needs a person', () => {
	it('every open request on an owner vault (one per sponsor); not a released one', () => {
		const notices = ownerAttention([
			{
				anchor: 10042n,
				requests: [
					{ requestId: 5n, status: 'open' },
					{ requestId: 7n, status: 'open' }
				]
			},
			{ anchor: 10043n, requests: [{ requestId: 6n, status: 'released' }] },
			{ anchor: 10044n, requests: [] }
		]);
		expect(notices.map(({ key }) => key)).toEqual(['owner-request-5', 'owner-request-7']);
		expect(notices[0]).toMatchObject({ path: '/owner' });
		expect(notices[0]?.body).toMatch(/10042.*raise the alarm/u);
	});

	it('a guardian request not answered yet; not one they voted on, not a released one', () => {
		const notices = guardianAttention([
			{ anchor: 10042n, requests: [{ requestId: 5n, status: 'open', myVote: undefined }] },
			{ anchor: 10043n, requests: [{ requestId: 6n, status: 'open', myVote: 'approved' }] },
			{ anchor: 10044n, requests: [{ requestId: 8n, status: 'released', myVote: undefined }] },
			{ anchor: 10045n, requests: [] }
		]);
		expect(notices.map(({ key }) => key)).toEqual(['guardian-request-5']);
		expect(notices[0]?.body).toMatch(/Call the owner/u);
	});
});

describe('which notices to show', () => {
	const a = { key: 'a', title: 'A', body: '', path: '/owner' as const };
	const b = { key: 'b', title: 'B', body: '', path: '/guardian' as const };

	it('shows each thing once while it lasts, and again if it comes back', () => {
		let state = newNotices(new Set(), [a]);
		expect(state.show).toEqual([a]);
		state = newNotices(state.seen, [a, b]);
		expect(state.show).toEqual([b]);
		state = newNotices(state.seen, [a, b]);
		expect(state.show).toEqual([]);
		state = newNotices(state.seen, [b]);
		expect(state.show).toEqual([]);
		state = newNotices(state.seen, [a, b]);
		expect(state.show).toEqual([a]);
	});
});

describe('how far notices reach', () => {
	it('says so for every case', () => {
		expect(notificationReach({ supported: false, permission: 'granted', periodicSync: true })).toBe(
			'unsupported'
		);
		expect(notificationReach({ supported: true, permission: 'denied', periodicSync: false })).toBe(
			'denied'
		);
		expect(notificationReach({ supported: true, permission: 'default', periodicSync: false })).toBe(
			'ask'
		);
		expect(notificationReach({ supported: true, permission: 'granted', periodicSync: false })).toBe(
			'while-open'
		);
		expect(notificationReach({ supported: true, permission: 'granted', periodicSync: true })).toBe(
			'background'
		);
		// wherever notices reach, the text still tells people to call
		for (const reach of ['unsupported', 'while-open', 'background'] as const) {
			expect(REACH_TEXT[reach]).toMatch(/call/u);
		}
	});
});
