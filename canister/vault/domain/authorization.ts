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
	/** The phrase identity with the vault's nonce, or the request's sponsoring guardian. */
	| 'phrase-identity-or-sponsor'
	/** The request's requester, its sponsor, a share holder of its vault, or the owner. */
	| 'request-party'
	/** The owner principal P_O recorded at create. */
	| 'owner'
	/** The principal the request releases to (P_R, named by the sponsoring guardian). */
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
		why: 'binds the vault to the phrase key and records the named owner (checked before II is called)'
	},
	confirmVault: {
		rule: 'owner',
		why: 'anyone can name anyone as owner: only P_O puts the vault into its own index'
	},
	updateGuardians: { rule: 'phrase-identity', why: 'changing guardians weakens the vault' },
	acceptInvite: { rule: 'invite-secret', why: 'the one-time secret is the authority' },
	seal: { rule: 'phrase-identity', why: 'the owner commits to shares, threshold and guardians' },
	setDelay: { rule: 'phrase-identity', why: 'a shorter delay weakens the vault' },
	deleteVault: { rule: 'phrase-identity', why: 'deleting destroys the backup' },
	resign: { rule: 'guardian', why: 'a guardian may always step down' },
	checkIn: { rule: 'check-identity', why: 'only who can decrypt the share holds its key' },
	openRecovery: {
		rule: 'guardian',
		why: 'a share holder opens for the requester after checking the code: strangers create nothing'
	},
	approveRecovery: { rule: 'guardian', why: 'only sealed guardians hold shares' },
	declineRecovery: { rule: 'guardian', why: 'only sealed guardians vote' },
	raiseAlarm: {
		rule: 'owner',
		why: "information from the owner's device (a thief may hold it): extends the delay once"
	},
	cancelRecovery: {
		rule: 'phrase-identity-or-sponsor',
		why: 'the phrase holder stops any request; a sponsor withdraws its own'
	},
	releaseRecovery: { rule: 'requester', why: 'shares go only to the requester, when releasable' },
	recoveryRequest: { rule: 'request-party', why: 'the parties read the request, certified' },
	requesterRequests: { rule: 'authenticated', why: "the caller's own requests as requester" },
	sharesKey: {
		rule: 'guardian',
		why: 'only a share holder of a sealed vault, SHARES_KEY_PER_DAY a day'
	}
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
		case 'phrase-identity-or-sponsor':
			return ['phraseIdentity', 'guardian'];
		case 'request-party':
			return ['owner', 'guardian', 'requester'];
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
