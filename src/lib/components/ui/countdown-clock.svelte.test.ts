// Countdowns count on the replica's clock (canisters/replica-clock.ts), not the browser's: once
// an agent has measured that the replica is three days ahead (devnet's `time advance 72h`), a
// deadline the canister stated is three days nearer.
import { render, screen } from '@testing-library/svelte';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { replicaClock } from '$lib/canisters/replica-clock';
import RequestProgress from '../recovery/RequestProgress.svelte';
import Countdown from './Countdown.svelte';

const HOUR_MS = 3_600_000;
const BROWSER_NOW = Date.UTC(2026, 0, 1);

beforeEach(() => {
	vi.useFakeTimers({ now: BROWSER_NOW });
	replicaClock.setOffset(0);
});
afterEach(() => {
	vi.useRealTimers();
	replicaClock.setOffset(0);
});

it('counts a canister deadline down on the replica’s clock, and follows a new sync', async () => {
	const releasableAt = BROWSER_NOW + 100 * HOUR_MS; // as the canister states it
	render(Countdown, { until: releasableAt });
	expect(screen.getByText('4 days 4 hours')).toBeInTheDocument();
	replicaClock.setOffset(72 * HOUR_MS); // the agent resynced after the replica's clock jumped
	await vi.advanceTimersByTimeAsync(1000);
	expect(screen.getByText('1 day 3 hours')).toBeInTheDocument();
});

it('a request’s remaining time counts from the replica’s now', async () => {
	replicaClock.setOffset(72 * HOUR_MS);
	const request = {
		requestId: 1n,
		vaultId: 1n,
		anchor: 10000n,
		requester: { toText: () => 'aaaaa-aa' },
		status: 'open',
		openedAt: 0n,
		releasableAt: 0n,
		expiresAt: 0n,
		remainingNs: 28n * 3_600n * 1_000_000_000n,
		threshold: 2,
		guardianCount: 3,
		approvals: 0,
		declines: 0,
		alarmRaisedAt: undefined
	};
	render(RequestProgress, { request: request as never, onrelease: () => {} });
	expect(screen.getByText('1 day 4 hours')).toBeInTheDocument();
	await vi.advanceTimersByTimeAsync(3_600_000);
	expect(screen.getByText('1 day 3 hours')).toBeInTheDocument();
});
