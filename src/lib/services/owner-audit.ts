// The owner's history: audit events in plain words, with the guardian's name where one is meant.
import type { AuditEvent, OwnerVaultView } from '../canisters/vault.canister';
import { auditWords } from './audit-words';

const SLOT_EVENTS = new Set(['invite-accepted', 'guardian-resigned']);
const SHARE_EVENTS = new Set(['checked-in', 'approved', 'declined']);

/**
 * An audit event in plain words, with the guardian's name where the event names one: `index` is
 * a slot for invitations and resignations, a position in the seal's shares for votes and
 * check-ins (the name is the current slot of that share's guardian, if still there).
 */
export function describeAuditEvent(event: AuditEvent, vault: OwnerVaultView): string {
	const text = auditWords(event.kind, 'owner');
	let label: string | undefined;
	if (SLOT_EVENTS.has(event.kind)) label = vault.slots[event.index]?.label;
	if (SHARE_EVENTS.has(event.kind)) {
		const guardian = vault.shares[event.index]?.guardian.toText();
		label = vault.slots.find((slot) => slot.guardian?.toText() === guardian)?.label;
	}
	return label ? `${text}: ${label}` : text;
}

export const NS_PER_MS = 1_000_000n;
export const nsToMs = (ns: bigint): number => Number(ns / NS_PER_MS);
