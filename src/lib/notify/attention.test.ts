import { describe, expect, it } from 'vitest';
import {
	guardianAttention,
	newNotices,
	notificationReach,
	ownerAttention,
	REACH_TEXT
} from './attention';

describe('what needs a person', () => {
	it('an open request on an owner vault; not a closed one', () => {
		const notices = ownerAttention([
			{ vaultId: 1n, anchor: 10042n, activeRequest: { requestId: 5n, status: 'open' } },
			{ vaultId: 2n, anchor: 10043n, activeRequest: { requestId: 6n, status: 'released' } },
			{ vaultId: 3n, anchor: 10044n, activeRequest: undefined }
		]);
		expect(notices).toHaveLength(1);
		expect(notices[0]).toMatchObject({ key: 'owner-request-5', path: '/owner' });
		expect(notices[0]?.body).toMatch(/10042.*raise the alarm/u);
	});

	it('a guardian request not answered yet; not one they voted on', () => {
		const notices = guardianAttention([
			{ vaultId: 1n, anchor: 10042n, pendingRequest: { requestId: 5n, myVote: undefined } },
			{ vaultId: 2n, anchor: 10043n, pendingRequest: { requestId: 6n, myVote: 'approved' } },
			{ vaultId: 3n, anchor: 10044n }
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
