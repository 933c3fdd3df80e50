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
	/** The vault's phrase identity: II's Ed25519 phrase key sending the call itself. */
	'phraseIdentity',
	/** A share's check identity (key derived from the decrypted share envelope). */
	'checkIdentity'
] as const;
export type Role = (typeof ROLES)[number];

export type Rule =
	/** Sent by the vault's phrase identity (the IC verified its signature), with the vault's
	 * operation counter as nonce. A recovering owner holding only the phrase can send it. */
	| 'phrase-identity'
	/** Sent by the phrase identity of a key on the anchor (II checked), with the anchor's create
	 * nonce; names the owner principal. */
	| 'phrase-identity-create'
	/** Sent by the check identity of one of the vault's sealed shares, with its counter. */
	| 'check-identity'
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
		rule: 'phrase-identity-create',
		why: 'binds the vault to the phrase key and records the named owner'
	},
	updateGuardians: { rule: 'phrase-identity', why: 'changing guardians weakens the vault' },
	acceptInvite: { rule: 'invite-secret', why: 'the one-time secret is the authority' },
	seal: { rule: 'phrase-identity', why: 'the owner commits to shares, threshold and guardians' },
	setDelay: { rule: 'phrase-identity', why: 'a shorter delay weakens the vault' },
	deleteVault: { rule: 'phrase-identity', why: 'deleting destroys the backup' },
	resign: { rule: 'guardian', why: 'a guardian may always step down' },
	checkIn: { rule: 'check-identity', why: 'only who can decrypt the share holds its key' },
	openRecovery: { rule: 'authenticated', why: 'anyone may ask; guardians and time decide' },
	approveRecovery: { rule: 'guardian', why: 'only sealed guardians hold shares' },
	declineRecovery: { rule: 'guardian', why: 'only sealed guardians vote' },
	raiseAlarm: { rule: 'owner', why: 'a device of the owner warns guardians; it cannot cancel' },
	cancelRecovery: { rule: 'phrase-identity', why: 'only the phrase holder can stop a recovery' },
	release: { rule: 'requester', why: 'shares go only to the requester, when releasable' }
} as const satisfies Record<string, Authorization>;

export type Operation = keyof typeof AUTHORIZATION;

/** The roles a rule lets through, given they bring what the rule needs (secret, nonce). */
export function allowedRoles(rule: Rule): readonly Role[] {
	switch (rule) {
		case 'phrase-identity':
		case 'phrase-identity-create':
			return ['phraseIdentity'];
		case 'check-identity':
			return ['checkIdentity'];
		case 'invite-secret':
			return ['stranger', 'requester', 'controller', 'phraseIdentity', 'checkIdentity'];
		case 'guardian':
			return ['guardian'];
		case 'owner':
			return ['owner'];
		case 'requester':
			return ['requester'];
		case 'authenticated':
			return [
				'stranger',
				'owner',
				'guardian',
				'requester',
				'controller',
				'phraseIdentity',
				'checkIdentity'
			];
	}
}
