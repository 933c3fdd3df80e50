// Input validation: every argument from a caller passes through one of these before it is used.
import type { Principal } from '@dfinity/principal';
import { fail, invalid } from './errors';
import { labelProblem, LIMITS, type LabelProblem } from '@tessera/contract';
import { principalKey } from './principals';
import { utf8Length } from './utf8';
import type { InviteSpec, ShareSubmission, SlotSpec } from '@tessera/contract/vault';

const MAX_U64 = (1n << 64n) - 1n;
/** 28-byte SHA-224 of the DER public key and the 0x02 self-authenticating tag. */
const SELF_AUTHENTICATING_BYTES = 29;

export function requireAuthenticated(caller: Principal): void {
	if (caller.isAnonymous()) fail({ kind: 'AnonymousCaller' });
}

/** The owner principal named at create: a real principal, not the phrase identity itself. */
export function owner(value: Principal, phrasePrincipal: Principal): Principal {
	if (value.isAnonymous()) invalid('owner', 'anonymous');
	if (value.compareTo(phrasePrincipal) === 'eq') invalid('owner', 'the phrase identity');
	if (value.toUint8Array().length > LIMITS.maxPrincipalBytes) invalid('owner', 'too long');
	return value;
}

export function u64(field: string, value: bigint): bigint {
	if (value < 0n || value > MAX_U64) invalid(field, 'not a u64');
	return value;
}

export function fixedBytes(field: string, value: Uint8Array, length: number): Uint8Array {
	if (value.length !== length) invalid(field, `must be ${length} bytes`);
	return value;
}

const LABEL_REASONS: Record<LabelProblem, string> = {
	empty: 'empty',
	'too-long': `over ${LIMITS.maxLabelBytes} bytes`,
	'control-character': 'control character',
	'format-character': 'format character (bidi control, zero-width)',
	'not-normalized': 'not Unicode NFC',
	untrimmed: 'leading or trailing space'
};

/** The contract's label rule, with the canister's fast UTF-8 length. */
export function label(value: string, field = 'label'): string {
	const problem = labelProblem(value, utf8Length);
	if (problem) invalid(field, LABEL_REASONS[problem]);
	return value;
}

/** The principal a request releases to: a real, bounded principal. */
export function requester(value: Principal): Principal {
	if (value.isAnonymous()) invalid('requester', 'anonymous');
	const length = value.toUint8Array().length;
	if (length === 0 || length > LIMITS.maxPrincipalBytes) invalid('requester', 'bad length');
	return value;
}

/** One 32-byte commitment per share. */
export function shareCommitments(values: Uint8Array[], shares: number): Uint8Array[] {
	if (values.length !== shares) invalid('shareCommitments', 'one per share');
	return values.map((value) => fixedBytes('shareCommitments', value, LIMITS.hashBytes));
}

export function delay(value: bigint): bigint {
	if (value < LIMITS.minDelayNs) invalid('delayNs', 'below the minimum (24 h)');
	if (value > LIMITS.maxDelayNs) invalid('delayNs', 'above the maximum (30 days)');
	return value;
}

export function invite(spec: InviteSpec): InviteSpec {
	return { label: label(spec.label), inviteHash: fixedBytes('inviteHash', spec.inviteHash, 32) };
}

export function slotCount(count: number): void {
	if (count < LIMITS.minSlots || count > LIMITS.maxSlots) {
		invalid('slots', `between ${LIMITS.minSlots} and ${LIMITS.maxSlots} guardians`);
	}
}

export function slotSpecs(specs: SlotSpec[], existingSlots: number): SlotSpec[] {
	slotCount(specs.length);
	const kept = new Set<number>();
	for (const spec of specs) {
		if ('keep' in spec) {
			if (!Number.isInteger(spec.keep) || spec.keep < 0 || spec.keep >= existingSlots) {
				invalid('slots', 'keep index out of range');
			}
			if (kept.has(spec.keep)) invalid('slots', 'slot kept twice');
			kept.add(spec.keep);
		} else invite(spec.invite);
	}
	return specs;
}

export function threshold(value: number, slots: number): number {
	if (!Number.isInteger(value) || value < LIMITS.minThreshold || value > slots) {
		invalid('threshold', `must satisfy ${LIMITS.minThreshold} <= m <= n`);
	}
	return value;
}

export function shareCiphertext(field: string, value: Uint8Array): Uint8Array {
	if (
		value.length < LIMITS.minShareCiphertextBytes ||
		value.length > LIMITS.maxShareCiphertextBytes
	) {
		invalid(
			field,
			`must be ${LIMITS.minShareCiphertextBytes}..${LIMITS.maxShareCiphertextBytes} bytes`
		);
	}
	return value;
}

export function shares(values: ShareSubmission[], slots: number): ShareSubmission[] {
	if (values.length !== slots) invalid('shares', 'one share per slot');
	const checkPrincipals = new Set<string>();
	for (const share of values) {
		shareCiphertext('shares.ciphertext', share.ciphertext);
		checkPrincipal(share.checkPrincipal);
		checkPrincipals.add(principalKey(share.checkPrincipal));
	}
	if (checkPrincipals.size !== values.length) invalid('shares.checkPrincipal', 'must be distinct');
	return values;
}

/** Self-authenticating: sha224(DER public key) || 0x02, the shape of every key's principal. */
function checkPrincipal(value: Principal): void {
	const bytes = value.toUint8Array();
	if (bytes.length !== SELF_AUTHENTICATING_BYTES || bytes[bytes.length - 1] !== 0x02) {
		invalid('shares.checkPrincipal', 'not a self-authenticating principal');
	}
}

export function secret(value: Uint8Array): Uint8Array {
	if (value.length < 16 || value.length > 64) invalid('secret', 'must be 16..64 bytes');
	return value;
}
