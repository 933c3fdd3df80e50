// The recovery e-mail (II 2.0: `email_recovery` in identity_info, removed with
// email_recovery_credential_remove; set up in II by a DKIM-verified e-mail, see II's
// docs/ongoing/email-recovery.md). There is no SMTP here, so the stand-in attaches one through a
// local-only method; removal is II's own method with II's errors.
import type { Anchor } from './anchor';
import { err, ok, type Result } from './errors';
import type { EmailRecovery } from './identity-state';
import { keyInUse } from './routes';

export type EmailAddError = 'InvalidEmailAddress' | 'AddressAlreadyRegistered' | 'LimitReached';

/** II keeps at most one recovery e-mail per identity (the `vec` in identity_info holds one). */
export const MAX_RECOVERY_EMAILS = 1;

/** A shape check in the spirit of II's: one `@`, non-empty parts, no whitespace, sane length. */
export function isEmailAddress(address: string): boolean {
	const parts = address.split('@');
	return (
		parts.length === 2 &&
		parts.every((p) => p.length > 0) &&
		!/\s/.test(address) &&
		address.length <= 254
	);
}

export function addEmailRecovery(
	anchor: Anchor,
	email: EmailRecovery
): Result<Anchor, EmailAddError> {
	if (!isEmailAddress(email.address)) return err('InvalidEmailAddress');
	if (anchor.emailRecovery?.address === email.address) return err('AddressAlreadyRegistered');
	if (anchor.emailRecovery !== undefined || keyInUse(anchor, email.signInKey)) {
		return err(anchor.emailRecovery !== undefined ? 'LimitReached' : 'AddressAlreadyRegistered');
	}
	return ok({ ...anchor, emailRecovery: email });
}

export function removeEmailRecovery(
	anchor: Anchor,
	address: string
): Result<Anchor, 'AddressNotRegistered'> {
	if (anchor.emailRecovery?.address !== address) return err('AddressNotRegistered');
	return ok({ ...anchor, emailRecovery: undefined });
}
