// Who may call what: one table for every update method, read by the operations' docs, the
// README and the authorization matrix test. The operations enforce these rules in code; the
// matrix test proves each role gets exactly what its row allows.

/** Roles relative to one vault or request. "controller" has no power in the domain at all. */
export const ROLES = [
	'anonymous',
	'stranger',
	'owner',
	'guardian',
	'requester',
	'controller',
	'phraseSigned'
] as const;
export type Role = (typeof ROLES)[number];

export type Rule =
	/** Valid phrase signature over this exact operation; the caller is irrelevant (a recovering
	 * owner may hold nothing but the phrase), so even an anonymous caller may submit it. */
	| 'phrase-signed'
	/** Phrase-signed proof of possession from an authenticated caller, who becomes the owner. */
	| 'phrase-signed-authenticated'
	/** Holder of the invitation secret, authenticated, not the owner, not yet a guardian. */
	| 'invite-secret'
	/** A guardian of the vault (for recovery: one whose share is in the vault's seal). */
	| 'guardian'
	/** The owner principal P_O recorded at create. */
	| 'owner'
	/** The principal that opened the request. */
	| 'requester'
	/** Any authenticated principal (a requester is a fresh self-authenticating key). */
	| 'authenticated';

export interface Authorization {
	rule: Rule;
	why: string;
}

export const AUTHORIZATION = {
	createVault: {
		rule: 'phrase-signed-authenticated',
		why: 'binds the vault to the phrase key and records the caller as owner'
	},
	updateGuardians: { rule: 'phrase-signed', why: 'changing guardians weakens the vault' },
	acceptInvite: { rule: 'invite-secret', why: 'the one-time secret is the authority' },
	seal: { rule: 'phrase-signed', why: 'the owner commits to shares, threshold and guardians' },
	setDelay: { rule: 'phrase-signed', why: 'a shorter delay weakens the vault' },
	deleteVault: { rule: 'phrase-signed', why: 'deleting destroys the backup' },
	resign: { rule: 'guardian', why: 'a guardian may always step down' },
	checkIn: { rule: 'guardian', why: 'plus a signature by the share-derived check key' },
	openRecovery: { rule: 'authenticated', why: 'anyone may ask; guardians and time decide' },
	approveRecovery: { rule: 'guardian', why: 'only sealed guardians hold shares' },
	declineRecovery: { rule: 'guardian', why: 'only sealed guardians vote' },
	raiseAlarm: { rule: 'owner', why: 'a device of the owner warns guardians; it cannot cancel' },
	cancelRecovery: { rule: 'phrase-signed', why: 'only the phrase holder can stop a recovery' },
	release: { rule: 'requester', why: 'shares go only to the requester, when releasable' }
} as const satisfies Record<string, Authorization>;

export type Operation = keyof typeof AUTHORIZATION;

/** The roles a rule lets through, given they bring what the rule needs (secret, signature). */
export function allowedRoles(rule: Rule): readonly Role[] {
	switch (rule) {
		case 'phrase-signed':
		case 'phrase-signed-authenticated':
			return ['phraseSigned'];
		case 'invite-secret':
			return ['stranger', 'requester', 'controller', 'phraseSigned'];
		case 'guardian':
			return ['guardian'];
		case 'owner':
			return ['owner'];
		case 'requester':
			return ['requester'];
		case 'authenticated':
			return ['stranger', 'owner', 'guardian', 'requester', 'controller', 'phraseSigned'];
	}
}
