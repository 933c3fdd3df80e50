import { describe, expect, it } from 'vitest';
import { AUDIT_KINDS } from '@tessera/contract/vault';
import { auditWords } from './audit-words';

describe('auditWords', () => {
	it('names every audit event kind the canister records, for owner and guardians', () => {
		for (const reader of ['owner', 'guardian'] as const) {
			for (const kind of AUDIT_KINDS) expect(auditWords(kind, reader)).not.toContain('-');
		}
		expect(auditWords('sealed', 'owner')).toBe(auditWords('sealed', 'guardian'));
	});

	it('speaks to the owner as "you"', () => {
		expect(auditWords('alarm-raised', 'owner')).toBe('You raised the alarm');
		expect(auditWords('alarm-raised', 'guardian')).toBe('The owner raised the alarm');
	});

	it('shows a kind it does not know in words', () => {
		expect(auditWords('something-new', 'guardian')).toBe('something new');
	});
});
