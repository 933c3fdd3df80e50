import { Principal } from '@dfinity/principal';
import { describe, expect, test } from 'vitest';
import type { OwnerVaultView } from '../canisters/vault.canister';
import { describeAuditEvent } from './owner-audit';

const [A, B, C] = [1, 2, 3].map((i) => Principal.fromUint8Array(Uint8Array.of(i))) as [
	Principal,
	Principal,
	Principal
];
// Bob's slot came after a rotation: share order (A, C) differs from slot order (A, B, C).
const vault = {
	slots: [
		{ label: 'Alice', guardian: A, inviteExpiresAt: undefined },
		{ label: 'Bob', guardian: B, inviteExpiresAt: undefined },
		{ label: 'Carol', guardian: C, inviteExpiresAt: undefined }
	],
	shares: [
		{ guardian: A, lastCheckInAt: 0n },
		{ guardian: C, lastCheckInAt: 0n }
	]
} as unknown as OwnerVaultView;

describe('describeAuditEvent', () => {
	const event = (kind: string, index: number) =>
		({ kind, index, at: 0n, ref: 0n }) as Parameters<typeof describeAuditEvent>[0];

	test('slot events name the slot; share events the share’s guardian', () => {
		expect(describeAuditEvent(event('invite-accepted', 1), vault)).toBe(
			'A guardian accepted an invitation: Bob'
		);
		expect(describeAuditEvent(event('checked-in', 1), vault)).toBe('A guardian checked in: Carol');
		expect(describeAuditEvent(event('approved', 0), vault)).toBe(
			'A guardian approved the recovery: Alice'
		);
	});

	test('events without a guardian, out-of-range indexes and unknown kinds stay readable', () => {
		expect(describeAuditEvent(event('sealed', 255), vault)).toBe('Shares sealed');
		expect(describeAuditEvent(event('declined', 7), vault)).toBe(
			'A guardian declined the recovery'
		);
		expect(describeAuditEvent(event('something-new', 255), vault)).toBe('something new');
	});
});
