// The audit log's events in plain words: one source for the owner's and the guardians' history.

/** Who reads the history: the owner is "you", a guardian reads about "the owner". */
export type AuditReader = 'owner' | 'guardian';

const WORDS: Record<string, string> = {
	'vault-created': 'Vault created',
	'invite-accepted': 'A guardian accepted an invitation',
	'guardians-updated': 'The guardians were changed',
	sealed: 'Shares sealed',
	'delay-changed': 'The waiting period was changed',
	'guardian-resigned': 'A guardian stepped down',
	'checked-in': 'A guardian checked in',
	'recovery-opened': 'Someone asked to recover the phrase',
	approved: 'A guardian approved the recovery',
	declined: 'A guardian declined the recovery',
	'recovery-cancelled': 'The recovery was cancelled with the phrase',
	'recovery-failed': 'The recovery failed',
	released: 'The phrase was released to the requester'
};

const BY_READER: Record<AuditReader, Record<string, string>> = {
	owner: { 'alarm-raised': 'You raised the alarm' },
	guardian: { 'alarm-raised': 'The owner raised the alarm' }
};

/** An event kind in plain words; a kind this app does not know yet is shown as it is. */
export function auditWords(kind: string, reader: AuditReader): string {
	return BY_READER[reader][kind] ?? WORDS[kind] ?? kind.replace(/-/gu, ' ');
}
